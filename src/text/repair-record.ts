/**
 * Mojibake repair of every string in a record as `report build` reads it (before validation),
 * with a warning per change at the YAML position of the value, so the clerk can fix the source.
 * Lost characters (U+FFFD, 锟斤拷, 烫烫烫) are warnings too, or errors with --strict.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedYaml, PathSegment } from '../records/parse-yaml.js';
import { repairLine } from './mojibake.js';
import { findUnrecoverable } from './unrecoverable.js';
import { say } from '../messages/index.js';
import { repairKind } from '../messages/repair-kinds.js';

export interface RepairRecordOptions {
  /** Lost characters are errors rather than warnings. */
  strict?: boolean;
}

export function repairRecordStrings(file: string, parsed: ParsedYaml, options: RepairRecordOptions = {}): { value: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const visit = (value: unknown, path: PathSegment[]): unknown => {
    if (typeof value === 'string') return repairString(value, path);
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      // A null-prototype copy: keys such as __proto__ stay data.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [key, inner] of Object.entries(value)) out[key] = visit(inner, [...path, key]);
      return out;
    }
    return value;
  };
  const repairString = (text: string, path: PathSegment[]): string => {
    const where = parsed.positionOf(path);
    const repaired = text
      .split('\n')
      .map((line) => {
        const result = repairLine(line);
        for (const change of result.changes) {
          diagnostics.push({
            file,
            ...where,
            severity: 'warning',
            ...say('text/mojibake', { kind: repairKind(change.kind), before: change.before, after: change.after }),
          });
        }
        return result.text;
      })
      .join('\n');
    for (const lost of findUnrecoverable(repaired)) {
      diagnostics.push({
        file,
        ...where,
        severity: options.strict ? 'error' : 'warning',
        ...say('text/unrecoverable', { text: lost.text }),
      });
    }
    return repaired;
  };
  return { value: visit(parsed.value, []), diagnostics };
}
