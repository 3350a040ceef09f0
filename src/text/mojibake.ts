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
 *    twice is repaired again; stray C1 controls become their Windows-1252 characters. A GBK
 *    or Big5 reading that leaves bytes without their pair or shows other signs of a dropped
 *    byte is read again with dropped bytes put back; where it has to choose between readings
 *    out of step, the words they make weigh in too (mojibake-words.ts: how often characters
 *    and pairs of characters occur in the words of jieba's word list, han-pairs.data.ts, read
 *    only then).
 *
 * Tables come from iconv-lite (charsets.ts), built lazily once per process.
 */
import { decideLine, type Repair } from './mojibake-decide.js';
import { mayHoldMojibake } from './mojibake-prescan.js';

export interface MojibakeChange {
  /** 1-based UTF-16 column of the span in the ORIGINAL line. */
  column: number;
  before: string;
  after: string;
  /** How it had been misread, e.g. 'gbk-as-latin1', 'gbk-as-cp1252', 'big5-as-latin1', 'utf8-as-cp1252', 'utf8-as-gbk', 'utf8-as-big5', 'utf8-as-cp1252-twice', 'utf8-as-macroman', … */
  kind: string;
}

/** Lines longer than this are read in pieces (see pieceEnd). */
const PIECE = 4096;

/** Repairs one line (no '\n' inside). Clean text comes back identical (same string) with no changes. */
export function repairLine(line: string): { text: string; changes: MojibakeChange[] } {
  if (!mayHoldMojibake(line)) return { text: line, changes: [] };
  const repairs: Repair[] = [];
  for (let start = 0; start < line.length; ) {
    const end = pieceEnd(line, start);
    const piece = start === 0 && end === line.length ? line : line.slice(start, end);
    if (piece === line) repairs.push(...decideLine(piece));
    else if (mayHoldMojibake(piece)) for (const r of decideLine(piece)) repairs.push({ ...r, start: r.start + start, end: r.end + start });
    start = end;
  }
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

/**
 * Where the piece starting at `start` ends: the line's end, or right after an ASCII digit,
 * space or punctuation mark below '@' (never part of a GBK or Big5 pair, nor of a UTF-8
 * sequence), or failing that an even number of characters after the last ASCII character (the
 * pairs of GBK or Big5 text read as Latin-1 stay whole).
 */
function pieceEnd(line: string, start: number): number {
  if (line.length - start <= PIECE) return line.length;
  const limit = start + PIECE;
  for (let i = limit; i > start + PIECE / 2; i--) if (line.charCodeAt(i - 1) < 0x40) return i;
  let from = start;
  for (let i = limit; i > start; i--) {
    if (line.charCodeAt(i - 1) < 0x80) {
      from = i;
      break;
    }
  }
  let cut = limit - ((limit - from) % 2);
  const before = line.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut++;
  return cut;
}
