/**
 * Mojibake repair: text whose bytes were decoded with the wrong character set, put back.
 *
 * The model, in four steps (one file each):
 * 1. mojibake-prescan.ts — a table lookup per character; lines with nothing suspicious
 *    return at once, unchanged (the same string).
 * 2. mojibake-decoders.ts — candidate families: GBK or Big5 bytes read as Latin-1 /
 *    Windows-1252; UTF-8 read as Windows-1252 / Latin-1, MacRoman, Windows-1250/1251/1257,
 *    ISO-8859-2 or CP437; UTF-8 read as GBK or Big5. Each turns the line back into bytes and
 *    decodes them, with resynchronising readings for damage seen in the wild: a dropped 0xAD
 *    (soft hyphens stripped by a web page), an NBSP turned into a space, bytes lost to U+FFFD.
 * 3. mojibake-spans.ts + mojibake-score.ts — a dynamic programme picks, span by span, the
 *    reading that saves the most cost under a class-based plausibility model (common Han
 *    characters and CJK punctuation are cheap; rare ideographs, Latin-1 symbol soup, controls,
 *    private use and U+FFFD are dear; odd neighbours cost extra). No list of known strings.
 * 4. mojibake-decide.ts — a family's segments are judged together for the line (share of
 *    common Han characters, saving, consistency with the rest of the line), readings of the
 *    same text by different families compete and are taken only on a clear win; text garbled
 *    twice is repaired again; stray C1 controls become their Windows-1252 characters.
 *
 * Tables come from iconv-lite (charsets.ts), built lazily once per process.
 */
import { decideLine } from './mojibake-decide.js';
import { mayHoldMojibake } from './mojibake-prescan.js';

export interface MojibakeChange {
  /** 1-based UTF-16 column of the span in the ORIGINAL line. */
  column: number;
  before: string;
  after: string;
  /** How it had been misread, e.g. 'gbk-as-latin1', 'gbk-as-cp1252', 'big5-as-latin1', 'utf8-as-cp1252', 'utf8-as-gbk', 'utf8-as-big5', 'utf8-as-cp1252-twice', 'utf8-as-macroman', … */
  kind: string;
}

/** Repairs one line (no '\n' inside). Clean text comes back identical (same string) with no changes. */
export function repairLine(line: string): { text: string; changes: MojibakeChange[] } {
  if (!mayHoldMojibake(line)) return { text: line, changes: [] };
  const repairs = decideLine(line);
  if (repairs.length === 0) return { text: line, changes: [] };
  let text = '';
  let at = 0;
  const changes: MojibakeChange[] = [];
  for (const r of repairs) {
    text += line.slice(at, r.start) + r.after;
    at = r.end;
    changes.push({ column: r.start + 1, before: r.before, after: r.after, kind: r.kind });
  }
  text += line.slice(at);
  return { text, changes };
}
