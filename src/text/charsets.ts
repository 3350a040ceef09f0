/**
 * Character-set tables for the mojibake repair, built lazily, once per process. What clean text
 * needs is stored in generated files (code-pages.data.ts, han-classes.data.ts, both computed with
 * iconv-lite by functions of this module and tested against them), so that it never loads
 * iconv-lite; the full GBK and Big5 tables are built only for lines that look garbled.
 *
 * - Single-byte code pages (what garbled text was *read as*): Latin-1 merged with the WHATWG
 *   ("sloppy") Windows-1252 mapping, where the five undefined bytes 0x81 0x8D 0x8F 0x90 0x9D stay
 *   the C1 controls U+0081 …; the other code pages likewise keep their undefined bytes as C1
 *   controls. We never use iconv-lite's cp1252 for this (it turns those bytes into U+FFFD and
 *   encodes U+FFFD back to 0x9D) nor Node's TextDecoder (0x80 → U+0080).
 * - Double-byte code pages (what the bytes *were*): GB18030's two-byte part (= GBK) and Big5
 *   (iconv-lite's big5, i.e. Big5-HKSCS), as flat lead·trail → code point tables and back.
 * - Frequency classes of Han characters, derived from the code tables themselves: GB2312 level 1
 *   (B0A1–D7F9, the 3,755 most common simplified characters) and Big5 A440–C67E (the 5,401
 *   frequent traditional ones) are "common"; GB2312 level 2, GBK/3 (traditional forms), Big5
 *   level 2 and the Hong Kong supplement of Big5-HKSCS are "less common"; any other ideograph
 *   is rare. The table is stored in han-classes.data.ts (scripts/han-classes.mjs), so that using
 *   it does not decode every GBK and Big5 pair.
 * - Shapes of the GBK and Big5 pairs (doubleByteShapes(): which UTF-8 byte categories each
 *   character's two bytes fall in), for the pre-scan's search for UTF-8 read as GBK or Big5;
 *   stored in code-pages.data.ts (scripts/code-pages.mjs) with the single-byte pages.
 */
import { createRequire } from 'node:module';
import { SINGLE_BYTE_HIGH, decodeDoubleByteShapes } from './code-pages.data.js';
import { decodeHanClasses } from './han-classes.data.js';

type Iconv = typeof import('iconv-lite');
const require = createRequire(import.meta.url);
let iconvModule: Iconv | undefined;
function iconv(): Iconv {
  iconvModule ??= require('iconv-lite') as Iconv;
  return iconvModule;
}

/** Bytes decoded by iconv-lite (for the rare sequences the tables leave out). */
export function decodeWith(encoding: string, bytes: Uint8Array): string {
  return iconv().decode(Buffer.from(bytes), encoding);
}

// ───────────────────────────── single-byte code pages ─────────────────────────────

export type SingleByteName = 'cp1252' | 'cp1250' | 'cp1251' | 'cp1257' | 'iso8859-2' | 'macroman' | 'cp437';

export interface SingleByteCharset {
  name: SingleByteName;
  /** byte → UTF-16 code unit (always one unit). */
  decode: Uint16Array;
  /** UTF-16 code unit → byte, or -1 when the character is not in the code page. */
  encode: Int16Array;
}

const ICONV_NAMES: Record<SingleByteName, string> = {
  cp1252: 'windows-1252',
  cp1250: 'windows-1250',
  cp1251: 'windows-1251',
  cp1257: 'windows-1257',
  'iso8859-2': 'iso-8859-2',
  macroman: 'macintosh',
  cp437: 'cp437',
};

const singleByteCache = new Map<SingleByteName, SingleByteCharset>();

/**
 * A code page, "sloppy": bytes it leaves undefined decode to the C1 control of the same value.
 * 'cp1252' also accepts every Latin-1 character (C1 controls included), so one table serves
 * text read as Latin-1 and text read as Windows-1252. Its bytes 0x80–0xFF are
 * computeSingleByteHigh()'s, as stored in code-pages.data.ts (no iconv-lite).
 */
export function singleByte(name: SingleByteName): SingleByteCharset {
  let charset = singleByteCache.get(name);
  if (charset) return charset;
  const high = SINGLE_BYTE_HIGH[name];
  const decode = new Uint16Array(256);
  const encode = new Int16Array(65536).fill(-1);
  for (let b = 0; b < 256; b++) {
    const unit = b < 0x80 ? b : high.charCodeAt(b - 0x80);
    decode[b] = unit;
    if (encode[unit] === -1) encode[unit] = b;
  }
  if (name === 'cp1252') for (let b = 0x80; b < 0x100; b++) if (encode[b] === -1) encode[b] = b;
  charset = { name, decode, encode };
  singleByteCache.set(name, charset);
  return charset;
}

