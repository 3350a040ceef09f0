/**
 * Proof in a real word processor: LibreOffice converts every example and generated record to
 * PDF, and the PDF is measured — A4, 22 lines of 28 characters on a full page, "— N —" page
 * numbers on the outer side, headings in order, no text lost, signature and date at the end —
 * by the same library checks `report render-check` runs (src/verify/), plus the raw
 * measurements asserted here directly. Locally the suite is skipped when LibreOffice is
 * missing; under CI it must run.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/model/parse-markdown.js';
import { blockText, type DocumentModel } from '../src/model/types.js';
import {
  bodyLines,
  bodyText,
  checkCharactersPerLine,
  checkHeadings,
  checkLinesPerPage,
  checkPageNumbers,
  checkPageSize,
  checkSignature,
  checkTextKept,
  convertToPdf,
  findTools,
  fontReport,
  fullestMiddlePage,
  lineWidths,
  missingCharacters,
  pageNumberWords,
  readPdf,
  squash,
  type FontReport,
  type PdfFacts,
} from '../src/verify/index.js';
import { generateRecord } from './generate.js';
import { EXAMPLES, report, scratch } from './support.js';

const found = await findTools(process.env);
const available = found.ok;
if (!available && process.env['CI']) throw new Error('LibreOffice (soffice) and poppler-utils are required under CI: .ci/run installs them');
if (!available) console.warn('render tests skipped: install libreoffice-writer-nogui and poppler-utils to run them');

interface Rendered {
  name: string;
  docx: string;
  preview: string;
  model: DocumentModel;
  facts: PdfFacts;
  fonts: FontReport;
}

const GENERATED = {
  'long-summary': generateRecord({ kind: '工作总结', sections: 5, pointsPerSection: 3, length: 4, data: true, seed: 1 }),
  'long-plan': generateRecord({ kind: '实施意见', sections: 4, pointsPerSection: 4, length: 3, data: true, seed: 2 }),
  'short-briefing': generateRecord({ kind: '情况汇报', sections: 1, pointsPerSection: 1, length: 1, seed: 3 }),
  'traditional-summary': generateRecord({ kind: '工作总结', sections: 3, pointsPerSection: 2, length: 3, data: true, seed: 4, traditional: true }),
};

const rendered: Rendered[] = [];

beforeAll(async () => {
  if (!found.ok) return;
  const dir = scratch('report-render-');
  const inputs = [...EXAMPLES];
  for (const [name, text] of Object.entries(GENERATED)) {
    writeFileSync(path.join(dir, `${name}.yaml`), text);
    inputs.push(path.join(dir, `${name}.yaml`));
  }
  const build = report(['build', ...inputs, '-o', path.join(dir, 'out')], { cwd: dir });
  expect(build.status, build.stderr).toBe(0);
  const docs = inputs.map((input) => path.join(dir, 'out', `${path.basename(input, '.yaml')}.docx`));
  // One conversion run for all files, with a private profile so parallel runs do not collide.
  const conversions = await convertToPdf(docs, { soffice: found.tools.soffice, outDir: path.join(dir, 'pdf') });
  for (const [i, input] of inputs.entries()) {
    const name = path.basename(input, '.yaml');
    const conversion = conversions[i]!;
    // It converts without error.
    expect(conversion.ok, conversion.ok ? '' : conversion.message).toBe(true);
    if (!conversion.ok) continue;
    const read = await readPdf(conversion.pdf, found.tools);
    expect(read.ok, read.ok ? '' : read.message).toBe(true);
    if (!read.ok) continue;
    const preview = report(['preview', input], { cwd: dir }).stdout;
    const fonts = await fontReport(docs[i]!, read.facts, found.tools.fcList ? { fcList: found.tools.fcList } : {});
    rendered.push({ name, docx: docs[i]!, preview, model: parseMarkdown(preview), facts: read.facts, fonts });
  }
});

describe.skipIf(!available)('LibreOffice renders every document as a 公文', () => {
  const names = [...EXAMPLES.map((e) => path.basename(e, '.yaml')), ...Object.keys(GENERATED)];
  const get = (name: string) => rendered.find((r) => r.name === name)!;

  it.each(names)('%s: A4, page numbers on the outer side of every page', (name) => {
    const { facts } = get(name);
    expect(facts.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(facts.pages.length).toBeGreaterThan(0);
    for (const page of facts.pages) {
      expect(page.width, `page ${page.number}`).toBeCloseTo(595.3, 0);
      expect(page.height, `page ${page.number}`).toBeCloseTo(841.9, 0);
      const footer = page.words.filter((w) => w.y > 740);
      expect(footer.map((w) => w.text).join(''), `page ${page.number}`).toBe(`—${page.number}—`);
      // The library finds the same words as the page's lowest line.
      expect(pageNumberWords(page)).toEqual(footer);
      const left = Math.min(...footer.map((w) => w.x));
      const right = Math.max(...footer.map((w) => w.xMax));
      // Text block: 79.4 pt to 521.6 pt; the number sits one 14 pt character inside it.
      if (page.number % 2 === 1) expect(right).toBeGreaterThan(500);
      else expect(left).toBeLessThan(100);
    }
    expect(checkPageSize(facts)).toMatchObject({ ok: true });
    expect(checkPageNumbers(facts)).toMatchObject({ ok: true });
  });

  it.each(names)('%s: title, headings in order, every paragraph, signature and date at the end', (name) => {
    const { facts, model } = get(name);
    const text = bodyText(facts);
    expect(text).toBe(squash(facts.pages.map((page) => bodyLines(page.layout).join('')).join('')));
    let from = 0;
    for (const block of model.blocks) {
      if (block.type === 'table') continue;
      const expected = squash(blockText(block));
      const at = text.indexOf(expected, from);
      expect(at, `${block.type}: ${expected.slice(0, 30)}`).toBeGreaterThanOrEqual(0);
      from = at + expected.length;
    }
    // Table cells wrap and interleave in the PDF text, so they are checked as characters:
    // every character the preview shows must be in the PDF at least as often.
    expect(missingCharacters(facts, model)).toEqual([]);
    const last = bodyLines(facts.pages[facts.pages.length - 1]!.layout).map(squash);
    const signature = model.blocks[model.blocks.length - 1]!;
    expect(signature.type).toBe('signature');
    expect(last.slice(-2)).toEqual(signature.type === 'signature' ? signature.lines.map(squash) : []);
    for (const check of [checkHeadings(facts, model), checkTextKept(facts, model), checkSignature(facts, model)]) {
      expect(check, check.name).toMatchObject({ ok: true });
    }
  });

  it.each(['long-summary', 'long-plan', 'traditional-summary', 'summary'])('%s: 22 lines of 28 characters on a full page', (name) => {
    const { facts } = get(name);
    expect(facts.pages.length).toBeGreaterThanOrEqual(3);
    // The fullest middle page (no title, no signature; a heading kept with its paragraph
    // may leave a page a line or two short).
    const { lines } = fullestMiddlePage(facts)!;
    expect(lines).toEqual(
      facts.pages
        .slice(1, -1)
        .map((p) => bodyLines(p.layout))
        .reduce((a, b) => (b.length > a.length ? b : a)),
    );
    expect(lines.length).toBeGreaterThanOrEqual(21);
    expect(lines.length).toBeLessThanOrEqual(23);
    // Closing punctuation after a full line hangs in the margin, outside the 28 characters.
    const widths = lineWidths(lines);
    expect(Math.max(...widths)).toBeLessThanOrEqual(28.5);
    // Most lines of running text are full: 28 characters, give or take a half-width digit.
    const full = widths.filter((w) => w >= 27);
    expect(full.length).toBeGreaterThanOrEqual(lines.length / 2);
    expect(checkLinesPerPage(facts)).toMatchObject({ ok: true });
    expect(checkCharactersPerLine(facts)).toMatchObject({ ok: true });
  });

  it.each(names)('%s: the font report names every face asked for and what set it', (name) => {
    const { fonts } = get(name);
    expect(fonts.problem).toBeUndefined();
    expect(fonts.embedded.length).toBeGreaterThan(0);
    const faces = fonts.faces.map((f) => f.face);
    for (const face of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体']) expect(faces).toContain(face);
    for (const face of fonts.faces) {
      // Every face the text uses is found in the PDF, set in an embedded font.
      if (face.characters > 0) expect(face.used.length, face.face).toBeGreaterThan(0);
      for (const used of face.used) expect(fonts.embedded, face.face).toContain(used.font);
      // A face fontconfig does not have cannot have been used as requested.
      if (face.installed === false) expect(face.status, face.face).not.toBe('as-requested');
    }
    const body = fonts.faces.find((f) => f.face === '仿宋_GB2312')!;
    const title = fonts.faces.find((f) => f.face === '方正小标宋简体')!;
    expect(body.characters).toBeGreaterThan(100);
    expect(title.characters).toBeGreaterThan(0);
    expect(title.used.length).toBeGreaterThan(0);
  });
});
