/**
 * Finds characters that no repair can bring back, so `report fix` and `report build` can point
 * the clerk at them (FILE:LINE:COL) instead of passing them on silently.
 *
 * - U+FFFD: a decoder met bytes it could not read and dropped them.
 * - 锟斤拷: U+FFFD written as UTF-8 (EF BF BD) and read back as GBK; every pair of U+FFFD gives
 *   锟斤拷, so a run of them (or of its halves 锟斤 / 斤拷) is one lost stretch of text.
 * - 烫烫烫 / 屯屯屯: a C program printed uninitialised memory; MSVC fills the stack with 0xCC
 *   and the heap with 0xCD, which read as GBK are 烫 and 屯. Two of them can be real words
 *   (烫烫的), so only runs of three or more count.
 *
 * Pure: string in, findings out. Lines split like fix-text.ts (CRLF, LF or CR); columns are
 * 1-based UTF-16 units, as editors and `FILE:LINE:COL` expect.
 */

export interface Unrecoverable {
  line: number;
  column: number;
  /** Where it starts in the whole text (UTF-16 units). */
  offset: number;
  text: string;
  kind: 'replacement-character' | 'kunjinkao' | 'tangtang' | 'tuntun';
}

const PATTERNS: ReadonlyArray<readonly [Unrecoverable['kind'], RegExp]> = [
  ['replacement-character', /\uFFFD+/g],
  // An odd number of U+FFFD ends the run with a lone 锟 (EF BF), so it belongs to the run.
  ['kunjinkao', /(?:锟斤拷|锟斤|斤拷)+锟?/g],
  ['tangtang', /烫{3,}/g],
  ['tuntun', /屯{3,}/g],
];

export function findUnrecoverable(text: string): Unrecoverable[] {
  const found: Unrecoverable[] = [];
  let lineStart = 0;
  for (const [index, line] of text.split(/\r\n|\n|\r/).entries()) {
    const onLine: Unrecoverable[] = [];
    for (const [kind, pattern] of PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        onLine.push({ line: index + 1, column: match.index + 1, offset: lineStart + match.index, text: match[0], kind });
      }
    }
    found.push(...onLine.sort((a, b) => a.column - b.column));
    lineStart += line.length + (text.startsWith('\r\n', lineStart + line.length) ? 2 : 1);
  }
  return found;
}
