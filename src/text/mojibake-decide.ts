/**
 * Decision of the mojibake repair: which of the segments the span search proposed are
 * repaired. A family's segments are judged together for the line (one garbled clause is often
 * cut into several segments by digits or punctuation), then families that propose different
 * readings of the same text compete, and a reading is taken only when it clearly wins.
 */
import { FAMILIES, F_LOSSY, F_NBSP_KEEP, F_NBSP_SPACE, type Family } from './mojibake-decoders.js';
import { singleByte, type SingleByteName } from './charsets.js';
import { pairBonuses, wordBonuses } from './mojibake-words.js';
import { SCRIPT_BIAS, STRAY_BYTE, findPlainSegments, findSegments, prepare, quickGain, type Prepared, type Script, type Segment } from './mojibake-spans.js';
import { hasCodePageSuspects, mayHoldMojibake } from './mojibake-prescan.js';
import { classOf, hanScript, isChinesePunctuation, isCjkClass, lineClasses, textCost } from './mojibake-score.js';

/** A repair of one span of a line. */
export interface Repair {
  start: number;
  end: number;
  before: string;
  after: string;
  kind: string;
  gain: number;
}

/** How far behind (bits) a GBK or Big5 reading may fall on the quick estimate and still be read. */
const QUICK_MARGIN = 16;
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
const MIN_CJK_GAIN = 2.5;
/** Latin-1 characters a GBK / Big5 reading may leave in the line, per character decoded. */
const STRAYS_LEFT = 0.25;
/** Weight of such a character found inside a Latin word (between ASCII letters). */
const STRAY_IN_WORD = 4;
/** Extra saving needed when a rarer code page's reading yields no letter at all. */
const SYMBOLS_ONLY = 3;
/** Extra saving needed per non-ASCII character the misreading would have garbled but did not. */
const INCONSISTENCY = 4;
/** Cost of a character left garbled in a line believed misread (see withLeftovers). */
const LEFTOVER = 2;
/**
 * Word-pair saving (bits, see mojibake-words.ts) a reading with dropped bytes put back must
 * gain for each byte it puts back beyond the signs of loss the first reading shows (bytes left
 * without their pair, other signs: see dropHints). 2 to 5 give the same repairs on
 * the dropped-byte corpus.
 */
const WORDS_PER_INSERTION = 4;
/** Word-pair saving (bits) by which one of two equally plausible Chinese readings must lead. */
const WORD_MARGIN = 4;

