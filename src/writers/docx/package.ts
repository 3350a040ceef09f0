/**
 * The last step of the reference writer (reference.ts): zips the parts the `docx` package
 * produced so that
 * - paragraph settings it cannot express are written (it omits OnOff elements set to false);
 * - the same input gives the same bytes: fixed entry order and timestamps, and core.xml dates
 *   taken from the document's date instead of the clock.
 * The parts are taken before `docx` zips them (its compiler), so they are compressed once;
 * should a future `docx` hide the compiler, its zip is unzipped instead.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ZIP_LEVEL, ZIP_TIME, byPartOrder } from './zip.js';

interface Override {
  path: string;
  data: string;
}

type Compiler = { compile(file: Document, prettify: undefined, overrides: readonly Override[]): Map<string, string | Uint8Array> };

export async function documentParts(doc: Document, overrides: readonly Override[]): Promise<Map<string, Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (compiler && typeof compiler.compile === 'function') {
    const parts = compiler.compile(doc, undefined, overrides);
    return new Map([...parts].map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]));
  }
  return new Map(Object.entries(unzipSync(await Packer.toBuffer(doc, false, overrides))));
}

/**
 * No automatic gap between Chinese and Latin letters either (autoSpaceDE; the `docx` package
 * writes only autoSpaceDN). In CT_PPrBase autoSpaceDE comes right before autoSpaceDN, which
 * every paragraph of ours carries: inserting there keeps the schema's element order.
 */
function patchParagraphs(xml: string): string {
  return xml.replaceAll('<w:autoSpaceDN w:val="false"/>', '<w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>');
}

/**
 * The title is taken off the document grid (the `docx` package cannot say snapToGrid off):
 * a 22 pt line is taller than the 28.95 pt pitch in fonts with tall ascenders, and on the grid
 * LibreOffice then gives every title line two grid lines. Off the grid, its exact 28.95 pt
 * spacing holds. In a style's pPr, snapToGrid comes right before spacing.
 */
export function patchStyles(xml: string): string {
  return xml.replace(/(<w:style\b[^>]*w:styleId="Title"[^>]*>[\s\S]*?<w:pPr>[\s\S]*?)(<w:spacing\b)/, '$1<w:snapToGrid w:val="false"/>$2');
}

function patchCoreDates(xml: string, timestamp: string): string {
  return xml.replace(/(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${timestamp}$2`);
}

export async function packDocx(doc: Document, overrides: readonly Override[], documentDate: Date): Promise<Uint8Array> {
  const parts = await documentParts(doc, overrides);
  const timestamp = `${documentDate.toISOString().slice(0, 19)}Z`;
  const names = [...parts.keys()].sort(byPartOrder);
  const files: Zippable = {};
  for (const name of names) {
    let data = parts.get(name)!;
    if (name === 'word/document.xml') data = strToU8(patchParagraphs(strFromU8(data)));
    else if (name === 'docProps/core.xml') data = strToU8(patchCoreDates(strFromU8(data), timestamp));
    else if (name === 'word/styles.xml') data = strToU8(patchStyles(strFromU8(data)));
    files[name] = [data, { mtime: ZIP_TIME }];
  }
  return zipSync(files, { level: ZIP_LEVEL });
}
