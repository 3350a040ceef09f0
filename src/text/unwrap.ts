/**
 * Hard-wrap joining (`--unwrap`). Text copied out of a PDF breaks at every printed line end, and
 * often around numbers set in another font ("关于\n\n2021\n\n年创建…"); official documents need
 * one line per paragraph. This joins the broken lines and keeps the real paragraph breaks.
 *
 * Between each non-blank line A and the next non-blank line B, in this order:
 * 1. A ends a sentence or clause (。！？；：…, also ASCII, then closing quotes/brackets), or more
 *    blank lines separate A and B than the text's usual spacing: break. (PDF copies put a blank
 *    line after every printed line, so there one blank line means nothing and a wider gap is a
 *    paragraph break; in ordinary text the usual spacing is none and any blank line counts.)
 * 2. The break cannot be a paragraph end: A or B is a bare number (the "2021" above; B only if
 *    A is not a heading), B starts with punctuation no line starts with (、，。）”…), or A ends
 *    with one no paragraph ends with (、，（“《…): join.
 * 3. B starts with a heading marker (一、 （一） 1、 1． (1) ① 第一 一是 [1] 【…】): break.
 * 4. A is as long as the printed lines (the width most lines ending mid-sentence share, when
 *    the text shows one: see wrapWidthOf): join. Else A is a heading (a marker, at most 40
 *    characters, no full stop) or a title (at most 40 characters, no sentence punctuation): break. In a spaced-out copy (blank lines between
 *    lines, and a fifth or more of the lines ending mid-sentence) only if A is followed by as
 *    wide a gap as its paragraph began with: in seed 003's PDF copy "4、进一步加强文化阵地建"
 *    follows a paragraph gap and is followed by a mere line gap — a wrapped line, not a heading.
 * 5. Otherwise A was wrapped: join. Chinese joins with nothing between; Latin words get a space.
 * Blank lines between paragraphs come out as one blank line; leading and trailing blank lines
 * go. A line that joins nothing comes out as it was. Page numbers on their own line (—1—, - 2 -,
 * 第3页, 4/12) and form feeds are the PDF's, not the text's: they go, and the blank lines of the
 * page break do not count as a paragraph gap, so a paragraph runs on across the page.
 */

export interface Join {
  /** 1-based input line whose following line break was removed. */
  line: number;
}

/** A page number a PDF copy leaves on its own line: —1—, - 2 -, 第3页, 4/12, 第 5 页 共 12 页. */
const PAGE_NUMBER = /^(?:[—–－-]\s*[\d０-９]+\s*[—–－-]|第\s*[\d０-９]+\s*[页頁](?:\s*[,，]?\s*共\s*[\d０-９]+\s*[页頁])?|[\d０-９]+\s*\/\s*[\d０-９]+|[Pp]age\s+\d+(?:\s+of\s+\d+)?)$/;

