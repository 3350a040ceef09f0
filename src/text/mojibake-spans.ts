/**
 * Span search of the mojibake repair. For one family and one line:
 * - prepare: the line as source bytes, and every decoded unit that may start at each byte,
 *   with its saving (what its source bytes cost as they stood − what the decoded character
 *   costs − a penalty for any resynchronisation);
 * - findSegments: a dynamic programme over the bytes picks the reading that saves the most —
 *   at each character boundary the character may stay as it is, at any byte a unit may start —
 *   with neighbour penalties where items meet. Consecutive decoded units form a segment; each
 *   segment is re-scored exactly, with its neighbours as context, and described for the
 *   decision;
 * - findPlainSegments: every sequence decoded, whatever it costs (text garbled twice);
 * - quickGain: a cheap estimate, to leave out readings far behind before reading properly.
 *
 * Every line that may hold mojibake goes through here once per family or more: the buffers
 * (units, Viterbi scores, the units chosen, the decoded text) are typed arrays reused from
 * line to line, and the only objects made are the segments themselves.
 */
import { doubleByte, singleByte, type DoubleByteName, type SingleByteName } from './charsets.js';
import { charBonus, wordBonus } from './mojibake-words.js';
import { F_CESU, F_INSERTED, F_LOSSY, F_NBSP_KEEP, F_NBSP_SPACE, type Family, type SourceBytes } from './mojibake-decoders.js';
import {
  isChinesePunctuation,
  K_BAD, K_CONTROL, K_HAN, K_HAN_CORE, K_HAN_MEDIUM, charCost, classOf, unitCosts, hanScript, isCjkClass, isHanClass, isLetterClass, isTypoClass, pairCost, textCost,
} from './mojibake-score.js';

/**
 * Which script a reading assumes: none, simplified (traditional-only characters cost
 * SCRIPT_BIAS more) or traditional (the other way round). A line is written in one script;
 * decoding under each assumption keeps a misaligned reading (after a dropped byte) from
 * passing for Chinese by mixing the two.
 */
export type Script = 0 | 1 | 2;
export const SCRIPT_BIAS = 2;

/** Penalties (in cost bits) for readings that assume damage beyond the misreading itself. */
export const PENALTY_INSERTED = 2;
export const PENALTY_NBSP = 1;
/** Cost, in the GBK / Big5 readings, of leaving a byte from 0x80 up on its own. */
export const STRAY_BYTE = 2;

export interface Segment {
  family: Family;
  /** UTF-16 span in the line. */
  start: number;
  end: number;
  before: string;
  after: string;
  /** Exact cost saving, penalties deducted. */
  gain: number;
  /** OR of the unit flags. */
  flags: number;
  /** Decoded characters (code points) that are not ASCII. */
  decoded: number;
  han: number;
  hanCommon: number;
  hanMedium: number;
  /** Simplified-only and traditional-only common Han characters. */
  simplified: number;
  traditional: number;
  cjkOther: number; // CJK punctuation, kana, hangul, full-width forms
  /** Decoded non-ASCII characters that are neither CJK nor typographic punctuation (…—“”·). */
  foreign: number;
  /** Decoded non-ASCII letters (any script, CJK included). */
  letters: number;
  /** Decoded typographic punctuation: quotes, dashes, the ellipsis. */
  typo: number;
  /**
   * Characters no real text has: C0 controls, private use, noncharacters. (C1 controls are let
   * through: text garbled twice has them half-way; so is U+FFFD, which a decoder only yields
   * for lost bytes or for "ï¿½", the bytes of a U+FFFD that was in the text.)
   */
  bad: number;
  /** Units that only re-insert a lost NBSP or stand for a lost byte. */
  weak: number;
  /** Dropped bytes put back. */
  inserted: number;
  /** Kinds of the successive readings, when the text was garbled more than once. */
  chain?: string[];
}

function unitPenalty(flags: number): number {
  let p = 0;
  if (flags & F_INSERTED) p += PENALTY_INSERTED;
  if (flags & (F_NBSP_SPACE | F_NBSP_KEEP)) p += PENALTY_NBSP;
  return p;
}