/**
 * What a code page's bytes 0x80–0xFF decode to, computed with iconv-lite (undefined bytes → the
 * C1 control of the same value), as a string of 128 UTF-16 units: what scripts/code-pages.mjs
 * stores in code-pages.data.ts, and what test/code-pages.test.ts holds that file to.
 */
export function computeSingleByteHigh(name: SingleByteName): string {
  const bytes = Buffer.alloc(256);
  for (let b = 0; b < 256; b++) bytes[b] = b;
  const text = iconv().decode(bytes, ICONV_NAMES[name]);
  let high = '';
  for (let b = 0x80; b < 0x100; b++) {
    let unit = text.charCodeAt(b);
    if (text.length !== 256 || unit === 0xfffd) unit = b;
    high += String.fromCharCode(unit);
  }
  return high;
}

export const SINGLE_BYTE_NAMES: readonly SingleByteName[] = Object.keys(ICONV_NAMES) as SingleByteName[];

/** Windows-1252 characters in 0x80–0x9F (the ones that differ from Latin-1). */
export function isCp1252Special(unit: number): boolean {
  return unit >= 0x100 && singleByte('cp1252').encode[unit]! >= 0x80;
}

// ───────────────────────────── double-byte code pages ─────────────────────────────

export type DoubleByteName = 'gbk' | 'big5';

export interface DoubleByteCharset {
  name: DoubleByteName;
  /** lead << 8 | trail → code point, 0 when the pair is not a character. */
  decode: Uint32Array;
  /** BMP code unit → lead << 8 | trail, 0 when not encodable as a pair. */
  encodeBmp: Uint16Array;
  /** Supplementary-plane code point → pair (Big5-HKSCS only). */
  encodeAstral: Map<number, number>;
  isTrail(byte: number): boolean;
  /** 1 for each byte that may follow a lead byte. */
  trail: Uint8Array;
}

const doubleByteCache = new Map<DoubleByteName, DoubleByteCharset>();

export function doubleByte(name: DoubleByteName): DoubleByteCharset {
  let charset = doubleByteCache.get(name);
  if (charset) return charset;
  const isTrail =
    name === 'gbk'
      ? (b: number) => b >= 0x40 && b <= 0xfe && b !== 0x7f
      : (b: number) => (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe);
  // Every pair followed by '\n', decoded in one go: an invalid pair cannot swallow the newline.
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (isTrail(trail)) pairs.push(lead << 8 | trail);
  const bytes = Buffer.alloc(pairs.length * 3);
  pairs.forEach((pair, i) => {
    bytes[i * 3] = pair >> 8;
    bytes[i * 3 + 1] = pair & 0xff;
    bytes[i * 3 + 2] = 0x0a;
  });
  const pieces = iconv().decode(bytes, name === 'gbk' ? 'gb18030' : 'big5').split('\n');
  const decode = new Uint32Array(65536);
  const encodeBmp = new Uint16Array(65536);
  const encodeAstral = new Map<number, number>();
  pairs.forEach((pair, i) => {
    const piece = pieces[i] ?? '';
    const cp = piece.codePointAt(0);
    if (cp === undefined || cp === 0xfffd || piece.length !== (cp > 0xffff ? 2 : 1)) return;
    decode[pair] = cp;
    if (cp > 0xffff) {
      const known = encodeAstral.get(cp);
      if (known === undefined || ((known & 0xff) < 0x80 && (pair & 0xff) >= 0x80)) encodeAstral.set(cp, pair);
    } else if (cp >= 0x80 && (encodeBmp[cp] === 0 || ((encodeBmp[cp]! & 0xff) < 0x80 && (pair & 0xff) >= 0x80))) {
      // A character with two codes (Big5-HKSCS has a few): the one with a high trail byte,
      // which is what UTF-8 bytes read as Big5 produce.
      encodeBmp[cp] = pair;
    }
  });
  const trail = new Uint8Array(256);
  for (let b = 0; b < 256; b++) trail[b] = isTrail(b) ? 1 : 0;
  charset = { name, decode, encodeBmp, encodeAstral, isTrail, trail };
  doubleByteCache.set(name, charset);
  return charset;
}