export function decideLine(line: string): Repair[] {
  const repairs: Repair[] = decideOnce(line).map((s) => ({ start: s.start, end: s.end, before: s.before, after: s.after, kind: kindOf(s), gain: s.gain }));
  // Text garbled more than once: read the repaired line again, inside the repairs only.
  for (let pass = 0; pass < 2 && repairs.some((r) => mayHoldMojibake(r.after, false)); pass++) {
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
  repairs.sort((a, b) => a.start - b.start);
  repairs.push(...c1Controls(line, repairs));
  repairs.sort((a, b) => a.start - b.start);
  return repairs;
}

/** One reading of the line; with `within`, only segments inside those spans count. */
function decideOnce(line: string, within?: Array<[number, number]>): Segment[] {
  const classes = lineClasses(line);
  const proposals: Segment[][] = [];
  // Readings that produce Chinese: a first reading each, then the others where they matter.
  const families = familiesFor(line);
  const cjk: CjkReading[] = [];
  for (const family of families) {
    if (!producesChinese(family)) continue;
    const prepared = prepare(line, classes, family);
    if (prepared) cjk.push(cjkFirstReading(prepared, within));
  }
  // The best first reading is refined first; the others only if they could still come close.
  cjk.sort((a, b) => b.value - a.value);
  if (cjk.length > 0) refine(cjk[0]!);
  const lead = Math.max(0, cjk[0]?.value ?? 0);
  for (const reading of cjk) {
    if (reading.value + refinementPotential(reading) >= lead - CLEAR_MARGIN) refine(reading);
    const segments = withPrior(reading.prepared.family, cjkSegments(reading));
    if (segments.length === 0) continue;
    const family = reading.prepared.family;
    const accepted = accept(line, family, segments);
    // GBK / Big5 read as a code page: a pair whose trail byte is an ASCII letter between Latin
    // letters saves nothing on its own ("dos©Mwindows", 和 = A9 4D); in a line believed
    // misread, leaving its lead byte garbled costs more.
    if (accepted.length > 0) proposals.push(family.target === 'gbk' || family.target === 'big5' ? withLeftovers(line, classes, family, accepted, within) : accepted);
  }
  // UTF-8 read as one single-byte code page or another: sister pages (Windows-1250 and
  // ISO-8859-2) read some bytes as different letters; a reading not taken on its own still
  // stands against a sister reading of the same text.
  const rivals: Segment[][] = [];
  for (const family of families) {
    if (producesChinese(family)) continue;
    const prepared = prepare(line, classes, family);
    if (!prepared) continue;
    const weakUnits = hasWeakUnits(prepared);
    let segments = utf8Reading(prepared, within);
    if (segments.length === 0) continue;
    segments = withPrior(family, segments);
    let accepted = accept(line, family, segments);
    // Not taken as it stands: perhaps because of what an NBSP turned into a space hides
    // ("Г  Lyon" beside "prГЁs", UTF-8 read as Windows-1251): those readings cost about what
    // they save, so the first reading leaves them, and the letter left looks written right.
    if (accepted.length === 0 && weakUnits) {
      const weak = withLeftovers(line, classes, family, segments, within, true);
      if (weak.length > segments.length) accepted = accept(line, family, weak);
    }
    if (accepted.length > 0) proposals.push(withLeftovers(line, classes, family, accepted, within));
    else rivals.push(segments.filter((s) => s.gain > 0));
  }
  return resolve(proposals, rivals.filter((r) => r.length > 0));
}

/**
 * The families worth reading the line in full: those whose quick check passes, less the
 * Chinese-producing readings far behind the best reading on a quick estimate (GBK text read
 * as Big5 falls behind by a bit or more a character; so do both on UTF-8 mojibake).
 */
function familiesFor(line: string): Family[] {
  // Without a character of a single-byte code page, only UTF-8 read as GBK or Big5 can apply.
  const codePage = hasCodePageSuspects(line);
  const families = FAMILIES.filter((f) => (codePage || f.source === 'gbk' || f.source === 'big5') && f.applies(line));
  if (families.length < 2 || !families.some(producesChinese)) return families;
  const estimates = new Map(families.map((f) => [f, quickGain(line, f) - f.prior]));
  const best = Math.max(...estimates.values());
  const margin = Math.max(QUICK_MARGIN, 2 * Math.sqrt(Math.max(0, best)));
  // UTF-8 read as a single-byte code page may be garbled twice: its estimate says too little.
  return families.filter((f) => !producesChinese(f) || estimates.get(f)! >= best - margin);
}

/** UTF-8 read as a single-byte code page, once or more. */
function utf8Reading(prepared: Prepared, within?: Array<[number, number]>): Segment[] {
  let segments = readingOf(prepared, 0, within);
  if (segments.some((s) => mayHoldMojibake(s.after))) {
    // The plain reading first: deepening reads other text into the family's buffers.
    let plain = findPlainSegments(prepared).filter((s) => s.bad === 0);
    if (within) plain = plain.filter((s) => within.some(([from, to]) => s.start >= from && s.end <= to));
    // The plain reading mostly repeats the first one: a segment read again once is enough.
    const done = new Map<string, Segment>();
    const deep = (s: Segment): Segment => {
      const key = `${s.start} ${s.end} ${s.gain} ${s.after}`;
      let d = done.get(key);
      if (!d) done.set(key, (d = deepen(prepared.line, s)));
      return d;
    };
    segments = segments.map(deep);
    segments = withPlainReading(plain, segments, deep);
  }
  return segments;
}

/** Whether the reading has units that put back a lost NBSP or byte (read before it is reused). */
function hasWeakUnits(prepared: Prepared): boolean {
  const { flags, count } = prepared;
  for (let u = 0; u < count; u++) if (flags[u]! & (F_NBSP_KEEP | F_NBSP_SPACE | F_LOSSY)) return true;
  return false;
}

/**
 * A line believed misread (its reading accepted) is misread throughout: each character the
 * misreading would have garbled but that the reading left as it is costs LEFTOVER bits under
 * that belief (the acceptance charged INCONSISTENCY for each). Read again with that cost, the
 * line gives up its weak spots too: "Г l’ouest" (an "à" whose 0xA0 became a space) in
 * a line of UTF-8 read as Windows-1251, "Å veices" (Š) in Latvian. Only segments clear of the
 * accepted ones, and saving more than the leftovers they decode would cost, are added (with
 * `weakOnly`, only those that put back a lost NBSP or byte).
 */
function withLeftovers(line: string, classes: Uint8Array, family: Family, accepted: Segment[], within?: Array<[number, number]>, weakOnly = false): Segment[] {
  const encode = singleByte(family.source as SingleByteName).encode;
  const garbles = (cp: number) => cp < 0x10000 && encode[cp]! >= 0x80;
  if (outside(line, accepted, garbles) === 0) return accepted;
  // The family's buffers may hold other text by now (deepen): read this line again.
  const prepared = prepare(line, classes, family);
  if (!prepared) return accepted;
  const extra = findSegments(prepared, 0, LEFTOVER).filter((s) => {
    if (s.bad > 0 || accepted.some((a) => overlaps(a, s)) || (weakOnly && s.weak === 0)) return false;
    if (within && !within.some(([from, to]) => s.start >= from && s.end <= to)) return false;
    let left = 0;
    for (const ch of s.before) {
      const cp = ch.codePointAt(0)!;
      if (garbles(cp) && !isChinesePunctuation(cp)) left++;
    }
    return s.gain + LEFTOVER * left > 0;
  });
  return extra.length === 0 ? accepted : [...accepted, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * The family's prior cost, shared out over its segments by the characters they decode, so
 * that every comparison sees it. Chinese read through a Central European, Cyrillic, Baltic,
 * Mac or DOS code page is rarer still than European text read so.
 */
function withPrior(family: Family, segments: Segment[]): Segment[] {
  let prior = family.prior;
  if (prior > 0 && !producesChinese(family) && sum(segments, 'han') + sum(segments, 'cjkOther') > sum(segments, 'decoded') / 2) prior += CJK_THROUGH_RARE_PAGE;
  if (prior === 0) return segments;
  const decoded = Math.max(1, sum(segments, 'decoded'));
  for (const s of segments) s.gain -= (prior * Math.max(1, s.decoded)) / decoded;
  return segments;
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
    if (!mayHoldMojibake(text)) break;
    const classes = lineClasses(text);
    let best: { family: Family; segments: Segment[]; gain: number } | undefined;
    for (const family of FAMILIES) {
      if (producesChinese(family) || !family.applies(text)) continue;
      const prepared = prepare(text, classes, family);
      if (!prepared) continue;
      const segments = findSegments(prepared).filter((s) => s.gain > 0 && s.bad === 0);
      const gain = sum(segments, 'gain') - family.prior;
      // Any saving will do here: the whole chain is judged against the first reading below.
      if (segments.length > 0 && gain > 0 && (!best || gain > best.gain)) best = { family, segments, gain };
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
    const gain = textCost(segment.before, left, right) - textCost(after, left, right) - best.family.prior;
    // Reading again must pay, its code page's prior included ("«å" is not MacRoman for "ǌ").
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
function withPlainReading(plain: Segment[], segments: Segment[], deepened: (s: Segment) => Segment): Segment[] {
  let result = segments;
  for (const p of plain) {
    const deep = deepened(p);
    if (!deep.chain) continue;
    const replaced = result.filter((s) => overlaps(s, deep));
    if (deep.gain <= sum(replaced, 'gain')) continue;
    result = [...result.filter((s) => !overlaps(s, deep)), deep].sort((a, b) => a.start - b.start);
  }
  return result;
}

// ───────────────────────────── one family, one line ─────────────────────────────

type Count = 'gain' | 'decoded' | 'han' | 'hanCommon' | 'hanMedium' | 'simplified' | 'traditional' | 'cjkOther' | 'foreign' | 'letters';

/** The total of one count over the segments (each property read directly: a computed key is slow here). */
function sum(segments: Segment[], key: Count): number {
  let total = 0;
  const n = segments.length;
  switch (key) {
    case 'gain':
      for (let k = 0; k < n; k++) total += segments[k]!.gain;
      break;
    case 'decoded':
      for (let k = 0; k < n; k++) total += segments[k]!.decoded;
      break;
    case 'han':
      for (let k = 0; k < n; k++) total += segments[k]!.han;
      break;
    case 'hanCommon':
      for (let k = 0; k < n; k++) total += segments[k]!.hanCommon;
      break;
    case 'hanMedium':
      for (let k = 0; k < n; k++) total += segments[k]!.hanMedium;
      break;
    case 'simplified':
      for (let k = 0; k < n; k++) total += segments[k]!.simplified;
      break;
    case 'traditional':
      for (let k = 0; k < n; k++) total += segments[k]!.traditional;
      break;
    case 'cjkOther':
      for (let k = 0; k < n; k++) total += segments[k]!.cjkOther;
      break;
    case 'foreign':
      for (let k = 0; k < n; k++) total += segments[k]!.foreign;
      break;
    case 'letters':
      for (let k = 0; k < n; k++) total += segments[k]!.letters;
      break;
  }
  return total;
}

/** How many non-ASCII characters outside the segments pass `test` (or the sum of its weights). */
function outside(line: string, segments: Segment[], test: (cp: number, at: number) => boolean | number): number {
  let count = 0;
  let at = 0;
  for (let k = 0; k <= segments.length; k++) {
    const to = k < segments.length ? segments[k]!.start : line.length;
    for (let i = at; i < to; i++) {
      const u = line.charCodeAt(i);
      if (u < 0x80) continue;
      const cp = line.codePointAt(i)!;
      const found = test(cp, i);
      if (cp > 0xffff) i++;
      count += Number(found);
    }
    if (k < segments.length) at = Math.max(at, segments[k]!.end);
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
    if (prevEnd >= 0 && onlyAsciiSeparators(line, prevEnd, s.start)) run += count;
    else run = count;
    glued = Math.max(glued, run);
    prevEnd = s.end;
  }
  return { glued, pure };
}

/** Whether line[from, to) holds only spaces, digits and ASCII punctuation. */
function onlyAsciiSeparators(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const u = line.charCodeAt(i);
    if (u < 0x20 || u > 0x7e || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a)) return false;
  }
  return true;
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

function readingOf(prepared: Prepared, script: Script, within?: Array<[number, number]>, words = false): Segment[] {
  const segments = findSegments(prepared, script, undefined, words).filter((s) => s.gain > 0 && s.bad === 0);
  return within ? segments.filter((s) => within.some(([from, to]) => s.start >= from && s.end <= to)) : segments;
}

/**
 * A reading producing Chinese (GBK or Big5 read as Latin-1, UTF-8 read as GBK or Big5). The
 * first reading assumes no script (Big5: traditional) and re-inserts no dropped byte; it is
 * made for every family, the others only where they could change the outcome (see refine).
 */
interface CjkReading {
  prepared: Prepared;
  within: Array<[number, number]> | undefined;
  best: Segment[];
  value: number;
  /** Bytes the best reading left without their pair. */
  strays: number;
  /** Characters of the script the first reading did not assume. */
  otherScript: number;
  refined: boolean;
}

/**
 * What a reading is worth: its saving, less mixed scripts and bytes left without their pair;
 * with `words`, plus what the frequency in words of the characters and pairs it decodes is
 * worth (mojibake-words.ts).
 */
function cjkValue(reading: CjkReading, segments: Segment[], words = false): { value: number; strays: number } {
  const { line, family } = reading.prepared;
  const legacy = family.target !== 'utf8';
  const encode = legacy ? singleByte(family.source as SingleByteName).encode : undefined;
  // A middle dot is at home in Chinese (卡尔·马克思), and so are the dash, curly quotes and the
  // ellipsis, but not right next to text read as GBK or Big5, where they are written ¡¤ / ¡E:
  // there "·" is the byte B7 without its pair (翻 is B7 AD).
  const strays = encode
    ? outside(line, segments, (cp, at) => cp < 0x10000 && encode[cp]! >= 0x80 && ((cp !== 0xb7 && !isChinesePunctuation(cp)) || segments.some((s) => s.end === at || s.start === at + 1)))
    : 0;
  let value = sum(segments, 'gain') - MIXED_SCRIPT * Math.min(sum(segments, 'simplified'), sum(segments, 'traditional')) - STRAY_BYTE * strays;
  if (words) for (const s of segments) value += wordBonuses(s.after);
  return { value, strays };
}

function isBig5(family: Family): boolean {
  return family.target === 'big5' || family.source === 'big5';
}

function cjkFirstReading(prepared: Prepared, within?: Array<[number, number]>): CjkReading {
  const big5 = isBig5(prepared.family);
  const segments = scriptAgreement(prepared.line, readingOf(prepared, big5 ? 2 : 0, within), big5);
  // A few characters of the other script are normal (text mixes a little, the lists overlap
  // imperfectly); more suggest a misaligned reading.
  const mixed = Math.min(sum(segments, 'simplified'), sum(segments, 'traditional'));
  const otherScript = big5 || mixed <= Math.max(1, 0.05 * sum(segments, 'han')) ? 0 : mixed;
  const reading: CjkReading = { prepared, within, best: segments, value: 0, strays: 0, otherScript, refined: false };
  Object.assign(reading, cjkValue(reading, segments));
  return reading;
}

/**
 * Signs that a GBK or Big5 reading is out of step after a dropped byte, other than bytes left
 * without their pair (strays). A dropped byte need not leave one: the pairs out of step may run
 * on to an ASCII byte, leaving
 * - Han characters outside the common lists ("歡迎閱讀" with 迎's 0xAD lost reads "歡娱喿x");
 * - an ASCII character right after the decoded text, not part of a Latin word or a number:
 *   Big5 punctuation has ASCII trail bytes, and "平。" (A5AD A143) without its 0xAD reads "央C".
 * Each may mark a dropped byte as a stray does.
 */
function dropHints(reading: CjkReading): number {
  if (reading.prepared.family.target === 'utf8') return 0;
  let hints = sum(reading.best, 'han') - sum(reading.best, 'hanCommon');
  const line = reading.prepared.line;
  for (const s of reading.best) {
    const next = s.end < line.length ? line.charCodeAt(s.end) : -1;
    if (next < 0x40 || next > 0x7e) continue;
    const after = s.end + 1 < line.length ? line.charCodeAt(s.end + 1) : -1;
    if (!isAsciiAlnum(after) && isCjk(s.after.codePointAt(s.after.length - 1)!)) hints++;
  }
  return hints;
}

function isAsciiAlnum(u: number): boolean {
  return (u >= 0x30 && u <= 0x39) || isAsciiLetter(u);
}

/** Rough upper bound of what the other readings might add. */
function refinementPotential(reading: CjkReading): number {
  return 4 * reading.strays + (SCRIPT_BIAS + MIXED_SCRIPT) * reading.otherScript;
}

/**
 * The other readings, when the first one mixed simplified and traditional characters, left
 * bytes without their pair or (GBK, Big5) showed other signs of a dropped byte: read again as
 * simplified and as traditional text (a line is written in one script; a misaligned reading
 * mixes them), and where bytes are left without their pair or other signs of a dropped byte
 * show (a dropped 0xAD puts the pairs out of step, see dropHints) with re-inserted bytes, kept
 * if better (the words the readings make weigh in) and needing no more insertions than there
 * were such signs — or, for each one more, making WORDS_PER_INSERTION bits more of word pairs.
 */
function refine(reading: CjkReading): void {
  if (reading.refined) return;
  reading.refined = true;
  const hints = dropHints(reading);
  if (reading.strays === 0 && reading.otherScript === 0 && hints === 0) return;
  const { prepared, within } = reading;
  const { line, family } = prepared;
  const big5 = isBig5(family);
  const legacy = family.target !== 'utf8';
  // Readings out of step are told from the right one by the words they make: every reading
  // compared here weighs them, the first one included.
  reading.value = cjkValue(reading, reading.best, true).value;
  // The family's buffers may hold another line by now: read this one again, once without and
  // once with re-inserted bytes (each reading serves both scripts).
  const classes = lineClasses(line);
  const scripts = big5 ? ([2] as const) : ([1, 2] as const);
  let firstReadings: Segment[][] = [reading.best];
  if (!big5) {
    const plain = prepare(line, classes, family);
    firstReadings = scripts.map((script) => (plain ? scriptAgreement(line, readingOf(plain, script, within), big5) : []));
  }
  let resync: Prepared | undefined | null = null;
  for (let k = 0; k < scripts.length; k++) {
    const script = scripts[k]!;
    let segments = firstReadings[k]!;
    let { value, strays } = cjkValue(reading, segments, true);
    if (legacy && strays + hints > 0) {
      if (resync === null) resync = prepare(line, classes, family, true);
      const resynced = resync ? scriptAgreement(line, readingOf(resync, script, within, true), big5) : [];
      const inserted = resynced.reduce((n, s) => n + s.inserted, 0);
      const again = cjkValue(reading, resynced, true);
      // Where no byte was left without its pair, only weaker signs hint at a dropped byte, and
      // common characters swapped for uncommon ones are no proof ("：赵珺" is not "－赫袁B"):
      // the reading with bytes put back must then make more or more frequent words. So must
      // one that puts back more bytes than there were signs ("江苏省经" with both 0xAD lost
      // reads "剿帐【济", which leaves one byte without its pair).
      const hinted = strays + hints;
      const words = inserted > hinted || strays === 0 ? pairBonuses(resynced) - pairBonuses(segments) : 0;
      if (again.value > value && (inserted <= hinted ? strays > 0 || words > 0 : words >= WORDS_PER_INSERTION * (inserted - hinted))) {
        segments = resynced;
        ({ value, strays } = again);
      }
    }
    if (value > reading.value) {
      reading.best = segments;
      reading.value = value;
      reading.strays = strays;
    }
  }
}

/**
 * The chosen reading's segments, with what it costs beyond them (mixed scripts, bytes left
 * without their pair) shared out over them, so that the comparison with other families sees it.
 */
function cjkSegments(reading: CjkReading): Segment[] {
  const best = reading.best;
  const extra = sum(best, 'gain') - reading.value;
  const decoded = Math.max(1, sum(best, 'decoded'));
  if (extra > 0) for (const s of best) s.gain -= (extra * s.decoded) / decoded;
  return best;
}

/**
 * Simplified or traditional: a reading that agrees with the clean Chinese of the rest of the
 * line gains, one that disagrees loses (GBK and Big5 decode validly as each other).
 */
function scriptAgreement(line: string, segments: Segment[], big5: boolean): Segment[] {
  // Big5 is traditional: a Big5 reading full of simplified-only characters is a misreading.
  if (big5) for (const s of segments) s.gain -= SCRIPT_AGREEMENT * s.simplified;
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
  for (const s of segments) s.gain += SCRIPT_AGREEMENT * lean * (s.simplified - s.traditional);
  return segments;
}

/** Common ground of the two CJK-producing families: Chinese-looking, with enough of it. */
function cjkEvidence(line: string, segments: Segment[], perChar: number, strays?: (cp: number) => boolean): boolean {
  const han = sum(segments, 'han');
  if (han < 1) return false;
  const context = outside(line, segments, isCjk) > 0;
  if (!commonEnough(han, sum(segments, 'hanCommon'), sum(segments, 'hanMedium'), context)) return false;
  const { glued, pure } = cjkRuns(line, segments);
  if (glued < 2 && !context) return false;
  // Lone characters sprinkled over Latin prose are not Chinese.
  if (pure < 2 && !context && latinWords(line, segments) >= 2) return false;
  const gain = sum(segments, 'gain');
  // Real mojibake of Chinese saves several bits a character, and leaves no Latin-1 behind;
  // all-capital Latin-1 text read as GBK ("MÄ£ÄM ÌÑÌ" → "M模ÄM 萄汰") does neither.
  const decoded = sum(segments, 'decoded');
  if (strays !== undefined) {
    // A stray letter inside a Latin word ("Førre") is a letter written right: the line is
    // European. A symbol there ("dos©Mwindows") is not.
    const left = outside(line, segments, (cp, at) =>
      strays(cp) ? (isLatin1Letter(cp) && isAsciiLetter(line.charCodeAt(at - 1)) && isAsciiLetter(line.charCodeAt(at + 1)) ? STRAY_IN_WORD : 1) : 0,
    );
    if (left > Math.max(1, STRAYS_LEFT * decoded)) return false;
  }
  return gain >= MIN_GAIN && gain >= perChar * decoded;
}

/** GBK / Big5 bytes read as Latin-1 or Windows-1252. */
function acceptLegacyCjk(line: string, all: Segment[]): Segment[] {
  const segments = all.filter((s) => s.han + s.cjkOther > 0);
  if (segments.length === 0 || !cjkEvidence(line, segments, MIN_CJK_GAIN, isLatin1Stray)) return [];
  // Believed, the reading also takes its lone dashes and quotes ("9704¡ª2012" → "9704—2012").
  return all.filter((s) => s.han + s.cjkOther > 0 || (s.typo > 0 && s.foreign === 0));
}

function isAsciiLetter(u: number): boolean {
  return (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
}

/** A letter of Latin-1's upper half (ª º À–ÿ but × ÷). */
function isLatin1Letter(cp: number): boolean {
  return cp === 0xaa || cp === 0xba || (cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7);
}

/** A Latin-1 letter or symbol: under a GBK or Big5 reading, a byte without its pair. */
function isLatin1Stray(cp: number): boolean {
  return cp >= 0x80 && cp <= 0xff && cp !== 0xb7;
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
  // A rarer code page turning symbols into other symbols ("¬´" → "«") is weak evidence.
  if (family.prior > 0 && sum(segments, 'letters') === 0 && gain < MIN_GAIN + SYMBOLS_ONLY) return [];
  // Non-ASCII characters left as they are although this misreading would have garbled them
  // too, or that the code page does not even have (but CJK text, the usual company of a
  // garbled clause): each one makes the line less likely to have been misread this way...
  const encode = singleByte(family.source as SingleByteName).encode;
  const isClean = (cp: number) => cp >= 0xa0 && cp !== 0xfffd && (cp > 0xffff || encode[cp]! >= 0x80 || (encode[cp]! < 0 && !isCjk(cp)));
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
  return other >= best - Math.max(CLEAR_MARGIN, CLEAR_PER_ROOT * Math.sqrt(chars));
}

/**
 * Families in order of their total saving over the line; a segment is taken unless another
 * family reads the same text differently and either clearly better there, or about as well
 * there and about as well over the line (then nobody can tell: the text stays). A line is in
 * one legacy encoding: when GBK and Big5 cannot be told apart on one segment, the line keeps
 * none of that family's segments rather than a patchwork.
 */
function resolve(proposals: Segment[][], rivals: Segment[][] = []): Segment[] {
  const rank = (segs: Segment[]) => ({ segs, total: sum(segs, 'gain'), chars: sum(segs, 'decoded'), ordered: inOrder(segs) });
  const ranked = proposals.map(rank).sort((a, b) => b.total - a.total);
  const others = [...ranked, ...rivals.map(rank)];
  const taken: Segment[] = [];
  for (const { segs, total, chars, ordered } of ranked) {
    const mine: Segment[] = [];
    let ambiguous = false;
    for (const seg of segs) {
      if (taken.some((t) => overlaps(t, seg))) continue;
      let keep = true;
      for (const rival of others) {
        if (rival.segs === segs) continue;
        // Rivals not taken on their own only count against a sister reading.
        if (!ranked.includes(rival) && !sisters(seg.family, rival.segs[0]!.family)) continue;
        const against = overlapping(rival.segs, rival.ordered, seg.start, seg.end);
        if (against.length === 0) continue;
        if (against.length === 1 && against[0]!.start === seg.start && against[0]!.end === seg.end && against[0]!.after === seg.after) continue;
        const local = sum(against, 'gain');
        // Clearly behind or too close, even on this segment alone? Otherwise it stays.
        if (local < seg.gain + CLEAR_MARGIN && !close(seg.gain, local, seg.decoded)) continue;
        // Like for like: what this family saves on the text those rival segments cover (one
        // rival segment may span two of ours: "Ä±Å\u0178tÄ±" read as GBK against "ış" + "ı").
        const mine = sum(overlapping(segs, ordered, against[0]!.start, against[against.length - 1]!.end).filter((s) => against.some((r) => overlaps(r, s))), 'gain');
        const lineChars = Math.max(chars, rival.chars);
        if (local >= mine + CLEAR_MARGIN) {
          keep = false;
          break;
        }
        if (close(mine, local, seg.decoded) && close(Math.max(total, rival.total), Math.min(total, rival.total), lineChars)) {
          if (producesChinese(seg.family) && producesChinese(rival.segs[0]!.family)) {
            // Two Chinese readings about as plausible by their characters (GBK read as Big5 is
            // common characters too: 颠倒比较 / 菌給掀誕): the one whose neighbours make words
            // over the line wins (的 / 腔 alone cannot say, 的 符号连接 / 腔 睫瘍蟀諉 can);
            // without such a difference, neither.
            const ours = pairBonuses(segs);
            const theirs = pairBonuses(rival.segs);
            if (ours >= theirs + WORD_MARGIN) continue;
            if (theirs < ours + WORD_MARGIN) ambiguous = true;
          }
          keep = false;
          break;
        }
      }
      if (keep) mine.push(seg);
    }
    if (!ambiguous) taken.push(...mine);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Whether the segments are in order and apart (a reading's always are). */
function inOrder(segments: Segment[]): boolean {
  for (let k = 1; k < segments.length; k++) if (segments[k]!.start < segments[k - 1]!.end) return false;
  return true;
}

/**
 * The segments of one reading that overlap [start, end), in order: found by a binary search
 * where they are `ordered` (see inOrder), else by going through them all.
 */
function overlapping(segments: Segment[], ordered: boolean, start: number, end: number): Segment[] {
  if (!ordered) return segments.filter((r) => r.start < end && start < r.end);
  const n = segments.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Segment[] = [];
  for (let k = lo; k < n && segments[k]!.start < end; k++) out.push(segments[k]!);
  return out;
}

/** Windows-1250 and ISO-8859-2: the same letters, mostly at the same places. */
function sisters(a: Family, b: Family): boolean {
  if (a.target !== 'utf8' || b.target !== 'utf8') return false;
  return (a.source === 'cp1250' && b.source === 'iso8859-2') || (a.source === 'iso8859-2' && b.source === 'cp1250');
}

function producesChinese(family: Family): boolean {
  return family.target !== 'utf8' || family.source === 'gbk' || family.source === 'big5';
}

// ───────────────────────────── C1 controls ─────────────────────────────

/**
 * Windows-1252 text read as Latin-1: a C1 control standing for a Windows-1252 punctuation
 * mark (“ ” ‘ ’ … – — • € ™ …). Not when it is a continuation byte of a UTF-8 sequence left
 * garbled (its lead before it), nor when it would become a letter or an accent: then it is
 * more likely part of mojibake that could not be read, which this would only disguise.
 */
function c1Controls(line: string, repairs: Repair[]): Repair[] {
  const out: Repair[] = [];
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) < 0x80 || line.charCodeAt(i) > 0x9f)) i++;
  if (i === line.length) return out;
  const { decode, encode } = singleByte('cp1252');
  let next = 0;
  for (; i < line.length; i++) {
    const u = line.charCodeAt(i);
    if (u < 0x80 || u > 0x9f) continue;
    const mapped = decode[u]!;
    if (mapped === u || !isC1Punctuation(mapped)) continue;
    // The repairs are in order and apart: step past those that end before i.
    while (next < repairs.length && repairs[next]!.end <= i) next++;
    if (next < repairs.length && repairs[next]!.start <= i) continue;
    if (inUtf8Sequence(line, i, encode)) continue;
    const previous = out[out.length - 1];
    if (previous && previous.end === i) {
      previous.end++;
      previous.before += line[i]!;
      previous.after += String.fromCharCode(mapped);
    } else {
      out.push({ start: i, end: i + 1, before: line[i]!, after: String.fromCharCode(mapped), kind: 'cp1252-as-latin1', gain: 0 });
    }
  }
  return out;
}


const C1_PUNCTUATION = '€‚„…†‡‰‹‘’“”•–—™›';

function isC1Punctuation(unit: number): boolean {
  for (let k = 0; k < C1_PUNCTUATION.length; k++) if (C1_PUNCTUATION.charCodeAt(k) === unit) return true;
  return false;
}

/** Whether the character at `i` completes, with the ones before it, a UTF-8 sequence (read as Windows-1252). */
function inUtf8Sequence(line: string, i: number, encode: Int16Array): boolean {
  for (let back = 1; back <= 3 && i - back >= 0; back++) {
    const lead = encode[line.charCodeAt(i - back)]!;
    const len = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (len === 0) {
      if (lead >= 0x80 && lead <= 0xbf) continue; // another continuation byte
      return false;
    }
    if (back >= len) return false;
    for (let k = 1; k < len; k++) {
      const b = i - back + k < line.length ? encode[line.charCodeAt(i - back + k)]! : -1;
      if (b < 0x80 || b > 0xbf) return false;
    }
    return true;
  }
  return false;
}