/**
 * A line read under one family: its source bytes and every unit that may start at each byte,
 * with the unit's saving before neighbour penalties. Computed once; every reading (scripts,
 * with or without re-inserted bytes, plain) reuses it.
 */
export interface Prepared {
  line: string;
  family: Family;
  src: SourceBytes;
  /** Units starting at byte i: indexes first[i] … first[i + 1] - 1. */
  first: Int32Array;
  len: Uint8Array;
  cp: Int32Array;
  flags: Uint8Array;
  cls: Uint8Array;
  /** Saving of the unit (source cost of its bytes − its cost − penalties), neighbours aside. */
  gain: Float64Array;
  script: Uint8Array;
  count: number;
}

/** Unit buffers, one set per family, reused from line to line. */
const unitBuffers = new Map<Family, Prepared>();

/**
 * Reads the line under `family`. The result lives in the family's buffers: it is valid until
 * the family reads another line. GBK and Big5 readings list re-inserted bytes (dropped 0xAD)
 * only when asked: they are only needed where a first reading leaves bytes without their pair.
 * (UTF-8 readings always list them: the decoder only offers them where a sequence breaks.)
 */
export function prepare(line: string, classes: Uint8Array, family: Family, insertions = family.target === 'utf8'): Prepared | undefined {
  const src = family.encode(line, classes);
  src.insertions = insertions;
  const n = src.n;
  // At most three readings start at a byte (a sequence, a resynchronised one, a lossy one).
  const capacity = 3 * n + 4;
  let p = unitBuffers.get(family);
  if (!p || p.len.length < capacity || p.first.length < n + 1) {
    const size = Math.max(capacity, 2 * (p?.len.length ?? 0), 256);
    p = {
      line, family, src, count: 0, first: new Int32Array(Math.ceil(size / 3) + 2),
      len: new Uint8Array(size), cp: new Int32Array(size), flags: new Uint8Array(size),
      cls: new Uint8Array(size), gain: new Float64Array(size), script: new Uint8Array(size),
    };
    unitBuffers.set(family, p);
  }
  const prepared = p;
  prepared.line = line;
  prepared.src = src;
  prepared.count = 0;
  const { first, len: unitLen, cp: unitCp, flags: unitFlags, cls: unitCls, gain: unitGain, script: unitScript } = prepared;
  const { share, charLen, cls } = src;
  let at = 0;
  let count = 0;
  const emit = (len: number, cp: number, flags: number) => {
    const u = count;
    if (u === capacity || (!insertions && flags & F_INSERTED)) return;
    let gain = share[at]! - charCost(cp) - (flags === 0 ? 0 : unitPenalty(flags));
    for (let b = at + 1; b < at + len; b++) gain += share[b]! + (charLen[b]! > 0 ? pairCost(cls[b - 1]!, cls[b]!) : 0);
    unitLen[u] = len;
    unitCp[u] = cp;
    unitFlags[u] = flags;
    unitCls[u] = classOf(cp);
    unitGain[u] = gain;
    unitScript[u] = hanScript(cp);
    count = u + 1;
  };
  const units = family.units;
  for (let i = 0; i < n; i++) {
    first[i] = count;
    at = i;
    units(src, i, emit);
  }
  first[n] = count;
  prepared.count = count;
  return count === 0 ? undefined : prepared;
}

/**
 * A quick estimate of what a GBK / Big5 reading of Latin-1 text saves, without allocating: the
 * best choice of pairs (base costs only). Used to leave out a reading that is far
 * behind another before reading the line properly.
 */
