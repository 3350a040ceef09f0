/**
 * Word knowledge for the mojibake repair: how often two Han characters in a row make (part of)
 * a Chinese word, and how often a character occurs in words at all. A reading out of step
 * after a dropped byte ("谁来" read as "死喘", "一杯茶" as "噎槐茶") is made of common
 * characters as often as the right one; what it lacks is words, and frequent characters.
 *
 * The frequencies come from jieba's word list (MIT; see han-pairs.data.ts, written by
 * scripts/han-pairs.mjs, and docs/third-party.md): the 60,000 most frequent pairs of
 * neighbours inside words, simplified and traditional, and every character, each with its
 * log-frequency bucket. They are read once, on first use, and only by readings that weigh
 * words — those that consider re-inserting dropped bytes (a rare path: clean text and ordinary
 * mojibake never ask) — into a hash table of integers and a number per character (a lookup is
 * a few nanoseconds: the span search asks for every pair of neighbouring readings it weighs).
 * The data module is not imported but read as text when first needed (about 290 KB: importing
 * it would cost every process that repairs anything some 3 ms to parse); see dataText.
 *
 * What a reading gains from them, in cost bits (measured on the dropped-0xAD corpus of
 * test/mojibake.test.ts and on the seeds garbled the same ways; anywhere from 0.25 to 1 bit
 * per bucket of a character, and 1 or 2 bits per pair, give the same repairs):
 * - a pair of the list: PAIR_BASE + PAIR_PER_BUCKET × (bucket − PAIR_FLOOR);
 * - a character: CHAR_PER_BUCKET × (bucket − CHAR_FLOOR), when above CHAR_FLOOR (rarer characters,
 *   names among them, cost nothing more: the character model already charges them).
 */
import { readFileSync } from 'node:fs';

export const PAIR_BASE = 1;
export const PAIR_PER_BUCKET = 0.5;
export const PAIR_FLOOR = 6;
export const CHAR_PER_BUCKET = 0.5;
export const CHAR_FLOOR = 10;

/** Han characters considered: Extension A and the unified ideographs of the BMP. */
const FIRST = 0x3400;
const LAST = 0x9fff;
const SPAN = LAST - FIRST + 1;

/**
 * The pairs, as an open-addressing hash table of keys (-1: empty) with the saving of each, and
 * which characters start one at all (most lookups stop there). A Set or Map of numbers took
 * several times longer per lookup.
 */
interface Pairs {
  table: Int32Array;
  bonus: Float32Array;
  mask: number;
  starts: Uint8Array;
}

let pairs: Pairs | undefined;
let chars: Float32Array | undefined;

interface Data {
  top: number;
  buckets: string[];
  charTop: number;
  charBuckets: string[];
}

let data: Data | undefined;

/**
 * The data module's source, found beside this module: compiled (dist/text/, and from the
 * bundle in dist/bundle/, two folders below the package root as well) or as TypeScript (tests
 * run from src/). Missing or unreadable: no word knowledge (readings out of step are then told
 * apart less well, nothing worse).
 */
function dataText(): string {
  for (const candidate of ['./han-pairs.data.js', '../text/han-pairs.data.js', './han-pairs.data.ts']) {
    try {
      return readFileSync(new URL(candidate, import.meta.url), 'utf8');
    } catch {
      // the next place
    }
  }
  return '';
}

