/**
 * Font names from report.config.yaml (`fonts:`) in every part of the Word file: markup
 * characters (& < > " ') escaped, so every part is well-formed and LibreOffice opens the file;
 * characters XML 1.0 does not allow refused in the config (and, given to the writers directly,
 * removed). Through the binary as a user runs
 * it; the direct writer and the `docx` package's stay byte for byte the same for any name.
 * Locally the LibreOffice part is skipped when soffice is missing; under CI it must run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf } from '../src/verify/index.js';
import { runTool } from '../src/verify/tools.js';
import { FONTS, fontSet } from '../src/writers/docx/layout.js';
import { fontTableXml } from '../src/writers/docx/font-table.js';
import { writeDocxReference } from '../src/writers/docx/reference.js';
import { writeDocx, type DocxMetadata } from '../src/writers/docx/write.js';
import type { DocumentModel } from '../src/model/types.js';
import { ROOT, readDocx, report, scratch } from './support.js';

/** soffice as findTools looks for it (REPORT_SOFFICE, else the usual names); poppler not needed here. */
async function findSoffice(): Promise<string | undefined> {
  const wanted = process.env['REPORT_SOFFICE'];
  for (const candidate of wanted ? [wanted] : ['soffice', 'libreoffice']) {
    if ((await runTool(candidate, ['--version'], { timeoutMs: 30_000 })).ok) return candidate;
  }
  return undefined;
}

const soffice = await findSoffice();
if (!soffice && process.env['CI']) throw new Error('LibreOffice (soffice) is required under CI: .ci/run installs it');
if (!soffice) console.warn('font-name conversion test skipped: install libreoffice-writer-nogui to run it');

/** The config: one markup character per name. */
const CONFIG = [
  'fonts:',
  '  title: "A&B"',
  '  body: "<x>"',
  `  heading1: 'say "hi"'`,
  `  heading2: "it's"`,
  '  pageNumber: "页码"',
  '  latin: "Arial & <Co>"',
  '',
].join('\n');

/** The names the Word file must give. */
const NAMES = { title: 'A&B', body: '<x>', heading1: 'say "hi"', heading2: "it's", pageNumber: '页码', latin: 'Arial & <Co>' };

/** The same names as they stand in an attribute. */
const ESCAPED = ['A&amp;B', '&lt;x&gt;', 'say &quot;hi&quot;', 'it&apos;s', '页码', 'Arial &amp; &lt;Co&gt;'];

/** Characters XML 1.0 does not allow (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const xmlParts = (parts: Record<string, string>) => Object.entries(parts).filter(([name]) => /\.(xml|rels)$/.test(name));

/** Every XML part parses (XMLValidator) and holds no character XML 1.0 forbids (which XMLValidator lets through). */
function expectWellFormed(parts: Record<string, string>): void {
  const xml = xmlParts(parts);
  expect(xml.map(([name]) => name)).toContain('word/fontTable.xml');
  for (const [name, text] of xml) {
    expect(XMLValidator.validate(text), name).toBe(true);
    expect(NOT_XML.exec(text)?.[0], name).toBeUndefined();
  }
}

const attributes = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/** The attributes of every `<element …/>` in a part, entities resolved. */
function attributesOf(xml: string, element: string): Array<Record<string, string>> {
  return [...xml.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'g'))].map((m) => {
    const tag = m[0].endsWith('/>') ? m[0] : `${m[0].slice(0, -1)}/>`;
    return (attributes.parse(tag) as Record<string, Record<string, string>>)[element]!;
  });
}