export function quickGain(line: string, family: Family): number {
  if (family.source === 'gbk' || family.source === 'big5') return quickUtf8InDoubleByteGain(line, family.source);
  const encode = singleByte(family.source as SingleByteName).encode;
  if (family.target === 'utf8') return quickUtf8Gain(line, encode);
  const { decode, trail } = doubleByte(family.target);
  const quarters = pairQuarters(family.target);
  // best[i] = the best saving over the first i characters, pairs taken or characters skipped
  // (a character skipped is a byte without its pair: a dropped byte puts greedy pairing out of
  // step for the rest of the line). Two running values stand for the array.
  let before = 0; // best[i - 1]
  let gain = 0; // best[i]
  if (line.length === 0) return 0;
  // The previous character: its byte and cost.
  const costs = unitCosts();
  let lead = encode[line.charCodeAt(0)]!;
  let leadCost = costs[line.charCodeAt(0)]!;
  for (let i = 1; i < line.length; i++) {
    let next = gain;
    const v = line.charCodeAt(i);
    const t = encode[v]!;
    const cost = costs[v]!;
    if (lead >= 0x81 && t >= 0x40 && trail[t]) {
      const code = lead << 8 | t;
      const q = quarters[code]!;
      if (q !== 0) {
        const pair = before + leadCost + cost - (q === 255 ? charCost(decode[code]!) : (q - 1) / 4);
        if (pair > next) next = pair;
      }
    }
    before = gain;
    gain = next;
    lead = t;
    leadCost = cost;
  }
  return gain;
}

const quarterTables = new Map<DoubleByteName, Uint8Array>();

/**
 * The base cost of the character each GBK or Big5 pair decodes to, in quarter bits plus one
 * (0: not a character; 255: look it up), in 64 KB instead of the 256 KB of the code table and
 * the cost table it stands for: quickGain reads it for every pair of the line.
 */
function pairQuarters(name: DoubleByteName): Uint8Array {
  let table = quarterTables.get(name);
  if (table) return table;
  const { decode } = doubleByte(name);
  table = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) {
    const cp = decode[code]!;
    if (cp === 0) continue;
    const q = charCost(cp) * 4;
    table[code] = Number.isInteger(q) && q < 254 ? q + 1 : 255;
  }
  quarterTables.set(name, table);
  return table;
}

/** The same for UTF-8 read as GBK or Big5: three-byte sequences decoded greedily. */
function quickUtf8InDoubleByteGain(line: string, name: 'gbk' | 'big5'): number {
  const { encodeBmp } = doubleByte(name);
  let gain = 0;
  // The last three bytes and the cost each carries (half its character's).
  let b0 = 0;
  let b1 = 0;
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < line.length; i++) {
    const u = line.charCodeAt(i);
    const pair = u < 0x80 ? u : u === 0x20ac && name === 'gbk' ? 0x80 : encodeBmp[u]!;
    const wide = pair > 0xff;
    const share = wide ? charCost(u) / 2 : charCost(u);
    for (let k = wide ? 1 : 0; k >= 0; k--) {
      const b = (pair >> (8 * k)) & 0xff;
      if (b0 >= 0xe0 && b0 <= 0xef && b1 >= 0x80 && b1 <= 0xbf && b >= 0x80 && b <= 0xbf) {
        const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b & 0x3f);
        gain += c0 + c1 + share - charCost(cp);
        b0 = 0;
        b1 = 0;
        continue;
      }
      b0 = b1;
      c0 = c1;
      b1 = b;
      c1 = share;
    }
  }
  return gain;
}

function quickUtf8Gain(line: string, encode: Int16Array): number {
  let gain = 0;
  for (let i = 0; i < line.length; i++) {
    const u = line.charCodeAt(i);
    const lead = u < 0x80 ? -1 : encode[u]!;
    const len = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > line.length) continue;
    let cp = lead & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    let source = charCost(u);
    let k = 1;
    for (; k < len; k++) {
      const v = line.charCodeAt(i + k);
      const b = encode[v]!;
      if (b < 0x80 || b > 0xbf) break;
      cp = cp << 6 | (b & 0x3f);
      source += charCost(v);
    }
    if (k < len || cp > 0x10ffff) continue;
    gain += source - (cp > 0xffff ? 5 : charCost(cp));
    i += len - 1;
  }
  return gain;
}

/**
 * The best reading of the line under `family`, as segments (possibly none).
 *
 * Two-state Viterbi over byte positions: the last item was the source character itself (its
 * class is known) or a decoded character (the best one's class is kept). Pair penalties are
 * counted where items meet, so a leftover "º" between repaired Han characters pays for it.
 * `strayCost` overrides the cost of a byte from 0x80 up left alone; with `words`, two decoded
 * characters save what their frequency in words is worth (wordBonus and charBonus of
 * mojibake-words.ts).
 */
