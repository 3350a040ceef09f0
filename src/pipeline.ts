/**
 * One record file through the whole pipeline:
 * load (read → YAML → validate) → template context → Handlebars → Markdown → model → writers.
 * The CLI, tests and any batch runner call these functions; nothing here touches stdout or exits.
 */
import { ReportError, type Diagnostic, type Result } from './diagnostics.js';
import { loadRecord, type LoadOptions } from './records/load.js';
import type { DocumentRecord } from './records/record.js';
import { templateContext } from './template/context.js';
import { builtinTemplatePath, renderTemplate } from './template/render.js';
import { parseMarkdown } from './model/parse-markdown.js';
import type { DocumentModel } from './model/types.js';
import { writeMarkdown } from './writers/markdown.js';
import { writeDocx } from './writers/docx/write.js';

export interface RenderedDocument {
  record: DocumentRecord;
  model: DocumentModel;
  /** The Markdown preview, written from the model. */
  markdown: string;
}

export interface RenderOptions {
  /** A template file to use instead of the built-in one for the record's kind. */
  templateFile?: string;
}

/** Record → model and Markdown preview. Template errors come back as diagnostics. */
export function renderRecord(record: DocumentRecord, options: RenderOptions = {}): Result<RenderedDocument> {
  const templateFile = options.templateFile ?? builtinTemplatePath(record.kind);
  const diagnostics: Diagnostic[] = [];
  if (record.script) {
    diagnostics.push({
      file: record.file,
      severity: 'warning',
      code: 'script/unsupported',
      message: `script: ${record.script} is not converted by this version; the text stays as written`,
    });
  }
  let rendered: string;
  try {
    rendered = renderTemplate(templateFile, templateContext(record));
  } catch (error) {
    if (error instanceof ReportError) return { ok: false, diagnostics: [...diagnostics, error.diagnostic] };
    throw error;
  }
  const model = parseMarkdown(rendered);
  return { ok: true, value: { record, model, markdown: writeMarkdown(model) }, diagnostics };
}

export async function renderFile(file: string, options: RenderOptions & LoadOptions = {}): Promise<Result<RenderedDocument>> {
  const loaded = await loadRecord(file, options);
  if (!loaded.ok) return loaded;
  const rendered = renderRecord(loaded.value, options);
  return { ...rendered, diagnostics: [...loaded.diagnostics, ...rendered.diagnostics] } as Result<RenderedDocument>;
}

/** The Word file of a rendered document, with warnings about anything that had to change. */
export async function toDocx(doc: RenderedDocument): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const { year, month = 1, day = 1 } = doc.record.date;
  const { bytes, warnings } = await writeDocx(doc.model, {
    title: doc.record.title,
    creator: doc.record.unit,
    date: new Date(Date.UTC(year, month - 1, day)),
  });
  return {
    bytes,
    diagnostics: warnings.map((message) => ({ file: doc.record.file, severity: 'warning', code: 'docx/characters', message })),
  };
}
