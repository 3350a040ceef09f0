/**
 * Mojibake repair of every string in a record as `report build` reads it (before validation),
 * keys included, with a warning per change at the garbled text's own YAML position (where the
 * file writes it as it reads: else at the value), so the clerk can fix the source. Lost
 * characters (U+FFFD, 锟斤拷, 烫烫烫) are warnings too, or errors with --strict.
 *
 * With --no-repair and --strict nothing is changed, but lost characters still fail the record:
 * --strict asks for that, and it needs no repair.
 *
 * The fields that name files (`dictionary`, `template`, `data`) are left as they are: a file
 * may really be called ÖÐÐÄ.yaml, and "repairing" its name would lose it.
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
  /** False: change nothing, only look for lost characters (--no-repair with --strict). */
  repair?: boolean;
}

/** Top-level fields whose values are file names, not text. */
const FILE_NAME_FIELDS = new Set(['dictionary', 'template', 'data']);

export function repairRecordStrings(file: string, parsed: ParsedYaml, options: RepairRecordOptions = {}): { value: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const visit = (value: unknown, path: PathSegment[]): unknown => {
    if (path.length > 0 && path.length <= 2 && FILE_NAME_FIELDS.has(String(path[0]))) return value;
    if (typeof value === 'string') return repairString(value, path, 'value');
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      // A null-prototype copy: keys such as __proto__ stay data.
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [key, inner] of Object.entries(value)) {
        const repairedKey = repairString(key, [...path, key], 'key');
        // A repaired key that another key already has: the key stays as written (no value lost).
        const name = repairedKey !== key && Object.hasOwn(value, repairedKey) ? key : repairedKey;
        out[name] = visit(inner, [...path, key]);
      }
      return out;
    }
    return value;
  };
  const repairString = (text: string, path: PathSegment[], which: 'key' | 'value'): string => {
    // The n-th appearance of `piece` in the text up to `offset`: where to look for it in the file.
    const at = (piece: string, offset: number) => ({ text: piece, occurrence: countIn(text.slice(0, offset), piece) });
    let lineStart = 0;
    const repaired = options.repair === false ? text : text
      .split('\n')
      .map((line) => {
        const result = repairLine(line);
        for (const change of result.changes) {
          diagnostics.push({
            file,
            ...parsed.positionOf(path, which, at(change.before, lineStart + change.column - 1)),
            severity: 'warning',
            ...say('text/mojibake', { kind: repairKind(change.kind), before: change.before, after: change.after }),
          });
        }
        lineStart += line.length + 1;
        return result.text;
      })
      .join('\n');
    for (const lost of findUnrecoverable(repaired)) {
      diagnostics.push({
        file,
        ...parsed.positionOf(path, which, { text: lost.text, occurrence: countIn(repaired.slice(0, lost.offset), lost.text) }),
        severity: options.strict ? 'error' : 'warning',
        ...say('text/unrecoverable', { text: lost.text }),
      });
    }
    return repaired;
  };
  return { value: visit(parsed.value, []), diagnostics };
}

/** How many times `piece` appears in `text`, without overlaps. */
function countIn(text: string, piece: string): number {
  let n = 0;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length)) n++;
  return n;
}
