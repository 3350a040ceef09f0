/**
 * Candidate decoders of the mojibake repair. A *family* is one way text can have been
 * garbled: bytes in a target encoding (GBK, Big5, UTF-8) read as a source code page (Latin-1 /
 * Windows-1252, GBK, …). For a line, a family first turns the text back into the bytes it was
 * read from (`encode`: characters outside the source code page become barriers), then its
 * decoder lists, at each byte position, the characters those bytes may have been (`units`):
 * the plain decoding, and the resynchronising variants — a dropped 0xAD re-inserted, an NBSP
 * that became a space, a byte lost to U+FFFD (or '?'). `applies` is a quick check made first.
 *
 * An "à" whose NBSP became a space is read by what the line shows: the space after it stays
 * (the collapsed "à" + space of French or Portuguese), before a lone letter it was the NBSP
 * ("Ã s" → "às"), and where another "Ã" of the line is followed by two spaces (NBSPs turned
 * into spaces one for one) it was the NBSP before a lowercase letter too; so it was before the
 * rest of a Portuguese contraction ("Ã quele" → "àquele"), a closed class of the orthography.
 */
import { BYTE_CONT, BYTE_LEAD3, BYTE_OTHER, decodeWith, doubleByte, doubleByteShapes, singleByte, type DoubleByteName, type SingleByteName } from './charsets.js';
import { charCost, repeatsCheaply } from './mojibake-score.js';

/** Byte values besides 0–255. */
export const BARRIER = -1; // a character the source code page does not have
export const UNKNOWN = -2; // a byte lost to U+FFFD

/** Unit flags. */
export const F_LOSSY = 1; // some bytes were lost: the unit is U+FFFD
export const F_INSERTED = 2; // a dropped 0xAD was put back
export const F_NBSP_SPACE = 4; // a space stands for a 0xA0 byte (NBSP turned into a space)
export const F_NBSP_KEEP = 8; // a 0xA0 byte was lost before a space that stays
export const F_CESU = 16; // a surrogate pair encoded as two 3-byte sequences

/** The line as the bytes it was read from, one slot per byte. */
export interface SourceBytes {
  n: number;
  bytes: Int16Array;
  /** 1: a '?' that may stand for a lost byte; 2: a space that may stand for 0xA0. */
  soft: Uint8Array;
  /** UTF-16 index (in the line) of the character the byte belongs to. */
  unit: Int32Array;
  /** For the first byte of a character: how many bytes it has (0 on the others). */
  charLen: Uint8Array;
  /** Class of the character the byte belongs to (see mojibake-score.ts). */
  cls: Uint8Array;
  /** The character's base cost, shared out over its bytes. */
  share: Float64Array;
  /** Whether readings that re-insert a dropped byte are wanted (see prepare). */
  insertions: boolean;
}

export type Emit = (len: number, cp: number, flags: number) => void;

export interface Family {
  id: string;
  /** What the bytes were. */
  target: 'gbk' | 'big5' | 'utf8';
  /** What they were read as. */
  source: SingleByteName | DoubleByteName;
  kind(before: string): string;
  /** Cost (bits) of assuming this misreading at all: the common ones are free. */
  prior: number;
  encode(line: string, classes: Uint8Array): SourceBytes;
  units(src: SourceBytes, i: number, emit: Emit): void;
  /**
   * Quick check, without allocating: can this misreading explain the line's non-ASCII text?
   * (At least two characters, and half of the line's bytes from 0x80 up, fall into complete
   * sequences.) Families that cannot are not read at all.
   */
  applies(line: string): boolean;
}

// ───────────────────────────── source side ─────────────────────────────

/**
 * Each family reads into its own buffers, reused from line to line (a family's bytes are only
 * needed until it reads the next line).
 */
function allocate(previous: SourceBytes | undefined, capacity: number): SourceBytes {
  if (previous && previous.bytes.length >= capacity) {
    previous.n = 0;
    previous.soft.fill(0, 0, capacity);
    previous.charLen.fill(0, 0, capacity);
    return previous;
  }
  capacity = Math.max(capacity, 2 * (previous?.bytes.length ?? 0), 64);
  return {
    n: 0,
    bytes: new Int16Array(capacity),
    soft: new Uint8Array(capacity),
    unit: new Int32Array(capacity),
    charLen: new Uint8Array(capacity),
    cls: new Uint8Array(capacity),
    share: new Float64Array(capacity),
    insertions: true,
  };
}