/** The constants and string arrays of han-pairs.data.ts, as its source writes them. */
function loadData(): Data {
  const text = dataText();
  const number = (name: string) => Number(new RegExp(`\\b${name} = (\\d+)`).exec(text)?.[1] ?? 0);
  const strings = (name: string) => {
    // `export const NAME: readonly string[] = [` (TypeScript) or `export const NAME = [` (compiled).
    const start = new RegExp(`\\bconst ${name}\\b[^=]*= \\[`).exec(text);
    if (!start) return [];
    const from = start.index + start[0].length;
    return (text.slice(from, text.indexOf('];', from)).match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((literal) => JSON.parse(literal) as string);
  };
  return { top: number('TOP'), buckets: strings('BUCKETS'), charTop: number('CHAR_TOP'), charBuckets: strings('CHAR_BUCKETS') };
}

function loadPairs(): Pairs {
  const { top: TOP, buckets: BUCKETS } = (data ??= loadData());
  let count = 0;
  for (const line of BUCKETS) count += line.length;
  let size = 1024;
  while (size < 2 * count) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const bonus = new Float32Array(size);
  const mask = size - 1;
  const starts = new Uint8Array(SPAN);
  for (let k = 0; k < BUCKETS.length; k++) {
    const line = BUCKETS[k]!;
    const value = PAIR_BASE + PAIR_PER_BUCKET * (TOP - k - PAIR_FLOOR);
    let lead = -1;
    for (let i = 0; i < line.length; i++) {
      const u = line.charCodeAt(i);
      if (u === 0x20) lead = -1;
      else if (lead < 0) lead = u;
      else if (lead >= FIRST && lead <= LAST && u >= FIRST && u <= LAST) {
        const k0 = key(lead, u);
        let at = hash(k0) & mask;
        while (table[at] !== -1 && table[at] !== k0) at = (at + 1) & mask;
        if (table[at] === -1) {
          table[at] = k0;
          bonus[at] = value;
        }
        starts[lead - FIRST] = 1;
      }
    }
  }
  return { table, bonus, mask, starts };
}

function loadChars(): Float32Array {
  const { charTop: CHAR_TOP, charBuckets: CHAR_BUCKETS } = (data ??= loadData());
  const table = new Float32Array(SPAN);
  for (let k = 0; k < CHAR_BUCKETS.length; k++) {
    const line = CHAR_BUCKETS[k]!;
    const value = Math.max(0, CHAR_PER_BUCKET * (CHAR_TOP - k - CHAR_FLOOR));
    for (let i = 0; i < line.length; i++) {
      const u = line.charCodeAt(i);
      if (u >= FIRST && u <= LAST) table[u - FIRST] = value;
    }
  }
  return table;
}

function hash(k: number): number {
  return Math.imul(k, 0x9e3779b1) >>> 7;
}

/** A pair as one small integer (below 2³⁰, so that V8 keeps it unboxed). */
function key(a: number, b: number): number {
  return (a - FIRST) * SPAN + (b - FIRST);
}

/** Saving (bits) for Han characters `a` then `b` in a row, by how often they make (part of) a word; 0 for other pairs. */
export function wordBonus(a: number, b: number): number {
  if (a < FIRST || a > LAST || b < FIRST || b > LAST) return 0;
  const { table, bonus, mask, starts } = (pairs ??= loadPairs());
  if (starts[a - FIRST] === 0) return 0;
  const k = key(a, b);
  for (let at = hash(k) & mask; ; at = (at + 1) & mask) {
    const found = table[at]!;
    if (found === k) return bonus[at]!;
    if (found === -1) return 0;
  }
}

/** Saving (bits) for a decoded Han character, by how often it occurs in words; 0 for others. */
export function charBonus(u: number): number {
  if (u < FIRST || u > LAST) return 0;
  return (chars ??= loadChars())[u - FIRST]!;
}

/** The pair bonuses of the neighbours in the segments' decoded text. */
export function pairBonuses(segments: readonly { after: string }[]): number {
  let total = 0;
  for (const { after } of segments) for (let i = 0; i + 1 < after.length; i++) total += wordBonus(after.charCodeAt(i), after.charCodeAt(i + 1));
  return total;
}

/** The character and pair bonuses of `text`. */
export function wordBonuses(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    total += charBonus(text.charCodeAt(i));
    if (i + 1 < text.length) total += wordBonus(text.charCodeAt(i), text.charCodeAt(i + 1));
  }
  return total;
}
