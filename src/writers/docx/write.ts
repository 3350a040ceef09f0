/**
 * Document model → .docx bytes laid out to GB/T 9704-2012.
 *
 * Per document only two parts are written: word/document.xml, straight from the model
 * (body-xml.ts), and docProps/core.xml. Everything else — styles, numbering, settings, theme,
 * footers, font table, relationships — is the same for every document of a font set: it comes
 * from the `docx` package once per process, already compressed (frame.ts). The result is the
 * file the `docx` package's object tree gives (reference.ts), byte for byte, at a fraction of
 * the cost.
 */
import type { DocumentModel } from '../../model/types.js';
import { fontSet, removedFromFaceNames, type FontRole } from './layout.js';
import { bodyXml, escapeXml } from './body-xml.js';
import { docxFrame } from './frame.js';
import { xmlSafe } from './xml-text.js';
import { ZIP_TIME, byPartOrder, dosTime, zipEntries, zipEntry } from './zip.js';

export interface DocxMetadata {
  title: string;
  /** The issuing unit: the document's author. */
  creator: string;
  /** 成文日期: the document's created/modified date (never the clock, so builds repeat). */
  date: Date;
  /** Faces replacing the standard ones, by role (report.config.yaml `fonts:`). */
  fonts?: Partial<Record<FontRole | 'latin', string>>;
}

export interface DocxResult {
  bytes: Uint8Array;
  /** How many characters XML does not allow (C0 controls, lone surrogates) were left out, font names included. */
  removedCharacters: number;
}

const ZIP_DOS_TIME = dosTime(ZIP_TIME);

export async function writeDocx(model: DocumentModel, meta: DocxMetadata): Promise<DocxResult> {
  const frame = await docxFrame(meta.fonts ?? {});
  // Characters XML does not allow in a chosen face's name are left out too (layout.ts, faceName).
  let removed = removedFromFaceNames(meta.fonts);
  const clean = (text: string): string => {
    const safe = xmlSafe(text);
    removed += safe.removed;
    return safe.text;
  };
  const document = frame.documentHead + bodyXml(model, clean, fontSet(meta.fonts)) + frame.documentTail;
  const entries = [
    ...frame.entries,
    zipEntry('word/document.xml', Buffer.from(document, 'utf8')),
    zipEntry('docProps/core.xml', Buffer.from(coreXml(meta), 'utf8')),
  ].sort((a, b) => byPartOrder(a.name, b.name));
  return { bytes: zipEntries(entries, ZIP_DOS_TIME), removedCharacters: removed };
}

const CORE_NAMESPACES =
  'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/**
 * docProps/core.xml as the `docx` package writes it (an empty title or author is left out),
 * with the document's date as created and modified date.
 */
function coreXml(meta: DocxMetadata): string {
  // Metadata repeats text the body already counted: cleaned, not counted again.
  const title = escapeXml(xmlSafe(meta.title).text);
  const creator = escapeXml(xmlSafe(meta.creator).text);
  const timestamp = `${meta.date.toISOString().slice(0, 19)}Z`;
  const date = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${timestamp}</dcterms:${name}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ${CORE_NAMESPACES}>` +
    (title ? `<dc:title>${title}</dc:title>` : '') +
    (creator ? `<dc:creator>${creator}</dc:creator>` : '') +
    (creator ? `<cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` : '') +
    `<cp:revision>1</cp:revision>${date('created')}${date('modified')}</cp:coreProperties>`
  );
}