function softOf(unit: number): number {
  return unit === 0x3f ? 1 : unit === 0x20 ? 2 : 0;
}

/** Text read as a single-byte code page → those bytes. */
export function singleByteSource(name: SingleByteName) {
  let buffers: SourceBytes | undefined;
  return (line: string, classes: Uint8Array): SourceBytes => {
    const encode = singleByte(name).encode;
    const src = (buffers = allocate(buffers, line.length));
    let n = 0;
    for (let i = 0; i < line.length; i++) {
      const u = line.charCodeAt(i);
      src.unit[n] = i;
      src.charLen[n] = 1;
      src.cls[n] = classes[i]!;
      if (u >= 0xd800 && u <= 0xdfff) {
        // A supplementary-plane character (or a lone surrogate): not in any code page.
        src.bytes[n] = BARRIER;
        src.share[n] = charCost(line.codePointAt(i)!);
        const lo = line.charCodeAt(i + 1);
        if (u <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) i++;
      } else if (u === 0xfffd) {
        src.bytes[n] = UNKNOWN;
        src.share[n] = charCost(u);
      } else {
        src.bytes[n] = encode[u]!;
        // As textCost counts it: a symbol repeating the one before costs half ("——").
        src.share[n] = i > 0 && line.charCodeAt(i - 1) === u && repeatsCheaply(classes[i]!) ? charCost(u) / 2 : charCost(u);
        src.soft[n] = softOf(u);
      }
      n++;
    }
    src.n = n;
    return src;
  };
}

/** Text read as GBK or Big5 → those bytes (two per character, one for ASCII). */
export function doubleByteSource(name: DoubleByteName) {
  let buffers: SourceBytes | undefined;
  return (line: string, classes: Uint8Array): SourceBytes => {
    const { encodeBmp, encodeAstral } = doubleByte(name);
    const src = (buffers = allocate(buffers, line.length * 2));
    let n = 0;
    for (let i = 0; i < line.length; i++) {
      let cp = line.charCodeAt(i);
      let width = 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < line.length) {
        const lo = line.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          width = 2;
        }
      }
      // GB18030 decoders (iconv-lite, WHATWG) read a lone 0x80 as €: in UTF-8 read as GBK, a
      // € is that continuation byte — or the pair A2 E3, GB18030's own €, which UTF-8 makes of
      // a character ending in A2 before one starting with E3: 面。 (E9 9D A2, E3 80 82) reads
      // 闈€€ (E9 9D, A2 E3, 80, …).
      const euro = cp === 0x20ac && name === 'gbk';
      const single = cp < 0x80 ? cp : euro && !euroIsPair(line, i, n > 0 ? src.bytes[n - 1]! : BARRIER, encodeBmp) ? 0x80 : -1;
      const pair = single >= 0 ? -1 : euro ? 0xa2e3 : cp === 0xfffd ? -2 : cp > 0xffff ? (encodeAstral.get(cp) ?? 0) : encodeBmp[cp]!;
      src.unit[n] = i;
      src.cls[n] = classes[i]!;
      if (pair === -1 || pair === -2 || pair === 0) {
        src.bytes[n] = pair === -1 ? single : pair === -2 ? UNKNOWN : BARRIER;
        src.soft[n] = pair === -1 ? softOf(cp) : 0;
        src.charLen[n] = 1;
        src.share[n] = charCost(cp);
        n++;
      } else {
        src.bytes[n] = pair >> 8;
        src.bytes[n + 1] = pair & 0xff;
        src.unit[n + 1] = i;
        src.cls[n + 1] = classes[i]!;
        src.charLen[n] = 2;
        src.share[n] = charCost(cp) / 2;
        src.share[n + 1] = charCost(cp) / 2;
        n += 2;
      }
      i += width - 1;
    }
    src.n = n;
    return src;
  };
}

const isContinuation = (b: number) => b >= 0x80 && b <= 0xbf;

/**
 * Whether the € at `line[i]` (text read as GB18030) is the pair A2 E3 rather than the byte 0x80:
 * A2 continues the UTF-8 character the byte before it belongs to, and the E3 it leads is followed
 * by two continuation bytes (the second may be lost to U+FFFD) in the characters after it.
 */
