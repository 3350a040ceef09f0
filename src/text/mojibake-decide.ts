/**
 * Decision of the mojibake repair: which of the segments the span search proposed are
 * repaired. A family's segments are judged together for the line (one garbled clause is often
 * cut into several segments by digits or punctuation), then families that propose different
 * readings of the same text compete, and a reading is taken only when it clearly wins.
 */
import { FAMILIES, F_LOSSY, type Family } from './mojibake-decoders.js';
import { singleByte, type SingleByteName } from './charsets.js';
import { findSegments, type Segment } from './mojibake-spans.js';
import { classOf, isCjkClass, lineClasses, textCost } from './mojibake-score.js';

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
/** Extra saving needed per non-ASCII character the misreading would have garbled but did not. */
const INCONSISTENCY = 8;

export function decideLine(line: string): Repair[] {
  const repairs: Repair[] = decideOnce(line).map((s) => ({ start: s.start, end: s.end, before: s.before, after: s.after, kind: kindOf(s), gain: s.gain }));
  // Text garbled more than once: read the repaired line again, inside the repairs only.
  for (let pass = 0; pass < 2 && repairs.some((r) => /[\u0080-\uffff]/.test(r.after)); pass++) {
    let text = '';
    let at = 0;
    const spans: Array<[number, number]> = [];
    for (const r of repairs) {
      text += line.slice(at, r.start);
      spans.push([text.length, text.length + r.after.length]);
      text += r.after;
      at = r.end;
    }
    text += line.slice(at);
    const again = decideOnce(text, spans);
    if (again.length === 0) break;
    for (const a of again) {
      const k = spans.findIndex(([from, to]) => a.start >= from && a.end <= to);
      const r = repairs[k]!;
      const from = spans[k]![0];
      r.after = r.after.slice(0, a.start - from) + a.after + r.after.slice(a.end - from);
      const kind = a.family.kind(a.before);
      r.kind = kind === r.kind.replace(/-(twice|thrice)$/, '') ? repeated(r.kind) : `${r.kind}+${kind}`;
    }
  }
  repairs.push(...c1Controls(line, repairs));
  repairs.sort((a, b) => a.start - b.start);
  return repairs;
}

/** One reading of the line; with `within`, only segments inside those spans count. */
function decideOnce(line: string, within?: Array<[number, number]>): Segment[] {
  const classes = lineClasses(line);
  const proposals: Segment[][] = [];
  for (const family of FAMILIES) {
    let segments = findSegments(line, classes, family).filter((s) => s.gain > 0 && s.bad === 0);
    if (within) segments = segments.filter((s) => within.some(([from, to]) => s.start >= from && s.end <= to));
    if (segments.length === 0) continue;
    if (family.target === 'utf8' && family.source !== 'gbk' && family.source !== 'big5') segments = segments.map((s) => deepen(line, s));
    const accepted = accept(line, family, segments);
    if (accepted.length > 0) proposals.push(accepted);
  }
  return resolve(proposals);
}

/** 'utf8-as-cp1252', 'utf8-as-cp1252-twice', 'utf8-as-cp1251+utf8-as-cp1252', … */
function kindOf(segment: Segment): string {
  const chain = segment.chain ?? [segment.family.kind(segment.before)];
  let kind = chain[0]!;
  for (const next of chain.slice(1)) kind = next === kind.replace(/-(twice|thrice)$/, '') ? repeated(kind) : `${kind}+${next}`;
  return kind;
}

function repeated(kind: string): string {
  if (kind.endsWith('-twice')) return kind.replace(/-twice$/, '-thrice');
  if (kind.endsWith('-thrice')) return kind;
  return `${kind}-twice`;
}

/**
 * UTF-8 read as a single-byte code page twice (or three times): a segment whose repair reads
 * as such mojibake again is judged by its final reading, which is how it competes with other
 * readings of the same bytes.
 */
