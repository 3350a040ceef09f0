/**
 * Decision of the mojibake repair: which of the segments the span search proposed are
 * repaired. A family's segments are judged together for the line (one garbled clause is often
 * cut into several segments by digits or punctuation), then families that propose different
 * readings of the same text compete, and a reading is taken only when it clearly wins.
 */
import { FAMILIES, F_LOSSY, F_NBSP_KEEP, F_NBSP_SPACE, type Family } from './mojibake-decoders.js';
import { singleByte, type SingleByteName } from './charsets.js';
import { findSegments, type Segment } from './mojibake-spans.js';
import { K_CJK_ODDPUNCT, K_CJK_PUNCT, K_FULLWIDTH, K_HAN_CORE, K_HAN, K_HAN_EXT, K_HAN_MEDIUM, K_HAN_RARE, K_KANA_HANGUL, classOf, lineClasses } from './mojibake-score.js';

/** A repair of one span of a line. */
export interface Repair {
  start: number;
  end: number;
  before: string;
  after: string;
  kind: string;
  gain: number;
}

/** Minimum saving (cost bits) for a family's repairs in a line. */
const MIN_GAIN = 5;
/** The winner must save this much more than the runner-up (bits), and this share more. */
const CLEAR_MARGIN = 4;
const CLEAR_SHARE = 0.1;

export function decideLine(line: string, depth = 0): Repair[] {
  const classes = lineClasses(line);
  const proposals: Segment[][] = [];
  for (const family of FAMILIES) {
    const segments = findSegments(line, classes, family).filter((s) => s.gain > 0 && s.bad === 0);
    if (segments.length === 0) continue;
    const accepted = accept(line, family, segments);
    if (accepted.length > 0) proposals.push(accepted);
  }
  const chosen = resolve(proposals);
  const repairs: Repair[] = chosen.map((s) => ({ start: s.start, end: s.end, before: s.before, after: s.after, kind: s.family.kind(s.before), gain: s.gain }));
  // Text garbled more than once: repair the repair.
  if (depth < 2) {
    for (const r of repairs) {
      if (!/[\u0080-\uffff]/.test(r.after)) continue;
      const again = decideLine(r.after, depth + 1);
      if (again.length === 0) continue;
      let text = '';
      let at = 0;
      for (const a of again) {
        text += r.after.slice(at, a.start) + a.after;
        at = a.end;
      }
      r.after = text + r.after.slice(at);
      const kinds = new Set(again.map((a) => a.kind));
      r.kind = kinds.size === 1 && kinds.has(r.kind) ? repeated(r.kind) : [r.kind, ...kinds].join('+');
    }
  }
  if (depth === 0) repairs.push(...c1Controls(line, repairs));
  repairs.sort((a, b) => a.start - b.start);
  return repairs;
}

function repeated(kind: string): string {
  if (kind.endsWith('-twice')) return kind.replace(/-twice$/, '-thrice');
  if (kind.endsWith('-thrice')) return kind;
  return `${kind}-twice`;
}

// ───────────────────────────── one family, one line ─────────────────────────────

function sum(segments: Segment[], key: keyof Segment): number {
  let total = 0;
  for (const s of segments) total += s[key] as number;
  return total;
}

function outside(line: string, segments: Segment[], test: (cp: number) => boolean): number {
  let count = 0;
  let k = 0;
  for (let i = 0; i < line.length; i++) {
    while (k < segments.length && segments[k]!.end <= i) k++;
    const seg = segments[k];
    if (seg && i >= seg.start && i < seg.end) continue;
    const cp = line.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (test(cp)) count++;
  }
  return count;
}

function isCjk(cp: number): boolean {
  const k = classOf(cp);
  return k === K_HAN || k === K_HAN_CORE || k === K_HAN_MEDIUM || k === K_HAN_RARE || k === K_HAN_EXT || k === K_CJK_PUNCT || k === K_CJK_ODDPUNCT || k === K_KANA_HANGUL || k === K_FULLWIDTH;
}

function accept(line: string, family: Family, segments: Segment[]): Segment[] {
  if (family.target === 'gbk' || family.target === 'big5') return acceptLegacyCjk(line, segments);
  if (family.source === 'gbk' || family.source === 'big5') return acceptUtf8AsCjk(line, segments);
  return acceptUtf8AsSingleByte(line, family, segments);
}

/** Han-ness of the decoded text: true when the Han characters are overwhelmingly common ones. */
function commonEnough(han: number, common: number, medium: number): boolean {
  const rare = han - common - medium;
  if (han <= 4) return rare === 0 && medium <= Math.floor(han / 3);
  return common + 0.5 * medium >= 0.85 * han && rare <= 0.1 * han;
}

