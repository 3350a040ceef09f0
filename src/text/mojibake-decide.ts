/**
 * Decision of the mojibake repair: which of the segments the span search proposed are
 * repaired. A family's segments are judged together for the line (one garbled clause is often
 * cut into several segments by digits or punctuation), then families that propose different
 * readings of the same text compete, and a reading is taken only when it clearly wins.
 */
import { FAMILIES, F_LOSSY, type Family } from './mojibake-decoders.js';
import { singleByte, type SingleByteName } from './charsets.js';
import { STRAY_BYTE, findPlainSegments, findSegments, type Script, type Segment } from './mojibake-spans.js';
import { classOf, hanScript, isCjkClass, lineClasses, textCost } from './mojibake-score.js';

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
/** The winner must save this much more than the runner-up (bits), more for long readings. */
const CLEAR_MARGIN = 4;
const CLEAR_PER_ROOT = 1;
/** Cost per character of the minority script when simplified and traditional are mixed. */
const MIXED_SCRIPT = 4;
/** Saving per Han character agreeing with the script (simplified / traditional) of the line. */
const SCRIPT_AGREEMENT = 1.5;
/** Extra prior cost (bits) of Chinese read through a code page other than Windows-1252. */
const CJK_THROUGH_RARE_PAGE = 4;
/** Minimum saving per decoded character: of a UTF-8 segment to count, of a Chinese reading on average. */
const MIN_SEGMENT_GAIN = 2;
const MIN_CJK_GAIN = 3.5;
/** Extra saving needed per non-ASCII character the misreading would have garbled but did not. */
const INCONSISTENCY = 4;

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
    const cjk = family.target !== 'utf8' || family.source === 'gbk' || family.source === 'big5';
    let segments = cjk ? cjkReading(line, classes, family, within) : readingOf(line, classes, family, 0, within);
    if (segments.length === 0) continue;
    if (family.target === 'utf8' && family.source !== 'gbk' && family.source !== 'big5') {
      segments = segments.map((s) => deepen(line, s));
      segments = withPlainReading(line, classes, family, segments, within);
    }
    segments = withPrior(family, segments);
    const accepted = accept(line, family, segments);
    if (accepted.length > 0) proposals.push(accepted);
  }
  return resolve(proposals);
}

/**
 * The family's prior cost, shared out over its segments by the characters they decode, so
 * that every comparison sees it. Chinese read through a Central European, Cyrillic, Baltic,
 * Mac or DOS code page is rarer still than European text read so.
 */