function deepen(line: string, segment: Segment): Segment {
  let current = segment;
  for (let depth = 0; depth < 2; depth++) {
    const text = current.after;
    if (!/[\u0080-\uffff]/.test(text)) break;
    const classes = lineClasses(text);
    let best: { family: Family; segments: Segment[]; gain: number } | undefined;
    for (const family of FAMILIES) {
      if (family.target !== 'utf8' || family.source === 'gbk' || family.source === 'big5') continue;
      const segments = findSegments(text, classes, family).filter((s) => s.gain > 0 && s.bad === 0);
      const gain = sum(segments, 'gain') - family.prior;
      if (segments.length > 0 && gain >= MIN_GAIN && (!best || gain > best.gain)) best = { family, segments, gain };
    }
    if (!best) break;
    let after = '';
    let at = 0;
    for (const s of best.segments) {
      after += text.slice(at, s.start) + s.after;
      at = s.end;
    }
    after += text.slice(at);
    const left = segment.start > 0 ? line.codePointAt(segment.start - 1)! : -1;
    const right = segment.end < line.length ? line.codePointAt(segment.end)! : -1;
    const gain = textCost(segment.before, left, right) - textCost(after, left, right);
    if (gain <= current.gain) break;
    const kind = best.family.kind(best.segments.map((s) => s.before).join(''));
    const chain = current.chain ?? [current.family.kind(current.before)];
    current = { ...current, after, gain, chain: [...chain, kind] };
  }
  return current;
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
  return isCjkClass(classOf(cp));
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

/**
 * Longest run of decoded CJK characters, counting consecutive segments as one run when only
 * digits, spaces or ASCII punctuation separate them ("2021Äê10ÔÂ" → 年, 月: a run of 2), and
 * longest single segment.
 */
function cjkRuns(line: string, segments: Segment[]): { glued: number; pure: number } {
  let glued = 0;
  let pure = 0;
  let run = 0;
  let prevEnd = -1;
  for (const s of segments) {
    const count = s.han + s.cjkOther;
    pure = Math.max(pure, count);
    if (prevEnd >= 0 && /^[\x20-\x40\x5b-\x60\x7b-\x7e]*$/.test(line.slice(prevEnd, s.start))) run += count;
    else run = count;
    glued = Math.max(glued, run);
    prevEnd = s.end;
  }
  return { glued, pure };
}

/** ASCII words of two letters or more outside the segments. */
function latinWords(line: string, segments: Segment[]): number {
  let words = 0;
  let at = 0;
  for (const s of [...segments, { start: line.length, end: line.length }]) {
    words += (line.slice(at, s.start).match(/[A-Za-z]{2,}/g) ?? []).length;
    at = s.end;
  }
  return words;
}

/** Common ground of the two CJK-producing families: Chinese-looking, with enough of it. */
function cjkEvidence(line: string, segments: Segment[]): boolean {
  const han = sum(segments, 'han');
  if (han < 1) return false;
  if (!commonEnough(han, sum(segments, 'hanCommon'), sum(segments, 'hanMedium'))) return false;
  const context = outside(line, segments, isCjk) > 0;
  const { glued, pure } = cjkRuns(line, segments);
  if (glued < 2 && !context) return false;
  // Lone characters sprinkled over Latin prose are not Chinese.
  if (pure < 2 && !context && latinWords(line, segments) >= 2) return false;
  const mixed = Math.min(sum(segments, 'simplified'), sum(segments, 'traditional'));
  return sum(segments, 'gain') - 4 * mixed >= MIN_GAIN;
}

/** GBK / Big5 bytes read as Latin-1 or Windows-1252. */
function acceptLegacyCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0);
  return segments.length > 0 && cjkEvidence(line, segments) ? segments : [];
}

/** UTF-8 bytes read as GBK or Big5: only Chinese-looking results are believed. */
function acceptUtf8AsCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0 || s.flags & F_LOSSY);
  if (segments.length === 0) return [];
  const decoded = sum(segments, 'decoded') - sum(segments, 'weak');
  const cjk = sum(segments, 'han') + sum(segments, 'cjkOther');
  if (cjk < 0.8 * decoded) return [];
  return cjkEvidence(line, segments) ? segments : [];
}

/** UTF-8 bytes read as a single-byte code page. */
function acceptUtf8AsSingleByte(line: string, family: Family, segments: Segment[]): Segment[] {
  // Non-ASCII characters left as they are although this misreading would have garbled them
  // too: each one makes the line less likely to have been misread this way.
  const encode = singleByte(family.source as SingleByteName).encode;
  const clean = outside(line, segments, (cp) => cp >= 0xa0 && cp < 0x10000 && cp !== 0xfffd && encode[cp]! >= 0x80);
  const gain = sum(segments, 'gain') - family.prior;
  return gain >= MIN_GAIN + INCONSISTENCY * clean ? segments : [];
}

// ───────────────────────────── families against each other ─────────────────────────────

function overlaps(a: Segment, b: Segment): boolean {
  return a.start < b.end && b.start < a.end;
}

function close(best: number, other: number): boolean {
  return other > best - Math.max(CLEAR_MARGIN, CLEAR_SHARE * best);
}

/**
 * Families in order of their total saving over the line; a segment is taken unless another
 * family reads the same text differently and either clearly better there, or about as well
 * there and about as well over the line (then nobody can tell: the text stays).
 */
function resolve(proposals: Segment[][]): Segment[] {
  const ranked = proposals.map((segs) => ({ segs, total: sum(segs, 'gain') })).sort((a, b) => b.total - a.total);
  const taken: Segment[] = [];
  for (const { segs, total } of ranked) {
    for (const seg of segs) {
      if (taken.some((t) => overlaps(t, seg))) continue;
      let keep = true;
      for (const rival of ranked) {
        if (rival.segs === segs) continue;
        const against = rival.segs.filter((r) => overlaps(r, seg));
        if (against.length === 0) continue;
        if (against.length === 1 && against[0]!.start === seg.start && against[0]!.end === seg.end && against[0]!.after === seg.after) continue;
        const local = sum(against, 'gain');
        if (local >= seg.gain + CLEAR_MARGIN || (close(seg.gain, local) && close(Math.max(total, rival.total), Math.min(total, rival.total)))) {
          keep = false;
          break;
        }
      }
      if (keep) taken.push(seg);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
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
