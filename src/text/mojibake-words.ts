/**
 * Known words for the mojibake repair: which two Han characters in a row make (part of) a
 * Chinese word. A reading out of step after a dropped byte ("谁来" read as "死喘", "一杯茶" as
 * "噎槐茶") is made of common characters as often as the right one; what it lacks is words.
 *
 * The pairs come from the phrase dictionaries of OpenCC that opencc-js ships (Apache-2.0; this
 * project already depends on it for script conversion): about 100,000 pairs of simplified and
 * traditional characters from some 100,000 phrases. They are read once, on first use, and only
 * by readings that re-insert dropped bytes (a rare path: clean text and ordinary mojibake never
 * load them), into a hash table of integers (a lookup is a few nanoseconds: the span search
 * asks for every pair of neighbouring readings it weighs).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Phrase dictionaries of opencc-js (`opencc-js/dict/NAME`, each "key value|key value|…"). */
const DICTIONARIES = ['STPhrases', 'TSPhrases', 'TWPhrases', 'TWPhrasesRev', 'HKPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];

/**
 * The pairs, as an open-addressing hash table of keys (-1: empty), and which characters start
 * one at all (most lookups stop there). A Set of numbers took several times longer per lookup.
 */
interface Pairs {
  table: Int32Array;
  mask: number;
  starts: Uint8Array;
}

let pairs: Pairs | undefined;

function load(): Pairs {
  const set = new Set<number>();
  for (const name of DICTIONARIES) {
    let text: string;
    try {
      // Each module is `export default "…"`: read as text (the repair is synchronous).
      const source = readFileSync(require.resolve(`opencc-js/dict/${name}`), 'utf8');
      text = JSON.parse(source.slice(source.indexOf('"'), source.lastIndexOf('"') + 1)) as string;
    } catch {
      continue; // a dictionary missing or in another form: fewer words known, nothing worse
    }
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      if (u >= FIRST && u <= LAST) {
        if (prev >= 0) set.add(key(prev, u));
        prev = u;
      } else prev = -1; // a space or '|' ends the phrase; other characters break the pair
    }
  }
  let size = 1024;
  while (size < 2 * set.size) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const starts = new Uint8Array(SPAN);
  for (const k of set) {
    let at = hash(k) & mask;
    while (table[at] !== -1) at = (at + 1) & mask;
    table[at] = k;
    starts[Math.floor(k / SPAN)] = 1;
  }
  return { table, mask, starts };
}

function hash(k: number): number {
  return Math.imul(k, 0x9e3779b1) >>> 7;
}

/** Han characters considered: Extension A and the unified ideographs of the BMP. */
const FIRST = 0x3400;
const LAST = 0x9fff;
const SPAN = LAST - FIRST + 1;

/** A pair as one small integer (below 2³⁰, so that V8 keeps it unboxed: Set lookups stay fast). */
function key(a: number, b: number): number {
  return (a - FIRST) * SPAN + (b - FIRST);
}

/** Whether Han characters `a` then `b` occur together in a known phrase. */
export function knownPair(a: number, b: number): boolean {
  if (a < FIRST || a > LAST || b < FIRST || b > LAST) return false;
  const { table, mask, starts } = (pairs ??= load());
  if (starts[a - FIRST] === 0) return false;
  const k = key(a, b);
  for (let at = hash(k) & mask; ; at = (at + 1) & mask) {
    const found = table[at]!;
    if (found === k) return true;
    if (found === -1) return false;
  }
}

/** How many pairs of neighbours in `text` are known. */
export function knownPairs(text: string): number {
  let count = 0;
  for (let i = 0; i + 1 < text.length; i++) if (knownPair(text.charCodeAt(i), text.charCodeAt(i + 1))) count++;
  return count;
}
