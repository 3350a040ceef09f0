/**
 * Document model → .docx through the `docx` package's object tree: the reference the direct
 * writer (write.ts) is held to byte for byte, and the source of the parts every document
 * shares (styles, numbering, settings, theme, footers; see frame.ts).
 *
 * Building the tree and serialising it costs several milliseconds a document; write.ts writes
 * word/document.xml itself and takes the rest from here once per process.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
  type ParagraphChild,
} from 'docx';
import type { Block, DocumentModel, Inline } from '../../model/types.js';
import { CHAR_WIDTH, LINE_PITCH, MARGIN, PAGE, PAGE_NUMBER_INDENT, fontSet, removedFromFaceNames, type FontSet } from './layout.js';
import { STYLE_IDS, gongwenStylesFor, headingRun, runFont } from './styles.js';
import { placeSignature } from './signature.js';
import { columnWidths } from './body-xml.js';
import { fontTableXml } from './font-table.js';
import { xmlSafe } from './xml-text.js';
import type { DocxMetadata, DocxResult } from './write.js';
import { packDocx } from './package.js';
import { titleLines } from './title-lines.js';

const HEADINGS = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' } as const;

/** The `docx` package's Document for a model, and how many characters had to be removed. */
export function referenceDocument(model: DocumentModel, meta: Omit<DocxMetadata, 'date'>): { doc: Document; removed: number } {
  let removed = 0;
  const clean = (text: string): string => {
    const safe = xmlSafe(text);
    removed += safe.removed;
    return safe.text;
  };
  const fonts = fontSet(meta.fonts);

  const children = model.blocks.flatMap((block, i) =>
    // The signature never stands alone on a page: the body paragraph before it goes along.
    blockToDocx(block, clean, fonts, model.blocks[i + 1]?.type === 'signature'),
  );
  const doc = new Document({
    // Metadata repeats text the body already counted: cleaned, not counted again.
    title: xmlSafe(meta.title).text,
    creator: xmlSafe(meta.creator).text,
    lastModifiedBy: xmlSafe(meta.creator).text,
    styles: gongwenStylesFor(fonts),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
          grid: { type: 'lines', linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return { doc, removed };
}

/** The Word file as the `docx` package writes it (then made reproducible by packDocx). */
export async function writeDocxReference(model: DocumentModel, meta: DocxMetadata): Promise<DocxResult> {
  const { doc, removed } = referenceDocument(model, meta);
  // As write.ts: characters XML does not allow in a chosen face's name count as left out.
  const bytes = await packDocx(doc, [{ path: 'word/fontTable.xml', data: fontTableXml(fontSet(meta.fonts)) }], meta.date);
  return { bytes, removedCharacters: removed + removedFromFaceNames(meta.fonts) };
}

type Clean = (text: string) => string;

/**
 * Every paragraph turns off the automatic gap between Chinese and digits: a 公文 writes
 * "2024年12月18日" tight, and the gap would push lines off the 28-character grid.
 */
const paragraph = (options: ConstructorParameters<typeof Paragraph>[0] & object) =>
  new Paragraph({ autoSpaceEastAsianText: false, ...options });

function blockToDocx(block: Block, clean: Clean, fonts: FontSet, keepNext = false): Array<Paragraph | Table> {
  switch (block.type) {
    case 'title':
      return [
        paragraph({
          style: 'Title',
          children: titleLines(clean(block.text)).flatMap((line, i) => (i === 0 ? [eastAsianRun(line)] : [new TextRun({ break: 1 }), eastAsianRun(line)])),
        }),
        // GB/T 9704: one blank line between the title and what follows.
        paragraph({}),
      ];
    case 'heading':
      return [paragraph({ style: HEADINGS[block.level], children: [eastAsianRun(clean(block.text))] })];
    case 'paragraph': {
      const runs: ParagraphChild[] = [];
      if (block.lead) {
        const { font, bold } = headingRun(block.lead.level, fonts);
        runs.push(eastAsianRun(clean(block.lead.text), { font, bold }));
      }
      runs.push(...block.inlines.map((inline) => inlineToRun(inline, clean, fonts)));
      return [paragraph({ children: runs, keepNext })];
    }
    case 'table':
      return [tableToDocx(block, clean, fonts), paragraph({})];
    case 'signature': {
      const placements = placeSignature(block.lines);
      return [
        // GB/T 9704: the signature comes one blank line below the body.
        paragraph({ keepNext: true }),
        ...block.lines.map(
          (line, i) =>
            paragraph({
              style: STYLE_IDS.signature,
              keepNext: i < block.lines.length - 1,
              ...placementToParagraph(placements[i]!),
              children: [eastAsianRun(clean(line.trim()))],
            }),
        ),
      ];
    }
  }
}

function placementToParagraph(placement: ReturnType<typeof placeSignature>[number]) {
  const twips = Math.round(placement.indent * CHAR_WIDTH);
  return placement.align === 'left'
    ? { alignment: AlignmentType.LEFT, indent: { left: twips, firstLine: 0 } }
    : { alignment: AlignmentType.RIGHT, indent: { right: twips, firstLine: 0 } };
}

/**
 * A run whose shared characters (“”—…·) Word must draw with the East Asian font: Word picks
 * a run's font by Unicode block unless the run says `w:hint="eastAsia"`.
 */
function eastAsianRun(text: string, options: { bold?: boolean; font?: ReturnType<typeof runFont> } = {}): TextRun {
  return new TextRun({ text, font: options.font ?? { hint: 'eastAsia' }, ...(options.bold ? { bold: true } : {}) });
}

function inlineToRun(inline: Inline, clean: Clean, fonts: FontSet): TextRun {
  if (inline.kind === 'break') return new TextRun({ break: 1 });
  // Emphasis in Chinese official text is set in 楷体, not slanted.
  return eastAsianRun(clean(inline.text), {
    bold: inline.strong ?? false,
    ...(inline.emphasis ? { font: runFont(fonts.heading2.eastAsia, fonts.latin) } : {}),
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** The width of the text block in twips: 156 mm. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

function tableToDocx(block: Extract<Block, { type: 'table' }>, clean: Clean, fonts: FontSet): Table {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length));
  const widths = columnWidths(block, columns);
  const cell = (text: string, header: boolean, column: number) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      children: [
        paragraph({
          style: STYLE_IDS.tableText,
          alignment: header ? AlignmentType.CENTER : alignmentOf(block.align[column] ?? null),
          children: [eastAsianRun(clean(text), header ? { font: runFont(fonts.heading1.eastAsia, fonts.latin) } : {})],
        }),
      ],
    });
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: Array.from({ length: columns }, (_, i) => cell(cells[i] ?? '', header, i)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
  });
}

function alignmentOf(align: 'left' | 'center' | 'right' | null) {
  if (align === 'left') return AlignmentType.LEFT;
  if (align === 'right') return AlignmentType.RIGHT;
  return AlignmentType.CENTER;
}

/**
 * "— N —" in 4号 宋体: odd pages right-aligned, even pages left-aligned, one character in from
 * the text block's edge. The PAGE field carries a cached value so Word never reports it as damaged.
 */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      paragraph({
        style: STYLE_IDS.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT, firstLine: 0 } : { left: PAGE_NUMBER_INDENT, firstLine: 0 },
        children: [eastAsianRun('— '), new SimpleField('PAGE', '1'), eastAsianRun(' —')],
      }),
    ],
  });
}
