/**
 * The body of word/document.xml, written straight from the document model: the paragraphs and
 * tables of reference.ts, as the `docx` package serialises them (element and attribute order,
 * escaping, `w:val="false"` forms), with the autoSpaceDE that package.ts adds. The tests hold
 * the two writers to the same bytes. One difference is wanted: `docx` replaces a numbering
 * placeholder such as `{default-bullet-numbering-0}` anywhere in the XML, text included, by the
 * list's number; text here is written as it is.
 */
import type { Block, DocumentModel, Inline } from '../../model/types.js';
import { CHAR_WIDTH, MARGIN, PAGE, type FontSet } from './layout.js';
import { headingRun, STYLE_IDS } from './styles.js';
import { placeSignature, textWidth } from './signature.js';
import { titleLines } from './title-lines.js';
import { escapeXml } from './xml-text.js';

/** Escaping lives in xml-text.ts (font-table.ts uses it too); write.ts takes it from here. */
export { escapeXml };

type Clean = (text: string) => string;
type Alignment = 'left' | 'center' | 'right';

const HEADINGS = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' } as const;

/** Every paragraph turns off the automatic gap between Chinese and Latin letters or digits. */
const AUTO_SPACE_OFF = '<w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>';

interface ParagraphOptions {
  style?: string;
  keepNext?: boolean;
  indent?: { left?: number; right?: number; firstLine: number };
  alignment?: Alignment;
}

function paragraph(options: ParagraphOptions, runs = ''): string {
  let pPr = '';
  if (options.style !== undefined) pPr += `<w:pStyle w:val="${escapeXml(options.style)}"/>`;
  if (options.keepNext !== undefined) pPr += options.keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  if (options.indent) {
    const { left, right, firstLine } = options.indent;
    pPr += `<w:ind${left !== undefined ? ` w:left="${left}"` : ''}${right !== undefined ? ` w:right="${right}"` : ''} w:firstLine="${firstLine}"/>`;
  }
  if (options.alignment) pPr += `<w:jc w:val="${options.alignment}"/>`;
  return `<w:p><w:pPr>${pPr}${AUTO_SPACE_OFF}</w:pPr>${runs}</w:p>`;
}

/** The run fonts of reference.ts's runFont: Latin face for ascii, hAnsi and cs. */
interface RunFont {
  eastAsia: string;
  latin: string;
}

const rFonts = (font: RunFont | undefined): string => {
  if (!font) return '<w:rFonts w:hint="eastAsia"/>';
  const latin = escapeXml(font.latin);
  return `<w:rFonts w:ascii="${latin}" w:cs="${latin}" w:eastAsia="${escapeXml(font.eastAsia)}" w:hAnsi="${latin}" w:hint="eastAsia"/>`;
};

/** A run whose shared characters (“”—…·) are drawn with the East Asian font (w:hint). */
function run(text: string, options: { bold?: boolean; font?: RunFont } = {}): string {
  return `<w:r><w:rPr>${rFonts(options.font)}${options.bold ? '<w:b/><w:bCs/>' : ''}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

const BREAK = '<w:r><w:br/></w:r>';

/** The body: every block's paragraphs and tables, in order (the section properties follow). */
export function bodyXml(model: DocumentModel, clean: Clean, fonts: FontSet): string {
  const blocks = model.blocks;
  let xml = '';
  for (let i = 0; i < blocks.length; i++) xml += blockXml(blocks[i]!, clean, fonts, blocks[i + 1]?.type === 'signature');
  return xml;
}

function blockXml(block: Block, clean: Clean, fonts: FontSet, keepNext: boolean): string {
  switch (block.type) {
    case 'title':
      return (
        paragraph(
          { style: 'Title' },
          titleLines(clean(block.text))
            .map((line, i) => (i === 0 ? run(line) : BREAK + run(line)))
            .join(''),
        ) +
        // GB/T 9704: one blank line between the title and what follows.
        paragraph({})
      );
    case 'heading':
      return paragraph({ style: HEADINGS[block.level] }, run(clean(block.text)));
    case 'paragraph': {
      let runs = '';
      if (block.lead) {
        const { font, bold } = headingRun(block.lead.level, fonts);
        runs += run(clean(block.lead.text), { font: { eastAsia: font.eastAsia, latin: font.ascii }, bold });
      }
      for (const inline of block.inlines) runs += inlineXml(inline, clean, fonts);
      return paragraph({ keepNext }, runs);
    }
    case 'table':
      return tableXml(block, clean, fonts) + paragraph({});
    case 'signature': {
      const placements = placeSignature(block.lines);
      // GB/T 9704: the signature comes one blank line below the body.
      let xml = paragraph({ keepNext: true });
      block.lines.forEach((line, i) => {
        const placement = placements[i]!;
        const twips = Math.round(placement.indent * CHAR_WIDTH);
        xml += paragraph(
          {
            style: STYLE_IDS.signature,
            keepNext: i < block.lines.length - 1,
            alignment: placement.align,
            indent: placement.align === 'left' ? { left: twips, firstLine: 0 } : { right: twips, firstLine: 0 },
          },
          run(clean(line.trim())),
        );
      });
      return xml;
    }
  }
}

function inlineXml(inline: Inline, clean: Clean, fonts: FontSet): string {
  if (inline.kind === 'break') return BREAK;
  // Emphasis in Chinese official text is set in 楷体, not slanted.
  return run(clean(inline.text), {
    ...(inline.strong ? { bold: true } : {}),
    ...(inline.emphasis ? { font: { eastAsia: fonts.heading2.eastAsia, latin: fonts.latin } } : {}),
  });
}

/** The width of the text block in twips: 156 mm. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('')}</w:tblBorders>`;

/**
 * Column widths in proportion to the longest text of each column (2 to 12 characters, plus
 * room for the cell margins), so a 工作内容 column gets room and a 时间 column does not wrap.
 */
export function columnWidths(block: Extract<Block, { type: 'table' }>, columns: number): number[] {
  const wants = Array.from({ length: columns }, (_, i) =>
    Math.min(12, Math.max(2, ...[block.header, ...block.rows].map((row) => textWidth(row[i] ?? '')))) + 1.5,
  );
  const total = wants.reduce((a, b) => a + b, 0);
  return wants.map((w) => Math.floor((w / total) * TEXT_WIDTH));
}

function tableXml(block: Extract<Block, { type: 'table' }>, clean: Clean, fonts: FontSet): string {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const widths = columnWidths(block, columns);
  const headerFont = { eastAsia: fonts.heading1.eastAsia, latin: fonts.latin };
  const row = (cells: string[], header: boolean): string => {
    let xml = `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
    for (let i = 0; i < columns; i++) {
      const alignment: Alignment = header ? 'center' : (block.align[i] ?? 'center');
      xml +=
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/></w:tcPr>` +
        paragraph({ style: STYLE_IDS.tableText, alignment }, run(clean(cells[i] ?? ''), header ? { font: headerFont } : {})) +
        '</w:tc>';
    }
    return `${xml}</w:tr>`;
  };
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>${TABLE_BORDERS}</w:tblPr>`;
  // A table without columns (the model never makes one) is written as `docx` writes it: no rows.
  if (columns === 0) return `${xml}<w:tblGrid/></w:tbl>`;
  xml += '<w:tblGrid>';
  for (const width of widths) xml += `<w:gridCol w:w="${width}"/>`;
  xml += '</w:tblGrid>';
  xml += row(block.header, true);
  for (const r of block.rows) xml += row(r, false);
  return `${xml}</w:tbl>`;
}
