/**
 * The 公文 checks on a PDF LibreOffice made: A4, 22 lines of 28 characters on a full page,
 * "— N —" page numbers on the outer side, and — given the document model — title and headings
 * in order, no text lost, signature and date at the end. Each check is data: {name, ok, detail}.
 */
import type { CliTextKey, Phrase } from '../messages/index.js';
import { blockText, type Block, type DocumentModel } from '../model/types.js';
import type { PdfFacts, PdfPage, PdfWord } from './pdf-read.js';
import { both, joined } from './texts.js';

export interface Check {
  name: string;
  ok: boolean;
  /** What was measured, or what is wrong. */
  detail: string;
  /** Not measured (e.g. too few pages for a full middle page); counts as passed. */
  skipped?: boolean;
  /** The name and the detail in English and Chinese, for printing in the chosen language. */
  text?: { name: Phrase; detail: Phrase };
}

const NOTHING: Phrase = { en: '', zh: '' };

/** A check named by its catalogue text (`verify.name.*`); name and detail in English, both languages in `text`. */
export function namedCheck(name: CliTextKey, ok: boolean, detail: Phrase = NOTHING, options: { skipped?: boolean } = {}): Check {
  const names = both(name);
  return { name: names.en, ok, detail: detail.en, ...(options.skipped ? { skipped: true } : {}), text: { name: names, detail } };
}

/** The 版心 grid: GB/T 9704-2012 asks for 22 lines of 28 characters. */
export interface Grid {
  lines: number;
  /** Lines per page may be this many more or fewer. */
  lineTolerance: number;
  characters: number;
}

export const GB_T_9704: Grid = { lines: 22, lineTolerance: 1, characters: 28 };

/** A4 in points, and how far a page may be off. */
const A4 = { width: 595.28, height: 841.89, tolerance: 1 };

export const squash = (text: string): string => text.replace(/\s+/g, '');

const PAGE_NUMBER_LINE = /^\s*—\s*\d+\s*—\s*$/;

/** Lines of body text on a page (pdftotext -layout): everything but the page number. */
export const bodyLines = (layout: string): string[] => layout.split('\n').filter((l) => l.trim() !== '' && !PAGE_NUMBER_LINE.test(l));

/** A line's width in body characters: digits and Latin letters are half-width. */
export const lineWidth = (line: string): number => [...line.replace(/\s+/g, '')].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/** Closing punctuation after a full line hangs in the margin, outside the 28 characters. */
export const withoutHangingPunctuation = (line: string): string => line.trim().replace(/[，。、；：？！”’）]$/, '');

const short = (text: string, length = 30) => (text.length > length ? `${text.slice(0, length)}…` : text);
const round = (n: number) => String(Math.round(n * 10) / 10);

export function checkPageSize(facts: PdfFacts): Check {
  const name = 'verify.name.pageSize';
  const wrong = facts.pages.find((p) => Math.abs(p.width - A4.width) > A4.tolerance || Math.abs(p.height - A4.height) > A4.tolerance);
  if (facts.pages.length === 0) return namedCheck(name, false, both('verify.noPages'));
  if (!wrong) return namedCheck(name, true);
  const args = { page: wrong.number, width: round(wrong.width), height: round(wrong.height), paper: wrong.paper };
  return namedCheck(name, false, both(wrong.paper ? 'verify.pageSizePaper' : 'verify.pageSize', args));
}

/**
 * The page number: the words of the page's lowest line. Text block of a 公文 page: 79.4 pt to
 * 521.6 pt across; the number sits one 14 pt character inside it.
 */
export function pageNumberWords(page: PdfPage): PdfWord[] {
  if (page.words.length === 0) return [];
  const lowest = Math.max(...page.words.map((w) => w.y));
  return page.words.filter((w) => w.y > lowest - 3);
}

