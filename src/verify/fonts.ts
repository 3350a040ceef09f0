/**
 * The font report: the East Asian faces a docx asks for (w:rFonts w:eastAsia in styles.xml,
 * document.xml, headers and footers) against the fonts LibreOffice embedded in the PDF
 * (pdffonts), so a missing face and its fallback are visible rather than silent.
 *
 * Which embedded font set a face's text is found by matching: every piece of text pdftohtml
 * reports in one font is located in the docx's text, and each Chinese character in it votes
 * for (the face the docx asks for there → the font the PDF used).
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Phrase } from '../messages/index.js';
import type { EmbeddedFont, PdfFacts, TextSegment } from './pdf-read.js';
import { both } from './texts.js';
import { runTool } from './tools.js';

export interface FontUse {
  /** The face the docx asks for, e.g. "仿宋_GB2312". */
  face: string;
  /** Where it is asked for: style ids, "document defaults", "direct formatting". */
  where: string[];
  /** The substitute word/fontTable.xml names for it (w:altName), if any. */
  fallback?: string;
  /** Chinese characters of this face in the docx. */
  characters: number;
  /** The embedded fonts that set those characters in the PDF (subset tag removed), most used first. */
  used: Array<{ font: string; characters: number }>;
  /** fontconfig knows a face of this name; undefined when fontconfig is not there to ask. */
  installed?: boolean;
  /**
   * as-requested: set in the face itself; substituted: set in another font;
   * unused: no Chinese character of this face was found in the PDF (e.g. page numbers only).
   */
  status: 'as-requested' | 'substituted' | 'unused';
}

export interface FontReport {
  faces: FontUse[];
  /** Every font in the PDF, subset tag removed, once each. */
  embedded: string[];
  /** Why the report is incomplete (docx unreadable, pdffonts missing), if it is. */
  problem?: string;
  /** The problem in English and Chinese. */
  problemText?: Phrase;
}

/** PostScript names of the usual Windows faces, for when fontconfig cannot be asked. */
const KNOWN_NAMES: Record<string, string[]> = {
  宋体: ['SimSun'],
  黑体: ['SimHei'],
  仿宋: ['FangSong'],
  楷体: ['KaiTi'],
  仿宋_GB2312: ['FangSong_GB2312'],
  楷体_GB2312: ['KaiTi_GB2312'],
  方正小标宋简体: ['FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0'],
};

/** Chinese characters, CJK punctuation and full-width forms: the text the East Asian slot sets. */
const isEastAsian = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || c >= 0x20000;
};

export const withoutSubsetTag = (name: string): string => name.replace(/^[A-Z]{6}\+/, '');

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

const attr = (xml: string, element: string, name: string): string | undefined => {
  const m = new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]!) : undefined;
};

/** rFonts' eastAsia in a piece of XML that holds one rPr. */
const eastAsiaOf = (xml: string | undefined) => (xml === undefined ? undefined : attr(xml, 'w:rFonts', 'w:eastAsia'));

interface StyleInfo {
  basedOn?: string;
  eastAsia?: string;
}

/** The docx text, character by character, with the East Asian face each one asks for. */
interface Stream {
  text: string;
  faces: string[];
}

interface DocxFonts {
  styles: Map<string, StyleInfo>;
  defaults?: string;
  defaultParagraphStyle?: string;
  altNames: Map<string, string>;
  body: Stream;
  /** Headers and footers, one stream each. */
  margins: Stream[];
  where: Map<string, Set<string>>;
}

function readStyles(stylesXml: string) {
  const styles = new Map<string, StyleInfo>();
  let defaultParagraphStyle: string | undefined;
  for (const m of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]*)"/.exec(m[1]!)?.[1];
    if (!id) continue;
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2]!.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))?.[1];
    styles.set(id, { basedOn: attr(m[2]!, 'w:basedOn', 'w:val'), eastAsia: eastAsiaOf(rPr) });
    if (/w:type="paragraph"/.test(m[1]!) && /w:default="(1|true)"/.test(m[1]!)) defaultParagraphStyle = id;
  }
  const defaults = eastAsiaOf(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml)?.[1]);
  return { styles, defaults, defaultParagraphStyle };
}

