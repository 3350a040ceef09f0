/**
 * The last step of the docx writer: re-packs what the `docx` package produced so that
 * - paragraph settings it cannot express are written (it omits OnOff elements set to false);
 * - the same input gives the same bytes: fixed entry order and timestamps, and core.xml dates
 *   taken from the document's date instead of the clock.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * No automatic gap between Chinese and Latin letters either (autoSpaceDE; the `docx` package
 * writes only autoSpaceDN). In CT_PPrBase autoSpaceDE comes right before autoSpaceDN, which
 * every paragraph of ours carries: inserting there keeps the schema's element order.
 */
function patchParagraphs(xml: string): string {
  return xml.replaceAll('<w:autoSpaceDN w:val="false"/>', '<w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>');
}

function patchCoreDates(xml: string, timestamp: string): string {
  return xml.replace(/(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${timestamp}$2`);
}

/** Zip timestamps are local-time DOS dates; a fixed one keeps builds byte-identical. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

export function repackDocx(bytes: Uint8Array, documentDate: Date): Uint8Array {
  const parts = unzipSync(bytes);
  const timestamp = `${documentDate.toISOString().slice(0, 19)}Z`;
  const names = Object.keys(parts).sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  const files: Zippable = {};
  for (const name of names) {
    let data = parts[name]!;
    if (name === 'word/document.xml') data = strToU8(patchParagraphs(strFromU8(data)));
    else if (name === 'docProps/core.xml') data = strToU8(patchCoreDates(strFromU8(data), timestamp));
    files[name] = [data, { mtime: ZIP_TIME }];
  }
  return zipSync(files, { level: 6 });
}

/** [Content_Types].xml first and the package relationships next, as Word writes them. */
function order(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}
