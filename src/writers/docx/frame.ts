/**
 * What every Word file of a font set shares: all parts but word/document.xml and
 * docProps/core.xml — [Content_Types].xml, relationships, styles, numbering, settings, theme,
 * footers, font table, app and custom properties — deflated, and the envelope of
 * word/document.xml (namespaces before the body, section properties after it).
 *
 * They are made by the `docx` package (reference.ts) from an empty document, once per process
 * and font set. Loading that package and building its tree costs more than a whole document,
 * so the bundled command line (scripts/bundle.mjs) ships the frame of the standard fonts
 * ready-made, as docx-frame.json next to its modules, written in the same step as they are.
 */
import { readFileSync } from 'node:fs';
import { fontSet, type FontRole } from './layout.js';
import { fontTableXml } from './font-table.js';
import { zipEntry, type ZipEntry } from './zip.js';

export interface DocxFrame {
  /** word/document.xml up to and including `<w:body>`. */
  documentHead: string;
  /** word/document.xml from the section properties (`<w:sectPr>`) to the end. */
  documentTail: string;
  /** Every other part but docProps/core.xml, deflated. */
  entries: ZipEntry[];
}

export type FontChoice = Partial<Record<FontRole | 'latin', string>>;

const frames = new Map<string, Promise<DocxFrame>>();

/** The frame for a font choice (`fonts:` of report.config.yaml), made once per process. */
export function docxFrame(choice: FontChoice = {}): Promise<DocxFrame> {
  const key = JSON.stringify(fontSet(choice));
  let frame = frames.get(key);
  if (!frame) {
    frame = buildFrame(choice);
    frames.set(key, frame);
    // A failure is not cached: the next document tries again (and reports the error itself).
    frame.catch(() => frames.delete(key));
  }
  return frame;
}

/** The parts as the `docx` package writes them for an empty document. */
export async function frameParts(choice: FontChoice = {}): Promise<Map<string, Uint8Array>> {
  const [{ referenceDocument }, { documentParts, patchStyles }] = await Promise.all([import('./reference.js'), import('./package.js')]);
  const { doc } = referenceDocument({ blocks: [] }, { title: '', creator: '', fonts: choice });
  const parts = await documentParts(doc, [{ path: 'word/fontTable.xml', data: fontTableXml(fontSet(choice)) }]);
  const styles = parts.get('word/styles.xml');
  if (styles) parts.set('word/styles.xml', Buffer.from(patchStyles(Buffer.from(styles).toString('utf8')), 'utf8'));
  return parts;
}

async function buildFrame(choice: FontChoice): Promise<DocxFrame> {
  if (JSON.stringify(fontSet(choice)) === JSON.stringify(fontSet())) {
    const shipped = readShippedFrame();
    if (shipped) return shipped;
  }
  return frameOf(await frameParts(choice));
}

/** The frame of an empty document's parts. */
export function frameOf(parts: ReadonlyMap<string, Uint8Array>): DocxFrame {
  const document = Buffer.from(parts.get('word/document.xml') ?? new Uint8Array()).toString('utf8');
  const bodyStart = document.indexOf('<w:body>');
  const sectionStart = document.indexOf('<w:sectPr');
  if (bodyStart < 0 || sectionStart < bodyStart) throw new Error('the docx package wrote an unexpected word/document.xml');
  const entries = [...parts]
    .filter(([name]) => name !== 'word/document.xml' && name !== 'docProps/core.xml')
    .map(([name, data]) => zipEntry(name, data));
  return { documentHead: document.slice(0, bodyStart + '<w:body>'.length), documentTail: document.slice(sectionStart), entries };
}

/** The frame as JSON: the compressed parts in base64. */
interface FrameJson {
  documentHead: string;
  documentTail: string;
  entries: Array<{ name: string; crc: number; size: number; data: string }>;
}

/** docx-frame.json for the standard fonts (scripts/bundle.mjs writes it next to the bundle). */
export async function standardFrameJson(): Promise<string> {
  const frame = frameOf(await frameParts());
  const json: FrameJson = {
    documentHead: frame.documentHead,
    documentTail: frame.documentTail,
    entries: frame.entries.map((e) => ({ name: e.name, crc: e.crc, size: e.size, data: Buffer.from(e.data).toString('base64') })),
  };
  return `${JSON.stringify(json)}\n`;
}

/** The shipped frame, when these modules are the bundle's (dist/ from tsc alone has none). */
function readShippedFrame(): DocxFrame | undefined {
  let text: string;
  try {
    text = readFileSync(new URL('./docx-frame.json', import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  const json = JSON.parse(text) as FrameJson;
  return {
    documentHead: json.documentHead,
    documentTail: json.documentTail,
    entries: json.entries.map((e) => ({ name: e.name, crc: e.crc, size: e.size, data: Buffer.from(e.data, 'base64') })),
  };
}