/**
 * Whether the byte at i is punctuation Chinese is written with (——, “”, …: isChinesePunctuation)
 * that starts a character: the high bytes between it (and the punctuation right before it) and
 * the last ASCII byte or line edge are of even number, whole pairs. After an odd number it may be
 * a trail ("爲" is A0 91, read as " ‘").
 */
function typedPunctuation(p: Prepared, i: number): boolean {
  const { src, line } = p;
  if (!isChinesePunctuation(line.charCodeAt(src.unit[i]!))) return false;
  let j = i - 1;
  while (j >= 0 && src.bytes[j]! >= 0x80 && isChinesePunctuation(line.charCodeAt(src.unit[j]!))) j--;
  let high = 0;
  while (j >= 0 && src.bytes[j]! >= 0x80) {
    high++;
    j--;
  }
  return high % 2 === 0;
}

export function findSegments(p: Prepared, script: Script = 0, strayCost?: number, words = false): Segment[] {
  const { src, first } = p;
  const n = src.n;
  const { cls, charLen, bytes } = src;
  // In GBK or Big5 every byte from 0x81 up belongs to a pair: one left alone ("\u00a0I造" where
  // 營 is A0 49) is unlikely under the reading — unless it is punctuation Chinese is written
  // with, typed right (see typedPunctuation). (Only the choice of reading sees this; the
  // segments are judged on their exact saving.) UTF-8 readings leave bytes alone for free,
  // unless the caller already believes the line was misread so (see `strayCost`).
  const stray = strayCost ?? (p.family.target === 'utf8' ? 0 : STRAY_BYTE);
  const other = 3 - script;
  // State A: last item kept as it was; state B: last item decoded.
  ensureScratch(n + 1);
  const scoreA = scratchScoreA.fill(-Infinity, 0, n + 1);
  const scoreB = scratchScoreB.fill(-Infinity, 0, n + 1);
  const backA = scratchBackA; // from-slot * 2 + from-state
  const backB = scratchBackB;
  const unitB = scratchUnitB;
  scoreA[0] = 0;
  let anyUnit = false;
  const unitFlags = p.flags;
  const unitGain = p.gain;
  const unitCls = p.cls;
  const unitLen = p.len;
  const unitScript = p.script;
  const unitCp = p.cp;
  for (let i = 0; i < n; i++) {
    const edge = i > 0 && charLen[i]! > 0 ? pairCost(cls[i - 1]!, cls[i]!) : 0;
    const u0 = first[i]!;
    const u1 = first[i + 1]!;
    const len = charLen[i]!;
    for (let state = 0; state < 2; state++) {
      const here = state === 0 ? scoreA[i]! : scoreB[i]!;
      if (here === -Infinity) continue;
      const lastCls = i === 0 ? -1 : state === 0 ? cls[i - 1]! : unitCls[unitB[i]!]!;
      if (len > 0) {
        const value = here + (lastCls >= 0 ? edge - pairCost(lastCls, cls[i]!) : 0) - (bytes[i]! >= 0x80 && !typedPunctuation(p, i) ? stray : 0);
        if (value > scoreA[i + len]!) {
          scoreA[i + len] = value;
          backA[i + len] = i * 2 + state;
        }
      }
      const lastCp = words && state === 1 && i > 0 ? unitCp[unitB[i]!]! : -1;
      for (let u = u0; u < u1; u++) {
        let value = here + unitGain[u]! + (lastCls >= 0 ? edge - pairCost(lastCls, unitCls[u]!) : 0);
        if (script !== 0 && unitScript[u] === other) value -= SCRIPT_BIAS;
        if (words) value += charBonus(unitCp[u]!) + (lastCp >= 0 ? wordBonus(lastCp, unitCp[u]!) : 0);
        const j = i + unitLen[u]!;
        if (value > scoreB[j]!) {
          scoreB[j] = value;
          backB[j] = i * 2 + state;
          unitB[j] = u;
          anyUnit = true;
        }
      }
    }
  }
  if (!anyUnit || (scoreA[n] === -Infinity && scoreB[n] === -Infinity)) return [];
  // Walk back, keeping the decoded units only (a kept stretch between them becomes one marker).
  ensureChosen(n + 1);
  let m = 0;
  let state = scoreB[n]! > scoreA[n]! ? 1 : 0;
  for (let j = n; j > 0; ) {
    const back = state === 0 ? backA[j]! : backB[j]!;
    const i = back >> 1;
    if (state === 1) {
      const u = unitB[j]!;
      chosenFrom[m] = i;
      chosenLen[m] = unitLen[u]!;
      chosenCp[m] = unitCp[u]!;
      chosenFlags[m] = unitFlags[u]!;
      m++;
    } else if (m > 0 && chosenCp[m - 1] !== -1) {
      chosenFrom[m] = i;
      chosenLen[m] = 0;
      chosenCp[m] = -1;
      chosenFlags[m] = 0;
      m++;
    }
    state = back & 1;
    j = i;
  }
  // Last first: put them in order.
  for (let a = 0, b = m - 1; a < b; a++, b--) {
    swap(chosenFrom, a, b);
    swap(chosenLen, a, b);
    swap(chosenCp, a, b);
    swap(chosenFlags, a, b);
  }
  return segmentsOf(p.line, src, m, p.family);
}