/** GBK / Big5 bytes read as Latin-1 or Windows-1252. */
function acceptLegacyCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0);
  if (segments.length === 0) return [];
  const han = sum(segments, 'han');
  const cjk = han + sum(segments, 'cjkOther');
  if (!commonEnough(han, sum(segments, 'hanCommon'), sum(segments, 'hanMedium'))) return [];
  const cjkContext = outside(line, segments, isCjk) > 0;
  if (han < 1 || (cjk < 2 && !cjkContext)) return [];
  const mixed = Math.min(sum(segments, 'simplified'), sum(segments, 'traditional'));
  const gain = sum(segments, 'gain') - 4 * mixed;
  return gain >= MIN_GAIN ? segments : [];
}

/** UTF-8 bytes read as GBK or Big5: only Chinese-looking results are believed. */
function acceptUtf8AsCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0 || s.flags & F_LOSSY);
  if (segments.length === 0) return [];
  const han = sum(segments, 'han');
  const decoded = sum(segments, 'decoded') - sum(segments, 'weak');
  const cjk = han + sum(segments, 'cjkOther');
  if (cjk < 0.8 * decoded || han < 1) return [];
  if (!commonEnough(han, sum(segments, 'hanCommon'), sum(segments, 'hanMedium'))) return [];
  if (cjk < 2 && outside(line, segments, isCjk) === 0) return [];
  const mixed = Math.min(sum(segments, 'simplified'), sum(segments, 'traditional'));
  const gain = sum(segments, 'gain') - 4 * mixed;
  return gain >= MIN_GAIN ? segments : [];
}

/** UTF-8 bytes read as a single-byte code page. */
function acceptUtf8AsSingleByte(line: string, family: Family, segments: Segment[]): Segment[] {
  const strong = segments.filter((s) => s.weak < s.decoded);
  const weakOnly = segments.filter((s) => s.weak >= s.decoded);
  const strongGain = sum(strong, 'gain');
  // Non-ASCII characters left as they are although this misreading would have garbled them too.
  const encode = singleByte(family.source as SingleByteName).encode;
  const clean = outside(line, segments, (cp) => cp >= 0xa0 && cp !== 0xfffd && cp < 0x10000 && encode[cp]! >= 0xa0 || (cp > 0xff && cp < 0x10000 && encode[cp]! >= 0x80));
  const needed = MIN_GAIN + 8 * clean;
  if (strongGain >= needed) return segments;
  // Only NBSP / lost-byte readings: believed alone when the saving is large.
  if (strong.length === 0 && weakOnly.some((s) => s.gain >= 7) && clean === 0) return weakOnly.filter((s) => s.gain >= 7 || !(s.flags & (F_NBSP_KEEP | F_NBSP_SPACE)));
  return [];
}

// ───────────────────────────── families against each other ─────────────────────────────

function overlaps(a: Segment, b: Segment): boolean {
  return a.start < b.end && b.start < a.end;
}

function resolve(proposals: Segment[][]): Segment[] {
  const all = proposals.flat().sort((a, b) => a.start - b.start);
  // Clusters of overlapping segments.
  const chosen: Segment[] = [];
  let i = 0;
  while (i < all.length) {
    let end = all[i]!.end;
    let j = i + 1;
    while (j < all.length && all[j]!.start < end) {
      end = Math.max(end, all[j]!.end);
      j++;
    }
    const cluster = all.slice(i, j);
    i = j;
    const byFamily = new Map<Family, Segment[]>();
    for (const s of cluster) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s]);
    const ranked = [...byFamily.entries()].map(([family, segs]) => ({ family, segs, gain: sum(segs, 'gain') })).sort((a, b) => b.gain - a.gain);
    const winner = ranked[0]!;
    const text = (segs: Segment[]) => segs.map((s) => `${s.start}:${s.end}:${s.after}`).join('|');
    const rival = ranked.slice(1).find((r) => text(r.segs) !== text(winner.segs) && r.segs.some((s) => winner.segs.some((w) => overlaps(s, w))));
    if (rival && winner.gain - rival.gain < Math.max(CLEAR_MARGIN, CLEAR_SHARE * winner.gain)) continue;
    chosen.push(...winner.segs);
  }
  return chosen;
}

// ───────────────────────────── C1 controls ─────────────────────────────

/** Windows-1252 text read as Latin-1: a C1 control standing for a Windows-1252 character. */
function c1Controls(line: string, repairs: Repair[]): Repair[] {
  const out: Repair[] = [];
  const decode = singleByte('cp1252').decode;
  for (let i = 0; i < line.length; i++) {
    const u = line.charCodeAt(i);
    if (u < 0x80 || u > 0x9f) continue;
    const mapped = decode[u]!;
    if (mapped === u) continue;
    if (repairs.some((r) => i >= r.start && i < r.end)) continue;
    out.push({ start: i, end: i + 1, before: line[i]!, after: String.fromCharCode(mapped), kind: 'cp1252-as-latin1', gain: 0 });
  }
  return out;
}
