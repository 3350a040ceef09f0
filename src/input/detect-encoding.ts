/**
 * Which legacy Chinese encoding a file that is not UTF-8 is in: GB18030 (GBK, GB2312) or Big5.
 * Each interpretation parses the bytes into characters; the one whose characters fall in its
 * own common range (GB2312 level 1, B0A1–D7F9; Big5 frequent characters, A440–C67E) more
 * often, with fewer invalid sequences, wins. A whole file is long enough for this to be clear;
 * short strings are left to the mojibake repair's own scoring.
 */

export type LegacyEncoding = 'gb18030' | 'big5';

interface Tally {
  common: number;
  invalid: number;
  total: number;
}

/** How one character reads: its length in bytes, and whether it is common, merely valid or invalid. */
type Reading = readonly [length: number, kind: 'common' | 'valid' | 'invalid'];

/** Walks the non-ASCII characters of `bytes` as one encoding reads them (`read` at a byte ≥ 0x80). */
function tally(bytes: Uint8Array, read: (bytes: Uint8Array, i: number) => Reading): Tally {
  const t: Tally = { common: 0, invalid: 0, total: 0 };
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    t.total++;
    const [length, kind] = read(bytes, i);
    if (kind === 'common') t.common++;
    else if (kind === 'invalid') t.invalid++;
    i += length;
  }
  return t;
}

function readGb18030(bytes: Uint8Array, i: number): Reading {
  const b = bytes[i]!;
  const b2 = bytes[i + 1] ?? 0;
  if (b >= 0x81 && b <= 0xfe && b2 >= 0x30 && b2 <= 0x39) {
    // A four-byte GB18030 sequence: valid, but never a common character.
    const ok = (bytes[i + 2] ?? 0) >= 0x81 && (bytes[i + 3] ?? 0) >= 0x30 && (bytes[i + 3] ?? 0) <= 0x39;
    return [4, ok ? 'valid' : 'invalid'];
  }
  if (b >= 0x81 && b <= 0xfe && b2 >= 0x40 && b2 <= 0xfe && b2 !== 0x7f) {
    return [2, b >= 0xb0 && b <= 0xd7 && b2 >= 0xa1 && !(b === 0xd7 && b2 > 0xf9) ? 'common' : 'valid'];
  }
  return [1, 'invalid'];
}

function readBig5(bytes: Uint8Array, i: number): Reading {
  const b = bytes[i]!;
  const b2 = bytes[i + 1] ?? 0;
  if (!(b >= 0x81 && b <= 0xfe && ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0xa1 && b2 <= 0xfe)))) return [1, 'invalid'];
  if ((b >= 0xa4 && b < 0xc6) || (b === 0xc6 && b2 <= 0x7e)) return [2, 'common'];
  // Punctuation and symbols (A140–A3BF) are as good as common characters.
  if (b >= 0xa1 && b <= 0xa3) return [2, 'common'];
  // C6A1–C8FE and FA40+ hold user-defined characters: no real text uses them.
  if ((b === 0xc6 && b2 >= 0xa1) || b === 0xc7 || b === 0xc8 || b >= 0xfa) return [2, 'invalid'];
  return [2, 'valid'];
}

/** GB2312's punctuation rows (A1A1–A3FE) count as common for GB18030 too. */
function tallyGbPunctuation(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b >= 0xa1 && b <= 0xa3 && bytes[i + 1]! >= 0xa1) n++;
    i++;
  }
  return n;
}

/** The more plausible legacy encoding of bytes that are not valid UTF-8. */
export function detectLegacyEncoding(bytes: Uint8Array): LegacyEncoding {
  const gb = tally(bytes, readGb18030);
  gb.common += tallyGbPunctuation(bytes);
  const big5 = tally(bytes, readBig5);
  const score = (t: Tally) => (t.total === 0 ? 0 : (t.common - 3 * t.invalid) / t.total);
  return score(big5) > score(gb) ? 'big5' : 'gb18030';
}