function swap(array: Int32Array, a: number, b: number): void {
  const t = array[a]!;
  array[a] = array[b]!;
  array[b] = t;
}

/**
 * The units a reading chose, in order, as parallel arrays (no objects: the repair reads many
 * lines): byte slot, length, code point (-1: a stretch kept as it was) and flags. Filled by
 * findSegments or findPlainSegments and read at once by segmentsOf.
 */
let chosenFrom = new Int32Array(256);
let chosenLen = new Int32Array(256);
let chosenCp = new Int32Array(256);
let chosenFlags = new Int32Array(256);

function ensureChosen(size: number): void {
  if (size <= chosenFrom.length) return;
  const grow = (old: Int32Array) => {
    const next = new Int32Array(Math.max(size, 2 * old.length));
    next.set(old);
    return next;
  };
  chosenFrom = grow(chosenFrom);
  chosenLen = grow(chosenLen);
  chosenCp = grow(chosenCp);
  chosenFlags = grow(chosenFlags);
}

let scratchSize = 0;
let scratchScoreA = new Float64Array(0);
let scratchScoreB = new Float64Array(0);
let scratchBackA = new Int32Array(0);
let scratchBackB = new Int32Array(0);
let scratchUnitB = new Int32Array(0);

function ensureScratch(size: number): void {
  if (size <= scratchSize) return;
  scratchSize = Math.max(size, scratchSize * 2, 256);
  scratchScoreA = new Float64Array(scratchSize);
  scratchScoreB = new Float64Array(scratchSize);
  scratchBackA = new Int32Array(scratchSize);
  scratchBackB = new Int32Array(scratchSize);
  scratchUnitB = new Int32Array(scratchSize);
}

/**
 * The plain reading: every complete sequence decoded, left to right, whatever it costs. Text
 * garbled twice needs it — its first reading is still mojibake, which the Viterbi reading
 * may leave half-done.
 */
export function findPlainSegments(p: Prepared): Segment[] {
  const { src, first } = p;
  ensureChosen(src.n + 1);
  let m = 0;
  for (let i = 0; i < src.n; ) {
    let found = -1;
    for (let u = first[i]!; u < first[i + 1]!; u++) {
      if ((p.flags[u]! & ~F_CESU) === 0) {
        found = u;
        break;
      }
    }
    chosenFrom[m] = i;
    if (found >= 0) {
      chosenLen[m] = p.len[found]!;
      chosenCp[m] = p.cp[found]!;
      chosenFlags[m] = p.flags[found]!;
    } else {
      const len = src.charLen[i]!;
      if (len === 0) return [];
      chosenLen[m] = len;
      chosenCp[m] = -1;
      chosenFlags[m] = 0;
    }
    i += chosenLen[m]!;
    m++;
  }
  return segmentsOf(p.line, src, m, p.family);
}