function withPrior(family: Family, segments: Segment[]): Segment[] {
  let prior = family.prior;
  if (prior > 0 && sum(segments, 'han') + sum(segments, 'cjkOther') > sum(segments, 'decoded') / 2) prior += CJK_THROUGH_RARE_PAGE;
  if (prior === 0) return segments;
  const decoded = Math.max(1, sum(segments, 'decoded'));
  return segments.map((s) => ({ ...s, gain: s.gain - (prior * Math.max(1, s.decoded)) / decoded }));
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

/**
 * Where the plain reading (every sequence decoded), read again, beats the best single reading
 * of the same text, take it: "Ã¯Â¼Å’" is "ï¼Œ" is "，".
 */
function withPlainReading(line: string, classes: Uint8Array, family: Family, segments: Segment[], within?: Array<[number, number]>): Segment[] {
  let plain = findPlainSegments(line, classes, family).filter((s) => s.bad === 0);
  if (within) plain = plain.filter((s) => within.some(([from, to]) => s.start >= from && s.end <= to));
  let result = segments;
  for (const p of plain) {
    const deep = deepen(line, p);
    if (!deep.chain) continue;
    const replaced = result.filter((s) => overlaps(s, deep));
    if (deep.gain <= sum(replaced, 'gain')) continue;
    result = [...result.filter((s) => !overlaps(s, deep)), deep].sort((a, b) => a.start - b.start);
  }
  return result;
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

/**
 * Han-ness of the decoded text: true when the Han characters are overwhelmingly common ones.
 * Inside Chinese text (context) a short reading may hold one rarer character: names have them.
 */
function commonEnough(han: number, common: number, medium: number, context: boolean): boolean {
  const rare = han - common - medium;
  if (han <= 4) return context && han >= 2 ? rare + medium <= 1 : rare === 0 && medium <= Math.floor(han / 3);
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

function readingOf(line: string, classes: Uint8Array, family: Family, script: Script, within?: Array<[number, number]>, insertions = true): Segment[] {
  const segments = findSegments(line, classes, family, script, insertions).filter((s) => s.gain > 0 && s.bad === 0);
  return within ? segments.filter((s) => within.some(([from, to]) => s.start >= from && s.end <= to)) : segments;
}

/**
 * A reading producing Chinese: read as simplified and as traditional text (Big5 only as
 * traditional) and keep the better, judged with the script of the rest of the line.
 *
 * GBK and Big5 readings first go without putting back dropped 0xAD bytes. Only when that
 * leaves bytes without their pair (a dropped byte leaves one where the pairs fall out of
 * step) is a reading with re-inserted bytes tried, and kept if it is better and needs no more
 * insertions than there were such bytes.
 */
function cjkReading(line: string, classes: Uint8Array, family: Family, within?: Array<[number, number]>): Segment[] {
  const big5 = family.target === 'big5' || family.source === 'big5';
  const legacy = family.target !== 'utf8';
  const encode = legacy ? singleByte(family.source as SingleByteName).encode : undefined;
  const strays = (segments: Segment[]) => (encode ? outside(line, segments, (cp) => cp < 0x10000 && encode[cp]! >= 0x80 && cp !== 0xb7) : 0);
  const score = (segments: Segment[]) =>
    sum(segments, 'gain') - MIXED_SCRIPT * Math.min(sum(segments, 'simplified'), sum(segments, 'traditional')) - STRAY_BYTE * strays(segments);
  let best: Segment[] = [];
  let bestScore = -Infinity;
  for (const script of big5 ? ([2] as const) : ([1, 2] as const)) {
    let segments = scriptAgreement(line, readingOf(line, classes, family, script, within, !legacy), big5);
    let value = score(segments);
    const left = strays(segments);
    if (legacy && left > 0) {
      const resynced = scriptAgreement(line, readingOf(line, classes, family, script, within, true), big5);
      const inserted = resynced.reduce((n, s) => n + s.inserted, 0);
      const resyncedValue = score(resynced);
      if (inserted <= left && resyncedValue > value) {
        segments = resynced;
        value = resyncedValue;
      }
    }
    if (value > bestScore) {
      best = segments;
      bestScore = value;
    }
  }
  return best;
}

/**
 * Simplified or traditional: a reading that agrees with the clean Chinese of the rest of the
 * line gains, one that disagrees loses (GBK and Big5 decode validly as each other).
 */
function scriptAgreement(line: string, segments: Segment[], big5: boolean): Segment[] {
  // Big5 is traditional: a Big5 reading full of simplified-only characters is a misreading.
  if (big5) segments = segments.map((s) => ({ ...s, gain: s.gain - SCRIPT_AGREEMENT * s.simplified }));
  let simplified = 0;
  let traditional = 0;
  outside(line, segments, (cp) => {
    const script = hanScript(cp);
    if (script === 1) simplified++;
    else if (script === 2) traditional++;
    return false;
  });
  const lean = Math.sign(simplified - traditional);
  if (lean === 0) return segments;
  return segments.map((s) => ({ ...s, gain: s.gain + SCRIPT_AGREEMENT * lean * (s.simplified - s.traditional) }));
}

/** Common ground of the two CJK-producing families: Chinese-looking, with enough of it. */
function cjkEvidence(line: string, segments: Segment[], perChar: number): boolean {
  const han = sum(segments, 'han');
  if (han < 1) return false;
  const context = outside(line, segments, isCjk) > 0;
  if (!commonEnough(han, sum(segments, 'hanCommon'), sum(segments, 'hanMedium'), context)) return false;
  const { glued, pure } = cjkRuns(line, segments);
  if (glued < 2 && !context) return false;
  // Lone characters sprinkled over Latin prose are not Chinese.
  if (pure < 2 && !context && latinWords(line, segments) >= 2) return false;
  const mixed = Math.min(sum(segments, 'simplified'), sum(segments, 'traditional'));
  const gain = sum(segments, 'gain') - MIXED_SCRIPT * mixed;
  // Real mojibake of Chinese saves several bits a character; all-capital Latin-1 text read as
  // GBK ("MÄ£ÄM ÌÑÌ" → "M模ÄM 萄汰") saves little.
  return gain >= MIN_GAIN && gain >= perChar * sum(segments, 'decoded');
}

/** GBK / Big5 bytes read as Latin-1 or Windows-1252. */
function acceptLegacyCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0);
  return segments.length > 0 && cjkEvidence(line, segments, MIN_CJK_GAIN) ? segments : [];
}

/** UTF-8 bytes read as GBK or Big5: only Chinese-looking results are believed. */
function acceptUtf8AsCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0 || s.flags & F_LOSSY);
  if (segments.length === 0) return [];
  const cjk = sum(segments, 'han') + sum(segments, 'cjkOther');
  if (sum(segments, 'foreign') > 0.2 * cjk) return [];
  return cjkEvidence(line, segments, 0) ? segments : [];
}

