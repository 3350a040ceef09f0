/**
 * The text-repair pipeline of `report fix`, one string in, one string out:
 * mojibake repair → punctuation (--punct) → unrecoverable characters → boilerplate
 * (--strip-boilerplate) → hard-wrap joining (--unwrap).
 * The per-line steps keep line N as line N, so every change has the input's line and column.
 */
import { repairLine } from './mojibake.js';
import { normalizePunctuation } from './punctuation.js';
import { findUnrecoverable, type Unrecoverable } from './unrecoverable.js';
import { stripBoilerplate, type RemovedLine } from './boilerplate.js';
import { unwrap } from './unwrap.js';

export interface FixOptions {
  /** Mojibake repair (on unless turned off). */
  repair?: boolean;
  punctuation?: boolean;
  stripBoilerplate?: boolean;
  unwrap?: boolean;
}

export interface TextChange {
  line: number;
  column: number;
  /** mojibake (with how it was misread), punctuation. */
  kind: string;
  before: string;
  after: string;
}

export interface FixResult {
  text: string;
  changes: TextChange[];
  removed: RemovedLine[];
  unrecoverable: Unrecoverable[];
  joins: number;
}

/** Lines with their own line ends, so CRLF files come back CRLF. */
function splitLines(text: string): Array<{ line: string; end: string }> {
  const parts = text.split(/(\r\n|\n|\r)/);
  const lines: Array<{ line: string; end: string }> = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ line: parts[i]!, end: parts[i + 1] ?? '' });
  return lines;
}

export function fixText(text: string, options: FixOptions = {}): FixResult {
  const changes: TextChange[] = [];
  const lines = splitLines(text).map(({ line, end }, index) => {
    let current = line;
    if (options.repair !== false) {
      const repaired = repairLine(current);
      for (const c of repaired.changes) changes.push({ line: index + 1, column: c.column, kind: `mojibake (${c.kind})`, before: c.before, after: c.after });
      current = repaired.text;
    }
    if (options.punctuation) {
      const normalized = normalizePunctuation(current);
      for (const c of normalized.changes) changes.push({ line: index + 1, column: c.column, kind: 'punctuation', before: c.before, after: c.after });
      current = normalized.text;
    }
    return current + end;
  });
  let result = lines.join('');
  const unrecoverable = findUnrecoverable(result);
  let removed: RemovedLine[] = [];
  if (options.stripBoilerplate) {
    const stripped = stripBoilerplate(result);
    removed = stripped.removed;
    result = stripped.text;
  }
  let joins = 0;
  if (options.unwrap) {
    const unwrapped = unwrap(result);
    joins = unwrapped.joins.length;
    result = unwrapped.text;
  }
  return { text: result, changes, removed, unrecoverable, joins };
}