function euroIsPair(line: string, i: number, before: number, encodeBmp: Uint16Array | Uint32Array): boolean {
  if (!(isContinuation(before) || (before >= 0xc2 && before <= 0xf4))) return false;
  const after: number[] = [];
  for (let j = i + 1; j < line.length && after.length < 2; j++) {
    const cp = line.charCodeAt(j);
    if (cp === 0x20ac) after.push(0x80);
    else if (cp === 0xfffd) after.push(UNKNOWN);
    else if (cp < 0x80) after.push(cp);
    else {
      const pair = encodeBmp[cp] ?? 0;
      if (pair === 0) break;
      after.push(pair >> 8, pair & 0xff);
    }
  }
  return isContinuation(after[0] ?? -1) && (isContinuation(after[1] ?? -1) || after[1] === UNKNOWN);
}

// ───────────────────────────── target side ─────────────────────────────

/** GBK or Big5: pairs, a pair whose 0xAD trail byte was dropped, a pair with a lost byte. */
export function doubleByteUnits(name: DoubleByteName) {
  let decode: Uint32Array | undefined;
  let isTrail: Uint8Array = new Uint8Array(0);
  return (src: SourceBytes, i: number, emit: Emit): void => {
    if (!decode) ({ decode, trail: isTrail } = doubleByte(name));
    const lead = src.bytes[i]!;
    if (lead === UNKNOWN) {
      const trail = i + 1 < src.n ? src.bytes[i + 1]! : BARRIER;
      if (trail >= 0x40 && isTrail[trail]) emit(2, 0xfffd, F_LOSSY);
      return;
    }
    if (lead < 0x81 || lead > 0xfe) return;
    const trail = i + 1 < src.n ? src.bytes[i + 1]! : BARRIER;
    if (trail >= 0 && isTrail[trail]) {
      const cp = decode[lead << 8 | trail]!;
      if (cp !== 0) emit(2, cp, 0);
    } else if (name === 'gbk' && trail >= 0x30 && trail <= 0x39 && i + 3 < src.n) {
      // GB18030's four-byte sequences (characters beyond GBK: U+FFFD, emoji, …).
      const cp = gb18030FourBytes(lead, trail, src.bytes[i + 2]!, src.bytes[i + 3]!);
      if (cp > 0) emit(4, cp, 0);
    } else if (trail === UNKNOWN) {
      emit(2, 0xfffd, F_LOSSY);
    }
    if (src.insertions && trail !== 0xad) {
      const cp = decode[lead << 8 | 0xad]!;
      if (cp !== 0) emit(1, cp, F_INSERTED);
    }
  };
}

const fourByteCache = new Map<number, number>();

/** A GB18030 four-byte sequence, decoded (iconv-lite has the ranges); 0 when not one. */
function gb18030FourBytes(b1: number, b2: number, b3: number, b4: number): number {
  if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return 0;
  const key = ((b1 << 24) | (b2 << 16) | (b3 << 8) | b4) >>> 0;
  let cp = fourByteCache.get(key);
  if (cp === undefined) {
    const text = decodeWith('gb18030', Uint8Array.of(b1, b2, b3, b4));
    const first = text.codePointAt(0) ?? 0;
    cp = text.length === (first > 0xffff ? 2 : 1) ? first : 0;
    fourByteCache.set(key, cp);
  }
  return cp;
}

function isCont(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/** Length of the UTF-8 sequence a lead byte starts (0: not a lead). */
function seqLength(b: number): number {
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Decodes lead + continuation bytes; -1 when overlong, out of range or otherwise invalid. */
function decodeSeq(bytes: number[]): number {
  const lead = bytes[0]!;
  const len = bytes.length;
  let cp = len === 2 ? lead & 0x1f : len === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < len; k++) {
    const b = bytes[k]!;
    if (!isCont(b)) return -1;
    cp = cp << 6 | (b & 0x3f);
  }
  if (len === 3 && cp < 0x800) return -1;
  if (len === 4 && (cp < 0x10000 || cp > 0x10ffff)) return -1;
  return cp;
}

/**
 * UTF-8: each sequence, plus the lossy and resynchronising readings. Surrogates are only
 * accepted as a CESU-8 pair.
 */
export function utf8Units(src: SourceBytes, i: number, emit: Emit): void {
  const n = src.n;
  const lead = src.bytes[i]!;
  if (lead === UNKNOWN) {
    // A lost byte followed by orphan continuation bytes: one lost character.
    let j = i + 1;
    while (j < n && j - i < 4 && isCont(src.bytes[j]!)) j++;
    if (j > i + 1) emit(j - i, 0xfffd, F_LOSSY);
    return;
  }
  // An ASCII byte in the middle of a source character (UTF-8 read as GBK: "和E" became "鍜孍").
  if (lead >= 0 && lead < 0x80 && src.charLen[i] === 0) {
    emit(1, lead, 0);
    return;
  }
  const len = seqLength(lead);
  if (len === 0) return;
  // The common case first: a complete sequence.
  let cp = lead & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
  let k = 1;
  for (; k < len; k++) {
    const b = i + k < n ? src.bytes[i + k]! : BARRIER;
    if (!isCont(b)) break;
    cp = cp << 6 | (b & 0x3f);
  }
  if (k === len) {
    if ((len === 3 && cp < 0x800) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff))) return;
    if (!isSurrogate(cp)) {
      emit(len, cp, 0);
      return;
    }
    if (cp <= 0xdbff && i + 5 < n && src.bytes[i + 3] === 0xed) {
      const lo = decodeSeq([0xed, src.bytes[i + 4]!, src.bytes[i + 5]!]);
      if (lo >= 0xdc00 && lo <= 0xdfff) emit(6, 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00), F_CESU);
    }
    return;
  }
  brokenSequence(src, i, len, emit);
}

