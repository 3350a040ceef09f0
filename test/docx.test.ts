/**
 * The Word files, unzipped: page setup, fonts, headings in order, page-number footers,
 * signature block, and well-formed XML in every part.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { parseMarkdown } from '../src/model/parse-markdown.js';
import { EXAMPLES, paragraphTexts, readDocx, report, scratch } from './support.js';

interface Built {
  name: string;
  parts: Record<string, string>;
  preview: string;
}

const built: Built[] = [];

beforeAll(() => {
  const cwd = scratch();
  const r = report(['build', ...EXAMPLES, '--format', 'both'], { cwd });
  expect(r.status).toBe(0);
  for (const file of EXAMPLES) {
    const name = path.basename(file, '.yaml');
    built.push({ name, parts: readDocx(path.join(cwd, 'out', `${name}.docx`)), preview: report(['preview', file]).stdout });
  }
});

const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml)?.[1];

/** The <w:style> element with a given id. */
const style = (styles: string, id: string) => new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

describe.each(['summary', 'plan', 'briefing'])('%s.docx', (name) => {
  const doc = () => built.find((b) => b.name === name)!;

  it('has every XML part well-formed', () => {
    for (const [part, xml] of Object.entries(doc().parts)) {
      if (!/\.(xml|rels)$/.test(part)) continue;
      expect(XMLValidator.validate(xml), part).toBe(true);
    }
  });

  it('is A4 with GB/T 9704 margins and a 22-line grid', () => {
    const xml = doc().parts['word/document.xml']!;
    expect(attr(xml, 'w:pgSz', 'w')).toBe('11906');
    expect(attr(xml, 'w:pgSz', 'h')).toBe('16838');
    expect(attr(xml, 'w:pgMar', 'top')).toBe('2098');
    expect(attr(xml, 'w:pgMar', 'left')).toBe('1587');
    expect(attr(xml, 'w:pgMar', 'right')).toBe('1474');
    expect(attr(xml, 'w:pgMar', 'bottom')).toBe('1984');
    expect(attr(xml, 'w:docGrid', 'type')).toBe('lines');
    expect(attr(xml, 'w:docGrid', 'linePitch')).toBe('579');
  });

  it('sets the 公文 fonts in the East Asian slot', () => {
    const styles = doc().parts['word/styles.xml']!;
    const normal = style(styles, 'Normal');
    expect(attr(normal, 'w:rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(attr(normal, 'w:rFonts', 'ascii')).toBe('Times New Roman');
    expect(attr(normal, 'w:sz', 'val')).toBe('32');
    expect(attr(normal, 'w:ind', 'firstLine')).toBe('630');
    expect(attr(style(styles, 'Title'), 'w:rFonts', 'eastAsia')).toBe('方正小标宋简体');
    expect(attr(style(styles, 'Title'), 'w:sz', 'val')).toBe('44');
    expect(attr(style(styles, 'Heading1'), 'w:rFonts', 'eastAsia')).toBe('黑体');
    expect(attr(style(styles, 'Heading2'), 'w:rFonts', 'eastAsia')).toBe('楷体_GB2312');
    expect(style(styles, 'Heading3')).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    for (const id of ['Heading1', 'Heading2', 'Heading3']) expect(attr(style(styles, id), 'w:color', 'val')).toBe('000000');
    // No indent in the document defaults: it would leak into footers and tables.
    expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]).not.toContain('w:ind');
    const fontTable = doc().parts['word/fontTable.xml']!;
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  it('holds the title, the headings in order and every paragraph of the preview', () => {
    const xml = doc().parts['word/document.xml']!;
    const texts = paragraphTexts(xml).filter((t) => t !== '');
    const model = parseMarkdown(doc().preview);
    const title = model.blocks.find((b) => b.type === 'title');
    expect(title && texts[0]).toBe(title?.type === 'title' ? title.text : '');
    const headings = model.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    const numbers = headings.map((h) => h.slice(0, h.indexOf('、') + 1));
    expect(numbers).toEqual(['一、', '二、', '三、', '四、', '五、', '六、'].slice(0, headings.length));
    const headingParagraphs = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => paragraphTexts(m[0])[0]);
    expect(headingParagraphs).toEqual(headings);
    const joined = texts.join('\n');
    for (const block of model.blocks) {
      if (block.type !== 'paragraph') continue;
      const text = (block.lead?.text ?? '') + block.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
      expect(joined).toContain(text);
    }
  });

  it('numbers points （一） in summaries, 1． in plans and 一是 in briefings', () => {
    const texts = paragraphTexts(doc().parts['word/document.xml']!);
    const first = { summary: '（一）', plan: '1．', briefing: '一是' }[name]!;
    const second = { summary: '（二）', plan: '2．', briefing: '二是' }[name]!;
    expect(texts.some((t) => t.startsWith(first))).toBe(true);
    expect(texts.some((t) => t.startsWith(second))).toBe(true);
  });

  it('ends with the signature and the date, placed per GB/T 9704', () => {
    const xml = doc().parts['word/document.xml']!;
    const texts = paragraphTexts(xml).filter((t) => t !== '');
    const [unit, date] = texts.slice(-2);
    expect(date).toMatch(/^\d{4}年[1-9]\d?月[1-9]\d?日$/);
    expect(doc().preview).toContain(`<!-- signature -->\n${unit}\n${date}\n`);
    const signature = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Signature"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]);
    expect(signature).toHaveLength(2);
    const left = signature.map((p) => Number(attr(p, 'w:ind', 'left')));
    // The date starts two characters (2 × 315 twips) right of the signature.
    expect(left[1]! - left[0]!).toBe(630);
    // The signature ends two characters before the right edge: 28 − 2 − its length.
    expect(left[0]).toBe((28 - 2 - [...unit!].length) * 315);
  });

  it('numbers pages "— N —" with a cached PAGE field, odd right and even left', () => {
    const { parts } = doc();
    const settings = parts['word/settings.xml']!;
    expect(settings).toMatch(/<w:evenAndOddHeaders(?: w:val="(true|1)")?\/>/);
    const footers = Object.keys(parts).filter((p) => /^word\/footer\d+\.xml$/.test(p)).map((p) => parts[p]!);
    expect(footers).toHaveLength(2);
    const alignments = footers.map((f) => attr(f, 'w:jc', 'val')).sort();
    expect(alignments).toEqual(['left', 'right']);
    for (const footer of footers) {
      expect(footer).toMatch(/<w:fldSimple w:instr="PAGE"><w:r><w:t xml:space="preserve">1<\/w:t><\/w:r><\/w:fldSimple>/);
      expect(paragraphTexts(footer)[0]).toBe('— 1 —');
      expect(attr(footer, 'w:ind', 'firstLine')).toBe('0');
    }
  });
});
