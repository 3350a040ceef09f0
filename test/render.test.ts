/**
 * Proof in a real word processor: LibreOffice converts every example and generated record to
 * PDF, and the PDF is measured — A4, 22 lines of 28 characters on a full page, "— N —" page
 * numbers on the outer side, headings in order, no text lost, signature and date at the end.
 * Locally the suite is skipped when LibreOffice is missing; under CI it must run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/model/parse-markdown.js';
import { blockText } from '../src/model/types.js';
import { generateRecord } from './generate.js';
import { EXAMPLES, report, scratch } from './support.js';

const hasTool = (cmd: string, flag: string) => spawnSync(cmd, [flag], { encoding: 'utf8' }).status === 0;
const available = hasTool('soffice', '--version') && hasTool('pdftotext', '-v');
if (!available && process.env['CI']) throw new Error('LibreOffice (soffice) and poppler-utils are required under CI: .ci/run installs them');
if (!available) console.warn('render tests skipped: install libreoffice-writer-nogui and poppler-utils to run them');

interface Rendered {
  name: string;
  preview: string;
  pdf: string;
  pages: string[];
  /** The text in reading order (pdftotext without -layout): table cells one after another. */
  flow: string;
}

const GENERATED = {
  'long-summary': generateRecord({ kind: '工作总结', sections: 5, pointsPerSection: 3, length: 4, data: true, seed: 1 }),
  'long-plan': generateRecord({ kind: '实施意见', sections: 4, pointsPerSection: 4, length: 3, data: true, seed: 2 }),
  'short-briefing': generateRecord({ kind: '情况汇报', sections: 1, pointsPerSection: 1, length: 1, seed: 3 }),
  'traditional-summary': generateRecord({ kind: '工作总结', sections: 3, pointsPerSection: 2, length: 3, data: true, seed: 4, traditional: true }),
};

const rendered: Rendered[] = [];

beforeAll(() => {
  if (!available) return;
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
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...docs], { stdio: 'pipe' });
  for (const input of inputs) {
    const name = path.basename(input, '.yaml');
    const pdf = path.join(dir, 'pdf', `${name}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flow = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    rendered.push({ name, preview: report(['preview', input], { cwd: dir }).stdout, pdf, pages: text.split('\f').slice(0, -1), flow });
  }
});

const squash = (text: string) => text.replace(/\s+/g, '');

/** Lines of body text on a page: everything but the page number. */
const bodyLines = (page: string) => page.split('\n').filter((l) => l.trim() !== '' && !/^\s*—\s*\d+\s*—\s*$/.test(l));

/** A line's width in body characters: digits and Latin letters are half-width. */
const width = (line: string) => [...line.replace(/\s+/g, '')].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

describe.skipIf(!available)('LibreOffice renders every document as a 公文', () => {
  const names = [...EXAMPLES.map((e) => path.basename(e, '.yaml')), ...Object.keys(GENERATED)];
  const get = (name: string) => rendered.find((r) => r.name === name)!;

  it.each(names)('%s: A4, page numbers on the outer side of every page', (name) => {
    const doc = get(name);
    const info = execFileSync('pdfinfo', [doc.pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(doc.pages.length).toBeGreaterThan(0);
    doc.pages.forEach((_, i) => {
      const page = i + 1;
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), doc.pdf, '-'], { encoding: 'utf8' });
      const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        xMax: Number(m[3]),
        text: m[4]!,
      }));
      const footer = words.filter((w) => w.y > 740);
      expect(footer.map((w) => w.text).join(''), `page ${page}`).toBe(`—${page}—`);
      const left = Math.min(...footer.map((w) => w.x));
      const right = Math.max(...footer.map((w) => w.xMax));
      // Text block: 79.4 pt to 521.6 pt; the number sits one 14 pt character inside it.
      if (page % 2 === 1) expect(right).toBeGreaterThan(500);
      else expect(left).toBeLessThan(100);
    });
  });

  it.each(names)('%s: title, headings in order, every paragraph, signature and date at the end', (name) => {
    const doc = get(name);
    const text = squash(doc.pages.map((page) => bodyLines(page).join('')).join(''));
    const model = parseMarkdown(doc.preview);
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
    const available = new Map<string, number>();
    for (const ch of squash(doc.flow)) available.set(ch, (available.get(ch) ?? 0) + 1);
    for (const ch of squash(model.blocks.map(blockText).join(''))) {
      const left = available.get(ch) ?? 0;
      expect(left, `character ${ch} missing from the PDF`).toBeGreaterThan(0);
      available.set(ch, left - 1);
    }
    const last = bodyLines(doc.pages[doc.pages.length - 1]!).map(squash);
    const signature = model.blocks[model.blocks.length - 1]!;
    expect(signature.type).toBe('signature');
    expect(last.slice(-2)).toEqual(signature.type === 'signature' ? signature.lines.map(squash) : []);
  });

  it.each(['long-summary', 'long-plan', 'traditional-summary', 'summary'])('%s: 22 lines of 28 characters on a full page', (name) => {
    const doc = get(name);
    expect(doc.pages.length).toBeGreaterThanOrEqual(3);
    // The fullest middle page (no title, no signature; a heading kept with its paragraph
    // may leave a page a line or two short).
    const lines = doc.pages
      .slice(1, -1)
      .map(bodyLines)
      .reduce((a, b) => (b.length > a.length ? b : a));
    expect(lines.length).toBeGreaterThanOrEqual(21);
    expect(lines.length).toBeLessThanOrEqual(23);
    // Closing punctuation after a full line hangs in the margin, outside the 28 characters.
    const widths = lines.map((l) => width(l.trim().replace(/[，。、；：？！”’）]$/, '')));
    expect(Math.max(...widths)).toBeLessThanOrEqual(28.5);
    // Most lines of running text are full: 28 characters, give or take a half-width digit.
    const full = widths.filter((w) => w >= 27);
    expect(full.length).toBeGreaterThanOrEqual(lines.length / 2);
  });
});
