/**
 * Proof in a real word processor: each docx converted by LibreOffice, the PDF measured against
 * GB/T 9704-2012, and the fonts it asked for compared with the fonts it got. Returns data; the
 * `render-check` command and the tests print or assert on it.
 */
import type { DocumentModel } from '../model/types.js';
import { convertToPdf } from './convert.js';
import { fontReport, type FontReport } from './fonts.js';
import { namedCheck, pdfChecks, GB_T_9704, type Check, type Grid } from './pdf-checks.js';
import { readPdf, type PdfFacts } from './pdf-read.js';
import { both } from './texts.js';
import type { Tools } from './tools.js';

export { convertToPdf, docxProblem, type Conversion } from './convert.js';
export { fontReport, type FontReport, type FontUse } from './fonts.js';
export * from './pdf-checks.js';
export { readPdf, type PdfFacts, type PdfPage, type PdfWord } from './pdf-read.js';
export { findTools, type Tools, type ToolsResult } from './tools.js';
export { both, joined, toolError } from './texts.js';

export interface Verified {
  docx: string;
  /** The PDF, when LibreOffice made one (in options.outDir). */
  pdf?: string;
  checks: Check[];
  facts?: PdfFacts;
  fonts?: FontReport;
}

export interface VerifyOptions {
  tools: Tools;
  /** Where the PDFs are written. */
  outDir: string;
  grid?: Grid;
}

export const CONVERTS = both('verify.name.converts').en;

/** Converts every docx in one LibreOffice run, then checks each PDF; one result per input, in order. */
export async function verifyDocuments(inputs: ReadonlyArray<{ docx: string; model?: DocumentModel }>, options: VerifyOptions): Promise<Verified[]> {
  const conversions = await convertToPdf(
    inputs.map((i) => i.docx),
    { soffice: options.tools.soffice, outDir: options.outDir },
  );
  const results: Verified[] = [];
  for (const [index, input] of inputs.entries()) {
    const conversion = conversions[index]!;
    if (!conversion.ok) {
      results.push({ docx: input.docx, checks: [namedCheck('verify.name.converts', false, conversion.text)] });
      continue;
    }
    const read = await readPdf(conversion.pdf, options.tools);
    if (!read.ok) {
      const detail = both('verify.unreadablePdf', { reason: read.text });
      results.push({ docx: input.docx, pdf: conversion.pdf, checks: [namedCheck('verify.name.converts', false, detail)] });
      continue;
    }
    const pages = read.facts.pages.length;
    const checks: Check[] = [
      namedCheck('verify.name.converts', true, both('verify.pages', { count: pages })),
      ...pdfChecks(read.facts, { ...(input.model ? { model: input.model } : {}), grid: options.grid ?? GB_T_9704 }),
    ];
    const fonts = await fontReport(input.docx, read.facts, options.tools.fcList ? { fcList: options.tools.fcList } : {});
    results.push({ docx: input.docx, pdf: conversion.pdf, checks, facts: read.facts, fonts });
  }
  return results;
}
