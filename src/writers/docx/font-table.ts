/**
 * word/fontTable.xml: declares every face the document asks for with a substitute (altName)
 * and the GB2312 character set, so Word or WPS on a machine without 仿宋_GB2312 or
 * 方正小标宋简体 falls back to a Chinese face of the same kind instead of a Western one.
 */
import { fontSet, type FontSet } from './layout.js';
import { escapeXml } from './xml-text.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface FontEntry {
  name: string;
  altName?: string;
  /** 86 = GB2312 (0x86), 0 = ANSI. */
  charset: string;
  family: 'roman' | 'modern' | 'swiss';
  pitch: 'variable' | 'fixed';
}

const entriesOf = (fonts: FontSet): FontEntry[] => [
  { name: fonts.latin, charset: '00', family: 'roman', pitch: 'variable' },
  ...(['body', 'title', 'heading1', 'heading2', 'pageNumber'] as const).map(
    (k): FontEntry => ({
      name: fonts[k].eastAsia,
      ...(fonts[k].fallback ? { altName: fonts[k].fallback } : {}),
      charset: '86',
      family: k === 'heading1' ? 'modern' : 'roman',
      pitch: k === 'title' ? 'variable' : 'fixed',
    }),
  ),
];

export function fontTableXml(set: FontSet = fontSet()): string {
  // A face chosen for two roles is declared once.
  const entries = entriesOf(set).filter((e, i, all) => all.findIndex((o) => o.name === e.name) === i);
  const fonts = entries
    .map(
      (f) =>
        // Names come from report.config.yaml: escaped like every attribute the `docx` package writes.
        `<w:font w:name="${escapeXml(f.name)}">` +
        (f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '') +
        `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W_NS}">${fonts}</w:fonts>`;
}