function readDocxFonts(parts: Record<string, string>): DocxFonts {
  const { styles, defaults, defaultParagraphStyle } = readStyles(parts['word/styles.xml'] ?? '');
  const where = new Map<string, Set<string>>();
  const note = (face: string, place: string) => where.set(face, (where.get(face) ?? new Set()).add(place));
  if (defaults) note(defaults, 'document defaults');
  for (const [id, style] of styles) if (style.eastAsia) note(style.eastAsia, id);

  const styleFace = (id: string | undefined, seen = new Set<string>()): string | undefined => {
    if (!id || seen.has(id)) return undefined;
    seen.add(id);
    const style = styles.get(id);
    return style?.eastAsia ?? styleFace(style?.basedOn, seen);
  };

  const stream = (xml: string, place: string): Stream => {
    let text = '';
    const faces: string[] = [];
    for (const p of xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
      const body = p[1] ?? '';
      const pStyle = attr(/<w:pPr>[\s\S]*?<\/w:pPr>/.exec(body)?.[0] ?? '', 'w:pStyle', 'w:val');
      const paragraphFace = styleFace(pStyle ?? defaultParagraphStyle) ?? defaults ?? '';
      for (const r of body.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
        const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1]!)?.[1];
        const direct = eastAsiaOf(rPr);
        if (direct) note(direct, place);
        const face = direct ?? styleFace(rPr ? attr(rPr, 'w:rStyle', 'w:val') : undefined) ?? paragraphFace;
        for (const t of r[1]!.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)) {
          for (const ch of unescapeXml(t[1]!)) {
            if (/\s/.test(ch)) continue;
            text += ch;
            // One entry per UTF-16 unit, so faces[i] belongs to text[i].
            for (let i = 0; i < ch.length; i++) faces.push(face);
          }
        }
      }
    }
    return { text, faces };
  };

  const altNames = new Map<string, string>();
  for (const m of (parts['word/fontTable.xml'] ?? '').matchAll(/<w:font\b[^>]*w:name="([^"]*)"[^>]*>([\s\S]*?)<\/w:font>/g)) {
    const alt = attr(m[2]!, 'w:altName', 'w:val');
    if (alt) altNames.set(unescapeXml(m[1]!), alt);
  }
  const margins = Object.keys(parts)
    .filter((name) => /^word\/(header|footer)\d*\.xml$/.test(name))
    .sort()
    .map((name) => stream(parts[name]!, 'direct formatting'));
  return { styles, defaults, defaultParagraphStyle, altNames, body: stream(parts['word/document.xml'] ?? '', 'direct formatting'), margins, where };
}

