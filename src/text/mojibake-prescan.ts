/**
 * Fast pre-scan of the mojibake repair: one table lookup per character decides whether a line
 * can hold mojibake at all, so clean text costs next to nothing.
 *
 * - SUSPECT_ALONE: characters that are suspicious wherever they are — C1 controls, U+FFFD,
 *   private use.
 * - SUSPECT_HAN: Han characters outside the common lists. UTF-8 read as GBK or Big5 is full
 *   of them, but so is traditional or technical Chinese: such a line is read further only if
 *   its characters' GBK or Big5 bytes hold UTF-8 sequences.
 * - SUSPECT_PAIRED: non-ASCII characters of the single-byte code pages (accented letters,
 *   Latin-1 symbols, Cyrillic, box drawing, …). Garbling needs two bytes in a row, so they
 *   count only when followed by another code-page character or by printable ASCII.
 *   Typographic quotes, dashes, the ellipsis and the middle dot, all over clean Chinese, do
 *   not start suspicion (ENCODABLE: they may only follow).
 */
import { singleByte, type SingleByteName } from './charsets.js';
import { utf8InDoubleByte } from './mojibake-decoders.js';
import { K_BAD, K_CONTROL, K_HAN_EXT, K_HAN_MEDIUM, K_HAN_RARE, classTable } from './mojibake-score.js';

const ENCODABLE = 1;
const SUSPECT_PAIRED = 2;
const SUSPECT_HAN = 3;
const SUSPECT_ALONE = 4;

let table: Uint8Array | undefined;

function build(): Uint8Array {
  const t = new Uint8Array(65536);
  const pages: SingleByteName[] = ['cp1252', 'cp1250', 'cp1251', 'cp1257', 'iso8859-2', 'macroman', 'cp437'];
  for (const name of pages) {
    const decode = singleByte(name).decode;
    for (let b = 0x80; b < 0x100; b++) t[decode[b]!] = SUSPECT_PAIRED;
  }
  for (const c of '“”‘’…—–·•') t[c.charCodeAt(0)] = ENCODABLE;
  const classes = classTable();
  for (let u = 0x80; u < 0x10000; u++) {
    const k = classes[u]!;
    if ((k === K_CONTROL && u >= 0x80) || k === K_BAD) t[u] = SUSPECT_ALONE;
    else if (k === K_HAN_MEDIUM || k === K_HAN_RARE || k === K_HAN_EXT) t[u] = SUSPECT_HAN;
  }
  t[0xfeff] = 0; // byte-order mark: not our business
  for (let u = 0xd800; u < 0xe000; u++) t[u] = 0; // astral characters (emoji …)
  table = t;
  return t;
}

/** Whether the line has a character of a single-byte code page that may start mojibake. */
export function hasCodePageSuspects(line: string): boolean {
  const t = table ?? build();
  for (let i = 0; i < line.length; i++) {
    const u = line.charCodeAt(i);
    if (u >= 0x80 && (t[u] === SUSPECT_PAIRED || (t[u] === SUSPECT_ALONE && u !== 0xfffd))) return true;
  }
  return false;
}

/**
 * False when the line certainly holds no mojibake. With `lost` false, U+FFFD does not count:
 * a repair's own output keeps the characters it could not restore, which reading it again
 * would not restore either.
 */
export function mayHoldMojibake(line: string, lost = true): boolean {
  const t = table ?? build();
  const n = line.length;
  let han = false;
  for (let i = 0; i < n; i++) {
    const u = line.charCodeAt(i);
    if (u < 0x80) continue;
    const flag = t[u]!;
    if (flag < SUSPECT_PAIRED) continue;
    if (flag === SUSPECT_ALONE) {
      if (u === 0xfffd && !lost) continue;
      return true;
    }
    if (flag === SUSPECT_HAN) {
      han = true;
      continue;
    }
    if (i + 1 < n) {
      const next = line.charCodeAt(i + 1);
      if (next < 0x80 ? next >= 0x20 && next < 0x7f : t[next] !== 0 && t[next] !== SUSPECT_HAN) return true;
    }
  }
  return han && (utf8InDoubleByte(line, 'gbk', lost) || utf8InDoubleByte(line, 'big5', lost));
}