export function checkPageNumbers(facts: PdfFacts): Check {
  const name = 'verify.name.pageNumbers';
  const problems: Phrase[] = [];
  for (const page of facts.pages) {
    const footer = pageNumberWords(page);
    const text = footer.map((w) => w.text).join('');
    if (text !== `—${page.number}—`) {
      problems.push(both('verify.pageNumberText', { page: page.number, text: short(text, 20) }));
      continue;
    }
    const left = Math.min(...footer.map((w) => w.x));
    const right = Math.max(...footer.map((w) => w.xMax));
    // Odd pages: right, near the text block's right edge; even pages: left.
    if (page.number % 2 === 1 && !(right > page.width - 95.3)) problems.push(both('verify.pageNumberNotRight', { page: page.number, x: round(right) }));
    if (page.number % 2 === 0 && !(left < 100)) problems.push(both('verify.pageNumberNotLeft', { page: page.number, x: round(left) }));
  }
  if (problems.length === 0) return namedCheck(name, true, both('verify.pageNumbersOk', { count: facts.pages.length }));
  const first = joined(problems.slice(0, 3), 'verify.problemSeparator');
  return namedCheck(name, false, problems.length > 3 ? both('verify.problemsMore', { problems: first, count: problems.length - 3 }) : first);
}

/** The fullest middle page (no title, no signature), or undefined below 3 pages. */
export function fullestMiddlePage(facts: PdfFacts): { page: number; lines: string[] } | undefined {
  if (facts.pages.length < 3) return undefined;
  return facts.pages
    .slice(1, -1)
    .map((p) => ({ page: p.number, lines: bodyLines(p.layout) }))
    .reduce((a, b) => (b.lines.length > a.lines.length ? b : a));
}

const tooShort = (facts: PdfFacts) => both('verify.tooShort', { count: facts.pages.length });

/** On the fullest middle page, 22 lines (±1). A heading kept with its paragraph may leave a page a line short. */
export function checkLinesPerPage(facts: PdfFacts, grid: Grid = GB_T_9704): Check {
  const name = 'verify.name.linesPerPage';
  const middle = fullestMiddlePage(facts);
  if (!middle) return namedCheck(name, true, tooShort(facts), { skipped: true });
  const n = middle.lines.length;
  const ok = Math.abs(n - grid.lines) <= grid.lineTolerance;
  return namedCheck(name, ok, both(ok ? 'verify.lines' : 'verify.linesWrong', { count: n, page: middle.page, lines: grid.lines, tolerance: grid.lineTolerance }));
}

/**
 * On the same page: no line longer than 28 characters, and the longest line 28 (a grid read as
 * 26 characters a line, or 30, fails). Digits and Latin letters count half; closing punctuation
 * hanging in the margin does not count.
 */
export function checkCharactersPerLine(facts: PdfFacts, grid: Grid = GB_T_9704): Check {
  const name = 'verify.name.charactersPerLine';
  const middle = fullestMiddlePage(facts);
  if (!middle) return namedCheck(name, true, tooShort(facts), { skipped: true });
  const widths = lineWidths(middle.lines);
  const longest = Math.max(...widths);
  const full = widths.filter((w) => w >= grid.characters - 1).length;
  const line = middle.lines[widths.indexOf(longest)]?.trim() ?? '';
  const args = { count: round(longest), page: middle.page, characters: grid.characters, line: short(line), full, lines: middle.lines.length };
  if (longest > grid.characters + 0.5) return namedCheck(name, false, both('verify.charactersTooMany', args));
  if (longest < grid.characters - 1) return namedCheck(name, false, both('verify.charactersTooFew', args));
  return namedCheck(name, true, both('verify.characters', args));
}

/** Each line's width in body characters, hanging punctuation left out. */
export const lineWidths = (lines: readonly string[]): number[] => lines.map((l) => lineWidth(withoutHangingPunctuation(l)));

/** The body text of all pages as one string, page numbers left out, whitespace removed. */
export const bodyText = (facts: PdfFacts): string => squash(facts.pages.map((p) => bodyLines(p.layout).join('')).join(''));

/** Finds each block's text in order; the first one missing, or undefined. */
function findInOrder(text: string, blocks: readonly Block[]): Block | undefined {
  let from = 0;
  for (const block of blocks) {
    const expected = squash(blockText(block));
    const at = text.indexOf(expected, from);
    if (at < 0) return block;
    from = at + expected.length;
  }
  return undefined;
}