/** UTF-8 bytes read as a single-byte code page. */
function acceptUtf8AsSingleByte(line: string, family: Family, all: Segment[]): Segment[] {
  // A reading that barely saves anything is no evidence (and is not applied).
  const segments = all.filter((s) => s.gain >= MIN_SEGMENT_GAIN * s.decoded || s.weak > 0);
  if (segments.length === 0) return [];
  const gain = sum(segments, 'gain');
  // Non-ASCII characters left as they are although this misreading would have garbled them
  // too: each one makes the line less likely to have been misread this way...
  const encode = singleByte(family.source as SingleByteName).encode;
  const isClean = (cp: number) => cp >= 0xa0 && cp < 0x10000 && cp !== 0xfffd && encode[cp]! >= 0x80;
  const clean = outside(line, segments, isClean);
  if (gain < MIN_GAIN + INCONSISTENCY * clean) return [];
  // ... and unless the result is Chinese (a garbled clause in clean Chinese is the common case),
  // words garbled must outnumber words written right: "Bremer/Mccoy – DrÃ¥ber" stays.
  const cjk = sum(segments, 'han') + sum(segments, 'cjkOther');
  if (clean > 0 && cjk < sum(segments, 'decoded') / 2) {
    let garbledWords = 0;
    let cleanWords = 0;
    for (const word of line.matchAll(/\S+/g)) {
      const from = word.index;
      const to = from + word[0].length;
      if (segments.some((s) => s.start < to && s.end > from)) garbledWords++;
      else if ([...word[0]].some((c) => isClean(c.codePointAt(0)!))) cleanWords++;
    }
    if (garbledWords <= cleanWords) return [];
  }
  return segments;
}

// ───────────────────────────── families against each other ─────────────────────────────

function overlaps(a: Segment, b: Segment): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Whether a saving of `other` is too close to `best` to tell them apart. The model's errors
 * add up over the `chars` characters decoded, so the margin grows with their square root.
 */
function close(best: number, other: number, chars: number): boolean {
  return other > best - Math.max(CLEAR_MARGIN, CLEAR_PER_ROOT * Math.sqrt(chars));
}

/**
 * Families in order of their total saving over the line; a segment is taken unless another
 * family reads the same text differently and either clearly better there, or about as well
 * there and about as well over the line (then nobody can tell: the text stays).
 */
function resolve(proposals: Segment[][]): Segment[] {
  const ranked = proposals.map((segs) => ({ segs, total: sum(segs, 'gain'), chars: sum(segs, 'decoded') })).sort((a, b) => b.total - a.total);
  const taken: Segment[] = [];
  for (const { segs, total, chars } of ranked) {
    for (const seg of segs) {
      if (taken.some((t) => overlaps(t, seg))) continue;
      let keep = true;
      for (const rival of ranked) {
        if (rival.segs === segs) continue;
        const against = rival.segs.filter((r) => overlaps(r, seg));
        if (against.length === 0) continue;
        if (against.length === 1 && against[0]!.start === seg.start && against[0]!.end === seg.end && against[0]!.after === seg.after) continue;
        const local = sum(against, 'gain');
        const lineChars = Math.max(chars, rival.chars);
        if (local >= seg.gain + CLEAR_MARGIN || (close(seg.gain, local, seg.decoded) && close(Math.max(total, rival.total), Math.min(total, rival.total), lineChars))) {
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
