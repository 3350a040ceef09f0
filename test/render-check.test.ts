/**
 * `report render-check` as a user runs it: a built example passes, a damaged or foreign file
 * fails clearly (non-zero exit, no stack trace), and a missing LibreOffice is one line.
 * Locally the LibreOffice part is skipped when soffice is missing; under CI it must run.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkCharactersPerLine,
  checkLinesPerPage,
  checkPageNumbers,
  checkPageSize,
  findTools,
  fontReport,
  type PdfFacts,
  type PdfPage,
} from '../src/verify/index.js';
import { EXAMPLES, report, scratch } from './support.js';

const NEEDS =
  'report: render-check needs LibreOffice (soffice) and poppler-utils (pdftotext); install them (Debian: apt-get install libreoffice-writer-nogui poppler-utils)';

const found = await findTools(process.env);
if (!found.ok && process.env['CI']) throw new Error('LibreOffice (soffice) and poppler-utils are required under CI: .ci/run installs them');
if (!found.ok) console.warn('render-check tests skipped: install libreoffice-writer-nogui and poppler-utils to run them');

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);
const linesOf = (stdout: string, file: string) => stdout.split('\n').filter((l) => l.startsWith(`${file}: `));

let dir = '';

beforeAll(() => {
  dir = scratch('report-render-check-');
  const build = report(['build', ...EXAMPLES, '-o', 'out'], { cwd: dir });
  expect(build.status, build.stderr).toBe(0);
  // The same document with its page size edited to US Letter.
  const parts = unzipSync(readFileSync(path.join(dir, 'out', 'plan.docx')));
  const documentXml = strFromU8(parts['word/document.xml']!);
  expect(documentXml).toContain('w:w="11906" w:h="16838"');
  parts['word/document.xml'] = strToU8(documentXml.replace('w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'));
  writeFileSync(path.join(dir, 'letter.docx'), zipSync(parts));
  // A zip that is not a Word file, and a text file named .docx.
  writeFileSync(path.join(dir, 'not-word.docx'), zipSync({ 'hello.txt': strToU8('hello') }));
  writeFileSync(path.join(dir, 'text.docx'), '这不是Word文件\n');
  copyFileSync(path.join(dir, 'out', 'summary.docx'), path.join(dir, 'copy of summary.docx'));
});

describe('report render-check without LibreOffice', () => {
  it('says in one line what to install, and exits 1', () => {
    const r = report(['render-check', 'out/summary.docx'], { cwd: dir, env: { REPORT_SOFFICE: path.join(dir, 'no-such-soffice') } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${NEEDS}\n`);
    expect(r.stdout).toBe('');
  });

  it('is listed in --help, and a --record per docx is a usage rule', () => {
    expect(report(['--help']).stdout).toContain('render-check');
    expect(report(['render-check', '--help']).stdout).toContain('--record');
    const r = report(['render-check', 'out/summary.docx', 'out/plan.docx', '--record', EXAMPLES[0]!], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('give --record once per docx');
    expect(report(['render-check'], { cwd: dir }).status).toBe(2);
  });
});

describe.skipIf(!found.ok)('report render-check with LibreOffice', () => {
  it('passes a built example, one line per check, and reports the fonts', () => {
    const r = report(['render-check', 'out/summary.docx', '--record', EXAMPLES[0]!], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const lines = linesOf(r.stdout, 'out/summary.docx');
    expect(lines.length).toBe(r.stdout.trim().split('\n').length);
    for (const check of [
      /: ok converts to PDF: \d+ pages$/,
      /: ok A4 page size$/,
      /: ok lines per page: 2[123] on page \d+$/,
      /: ok characters per line: 28 on page \d+/,
      /: ok page numbers: /,
      /: ok title and headings in order: /,
      /: ok no text lost: /,
      /: ok signature and date at the end: 滨河区政务服务中心 \/ 2024年12月18日$/,
    ]) {
      expect(lines.some((l) => check.test(l)), String(check)).toBe(true);
    }
    expect(r.stdout).not.toContain('FAILED');
    // The font report: every face asked for, requested → used, a missing one marked substituted.
    for (const face of ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312']) {
      expect(lines.some((l) => l.startsWith(`out/summary.docx: font ${face} → `) && /: (as requested|substituted)/.test(l)), face).toBe(true);
    }
    expect(lines.some((l) => /^out\/summary\.docx: fonts embedded: \S/.test(l))).toBe(true);
    expect(r.stderr).toBe('render-checked 1: 1 passed, 0 failed\n');
  });

  it('without --record runs the checks that need only the PDF; odd file names are fine', () => {
    const r = report(['render-check', 'copy of summary.docx', 'out/briefing.docx'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('copy of summary.docx: ok A4 page size');
    expect(r.stdout).toContain('out/briefing.docx: ok page numbers');
    expect(r.stdout).not.toContain('no text lost');
  });

  it('fails a docx built from another record: the text is not there', () => {
    const r = report(['render-check', 'out/summary.docx', '--record', EXAMPLES[1]!], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^out\/summary\.docx: FAILED title and headings in order: title ".*" not found in order$/m);
    expect(r.stdout).toMatch(/^out\/summary\.docx: FAILED no text lost: /m);
    noStackTrace(r.stderr);
  });

  it('fails a Letter-size page, a zip that is not a docx, a text file and a missing file, clearly', () => {
    const r = report(['render-check', 'letter.docx', 'not-word.docx', 'text.docx', 'missing.docx'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('letter.docx: ok converts to PDF');
    expect(r.stdout).toMatch(/^letter\.docx: FAILED A4 page size: page 1 is 612 × 792 pt \(letter\); expected A4, 595 × 842 pt$/m);
    expect(r.stdout).toContain('not-word.docx: FAILED converts to PDF: not a Word file: the zip archive has no word/document.xml');
    expect(r.stdout).toContain('text.docx: FAILED converts to PDF: not a Word file (a .docx is a zip archive; this file is not one)');
    expect(r.stdout).toContain('missing.docx: FAILED converts to PDF: file not found');
    expect(r.stderr).toBe('render-checked 4: 0 passed, 4 failed\n');
    noStackTrace(r.stdout + r.stderr);
  });
});

describe('the checks and the font report on measured data (no LibreOffice needed)', () => {
  const page = (number: number, lines: string[], width = 595.3, height = 841.9): PdfPage => {
    const outer = number % 2 === 1 ? { x: 466, xMax: 508 } : { x: 94, xMax: 136 };
    return {
      number,
      width,
      height,
      paper: width < 600 ? 'A4' : 'letter',
      layout: [...lines, `                — ${number} —`].join('\n'),
      words: [
        ...lines.map((text, i) => ({ x: 79.5, y: 100 + i * 29, xMax: 520, yMax: 120 + i * 29, text })),
        { x: outer.x, y: 760.6, xMax: outer.x + 14, yMax: 778.8, text: '—' },
        { x: outer.x + 17.5, y: 760.6, xMax: outer.x + 24.5, yMax: 778.8, text: String(number) },
        { x: outer.x + 28, y: 760.6, xMax: outer.xMax, yMax: 778.8, text: '—' },
      ],
    };
  };
  const full = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八';
  const facts = (pages: PdfPage[]): PdfFacts => ({ pdf: 'x.pdf', info: '', pages, flow: '', fonts: [], segments: [] });

  it('passes 22 lines of 28 characters and says what it measured', () => {
    const f = facts([page(1, [full]), page(2, Array(22).fill(full)), page(3, [full])]);
    // English as data; both languages beside it for printing.
    expect(checkLinesPerPage(f)).toEqual({
      name: 'lines per page',
      ok: true,
      detail: '22 on page 2',
      text: { name: { en: 'lines per page', zh: '每页行数' }, detail: { en: '22 on page 2', zh: '第 2 页 22 行' } },
    });
    expect(checkCharactersPerLine(f)).toMatchObject({ name: 'characters per line', ok: true, detail: '28 on page 2, 22 of 22 lines full' });
    expect(checkCharactersPerLine(f).text?.detail.zh).toBe('第 2 页最长的一行 28 字，22 行中有 22 行是满行');
    expect(checkPageNumbers(f).ok).toBe(true);
    expect(checkPageSize(f)).toMatchObject({ name: 'A4 page size', ok: true, detail: '' });
  });

  it('fails too few lines, too many or too few characters, and a number on the wrong side', () => {
    const f = facts([page(1, [full]), page(2, Array(19).fill(full)), page(3, [full])]);
    expect(checkLinesPerPage(f)).toMatchObject({ name: 'lines per page', ok: false, detail: '19 on page 2 (expected 22 ± 1)' });
    expect(checkLinesPerPage(f).text?.detail.zh).toBe('第 2 页 19 行（应为 22 ± 1 行）');
    const wide = facts([page(1, [full]), page(2, Array(22).fill(`${full}九十`)), page(3, [full])]);
    expect(checkCharactersPerLine(wide)).toMatchObject({ ok: false, detail: expect.stringMatching(/^30 on page 2 \(expected at most 28\)/) });
    // Closing punctuation hanging in the margin and half-width digits are allowed for.
    const hanging = facts([page(1, [full]), page(2, Array(22).fill(`${full}。`)), page(3, [full])]);
    expect(checkCharactersPerLine(hanging).ok).toBe(true);
    const narrow = facts([page(1, [full]), page(2, Array(22).fill(full.slice(0, 26))), page(3, [full])]);
    expect(checkCharactersPerLine(narrow)).toMatchObject({ ok: false, detail: expect.stringMatching(/^at most 26 on page 2 \(expected 28 on a full line\)/) });
    const swapped = page(2, [full]);
    swapped.words = page(3, [full]).words.map((w) => (w.text === '3' ? { ...w, text: '2' } : w));
    expect(checkPageNumbers(facts([page(1, [full]), swapped])).detail).toBe('page 2: the number is not on the left (starts at 466 pt)');
    expect(checkPageSize(facts([page(1, [full], 612, 792)])).detail).toBe('page 1 is 612 × 792 pt (letter); expected A4, 595 × 842 pt');
    expect(checkPageSize(facts([page(1, [full], 612, 792)])).text?.detail.zh).toBe('第 1 页为 612 × 792 pt（letter），应为 A4（595 × 842 pt）');
    expect(checkPageNumbers(facts([page(1, [full]), swapped])).text?.detail.zh).toBe('第 2 页：页码不在左侧（左端在 466 pt）');
    expect(checkLinesPerPage(facts([page(1, [full])]))).toMatchObject({ ok: true, skipped: true });
  });

  it('tells a face used as requested from a substituted one, by the text each font set', async () => {
    const docx = path.join(scratch(), 'fonts.docx');
    const style = (id: string, face: string, extra = '') =>
      `<w:style w:type="paragraph" w:styleId="${id}"${extra}><w:name w:val="${id}"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="${face}"/></w:rPr></w:style>`;
    const para = (styleId: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${styleId}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    writeFileSync(
      docx,
      zipSync({
        'word/styles.xml': strToU8(
          `<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:rPrDefault></w:docDefaults>` +
            style('Normal', '仿宋_GB2312', ' w:default="1"') + style('Heading1', '黑体') + style('Heading2', '楷体_GB2312') + `</w:styles>`,
        ),
        'word/document.xml': strToU8(
          `<w:document><w:body>${para('Heading1', '一、总体要求')}<w:p><w:r><w:t>坚持以人民为中心的发展思想</w:t></w:r>` +
            `<w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/></w:rPr><w:t>紧紧围绕中心工作</w:t></w:r></w:p></w:body></w:document>`,
        ),
        'word/fontTable.xml': strToU8('<w:fonts><w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/></w:font></w:fonts>'),
      }),
    );
    const pdf: PdfFacts = {
      ...facts([]),
      fonts: [
        { name: 'AAAAAA+SimHei', type: 'CID TrueType', embedded: true, subset: true },
        { name: 'BAAAAA+NotoSerifCJKsc-Regular', type: 'CID Type 0C', embedded: true, subset: true },
        { name: 'CAAAAA+FangSong_GB2312', type: 'CID TrueType', embedded: true, subset: true },
      ],
      segments: [
        { page: 1, top: 100, left: 80, font: 'AAAAAA+SimHei', text: '一、总体要求' },
        { page: 1, top: 130, left: 80, font: 'BAAAAA+NotoSerifCJKsc-Regular', text: '坚持以人民为中心的发展思想' },
        { page: 1, top: 130, left: 300, font: 'CAAAAA+FangSong_GB2312', text: '紧紧围绕中心工作' },
      ],
    };
    const fonts = await fontReport(docx, pdf);
    const of = (face: string) => fonts.faces.find((f) => f.face === face)!;
    expect(of('黑体')).toMatchObject({ status: 'as-requested', used: [{ font: 'SimHei', characters: 6 }] });
    expect(of('仿宋_GB2312')).toMatchObject({ status: 'substituted', fallback: '仿宋', used: [{ font: 'NotoSerifCJKsc-Regular', characters: 13 }] });
    // FangSong_GB2312 is not FangSong: the direct 仿宋 run was substituted too.
    expect(of('仿宋')).toMatchObject({ status: 'substituted', where: ['direct formatting'], used: [{ font: 'FangSong_GB2312', characters: 8 }] });
    expect(of('楷体_GB2312')).toMatchObject({ status: 'unused', characters: 0, where: ['Heading2'] });
    expect(fonts.embedded).toEqual(['SimHei', 'NotoSerifCJKsc-Regular', 'FangSong_GB2312']);
    await expect(fontReport(path.join(scratch(), 'none.docx'), pdf)).resolves.toMatchObject({ problem: expect.stringMatching(/^cannot read the docx/) });
  });
});