const LEVELS = ['一', '二', '三', '四'];
const BLOCK_KINDS: Record<Exclude<Block['type'], 'heading'>, CliTextKey> = {
  title: 'verify.block.title',
  paragraph: 'verify.block.paragraph',
  table: 'verify.block.table',
  signature: 'verify.block.signature',
};

const describeBlock = (block: Block): Phrase => {
  const kind =
    block.type === 'heading' ? both('verify.block.heading', { level: { en: String(block.level), zh: LEVELS[block.level - 1] ?? String(block.level) } }) : both(BLOCK_KINDS[block.type]);
  return both('verify.block', { kind, text: short(squash(blockText(block))) });
};

export function checkHeadings(facts: PdfFacts, model: DocumentModel): Check {
  const name = 'verify.name.headings';
  const headings = model.blocks.filter((b) => b.type === 'title' || b.type === 'heading');
  const missing = findInOrder(bodyText(facts), headings);
  if (missing) return namedCheck(name, false, both('verify.notInOrder', { block: describeBlock(missing) }));
  return namedCheck(name, true, both('verify.found', { count: headings.length }));
}

/**
 * Every paragraph of the preview, in order, whitespace-insensitive. Table cells wrap and
 * interleave in the PDF text, so they are checked as characters: every character the preview
 * shows must be in the PDF (reading order) at least as often.
 */
export function checkTextKept(facts: PdfFacts, model: DocumentModel): Check {
  const name = 'verify.name.textKept';
  const missing = findInOrder(
    bodyText(facts),
    model.blocks.filter((b) => b.type !== 'table'),
  );
  if (missing) return namedCheck(name, false, both('verify.notInOrder', { block: describeBlock(missing) }));
  const lost = missingCharacters(facts, model);
  if (lost.length > 0) {
    const args = { characters: lost.slice(0, 10).join(''), count: lost.length };
    return namedCheck(name, false, both(lost.length > 10 ? 'verify.charactersMissingMore' : 'verify.charactersMissing', args));
  }
  return namedCheck(name, true, both('verify.blocksFound', { count: model.blocks.length }));
}

/** Characters of the model's text not in the PDF's reading-order text as often, in order of appearance. */
export function missingCharacters(facts: PdfFacts, model: DocumentModel): string[] {
  const available = new Map<string, number>();
  for (const ch of squash(facts.flow)) available.set(ch, (available.get(ch) ?? 0) + 1);
  const lost: string[] = [];
  for (const ch of squash(model.blocks.map(blockText).join(''))) {
    const left = available.get(ch) ?? 0;
    if (left === 0) lost.push(ch);
    else available.set(ch, left - 1);
  }
  return lost;
}

/** 发文机关署名 and 成文日期 are the last lines of the last page. */
export function checkSignature(facts: PdfFacts, model: DocumentModel): Check {
  const name = 'verify.name.signature';
  const signature = model.blocks[model.blocks.length - 1];
  if (!signature || signature.type !== 'signature') {
    return namedCheck(name, false, both('verify.notSignature', { block: signature ? describeBlock(signature) : both('verify.nothing') }));
  }
  const lastPage = facts.pages[facts.pages.length - 1];
  const last = lastPage ? bodyLines(lastPage.layout).map(squash) : [];
  const expected = signature.lines.map(squash);
  const found = last.slice(-expected.length);
  if (found.length === expected.length && found.every((line, i) => line === expected[i])) {
    const lines = expected.join(' / ');
    return namedCheck(name, true, { en: lines, zh: lines });
  }
  return namedCheck(name, false, both('verify.signatureWrong', { found: found.join(' / '), expected: expected.join(' / ') }));
}

/** Every check that needs only the PDF, and with a model the text checks too. */
export function pdfChecks(facts: PdfFacts, options: { model?: DocumentModel; grid?: Grid } = {}): Check[] {
  const grid = options.grid ?? GB_T_9704;
  const checks = [checkPageSize(facts), checkLinesPerPage(facts, grid), checkCharactersPerLine(facts, grid), checkPageNumbers(facts)];
  if (options.model) checks.push(checkHeadings(facts, options.model), checkTextKept(facts, options.model), checkSignature(facts, options.model));
  return checks;
}