describe('report build with markup characters in font names', () => {
  let dir = '';
  let stderr = '';
  let status = -1;
  let parts: Record<string, string> = {};

  beforeAll(() => {
    dir = scratch('report-font-names-');
    writeFileSync(path.join(dir, 'report.config.yaml'), CONFIG);
    const r = report(['build', path.join(ROOT, 'examples', 'summary.yaml'), '-o', 'out'], { cwd: dir });
    status = r.status;
    stderr = r.stderr;
    if (status === 0) parts = readDocx(path.join(dir, 'out', 'summary.docx'));
  });

  it('exits 0 without a word', () => {
    expect(status, stderr).toBe(0);
    expect(stderr).not.toMatch(/warning|internal error|\n\s+at /);
  });

  it('refuses a control character or U+FFFF in a font name at its place in report.config.yaml', () => {
    const bad = scratch('report-font-names-');
    for (const name of ['"页\\x01码"', '"Arial\\uFFFF"']) {
      writeFileSync(path.join(bad, 'report.config.yaml'), `fonts:\n  title: ${name}\n`);
      const r = report(['build', path.join(ROOT, 'examples', 'summary.yaml'), '-o', 'out'], { cwd: bad, env: { LANG: 'C' } });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^report\.config\.yaml:2:10: `fonts\.title` has the wrong form/m);
    }
  });

  it('writes every XML part well-formed', () => {
    expectWellFormed(parts);
  });

  it('declares each face in word/fontTable.xml, escaped', () => {
    const fontTable = parts['word/fontTable.xml']!;
    for (const name of ESCAPED) expect(fontTable).toContain(`w:name="${name}"`);
    expect(attributesOf(fontTable, 'w:font').map((a) => a['w:name'])).toEqual([
      NAMES.latin,
      NAMES.body,
      NAMES.title,
      NAMES.heading1,
      NAMES.heading2,
      NAMES.pageNumber,
    ]);
    // The substitutes stay those of each role.
    expect(attributesOf(fontTable, 'w:altName').map((a) => a['w:val'])).toEqual(['仿宋', '宋体', 'SimHei', '楷体', 'SimSun']);
  });

  it('names the same faces, escaped the same way, in styles.xml and in the runs of document.xml', () => {
    const styles = parts['word/styles.xml']!;
    for (const name of ESCAPED) expect(styles).toContain(`="${name}"`);
    const chosen = new Set(Object.values(NAMES));
    const fonts = ['word/styles.xml', 'word/document.xml', 'word/footer1.xml', 'word/footer2.xml'].flatMap((part) =>
      attributesOf(parts[part] ?? '', 'w:rFonts'),
    );
    const named = fonts.filter((f) => f['w:ascii'] !== undefined);
    expect(named.length).toBeGreaterThan(5);
    for (const f of named) {
      expect(f['w:ascii']).toBe(NAMES.latin);
      expect(f['w:hAnsi']).toBe(NAMES.latin);
      expect(f['w:cs']).toBe(NAMES.latin);
      expect(chosen.has(f['w:eastAsia']!), f['w:eastAsia']).toBe(true);
    }
    expect(new Set(named.map((f) => f['w:eastAsia']))).toEqual(new Set([NAMES.body, NAMES.title, NAMES.heading1, NAMES.heading2, NAMES.pageNumber]));
    // 楷体 emphasis in the body: the run names the chosen face too.
    expect(parts['word/document.xml']).toContain('w:eastAsia="it&apos;s"');
  });

  it.skipIf(!soffice)('converts to PDF in LibreOffice', async () => {
    const converted = await convertToPdf([path.join(dir, 'out', 'summary.docx')], { soffice: soffice!, outDir: path.join(dir, 'pdf') });
    expect(converted).toHaveLength(1);
    const [c] = converted;
    expect(c!.ok, c!.ok ? '' : c!.message).toBe(true);
    if (c!.ok) expect(readFileSync(c!.pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('font names in the writers', () => {
  const date = new Date(Date.UTC(2024, 11, 18));
  const model: DocumentModel = {
    blocks: [
      { type: 'title', text: '关于工作的报告' },
      { type: 'heading', level: 1, text: '一、总体情况' },
      { type: 'paragraph', lead: { level: 3, text: '1．要点。' }, inlines: [{ kind: 'text', text: '正文' }, { kind: 'text', text: '强调', emphasis: true }] },
      { type: 'table', header: ['项目', '数量'], rows: [['甲', '1']], align: [null, 'right'] },
      { type: 'signature', lines: ['滨河区政务服务中心', '2024年12月18日'] },
    ],
  };
  /** A font name: markup characters, controls, noncharacters, lone surrogates, anything. */
  const name = fc.string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...'&<>"\'仿宋 aZ') },
      { weight: 1, arbitrary: fc.constantFrom('\u0001', '\u001f', '\t', '\ufffe', '\uffff', '\ud800', '\udc00', '\u200b') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 8,
  });
  const partsOf = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

  it('takes a name of nothing but forbidden characters as no choice: the standard face', () => {
    const set = fontSet({ title: '\u0001\u0002', latin: ' \uFFFE ', body: '仿\u0000宋' });
    expect(set.title).toEqual(FONTS.title);
    expect(set.latin).toBe(FONTS.latin);
    // 仿宋 is the body's own fallback: no fallback named for it.
    expect(set.body).toEqual({ eastAsia: '仿宋' });
  });

  it('writes a well-formed font table for any name', () => {
    fc.assert(
      fc.property(name, name, (title, latin) => {
        const xml = fontTableXml(fontSet({ title, latin }));
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(NOT_XML.test(xml)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('gives well-formed parts and the docx package\'s bytes for any name, both counting the characters left out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ body: name, title: name, heading1: name, heading2: name, pageNumber: name, latin: name }), async (fonts) => {
        const meta: DocxMetadata = { title: '报告', creator: '单位', date, fonts };
        const [direct, reference] = await Promise.all([writeDocx(model, meta), writeDocxReference(model, meta)]);
        expect(direct.removedCharacters).toBe(reference.removedCharacters);
        const parts = partsOf(direct.bytes);
        expect(partsOf(reference.bytes)).toEqual(parts);
        expect(Buffer.compare(Buffer.from(direct.bytes), Buffer.from(reference.bytes))).toBe(0);
        expectWellFormed(parts);
      }),
      { numRuns: 40 },
    );
  });
});