/** Segments of the `count` chosen units (runs of decoded units). */
function segmentsOf(line: string, src: SourceBytes, count: number, family: Family): Segment[] {
  const segments: Segment[] = [];
  let k = 0;
  while (k < count) {
    if (chosenCp[k]! < 0) {
      k++;
      continue;
    }
    const first = k;
    while (k < count && chosenCp[k]! >= 0) k++;
    segments.push(describe(line, src.unit, src.n, first, k, family));
  }
  return segments;
}

/** The decoded text of a segment is built here, a code unit at a time. */
let afterUnits = new Uint16Array(256);

function describe(line: string, unitOf: Int32Array, n: number, firstUnit: number, endUnit: number, family: Family): Segment {
  const firstSlot = chosenFrom[firstUnit]!;
  const endSlot = chosenFrom[endUnit - 1]! + chosenLen[endUnit - 1]!;
  const start = unitOf[firstSlot]!;
  const end = endSlot < n ? unitOf[endSlot]! : line.length;
  let flags = 0;
  let penalty = 0;
  const seg: Segment = {
    family, start, end, before: line.slice(start, end), after: '', gain: 0, flags: 0,
    decoded: 0, han: 0, hanCommon: 0, hanMedium: 0, simplified: 0, traditional: 0, cjkOther: 0, foreign: 0, letters: 0, typo: 0, bad: 0, weak: 0, inserted: 0,
  };
  if (afterUnits.length < 2 * (endUnit - firstUnit)) afterUnits = new Uint16Array(Math.max(2 * (endUnit - firstUnit), 2 * afterUnits.length));
  let length = 0;
  for (let c = firstUnit; c < endUnit; c++) {
    const cp = chosenCp[c]!;
    const unitFlags = chosenFlags[c]!;
    if (cp < 0x10000) afterUnits[length++] = cp;
    else {
      afterUnits[length++] = 0xd800 + ((cp - 0x10000) >> 10);
      afterUnits[length++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    flags |= unitFlags;
    if (unitFlags !== 0) {
      penalty += unitPenalty(unitFlags);
      if (unitFlags & (F_NBSP_KEEP | F_NBSP_SPACE | F_LOSSY)) seg.weak++;
      if (unitFlags & F_INSERTED) seg.inserted++;
    }
    const k = classOf(cp);
    if (cp < 0x80) {
      // ASCII inside a reading (UTF-8 read as GBK: "和E" became "鍜孍"): only a control counts.
      if (k === K_CONTROL) {
        seg.bad++;
        seg.foreign++;
      }
      continue;
    }
    seg.decoded++;
    if (isLetterClass(k) || isHanClass(k)) seg.letters++;
    if (isHanClass(k)) {
      seg.han++;
      if (k === K_HAN || k === K_HAN_CORE) {
        seg.hanCommon++;
        const script = hanScript(cp);
        if (script === 1) seg.simplified++;
        else if (script === 2) seg.traditional++;
      } else if (k === K_HAN_MEDIUM) seg.hanMedium++;
    } else if (isCjkClass(k)) {
      seg.cjkOther++;
    } else if ((k === K_BAD && cp !== 0xfffd) || (k === K_CONTROL && !(cp >= 0x80 && cp <= 0x9f))) {
      seg.bad++;
      seg.foreign++;
    } else if (isTypoClass(k)) {
      seg.typo++;
    } else if (!(unitFlags & F_LOSSY)) {
      seg.foreign++;
    }
  }
  const after = stringOf(afterUnits, length);
  seg.after = after;
  seg.flags = flags;
  const left = start > 0 ? line.codePointAt(start - 1)! : -1;
  const leftCp = start > 1 && left >= 0xdc00 && left <= 0xdfff ? line.codePointAt(start - 2)! : left;
  const right = end < line.length ? line.codePointAt(end)! : -1;
  seg.gain = textCost(seg.before, leftCp, right) - textCost(after, leftCp, right) - penalty;
  return seg;
}

/** The first `length` code units as a string. */
function stringOf(units: Uint16Array, length: number): string {
  if (length === 1) return String.fromCharCode(units[0]!);
  let text = '';
  for (let at = 0; at < length; at += 4096) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + 4096)) as unknown as number[]);
  return text;
}