/** Byte categories of doubleByteShapes(): */
export const BYTE_OTHER = 0;
export const BYTE_CONT = 1; // 80–BF, a UTF-8 continuation byte
export const BYTE_LEAD3 = 2; // E2–EF, the lead byte of a three-byte UTF-8 sequence (CJK)

const doubleByteShapesCache = new Map<DoubleByteName, Uint8Array>();

/**
 * For each BMP code unit, the shape of its pair in the code page (doubleByte()'s `encodeBmp`):
 * 0 when it has none, else 1 + 3 × the lead byte's BYTE_* category + the trail byte's. All the
 * mojibake pre-scan needs to look for UTF-8 read as GBK or Big5; stored in code-pages.data.ts
 * (decoded once, ≈ 1 ms), so that clean text never builds the code page itself.
 */
export function doubleByteShapes(name: DoubleByteName): Uint8Array {
  let shapes = doubleByteShapesCache.get(name);
  if (!shapes) {
    shapes = decodeDoubleByteShapes(name);
    doubleByteShapesCache.set(name, shapes);
  }
  return shapes;
}

/** The BYTE_* category of a byte. */
export function byteCategory(b: number): number {
  return b >= 0xe2 && b <= 0xef ? BYTE_LEAD3 : b >= 0x80 && b <= 0xbf ? BYTE_CONT : BYTE_OTHER;
}

/**
 * The same table computed from iconv-lite's tables (doubleByte(), a new table on every call): what
 * scripts/code-pages.mjs writes to code-pages.data.ts, and what test/code-pages.test.ts holds that
 * file to.
 */
export function computeDoubleByteShapes(name: DoubleByteName): Uint8Array {
  const { encodeBmp } = doubleByte(name);
  const shapes = new Uint8Array(65536);
  for (let u = 0; u < 65536; u++) {
    const pair = encodeBmp[u]!;
    if (pair !== 0) shapes[u] = 1 + 3 * byteCategory(pair >> 8) + byteCategory(pair & 0xff);
  }
  return shapes;
}

// ───────────────────────────── Han frequency classes ─────────────────────────────

/** Bits of hanClass(): */
export const HAN_COMMON_SIMPLIFIED = 1; // GB2312 level 1
export const HAN_COMMON_TRADITIONAL = 2; // Big5 A440–C67E
export const HAN_LESS_COMMON = 4; // GB2312 level 2, GBK/3, Big5 level 2 or HKSCS

let hanClasses: Uint8Array | undefined;

/**
 * For each BMP code unit, HAN_* bits (0 for anything not in those lists): computeHanClassTable()'s
 * table as stored in han-classes.data.ts, decoded once (≈ 1 ms, no iconv-lite).
 */
export function hanClassTable(): Uint8Array {
  hanClasses ??= decodeHanClasses();
  return hanClasses;
}

/**
 * The same table computed from iconv-lite's GBK and Big5 tables (50–100 ms, a new table on every
 * call): what scripts/han-classes.mjs writes to han-classes.data.ts, and what
 * test/han-classes.test.ts holds that file to.
 */
export function computeHanClassTable(): Uint8Array {
  const table = new Uint8Array(65536);
  const gbk = doubleByte('gbk').decode;
  const big5 = doubleByte('big5').decode;
  const mark = (cp: number, bit: number) => {
    if (cp > 0 && cp < 0x10000 && isHan(cp)) table[cp]! |= bit;
  };
  for (let lead = 0xb0; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const code = lead << 8 | trail;
      if (code <= 0xd7f9) mark(gbk[code]!, HAN_COMMON_SIMPLIFIED);
      else if (lead >= 0xd8) mark(gbk[code]!, HAN_LESS_COMMON);
    }
  }
  // GBK/3 (8140–A0FE): mostly traditional forms (爲 衆 羣 …).
  for (let lead = 0x81; lead <= 0xa0; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) mark(gbk[lead << 8 | trail]!, HAN_LESS_COMMON);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const code = lead << 8 | trail;
      if (code >= 0xa440 && code <= 0xc67e) mark(big5[code]!, HAN_COMMON_TRADITIONAL);
      else mark(big5[code]!, HAN_LESS_COMMON); // Big5 level 2 and the Hong Kong supplement
    }
  }
  return table;
}

/** CJK unified ideographs (BMP part, Extension A included) and compatibility ideographs. */
export function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
}
