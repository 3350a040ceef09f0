/**
 * One record file through the whole pipeline:
 * load (read → YAML → repair → validate) → template context → Handlebars → Markdown → model
 * → script conversion (when asked for) → writers.
 * The CLI, tests and any batch runner call these functions; nothing here touches stdout or exits.
 */
import path from 'node:path';
import { hasErrors, type Diagnostic, type Result } from './diagnostics.js';
import { loadRecord, type LoadOptions } from './records/load.js';
import type { DocumentRecord } from './records/record.js';
import type { Script, UserDictionary } from './text/script.js';
import type { FontChoice, ProjectConfig } from './config/project-config.js';
import { templateContext } from './template/context.js';
import { renderTemplate } from './template/render.js';
import { templateDependencies, templateForRecord } from './template/resolve.js';
import { parseMarkdown } from './model/parse-markdown.js';
import { mapModelText } from './model/map-text.js';
import type { DocumentModel } from './model/types.js';
import { writeMarkdown } from './writers/markdown.js';
import { say } from './messages/index.js';

export interface RenderedDocument {
  record: DocumentRecord;
  model: DocumentModel;
  /** The Markdown preview, written from the model. */
  markdown: string;
  /** Title and author for the Word file's properties, in the output script. */
  title: string;
  author: string;
  /**
   * Every file the output depends on — the record, its template folder, the config, the
   * dictionaries — for incremental builds.
   */
  dependencies: string[];
  /** Faces replacing the 公文 defaults in the Word file (`fonts:` in report.config.yaml). */
  fonts?: FontChoice;
}

export interface RenderOptions {
  /** A template file (`-t`): wins over the record's `template:` and the project's templates. */
  templateFile?: string;
  /** Paths inside messages are shown relative to this folder (default: the process's). */
  cwd?: string;
  /** Output script; overrides the record's `script:` and the project config. */
  script?: Script;
  /** Project defaults (report.config.yaml). */
  config?: ProjectConfig;
  env?: NodeJS.ProcessEnv;
}

/** Record → model and Markdown preview. Template and dictionary errors come back as diagnostics. */
export async function renderRecord(record: DocumentRecord, options: RenderOptions = {}): Promise<Result<RenderedDocument>> {
  const projectFolder = options.config?.templates;
  const chosen = templateForRecord(record, options.templateFile, projectFolder);
  if (!chosen.ok) return chosen;
  const templateFile = chosen.value;
  const rendered = await renderTemplate(templateFile, templateContext(record), {
    recordFile: record.file,
    ...(projectFolder ? { projectFolder } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  if (!rendered.ok) return rendered;
  const diagnostics: Diagnostic[] = [...rendered.diagnostics];
  let model = parseMarkdown(rendered.value);
  let title = record.title;
  let author = record.unit;
  const script = options.script ?? record.script ?? options.config?.script;
  if (script) {
    const dictionary = await userDictionary(record, options, diagnostics);
    if (hasErrors(diagnostics)) return { ok: false, diagnostics };
    // Loaded only when a conversion is asked for: the dictionaries are large.
    const { scriptConverter } = await import('./text/script.js');
    const convert = await scriptConverter(script, dictionary);
    model = mapModelText(model, convert);
    title = convert(title);
    author = convert(author);
  }
  const dependencies = [record.file, ...templateDependencies(templateFile, projectFolder), options.config?.file, options.config?.dictionary, record.dictionary];
  // The roll-up's data files, and their folders: a new file matching a `data:` glob rebuilds too.
  for (const file of record.dataFiles ?? []) dependencies.push(file, path.dirname(file));
  return {
    ok: true,
    value: {
      record,
      model,
      markdown: writeMarkdown(model),
      title,
      author,
      dependencies: dependencies.filter((d): d is string => d !== undefined),
      ...(options.config?.fonts ? { fonts: options.config.fonts } : {}),
    },
    diagnostics,
  };
}

/** The project's dictionary, then the record's: a record entry wins over a project entry. */
async function userDictionary(record: DocumentRecord, options: RenderOptions, diagnostics: Diagnostic[]): Promise<UserDictionary> {
  const files = [options.config?.dictionary, record.dictionary].filter((f): f is string => f !== undefined);
  if (files.length === 0) return [];
  const { loadUserDictionary } = await import('./text/user-dictionary.js');
  const merged = new Map<string, string>();
  for (const file of files) {
    const loaded = await loadUserDictionary(file, options.env);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.ok) for (const [source, target] of loaded.value) merged.set(source, target);
  }
  return [...merged];
}

export async function renderFile(file: string, options: RenderOptions & LoadOptions = {}): Promise<Result<RenderedDocument>> {
  const loaded = await loadRecord(file, options);
  if (!loaded.ok) return { ...loaded, diagnostics: capDiagnostics(file, loaded.diagnostics) };
  const rendered = await renderRecord(loaded.value, options);
  return { ...rendered, diagnostics: capDiagnostics(file, [...loaded.diagnostics, ...rendered.diagnostics]) } as Result<RenderedDocument>;
}

/** Problems listed for one file: a broken 1 MB record must not print 40,000 lines. */
export const MAX_DIAGNOSTICS_PER_FILE = 100;

/** The first MAX_DIAGNOSTICS_PER_FILE diagnostics, then one line counting the rest. */
function capDiagnostics(file: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const rest = diagnostics.slice(MAX_DIAGNOSTICS_PER_FILE);
  const errors = rest.filter((d) => d.severity === 'error').length;
  return [
    ...diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE),
    {
      file,
      severity: errors > 0 ? 'error' : 'warning',
      ...say('report/more-problems', { count: rest.length, errors, warnings: rest.length - errors }),
    },
  ];
}

/**
 * The Word file of a rendered document, with warnings about anything that had to change.
 * Its created/modified date is the 成文日期, or SOURCE_DATE_EPOCH (seconds) when given.
 */
export async function toDocx(doc: RenderedDocument, sourceDateEpoch?: number): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  // The docx writer loads the `docx` package: only builds that write Word files pay for it.
  const { writeDocx } = await import('./writers/docx/write.js');
  const { stripInvisible, describeInvisible } = await import('./writers/docx/xml-text.js');
  const { year, month = 1, day = 1 } = doc.record.date;
  // Zero-width and bidi controls hide or reorder text: the Word file drops them, with a warning.
  const invisible = new Map<string, number>();
  const strip = (text: string) => stripInvisible(text, invisible);
  const { bytes, removedCharacters } = await writeDocx(mapModelText(doc.model, strip), {
    title: strip(doc.title),
    creator: strip(doc.author),
    ...(doc.fonts ? { fonts: doc.fonts } : {}),
    date: sourceDateEpoch !== undefined ? new Date(sourceDateEpoch * 1000) : new Date(Date.UTC(year, month - 1, day)),
  });
  const diagnostics: Diagnostic[] = removedCharacters > 0 ? [{ file: doc.record.file, severity: 'warning', ...say('docx/characters', { count: removedCharacters }) }] : [];
  if (invisible.size > 0) {
    const total = [...invisible.values()].reduce((a, b) => a + b, 0);
    diagnostics.push({
      file: doc.record.file,
      severity: 'warning',
      ...say('docx/invisible', { count: total, list: describeInvisible(invisible) }),
    });
  }
  return { bytes, diagnostics };
}
