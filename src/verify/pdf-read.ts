/**
 * What poppler-utils says about a PDF, as data: page sizes (pdfinfo), the text of each page as
 * laid out (pdftotext -layout) and in reading order (pdftotext), every word with its box
 * (pdftotext -bbox), the embedded fonts (pdffonts) and which font sets each piece of text
 * (pdftohtml -xml). The checks in pdf-checks.ts and fonts.ts only read this.
 */
import type { Phrase } from '../messages/index.js';
import { both, toolError } from './texts.js';
import { runTool, type Tools } from './tools.js';

export interface PdfWord {
  /** Left, top, right and bottom edges in points, from the top-left corner of the page. */
  x: number;
  y: number;
  xMax: number;
  yMax: number;
  text: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  /** In points. */
  width: number;
  height: number;
  /** The paper name pdfinfo gives, e.g. "A4", "letter"; empty when it has none. */
  paper: string;
  /** The page's text as laid out (pdftotext -layout). */
  layout: string;
  words: PdfWord[];
}

export interface EmbeddedFont {
  /** As in the PDF, with the subset tag: "CAAAAA+NotoSansCJKjp-Regular-VKana". */
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** A piece of text set in one font (pdftohtml), in reading order. */
export interface TextSegment {
  page: number;
  top: number;
  left: number;
  /** The full PDF font name, as in EmbeddedFont.name. */
  font: string;
  text: string;
}

export interface PdfFacts {
  pdf: string;
  /** pdfinfo's own output, unchanged. */
  info: string;
  pages: PdfPage[];
  /** The whole text in reading order (pdftotext without -layout): table cells one after another. */
  flow: string;
  fonts: EmbeddedFont[];
  segments: TextSegment[];
}

/** A PDF poppler cannot read: the message in English, and in English and Chinese as `text`. */
export type PdfRead = { ok: true; facts: PdfFacts } | { ok: false; message: string; text: Phrase };

const unreadable = (text: Phrase): PdfRead => ({ ok: false, message: text.en, text });

type PopplerTools = Pick<Tools, 'pdftotext' | 'pdfinfo' | 'pdffonts' | 'pdftohtml'>;

const POPPLER: PopplerTools = { pdftotext: 'pdftotext', pdfinfo: 'pdfinfo', pdffonts: 'pdffonts', pdftohtml: 'pdftohtml' };

export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** Reads everything the checks need; a PDF poppler cannot read comes back as a message. */
export async function readPdf(pdf: string, tools: PopplerTools = POPPLER): Promise<PdfRead> {
  const info = await runTool(tools.pdfinfo, [pdf]);
  if (!info.ok) return unreadable(both('verify.pdfinfoFailed', { error: toolError(info.error), output: info.stderr.trim() }));
  const count = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0);
  if (count === 0) return unreadable(both('verify.noPages'));

  const [sizes, layout, flow, bbox, fonts, xml] = await Promise.all([
    runTool(tools.pdfinfo, ['-f', '1', '-l', String(count), pdf]),
    runTool(tools.pdftotext, ['-layout', pdf, '-']),
    runTool(tools.pdftotext, [pdf, '-']),
    runTool(tools.pdftotext, ['-bbox', pdf, '-']),
    runTool(tools.pdffonts, [pdf]),
    runTool(tools.pdftohtml, ['-xml', '-zoom', '1', '-i', '-q', '-stdout', pdf]),
  ]);
  for (const [name, result] of [['pdfinfo', sizes], ['pdftotext', layout], ['pdftotext', flow], ['pdftotext -bbox', bbox]] as const) {
    if (!result.ok) return unreadable(both('verify.toolFailed', { tool: name, error: toolError(result.error), output: result.stderr.trim() }));
  }

  const paper = new Map<number, { width: number; height: number; paper: string }>();
  for (const m of sizes.stdout.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts(?: \(([^)]*)\))?/gm)) {
    paper.set(Number(m[1]), { width: Number(m[2]), height: Number(m[3]), paper: m[4] ?? '' });
  }
  const layoutPages = layout.stdout.split('\f');
  const wordPages = [...bbox.stdout.matchAll(/<page\b[^>]*>([\s\S]*?)<\/page>/g)].map((m) =>
    [...m[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      (w): PdfWord => ({ x: Number(w[1]), y: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescapeHtml(w[5]!) }),
    ),
  );
  const pages: PdfPage[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    ...(paper.get(i + 1) ?? { width: 0, height: 0, paper: '' }),
    layout: layoutPages[i] ?? '',
    words: wordPages[i] ?? [],
  }));

  const embedded = fonts.ok ? parsePdffonts(fonts.stdout) : [];
  return {
    ok: true,
    facts: { pdf, info: info.stdout, pages, flow: flow.stdout, fonts: embedded, segments: xml.ok ? parsePdftohtml(xml.stdout, embedded) : [] },
  };
}

/** pdffonts' table: name, type, encoding, emb, sub, uni, object, generation. */
export function parsePdffonts(text: string): EmbeddedFont[] {
  const fonts: EmbeddedFont[] = [];
  for (const line of text.split('\n').slice(2)) {
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (m) fonts.push({ name: m[1]!, type: m[2]!, embedded: m[4] === 'yes', subset: m[5] === 'yes' });
  }
  return fonts;
}

/** pdftohtml -xml: each <text> with its font; pdftohtml shortens font names, pdffonts has them whole. */
export function parsePdftohtml(xml: string, fonts: readonly EmbeddedFont[]): TextSegment[] {
  const segments: TextSegment[] = [];
  const families = new Map<string, string>();
  for (const page of xml.matchAll(/<page number="(\d+)"[^>]*>([\s\S]*?)<\/page>/g)) {
    const number = Number(page[1]);
    for (const spec of page[2]!.matchAll(/<fontspec id="(\d+)"[^>]*family="([^"]*)"/g)) {
      const family = unescapeHtml(spec[2]!);
      const tag = /^[A-Z]{6}\+/.exec(family)?.[0];
      const full = fonts.find((f) => (tag ? f.name.startsWith(tag) : f.name === family))?.name ?? family;
      families.set(spec[1]!, full);
    }
    for (const t of page[2]!.matchAll(/<text top="(-?[\d.]+)" left="(-?[\d.]+)"[^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)) {
      segments.push({
        page: number,
        top: Number(t[1]),
        left: Number(t[2]),
        font: families.get(t[3]!) ?? '',
        text: unescapeHtml(t[4]!.replace(/<[^>]*>/g, '')),
      });
    }
  }
  return segments;
}
