/**
 * The paragraph styles of a 公文. Indents live on the body styles, never in the document
 * defaults, so they cannot leak into tables and footers.
 */
import type { IStylesOptions } from 'docx';
import { BODY_CHARACTER_SPACING, BODY_SIZE, CHAR_WIDTH, FONTS, PAGE_NUMBER_SIZE, TITLE_SIZE, fontSet, type FontSet } from './layout.js';
import type { HeadingLevel } from '../../model/types.js';

/** The run font for an East Asian face: Chinese in the East Asian slot, digits in Times New Roman. */
export const runFont = (eastAsia: string, latin: string = FONTS.latin) => ({ eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' }) as const;

/** The 公文 fonts as GB/T 9704 names them. */
const STANDARD_FONTS = fontSet();

/** 2-character first-line indent of body text and headings. */
export const FIRST_LINE_INDENT = 2 * CHAR_WIDTH;

/** The font and weight of a heading level, used for headings on their own line and run-in leads. */
export function headingRun(level: HeadingLevel, fonts: FontSet = STANDARD_FONTS): { font: ReturnType<typeof runFont>; bold: boolean } {
  switch (level) {
    case 1:
      return { font: runFont(fonts.heading1.eastAsia, fonts.latin), bold: false };
    case 2:
      return { font: runFont(fonts.heading2.eastAsia, fonts.latin), bold: false };
    case 3:
      // Bold on 1． is a widespread local convention, not the standard; it is kept here.
      return { font: runFont(fonts.body.eastAsia, fonts.latin), bold: true };
    case 4:
      return { font: runFont(fonts.body.eastAsia, fonts.latin), bold: false };
  }
}

const bodyRunOf = (fonts: FontSet) =>
  ({
    font: runFont(fonts.body.eastAsia, fonts.latin),
    size: BODY_SIZE,
    characterSpacing: BODY_CHARACTER_SPACING,
    color: '000000',
  }) as const;

const headingStyle = (level: HeadingLevel, fonts: FontSet) => {
  const bodyRun = bodyRunOf(fonts);
  const { font, bold } = headingRun(level, fonts);
  return {
    run: { ...bodyRun, font, bold, italics: false },
    paragraph: {
      indent: { firstLine: FIRST_LINE_INDENT },
      keepNext: true,
      keepLines: true,
      spacing: { before: 0, after: 0 },
      outlineLevel: level - 1,
    },
  };
};

export const STYLE_IDS = {
  signature: 'Signature',
  tableText: 'TableText',
  footer: 'Footer',
} as const;

/** The styles with a project's fonts (report.config.yaml `fonts:`); gongwenStyles has the standard ones. */
export function gongwenStylesFor(fonts: FontSet): IStylesOptions {
  const bodyRun = bodyRunOf(fonts);
  return {
    default: {
      document: { run: { font: runFont(fonts.body.eastAsia, fonts.latin), size: BODY_SIZE } },
      title: {
        run: { font: runFont(fonts.title.eastAsia, fonts.latin), size: TITLE_SIZE, bold: false, color: '000000' },
        paragraph: {
          alignment: 'center',
          indent: { firstLine: 0 },
          keepNext: true,
          // Title lines sit on the body's 28.95 pt pitch so the page stays on the grid.
          spacing: { before: 0, after: 0, line: 579, lineRule: 'exact' },
        },
      },
      heading1: headingStyle(1, fonts),
      heading2: headingStyle(2, fonts),
      heading3: headingStyle(3, fonts),
      heading4: headingStyle(4, fonts),
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: bodyRun,
        paragraph: {
          // Left, not justified: on the 28-character grid the two look the same for Chinese
          // text, but LibreOffice (7.4, measured) drops a "，" that hangs past a full justified
          // line, while it and Word both show it hanging in the margin of a left-aligned one.
          alignment: 'left',
          indent: { firstLine: FIRST_LINE_INDENT },
          spacing: { before: 0, after: 0 },
        },
      },
      {
        id: STYLE_IDS.signature,
        name: 'Signature',
        basedOn: 'Normal',
        run: bodyRun,
        paragraph: { alignment: 'right', indent: { firstLine: 0 }, keepLines: true },
      },
      {
        id: STYLE_IDS.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        run: bodyRun,
        paragraph: { alignment: 'center', indent: { firstLine: 0, left: 0, right: 0 } },
      },
      {
        id: STYLE_IDS.footer,
        name: 'footer',
        run: { font: runFont(fonts.pageNumber.eastAsia, fonts.latin), size: PAGE_NUMBER_SIZE, color: '000000' },
        // Off the grid and on an exact 14 pt line, or LibreOffice gives up a body line per page.
        paragraph: {
          indent: { firstLine: 0 },
          spacing: { before: 0, after: 0, line: 280, lineRule: 'exact' },
        },
      },
    ],
  };
}

export const gongwenStyles: IStylesOptions = gongwenStylesFor(STANDARD_FONTS);
