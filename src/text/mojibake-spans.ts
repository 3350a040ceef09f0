/**
 * Span search of the mojibake repair. For one family and one line, a dynamic programme over
 * the source bytes picks the reading that saves the most cost: at each character boundary the
 * character may stay as it is (gain 0), and at any byte a decoded unit may start (gain = what
 * its source bytes cost as they stood − what the decoded character costs − a penalty for any
 * resynchronisation). Consecutive decoded units form a segment; each segment is then re-scored
 * exactly, with its neighbours as context, and described for the decision.
 */
import { F_CESU, F_INSERTED, F_LOSSY, F_NBSP_KEEP, F_NBSP_SPACE, type Family, type SourceBytes } from './mojibake-decoders.js';
import {
  K_BAD, K_CONTROL, K_HAN, K_HAN_CORE, K_HAN_MEDIUM, charCost, classOf, hanScript, isCjkClass, isHanClass, isTypoClass, pairCost, textCost,
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

interface Chosen {
  from: number; // byte slot
  len: number;
  cp: number;
  flags: number;
}

function unitPenalty(flags: number): number {
  let p = 0;
  if (flags & F_INSERTED) p += PENALTY_INSERTED;
  if (flags & (F_NBSP_SPACE | F_NBSP_KEEP)) p += PENALTY_NBSP;
  return p;
}

/**
 * The best reading of the line under `family`, as segments (possibly none).
 *
 * Two-state Viterbi over byte positions: the last item was the source character itself (its
 * class is known) or a decoded character (the best one's class is kept). Pair penalties are
 * counted where items meet, so a leftover "º" between repaired Han characters pays for it.
 */
export function findSegments(line: string, classes: Uint8Array, family: Family, script: Script = 0, insertions = true): Segment[] {
  const src = family.encode(line, classes);
  const n = src.n;
  const { cls, charLen, share } = src;
  // The source pair penalty at each character start.
  const pairAt = new Float64Array(n);
  for (let i = 1; i < n; i++) if (charLen[i]! > 0) pairAt[i] = pairCost(cls[i - 1]!, cls[i]!);
  // In GBK or Big5 every byte from 0x81 up belongs to a pair: one left alone ("\u00a0I造" where
  // 營 is A0 49) is unlikely under the reading. (Only the choice of reading sees this; the
  // segments are judged on their exact saving.)
  const stray = family.target === 'utf8' ? 0 : STRAY_BYTE;
  // State A: last item kept as it was; state B: last item decoded.
  const scoreA = new Float64Array(n + 1).fill(-Infinity);
  const scoreB = new Float64Array(n + 1).fill(-Infinity);
  const backA = new Int32Array(n + 1); // from-slot * 2 + from-state
  const backB = new Int32Array(n + 1);
  const classB = new Uint8Array(n + 1);
  const cpB = new Int32Array(n + 1);
  const flagsB = new Int32Array(n + 1);
  scoreA[0] = 0;
  let anyUnit = false;
  for (let i = 0; i < n; i++) {
    for (let state = 0; state < 2; state++) {
      const here = state === 0 ? scoreA[i]! : scoreB[i]!;
      if (here === -Infinity) continue;
      const lastCls = state === 0 ? (i > 0 ? cls[i - 1]! : -1) : classB[i]!;
      const boundary = (firstCls: number) => (i > 0 && lastCls >= 0 ? pairAt[i]! - pairCost(lastCls, firstCls) : 0);
      const len = charLen[i]!;
      if (len > 0) {
        const value = here + boundary(cls[i]!) - (src.bytes[i]! >= 0x80 ? stray : 0);
        if (value > scoreA[i + len]!) {
          scoreA[i + len] = value;
          backA[i + len] = i * 2 + state;
        }
      }
      family.units(src, i, (ulen, cp, flags) => {
        if (!insertions && flags & F_INSERTED) return;
        const k = classOf(cp);
        let gain = share[i]! - charCost(cp) - unitPenalty(flags);
        if (script !== 0 && hanScript(cp) === 3 - script) gain -= SCRIPT_BIAS;
        for (let b = i + 1; b < i + ulen; b++) gain += share[b]! + pairAt[b]!;
        const value = here + boundary(k) + gain;
        const j = i + ulen;
        if (value > scoreB[j]!) {
          scoreB[j] = value;
          backB[j] = i * 2 + state;
          classB[j] = k;
          cpB[j] = cp;
          flagsB[j] = flags;
          anyUnit = true;
        }
      });
    }
  }
  if (!anyUnit || (scoreA[n] === -Infinity && scoreB[n] === -Infinity)) return [];
  // Walk back.
  const chosen: Chosen[] = [];
  let state = scoreB[n]! > scoreA[n]! ? 1 : 0;
  for (let j = n; j > 0; ) {
    const back = state === 0 ? backA[j]! : backB[j]!;
    const i = back >> 1;
    chosen.push(state === 0 ? { from: i, len: j - i, cp: -1, flags: 0 } : { from: i, len: j - i, cp: cpB[j]!, flags: flagsB[j]! });
    state = back & 1;
    j = i;
  }
  chosen.reverse();
  return segmentsOf(line, src, chosen, family);
}

/**
 * The plain reading: every complete sequence decoded, left to right, whatever it costs. Text
 * garbled twice needs it — its first reading is still mojibake, which the Viterbi reading
 * may leave half-done.
 */
export function findPlainSegments(line: string, classes: Uint8Array, family: Family): Segment[] {
  const src = family.encode(line, classes);
  const chosen: Chosen[] = [];
  for (let i = 0; i < src.n; ) {
    let unit: Chosen | undefined;
    family.units(src, i, (len, cp, flags) => {
      if (!unit && (flags & ~F_CESU) === 0) unit = { from: i, len, cp, flags };
    });
    if (!unit) {
      const len = src.charLen[i]!;
      if (len === 0) return [];
      unit = { from: i, len, cp: -1, flags: 0 };
    }
    chosen.push(unit);
    i += unit.len;
  }
  return segmentsOf(line, src, chosen, family);
}

function segmentsOf(line: string, src: SourceBytes, chosen: Chosen[], family: Family): Segment[] {
  const segments: Segment[] = [];
  let k = 0;
  while (k < chosen.length) {
    if (chosen[k]!.cp < 0) {
      k++;
      continue;
    }
    const first = k;
    while (k < chosen.length && chosen[k]!.cp >= 0) k++;
    segments.push(describe(line, src.unit, src.n, chosen.slice(first, k), family));
  }
  return segments;
}

function describe(line: string, unitOf: Int32Array, n: number, units: Chosen[], family: Family): Segment {
  const firstSlot = units[0]!.from;
  const last = units[units.length - 1]!;
  const endSlot = last.from + last.len;
  const start = unitOf[firstSlot]!;
  const end = endSlot < n ? unitOf[endSlot]! : line.length;
  let after = '';
  let flags = 0;
  let penalty = 0;
  const seg: Segment = {
    family, start, end, before: line.slice(start, end), after: '', gain: 0, flags: 0,
    decoded: 0, han: 0, hanCommon: 0, hanMedium: 0, simplified: 0, traditional: 0, cjkOther: 0, foreign: 0, bad: 0, weak: 0, inserted: 0,
  };
  for (const u of units) {
    after += String.fromCodePoint(u.cp);
    flags |= u.flags;
    penalty += unitPenalty(u.flags);
    if (u.flags & (F_NBSP_KEEP | F_NBSP_SPACE | F_LOSSY)) seg.weak++;
    if (u.flags & F_INSERTED) seg.inserted++;
    if (u.cp >= 0x80) seg.decoded++;
    const k = classOf(u.cp);
    if (isHanClass(k)) {
      seg.han++;
      if (k === K_HAN || k === K_HAN_CORE) {
        seg.hanCommon++;
        const script = hanScript(u.cp);
        if (script === 1) seg.simplified++;
        else if (script === 2) seg.traditional++;
      } else if (k === K_HAN_MEDIUM) seg.hanMedium++;
    } else if (isCjkClass(k)) {
      seg.cjkOther++;
    } else if ((k === K_BAD && u.cp !== 0xfffd) || (k === K_CONTROL && !(u.cp >= 0x80 && u.cp <= 0x9f))) {
      seg.bad++;
      seg.foreign++;
    } else if (u.cp >= 0x80 && !isTypoClass(k) && !(u.flags & F_LOSSY)) {
      seg.foreign++;
    }
  }
  // An NBSP put back before a space that stays: the space is not part of the segment.
  seg.after = after;
  seg.flags = flags;
  const left = start > 0 ? line.codePointAt(start - 1)! : -1;
  const leftCp = start > 1 && left >= 0xdc00 && left <= 0xdfff ? line.codePointAt(start - 2)! : left;
  const right = end < line.length ? line.codePointAt(end)! : -1;
  seg.gain = textCost(seg.before, leftCp, right) - textCost(after, leftCp, right) - penalty;
  return seg;
}