/** Reads the parts of a docx the report needs. */
export async function readDocxParts(docx: string): Promise<Record<string, string>> {
  const wanted = (name: string) => /^word\/(styles|document|fontTable|header\d*|footer\d*)\.xml$/.test(name);
  const parts = unzipSync(await readFile(docx), { filter: (entry) => wanted(entry.name) });
  return Object.fromEntries(Object.entries(parts).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** Votes (face → font) for every Chinese character of every text segment found in the docx text. */
function attribute(fonts: DocxFonts, segments: readonly TextSegment[]): Map<string, Map<string, number>> {
  const votes = new Map<string, Map<string, number>>();
  const vote = (stream: Stream, at: number, segment: string, font: string) => {
    for (const [i, ch] of codePoints(segment)) {
      const face = stream.faces[at + i];
      if (!face || !isEastAsian(ch)) continue;
      const byFont = votes.get(face) ?? new Map<string, number>();
      byFont.set(font, (byFont.get(font) ?? 0) + 1);
      votes.set(face, byFont);
    }
  };
  // Pages: the lowest line of a page is its footer (page number), looked for in headers/footers first.
  const lowest = new Map<number, number>();
  for (const s of segments) lowest.set(s.page, Math.max(lowest.get(s.page) ?? -Infinity, s.top));
  let cursor = 0;
  for (const segment of segments) {
    const text = segment.text.replace(/\s+/g, '');
    if (![...text].some(isEastAsian)) continue;
    const inFooter = segment.top > (lowest.get(segment.page) ?? Infinity) - 3;
    const inMargins = () => {
      for (const stream of fonts.margins) {
        const at = stream.text.indexOf(text);
        if (at >= 0) {
          vote(stream, at, text, segment.font);
          return true;
        }
      }
      return false;
    };
    if (inFooter && inMargins()) continue;
    let at = fonts.body.text.indexOf(text, cursor);
    if (at >= 0) {
      cursor = at + text.length;
    } else if (!inFooter && inMargins()) {
      continue;
    } else {
      at = fonts.body.text.indexOf(text);
      if (at < 0) continue;
    }
    vote(fonts.body, at, text, segment.font);
  }
  return votes;
}

/** Each code point of a string with its UTF-16 offset. */
function* codePoints(text: string): Generator<[number, string]> {
  let offset = 0;
  for (const ch of text) {
    yield [offset, ch];
    offset += ch.length;
  }
}

const normalise = (name: string) => withoutSubsetTag(name).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Does an embedded font name stand for one of these names (allowing style suffixes)? */
function isFace(embedded: string, names: readonly string[]): boolean {
  const font = normalise(embedded);
  return names.some((name) => {
    const n = normalise(name);
    return n !== '' && font.startsWith(n) && /^(regular|bold|italic|oblique|medium|light|book|vkana|psmt|mt|std|pro)*$/.test(font.slice(n.length));
  });
}

/** fontconfig's names (family and PostScript) for a face; undefined when fc-list is not there. */
async function installedNames(face: string, fcList: string | undefined): Promise<string[] | undefined> {
  if (!fcList) return undefined;
  const result = await runTool(fcList, [`:family=${face}`, 'family', 'postscriptname'], { timeoutMs: 20_000 });
  if (!result.ok) return undefined;
  return result.stdout
    .split('\n')
    .flatMap((line) => [...line.matchAll(/(?:^|:)(?:family|postscriptname)=([^:]*)/g)].flatMap((m) => m[1]!.split(',')))
    .map((n) => n.replace(/\\/g, '').trim())
    .filter(Boolean);
}

/** The report for one docx and the PDF made from it. */
export async function fontReport(docx: string, facts: PdfFacts, options: { fcList?: string } = {}): Promise<FontReport> {
  const embedded = [...new Set(facts.fonts.map((f) => withoutSubsetTag(f.name)))];
  let parts: Record<string, string>;
  try {
    parts = await readDocxParts(docx);
  } catch (error) {
    const problemText = both('verify.docxUnreadable', { reason: (error as Error).message });
    return { faces: [], embedded, problem: problemText.en, problemText };
  }
  const fonts = readDocxFonts(parts);
  const votes = attribute(fonts, facts.segments);
  const counts = new Map<string, number>();
  for (const stream of [fonts.body, ...fonts.margins]) {
    for (const [i, ch] of codePoints(stream.text)) {
      const face = stream.faces[i];
      if (face && isEastAsian(ch)) counts.set(face, (counts.get(face) ?? 0) + 1);
    }
  }
  const faces: FontUse[] = [];
  for (const [face, places] of fonts.where) {
    // Several subsets of one font count as that font.
    const byName = new Map<string, number>();
    for (const [font, n] of votes.get(face) ?? []) byName.set(withoutSubsetTag(font), (byName.get(withoutSubsetTag(font)) ?? 0) + n);
    const used = [...byName].map(([font, characters]) => ({ font, characters })).sort((a, b) => b.characters - a.characters);
    const installed = await installedNames(face, options.fcList);
    const names = [face, ...(KNOWN_NAMES[face] ?? []), ...(installed ?? [])];
    const status: FontUse['status'] = used.length === 0 ? 'unused' : used.every((u) => isFace(u.font, names)) ? 'as-requested' : 'substituted';
    const fallback = fonts.altNames.get(face);
    faces.push({
      face,
      where: [...places],
      ...(fallback ? { fallback } : {}),
      characters: counts.get(face) ?? 0,
      used,
      ...(installed ? { installed: installed.length > 0 } : {}),
      status,
    });
  }
  const problemText = facts.segments.length === 0 ? both('verify.noPdfText') : undefined;
  return { faces, embedded, ...(problemText ? { problem: problemText.en, problemText } : {}) };
}

export type { EmbeddedFont };
