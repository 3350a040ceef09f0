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
import { t, type Lang } from '../../messages/index.js';
import { both, findTools, namedCheck, verifyDocuments, type Check, type FontReport } from '../../verify/index.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { projectConfig, readOptionsOf, shown } from './build.js';

/** The one line printed when LibreOffice or poppler is missing. */
export const needsTools = (lang: Lang = 'en'): string => `report: ${t('renderCheck.needsTools', lang)}`;
export const NEEDS_TOOLS = needsTools('en');

export interface RenderCheckOptions {
  /** The record each docx was built from, in the same order: enables the text checks. */
  record?: string[];
}

/** One check as a line: `FILE: ok NAME: DETAIL`, in the chosen language when the check carries both. */
export function checkLine(file: string, check: Check, lang: Lang = 'en'): string {
  const state = t(check.skipped ? 'renderCheck.skipped' : check.ok ? 'renderCheck.ok' : 'renderCheck.failed', lang);
  const name = check.text ? check.text.name[lang] : check.name;
  const detail = check.text ? check.text.detail[lang] : check.detail;
  return detail ? t('renderCheck.lineDetail', lang, { file, state, name, detail }) : t('renderCheck.line', lang, { file, state, name });
}

/** Where a face is asked for: a style id, or the document defaults / direct formatting. */
function place(where: string, lang: Lang): string {
  if (where === 'document defaults') return t('renderCheck.documentDefaults', lang);
  if (where === 'direct formatting') return t('renderCheck.directFormatting', lang);
  return t('renderCheck.style', lang, { style: where });
}

export function fontLines(file: string, fonts: FontReport, lang: Lang = 'en'): string[] {
  const list = (items: readonly string[]) => items.join(t('list.separator', lang));
  const lines = fonts.faces.map((f) => {
    const used = list(f.used.map((u) => u.font));
    const notInstalled = f.installed === false;
    if (f.status === 'unused') {
      const where = list(f.where.map((w) => place(w, lang)));
      const why = t(f.characters === 0 ? 'renderCheck.noCharacters' : 'renderCheck.notInPdf', lang);
      return t(notInstalled ? 'renderCheck.fontUnusedNotInstalled' : 'renderCheck.fontUnused', lang, { file, face: f.face, where, why });
    }
    if (f.status === 'as-requested') return t('renderCheck.fontAsRequested', lang, { file, face: f.face, used });
    const notes = [
      notInstalled ? t('renderCheck.notInstalled', lang) : '',
      f.fallback ? t('renderCheck.fallback', lang, { fallback: f.fallback }) : '',
    ].filter(Boolean);
    return notes.length > 0
      ? t('renderCheck.fontSubstitutedNotes', lang, { file, face: f.face, used, notes: notes.join(t('renderCheck.notesSeparator', lang)) })
      : t('renderCheck.fontSubstituted', lang, { file, face: f.face, used });
  });
  if (fonts.problem) lines.push(t('renderCheck.fontsProblem', lang, { file, problem: fonts.problemText ? fonts.problemText[lang] : fonts.problem }));
  lines.push(t('renderCheck.fontsEmbedded', lang, { file, fonts: list(fonts.embedded) || t('renderCheck.none', lang) }));
  return lines;
}

export async function renderCheck(inputs: string[], options: RenderCheckOptions, io: CliIo): Promise<number> {
  const lang = io.lang;
  const records = options.record ?? [];
  if (records.length > 0 && records.length !== inputs.length) {
    io.stderr(`report: ${t('renderCheck.recordCount', lang, { docx: inputs.length, records: records.length })}\n`);
    return EXIT.usage;
  }
  const found = await findTools(io.env);
  if (!found.ok) {
    io.stderr(`${needsTools(lang)}\n`);
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
  const documents: Array<{ docx: string; model?: DocumentModel; problem?: Check }> = [];
  for (const [index, input] of inputs.entries()) {
    const docx = path.resolve(io.cwd, input);
    const record = records[index];
    if (record === undefined) {
      documents.push({ docx });
      continue;
    }
    const rendered = await renderFile(path.resolve(io.cwd, record), { now: io.now(), env: io.env, ...readOptions });
    report(io, rendered.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file: shown(io, d.file) })));
    if (!rendered.ok || hasErrors(rendered.diagnostics)) documents.push({ docx, problem: namedCheck('verify.name.record', false, both('renderCheck.recordErrors', { record })) });
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
      if (problem) checks.push(problem);
      for (const check of checks) io.stdout(`${checkLine(file, check, lang)}\n`);
      if (result.fonts) for (const line of fontLines(file, result.fonts, lang)) io.stdout(`${line}\n`);
      if (checks.every((c) => c.ok)) passed++;
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  io.stderr(`${t('renderCheck.summary', lang, { count: inputs.length, passed, failed: inputs.length - passed })}\n`);
  return passed === inputs.length ? EXIT.ok : EXIT.invalidInput;
}