/** A sequence that breaks off: lost bytes, an NBSP turned space, a dropped 0xAD. */
function brokenSequence(src: SourceBytes, i: number, len: number, emit: Emit): void {
  const n = src.n;
  const seq = [src.bytes[i]!];
  let lossy = false;
  for (let k = 1; k < len; k++) {
    const b = i + k < n ? src.bytes[i + k]! : BARRIER;
    if (isCont(b)) {
      seq.push(b);
      continue;
    }
    // The sequence breaks at k.
    if (b === UNKNOWN || (b === 0x3f && src.soft[i + k] === 1)) {
      lossy = true;
      seq.push(0x80);
      continue;
    }
    if (lossy) return;
    if (b === 0x20 && src.soft[i + k] === 2) {
      // The space was the sequence's 0xA0 (ftfy's "restore_byte_a0"): last, or inside ("â € " is
      // E2 A0 80, U+2800) with the rest of the sequence after it.
      const withNbsp = decodeSeq([...seq, 0xa0, ...restOf(src, i + k + 1, len - k - 1)]);
      if (withNbsp >= 0 && !isSurrogate(withNbsp)) {
        if (k === len - 1 && nbspKeepsSpace(src, i + k, withNbsp)) emit(len - 1, withNbsp, F_NBSP_KEEP);
        else emit(len, withNbsp, F_NBSP_SPACE);
      }
    }
    // A dropped 0xAD (stripped as a soft hyphen) put back.
    const withAd = decodeSeq([...seq, 0xad, ...restOf(src, i + k, len - k - 1)]);
    if (withAd >= 0 && !isSurrogate(withAd)) emit(len - 1, withAd, F_INSERTED);
    return;
  }
  if (lossy) emit(len, 0xfffd, F_LOSSY);
}

/**
 * A sequence ending in 0xA0 followed by a space: was the NBSP turned into that space (which
 * then belongs to the character), or lost while the space after it stayed (NBSP + space
 * collapsed)? The latter only for "à" — of the characters whose UTF-8 ends in 0xA0 the one
 * that is a word by itself (French, Portuguese, Italian, Catalan), so a space follows it —
 * and only before a word of two letters or more: before a second space or a lone letter
 * ("à s" → "às") the space was the NBSP. Nor where the line shows that its NBSPs became
 * spaces one for one, none collapsed: another "Ã" there is followed by two spaces (the NBSP
 * and the space after the word "à"); then a single space before a lowercase letter was the
 * NBSP itself, and the letters after it are the rest of the word ("Ã quele" → "àquele"; a
 * capital does not continue a word: "Ã Lyon" stays "à Lyon").
 *
 * Without that evidence the space stays: a single space after "Ã" is the collapsed "à" + space
 * of French and Portuguese ("Ã perturber", "jusqu'Ã nos", "relatifs Ã l’utilisation"), except
 * before the rest of a Portuguese crase contraction. Portuguese writes "à" glued to a following
 * word only where the preposition "a" merges with a word beginning with "a": "às" (the lone
 * letter above) and the demonstratives "àquele(s)", "àquela(s)", "àquilo". That class is closed
 * (a fact of the orthography, not a list of garbled strings), and its remainders "quele",
 * "quela", "quilo" are words in none of the languages that write "à" (French "quel", "quelle",
 * "quelque" do not match), so before one of them the space was the NBSP.
 */
