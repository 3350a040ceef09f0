/**
 * `report render-check <docx…> [--record <yaml>]…`: converts each Word file with LibreOffice and
 * checks the PDF — A4, 22 lines of 28 characters, page numbers, and with the record it was built
 * from also headings, text and signature — then reports the fonts asked for against the fonts
 * used. One line per check; exit 0 when all pass, 1 when any fails or LibreOffice is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import type { DocumentModel } from '../../model/types.js';
import { renderFile } from '../../pipeline.js';
import { findTools, verifyDocuments, type Check, type FontReport } from '../../verify/index.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { projectConfig, readOptionsOf, shown } from './build.js';

export const NEEDS_TOOLS =
  'report: render-check needs LibreOffice (soffice) and poppler-utils (pdftotext); install them (Debian: apt-get install libreoffice-writer-nogui poppler-utils)';

export interface RenderCheckOptions {
  /** The record each docx was built from, in the same order: enables the text checks. */
  record?: string[];
}

export function checkLine(file: string, check: Check): string {
  const state = check.skipped ? 'skipped' : check.ok ? 'ok' : 'FAILED';
  return `${file}: ${state} ${check.name}${check.detail ? `: ${check.detail}` : ''}`;
}

export function fontLines(file: string, fonts: FontReport): string[] {
  const lines = fonts.faces.map((f) => {
    const used = f.used.map((u) => u.font).join(', ');
    const notInstalled = f.installed === false ? 'not installed here' : '';
    if (f.status === 'unused') {
      const asked = `asked for by ${f.where.map((w) => (w === 'document defaults' || w === 'direct formatting' ? w : `style ${w}`)).join(', ')}`;
      const why = f.characters === 0 ? 'but no Chinese character in this document uses it' : 'but none of its text was found in the PDF';
      return `${file}: font ${f.face}: ${asked}, ${why}${notInstalled ? ` (${notInstalled})` : ''}`;
    }
    if (f.status === 'as-requested') return `${file}: font ${f.face} → ${used}: as requested`;
    const notes = [notInstalled, f.fallback ? `the docx names ${f.fallback} as its fallback` : ''].filter(Boolean).join('; ');
    return `${file}: font ${f.face} → ${used}: substituted${notes ? ` (${notes})` : ''}`;
  });
  if (fonts.problem) lines.push(`${file}: fonts: ${fonts.problem}`);
  lines.push(`${file}: fonts embedded: ${fonts.embedded.join(', ') || 'none'}`);
  return lines;
}

export async function renderCheck(inputs: string[], options: RenderCheckOptions, io: CliIo): Promise<number> {
  const records = options.record ?? [];
  if (records.length > 0 && records.length !== inputs.length) {
    io.stderr(`report: give --record once per docx, in the same order (${inputs.length} docx, ${records.length} --record)\n`);
    return EXIT.usage;
  }
  const found = await findTools(io.env);
  if (!found.ok) {
    io.stderr(`${NEEDS_TOOLS}\n`);
    return EXIT.invalidInput;
  }

  // The record behind each docx, rendered as `build` renders it (project config, repair on),
  // for the text checks; a record with errors is a failed check.
  let readOptions = {};
  if (records.length > 0) {
    const config = await projectConfig(io);
    if (typeof config === 'number') return config;
    readOptions = { ...readOptionsOf({}), config };
  }
  const documents: Array<{ docx: string; model?: DocumentModel; problem?: string }> = [];
  for (const [index, input] of inputs.entries()) {
    const docx = path.resolve(io.cwd, input);
    const record = records[index];
    if (record === undefined) {
      documents.push({ docx });
      continue;
    }
    const rendered = await renderFile(path.resolve(io.cwd, record), { now: io.now(), env: io.env, ...readOptions });
    report(io, rendered.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file: shown(io, d.file) })));
    if (!rendered.ok || hasErrors(rendered.diagnostics)) documents.push({ docx, problem: `${record} has errors; the text checks did not run` });
    else documents.push({ docx, model: rendered.value.model });
  }

  const outDir = await mkdtemp(path.join(tmpdir(), 'report-render-check-'));
  let passed = 0;
  try {
    const results = await verifyDocuments(
      documents.map((d) => ({ docx: d.docx, ...(d.model ? { model: d.model } : {}) })),
      { tools: found.tools, outDir },
    );
    for (const [index, result] of results.entries()) {
      const file = shown(io, result.docx);
      const checks = [...result.checks];
      const problem = documents[index]!.problem;
      if (problem) checks.push({ name: 'record', ok: false, detail: problem });
      for (const check of checks) io.stdout(`${checkLine(file, check)}\n`);
      if (result.fonts) for (const line of fontLines(file, result.fonts)) io.stdout(`${line}\n`);
      if (checks.every((c) => c.ok)) passed++;
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  io.stderr(`render-checked ${inputs.length}: ${passed} passed, ${inputs.length - passed} failed\n`);
  return passed === inputs.length ? EXIT.ok : EXIT.invalidInput;
}