const TERMINAL = /(?:[。！？；：!?;:…]|(?<!\d)\.)[”’"'」』）)】》\]］*]*$/;
const NUMBER_ONLY = /^[\d０-９]+(?:[.,．:：/-][\d０-９]+)*[%％]?$/;
const CANNOT_START = /^[、，,。．；;：:！!？?）)】」』”’》%％]/;
const CANNOT_END = /[、，,（(“‘「『《【]$/;
const HEADING = new RegExp(
  '^(?:' +
    [
      '[一二三四五六七八九十百零〇]+[、．.]', // 一、
      '[（(][一二三四五六七八九十百零〇]+[）)]', // （一）
      '[\\d０-９]+、(?![\\d０-９])|[\\d０-９]+．|[\\d０-９]+\\.(?![\\d０-９])', // 1、 1． 1. ３． (not 1.5, nor 3、4月)
      '[（(][\\d０-９]+[）)]|[①-⑳⑴-⒇⒈-⒛]', // (1) （２） ① ⑵ ⒈
      '第[一二三四五六七八九十百零〇\\d]+(?:[章节節条條篇款项項]|部分|[，,、：:])', // 第一章 第一，
      '[一二三四五六七八九十]+是', // 一是
      '[[［]\\d+[\\]］]', // [1] a reference
      '【[^】]{1,8}】', // 【关键词】
    ].join('|') +
    ')',
);

interface Line {
  /** 0-based input line. */
  index: number;
  text: string;
  /** Blank lines between this line and the previous non-blank one. */
  gap: number;
}

interface Paragraph {
  /** Its lines, trimmed where they were joined (kept apart so long paragraphs join in linear time). */
  parts: string[];
  /** The gap before its first line. */
  startGap: number;
  last: Line;
}

const isTitle = (line: string) => line.length <= 40 && !/[，,；;。！？!?]/.test(line);

function isHeading(paragraph: Paragraph): boolean {
  if (paragraph.parts.length > 8 || paragraph.parts.reduce((length, part) => length + part.length, 0) > 80) return false;
  const text = paragraph.parts.join('').trim();
  return HEADING.test(text) && text.length <= 40 && !/[。！？；;!?]/.test(text);
}

/** A line that ends mid-sentence: no closing punctuation, and not shaped like a title or heading. */
function endsMidSentence(line: Line): boolean {
  const text = line.text.trim();
  return !TERMINAL.test(text) && !isTitle(text) && !(HEADING.test(text) && text.length <= 40);
}

/**
 * The usual gap between lines, and whether the text is a spaced-out hard-wrapped copy: blank
 * lines between lines (a gap of one or more) and at least a fifth of the lines ending mid-sentence.
 */
interface Layout {
  usualGap: number;
  spacedOut: boolean;
  /** The printed line width in columns, when one shows: the width most lines ending mid-sentence share. */
  wrapWidth: number;
}

/**
 * The width a PDF copy's lines were printed at, in columns (a Chinese or full-width character
 * two, others one: digits and Latin letters are set half as wide): the commonest width of lines
 * (ten characters or more) that end mid-sentence, give or take four columns (a paragraph's first
 * line is indented by two characters; spaces around Latin words and digits shift a line a
 * little), when at least three lines and two in five of all lines have it. A line from six
 * columns short of it counts as full. 0 when the text shows no such width.
 */
function wrapWidthOf(lines: Line[]): number {
  const widths = lines.map((line) => line.text.trim()).filter((text) => text.length >= 10 && !TERMINAL.test(text)).map(columns);
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  let wrap = 0;
  let best = 0;
  for (const width of counts.keys()) {
    let near = 0;
    for (let d = -4; d <= 4; d++) near += counts.get(width + d) ?? 0;
    if (near > best || (near === best && width > wrap)) [wrap, best] = [width, near];
  }
  return best >= 3 && best * 5 >= lines.length * 2 ? wrap : 0;
}

/** Display columns: two for East Asian wide characters, one for the rest. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return n;
}

function layout(lines: Line[]): Layout {
  const counts = new Map<number, number>();
  for (const line of lines.slice(1)) counts.set(line.gap, (counts.get(line.gap) ?? 0) + 1);
  let usualGap = 0;
  let best = 0;
  for (const [gap, count] of counts) {
    if (count > best || (count === best && gap < usualGap)) [usualGap, best] = [gap, count];
  }
  const wrapped = lines.filter(endsMidSentence).length;
  return { usualGap, spacedOut: usualGap > 0 && wrapped * 5 >= lines.length, wrapWidth: wrapWidthOf(lines) };
}

function breaksBetween(paragraph: Paragraph, next: Line, { usualGap, spacedOut, wrapWidth }: Layout): boolean {
  const a = paragraph.last.text.trim();
  const b = next.text.trim();
  if (TERMINAL.test(a) || next.gap > usualGap) return true;
  const heading = isHeading(paragraph);
  if (NUMBER_ONLY.test(a) || (NUMBER_ONLY.test(b) && !heading) || CANNOT_START.test(b) || CANNOT_END.test(a)) return false;
  if (HEADING.test(b)) return true;
  // A line as wide as the printed lines ran on: no title or heading ends there.
  if (wrapWidth > 0 && columns(a) >= wrapWidth - 6) return false;
  // In a spaced-out copy a heading or title is followed by as wide a gap as came before it.
  return (!spacedOut || next.gap >= paragraph.startGap) && (heading || isTitle(a));
}

/** Appends a wrapped line: nothing between Chinese, a space between Latin words. */
function join(paragraph: Paragraph, line: Line): void {
  const left = paragraph.parts.pop()!.trimEnd();
  const right = line.text.trim();
  const latinWords = /[A-Za-z0-9,;:)\]'"%]$/.test(left) && /^[A-Za-z0-9(['"]/.test(right) && !(/\d$/.test(left) && /^\d/.test(right));
  paragraph.parts.push(left, (latinWords ? ' ' : '') + right);
  paragraph.last = line;
}

export function unwrap(text: string): { text: string; joins: Join[] } {
  const eol = text.match(/\r\n|\n|\r/)?.[0] ?? '\n';
  const raw = text.split(/\r\n|\n|\r/);
  const finalNewline = raw.length > 1 && raw[raw.length - 1] === '';

  const lines: Line[] = [];
  let gap = 0;
  // After a page number, blank lines are the page break's, not a paragraph's.
  let pageBreak = false;
  raw.forEach((rawLine, index) => {
    const line = rawLine.replace(/\f/g, '');
    if (PAGE_NUMBER.test(line.trim())) {
      pageBreak = true;
      return;
    }
    if (line.trim() === '') {
      if (!pageBreak) gap++;
    } else {
      lines.push({ index, text: line, gap: lines.length === 0 ? 0 : gap });
      gap = 0;
      pageBreak = false;
    }
  });

  const spacing = layout(lines);
  const paragraphs: Paragraph[] = [];
  const joins: Join[] = [];
  for (const line of lines) {
    const current = paragraphs[paragraphs.length - 1];
    if (current && !breaksBetween(current, line, spacing)) {
      joins.push({ line: current.last.index + 1 });
      join(current, line);
    } else {
      paragraphs.push({ parts: [line.text], startGap: line.gap, last: line });
    }
  }

  const body = paragraphs.map((p, i) => (i === 0 ? '' : p.startGap > 0 ? eol + eol : eol) + p.parts.join('')).join('');
  return { text: body + (finalNewline && body !== '' ? eol : ''), joins };
}