function nbspKeepsSpace(src: SourceBytes, space: number, cp: number): boolean {
  if (cp !== 0xe0) return false;
  const after = space + 1 < src.n ? src.bytes[space + 1]! : -1;
  if (after >= 0x61 && after <= 0x7a && nbspsKeptApart(src, space)) return false;
  let j = space + 1;
  const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
  if (j >= src.n || !isLetter(src.bytes[j]!)) return false;
  while (j < src.n && isLetter(src.bytes[j]!)) j++;
  const letters = j - space - 1;
  if (isCraseRemainder(src.bytes.slice(space + 1, j))) return false;
  return letters >= 2 || (j < src.n && src.bytes[j] !== 0x20);
}

/** What follows "à" in the Portuguese contractions àquele(s), àquela(s), àquilo — lowercase, the whole word. */
const CRASE_REMAINDER = /^qu(?:el[ae]s?|ilo)$/;

function isCraseRemainder(letters: ArrayLike<number>): boolean {
  return CRASE_REMAINDER.test(String.fromCharCode(...Array.from(letters)));
}

/** Whether the line has, besides the space at `space`, an "Ã" followed by two spaces and a letter (C3 20 20). */
function nbspsKeptApart(src: SourceBytes, space: number): boolean {
  const { bytes, n } = src;
  for (let i = 0; i + 3 < n; i++) {
    if (bytes[i] !== 0xc3 || bytes[i + 1] !== 0x20 || bytes[i + 2] !== 0x20 || i + 1 === space) continue;
    const b = bytes[i + 3]!;
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) return true;
  }
  return false;
}

function restOf(src: SourceBytes, from: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(from + k < src.n ? src.bytes[from + k]! : BARRIER);
  return out;
}

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

// ───────────────────────────── the families ─────────────────────────────

function latinOrCp1252(target: string) {
  return (before: string): string => {
    for (let i = 0; i < before.length; i++) {
      const u = before.charCodeAt(i);
      if (u > 0xff && u !== 0xfffd) return `${target}-as-cp1252`;
    }
    return `${target}-as-latin1`;
  };
}

function family(id: string, target: Family['target'], source: Family['source'], prior = 0): Family {
  const doubleSource = source === 'gbk' || source === 'big5';
  const encode = doubleSource ? doubleByteSource(source) : singleByteSource(source);
  const units = target === 'utf8' ? utf8Units : doubleByteUnits(target);
  const kind = source === 'cp1252' ? latinOrCp1252(target) : () => id;
  const applies = doubleSource
    ? (line: string) => utf8InDoubleByte(line, source)
    : target === 'utf8'
      ? (line: string) => utf8InSingleByte(line, source)
      : (line: string) => pairsInSingleByte(line, source, target);
  return { id, target, source, kind, prior, encode, units, applies };
}

// ───────────────────────────── quick checks ─────────────────────────────

function enough(covered: number, high: number): boolean {
  return covered >= 2 && covered * 2 >= high;
}

/**
 * The quick checks of text read as a single-byte code page: the share of its bytes from 0x80 up
 * that fall into complete sequences — UTF-8 sequences (a space or '?' may stand for their
 * last byte: an NBSP turned space, a byte lost), or with `trail`, GBK or Big5 pairs. A line whose beginning is far from
 * enough gives up early.
 */
function coverage(line: string, encode: Int16Array, trail?: Uint8Array): boolean {
  let high = 0;
  let covered = 0;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    if ((i & 63) === 63 && high >= 16 && covered * 2 < high) return false;
    const u = line.charCodeAt(i);
    if (u < 0x80) continue;
    const b = u === 0xfffd ? 0x80 : encode[u]!;
    if (b < 0x80) continue;
    high++;
    let len = 0;
    if (trail) {
      const t = b >= 0x81 && i + 1 < n ? encode[line.charCodeAt(i + 1)]! : -1;
      if (t >= 0x40 && trail[t]) len = 2;
    } else {
      len = seqLength(b);
      if (i + len > n) len = 0;
      for (let k = 1; k < len; k++) {
        const v = line.charCodeAt(i + k);
        if (!isCont(v === 0xfffd ? 0x80 : encode[v]!) && !(k === len - 1 && (v === 0x20 || v === 0x3f))) len = 0;
      }
    }
    if (len === 0) continue;
    covered += len;
    for (let k = 1; k < len; k++) {
      const v = line.charCodeAt(i + k);
      if (v === 0xfffd || encode[v]! >= 0x80) high++;
    }
    i += len - 1;
  }
  return enough(covered, high);
}

