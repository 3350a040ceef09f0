/**
 * GB/T 9704-2012 page and type numbers, in OOXML units (twips = 1/20 pt, half-points for sizes).
 * Every number here is measured against LibreOffice in test/render.test.ts.
 */
import { xmlLegal } from './xml-text.js';

const MM = 56.7; // twips per millimetre

/** A4, 210 × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm — so right ≈ 26 mm and bottom ≈ 35 mm.
 * The footer distance puts the page number's baseline about 7 mm below the text block:
 * 35 mm − 7 mm − one 14 pt line (4.9 mm) ≈ 23 mm from the bottom edge.
 */
export const MARGIN = {
  top: 2098,
  left: 1587,
  right: 1474,
  bottom: 1984,
  header: Math.round(15 * MM),
  footer: Math.round(23 * MM),
} as const;

/** 22 lines per page: 225 mm / 22 = 28.95 pt = 579 twips. */
export const LINE_PITCH = 579;

/** 三号 (16 pt) body text, in half-points. */
export const BODY_SIZE = 32;
/** 二号 (22 pt) title. */
export const TITLE_SIZE = 44;
/** 四号 (14 pt) page numbers. */
export const PAGE_NUMBER_SIZE = 28;

/**
 * −0.25 pt of character spacing makes 28 body characters fill the 156 mm line exactly:
 * 28 × 15.75 pt = 441 pt ≤ 442.2 pt, while 29 would need 456.75 pt. With the grid set to
 * "lines" only, Word and LibreOffice agree on this (the "linesAndChars" grid is read
 * differently by LibreOffice).
 */
export const BODY_CHARACTER_SPACING = -5;

/** One body character (16 pt − 0.25 pt) in twips: indents are counted in these. */
export const CHAR_WIDTH = 315;

/** One 四号 character, the page number's distance from the text block's edge. */
export const PAGE_NUMBER_INDENT = 280;

/** The fonts a 公文 asks for, with the face Word or WPS falls back to (fontTable altName). */
export const FONTS = {
  /** 正文, 三级标题, 署名, 成文日期. */
  body: { eastAsia: '仿宋_GB2312', fallback: '仿宋' },
  /** 标题. */
  title: { eastAsia: '方正小标宋简体', fallback: '宋体' },
  /** 一级标题 一、 */
  heading1: { eastAsia: '黑体', fallback: 'SimHei' },
  /** 二级标题 （一） */
  heading2: { eastAsia: '楷体_GB2312', fallback: '楷体' },
  /** 页码. */
  pageNumber: { eastAsia: '宋体', fallback: 'SimSun' },
  /** Digits and Latin letters in every run. */
  latin: 'Times New Roman',
} as const;

/** The faces a project may change (`fonts:` in report.config.yaml), by role. */
export type FontRole = 'body' | 'title' | 'heading1' | 'heading2' | 'pageNumber';

export interface FontSet {
  body: Face;
  title: Face;
  heading1: Face;
  heading2: Face;
  pageNumber: Face;
  latin: string;
}

export interface Face {
  eastAsia: string;
  /** The face Word or WPS falls back to (fontTable altName), when the face is missing. */
  fallback?: string;
}

/**
 * A chosen face's name as every part of the Word file writes it: without the characters XML 1.0
 * does not allow (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates), which no
 * escaping can put in a well-formed part. They are removed, not refused: the writer cannot stop a
 * build with a message of its own (a thrown error is an internal error), the `docx` package
 * already drops C0 controls from styles.xml, and removing them here, before any part is made,
 * keeps the font table, styles and runs naming the same face. The writers count them in
 * removedCharacters, so the build warns. (A config check refusing them, with file and line, would
 * belong in src/config/project-config.ts.) A name left empty is no choice: the standard face.
 * Markup characters (& < > " ') stay: each part escapes them.
 */
export function faceName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return xmlLegal(name).text.trim() || undefined;
}

/** How many characters faceName removes from the names of a font choice. */
export function removedFromFaceNames(choice: Partial<Record<FontRole | 'latin', string>> = {}): number {
  return Object.values(choice).reduce((sum, name) => sum + (name === undefined ? 0 : xmlLegal(name).removed), 0);
}

/**
 * The 公文 fonts with a project's choices put in. A chosen face keeps its role's fallback (a
 * Chinese face of the same kind), unless it is that fallback itself.
 */
export function fontSet(choice: Partial<Record<FontRole | 'latin', string>> = {}): FontSet {
  const face = (role: FontRole): Face => {
    const chosen = faceName(choice[role]);
    const standard = FONTS[role];
    if (!chosen || chosen === standard.eastAsia) return standard;
    return chosen === standard.fallback ? { eastAsia: chosen } : { eastAsia: chosen, fallback: standard.fallback };
  };
  return {
    body: face('body'),
    title: face('title'),
    heading1: face('heading1'),
    heading2: face('heading2'),
    pageNumber: face('pageNumber'),
    latin: faceName(choice.latin) ?? FONTS.latin,
  };
}
