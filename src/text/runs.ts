/**
 * Tables of 65,536 small values (one per BMP code unit) stored as text in the generated data
 * files (han-classes.data.ts, code-pages.data.ts; scripts/generated-data.mjs writes them): the
 * runs of equal values from U+0000 up, each one number, (length − 1) × 2^bits + value, written
 * as little-endian groups of 5 bits, one character of RUN_DIGITS each, with 32 added to every
 * group but the last (so a short run of a small value is one character).
 */
export const RUN_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The table the runs in `lines` describe; `bits` per value; `what` names it in an error. */
export function decodeRuns(lines: readonly string[], bits: number, what: string): Uint8Array {
  const digit = new Uint8Array(128);
  for (let i = 0; i < RUN_DIGITS.length; i++) digit[RUN_DIGITS.charCodeAt(i)] = i;
  const mask = (1 << bits) - 1;
  const table = new Uint8Array(65536);
  let at = 0;
  let n = 0;
  let shift = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const d = digit[line.charCodeAt(i)]!;
      n |= (d & 31) << shift;
      if (d & 32) {
        shift += 5;
        continue;
      }
      const value = n & mask;
      const end = at + (n >>> bits) + 1;
      if (value !== 0) table.fill(value, at, end);
      at = end;
      n = 0;
      shift = 0;
    }
  }
  if (at !== table.length) throw new Error(`${what}: the runs cover ${at} code units, not 65,536`);
  return table;
}