/** UTF-8 read as a single-byte code page: lead bytes followed by their continuation bytes. */
function utf8InSingleByte(line: string, name: SingleByteName): boolean {
  return coverage(line, singleByte(name).encode);
}

/** GBK or Big5 read as Latin-1 / Windows-1252: lead bytes followed by trail bytes. */
function pairsInSingleByte(line: string, name: SingleByteName, target: DoubleByteName): boolean {
  return coverage(line, singleByte(name).encode, doubleByte(target).trail);
}

/** A pair's shape (1 + 3 × lead category + trail category) → its lead's and its trail's category. */
const SHAPE_LEAD = Int8Array.of(-1, 0, 0, 0, 1, 1, 1, 2, 2, 2);
const SHAPE_TRAIL = Int8Array.of(0, 0, 1, 2, 0, 1, 2, 0, 1, 2);

/**
 * UTF-8 read as GBK or Big5: the characters' bytes hold two three-byte UTF-8 sequences back to
 * back (two Chinese characters), or there is a U+FFFD (unless `lost` is false). It needs only the
 * UTF-8 categories of each character's bytes (doubleByteShapes(), stored): clean text does not
 * build the code page.
 */
export function utf8InDoubleByte(line: string, name: DoubleByteName, lost = true): boolean {
  const shapes = doubleByteShapes(name);
  let c0 = BYTE_OTHER; // categories of the two bytes before
  let c1 = BYTE_OTHER;
  let at = 0; // byte position
  let lastEnd = -1;
  let foreign = 0;
  for (let i = 0; i < line.length; i++) {
    const u = line.charCodeAt(i);
    if (u === 0xfffd && lost) return true;
    // One byte (ASCII; the € that is byte 0x80 in GBK; a character the code page does not have,
    // as a 0) or a pair: its lead's category, then its trail's (`last`).
    let lead = -1;
    let last = BYTE_OTHER;
    if (u < 0x80) {
      if (u === 0 && ++foreign > 8 && foreign * 2 > i) return false;
    } else if (u === 0x20ac && name === 'gbk') {
      last = BYTE_CONT;
    } else {
      const shape = shapes[u]!;
      // Characters the code page does not have: a line full of them was not read through it.
      if (shape === 0) {
        if (++foreign > 8 && foreign * 2 > i) return false;
      } else {
        lead = SHAPE_LEAD[shape]!;
        last = SHAPE_TRAIL[shape]!;
      }
    }
    for (let k = lead >= 0 ? 1 : 0; k >= 0; k--) {
      const c = k === 1 ? lead : last;
      at++;
      if (c0 === BYTE_LEAD3 && c1 === BYTE_CONT && c === BYTE_CONT) {
        if (lastEnd === at - 3) return true;
        lastEnd = at;
        c0 = BYTE_OTHER;
        c1 = BYTE_OTHER;
        continue;
      }
      c0 = c1;
      c1 = c;
    }
  }
  return false;
}

/** Prior cost of Big5 misreadings: Big5 is rarer than GBK in the documents this tool sees. */
const BIG5_MISREADING = 2;
/** Prior cost of the misreadings seldom met (Central European, Cyrillic, Baltic, Mac, DOS). */
const RARE_MISREADING = 4;

export const FAMILIES: readonly Family[] = [
  family('gbk-as-cp1252', 'gbk', 'cp1252'),
  family('big5-as-cp1252', 'big5', 'cp1252', BIG5_MISREADING),
  family('utf8-as-cp1252', 'utf8', 'cp1252'),
  family('utf8-as-gbk', 'utf8', 'gbk'),
  family('utf8-as-big5', 'utf8', 'big5', BIG5_MISREADING),
  family('utf8-as-macroman', 'utf8', 'macroman', RARE_MISREADING),
  family('utf8-as-cp1250', 'utf8', 'cp1250', RARE_MISREADING),
  family('utf8-as-cp1251', 'utf8', 'cp1251', RARE_MISREADING),
  family('utf8-as-cp1257', 'utf8', 'cp1257', RARE_MISREADING),
  family('utf8-as-iso8859-2', 'utf8', 'iso8859-2', RARE_MISREADING),
  family('utf8-as-cp437', 'utf8', 'cp437', RARE_MISREADING),
];
