/**
 * Finding templates, partials and user helpers. Three places, nearest first:
 *   1. the folder of the template being rendered (for a template given by path),
 *   2. the project's template folder (`templates:` in report.config.yaml, default templates/),
 *   3. the built-in templates shipped with report.
 * A template is a `NAME.md.hbs` (or `NAME.hbs`) file directly in a folder; partials are
 * `partials/NAME.hbs` below it; user helpers are the functions `helpers.mjs` exports.
 * A name is looked up in the project folder first, so an ejected and edited `briefing.md.hbs`
 * replaces the built-in one for every 情况汇报 of the project.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../diagnostics.js';
import type { DocumentRecord } from '../records/record.js';
import { KINDS, type Kind } from '../records/schema.js';
import { listOf, say, type Args } from '../messages/index.js';

export const BUILTIN_TEMPLATE_DIR = path.resolve(fileURLToPath(new URL('../../templates/', import.meta.url)));

/** The built-in template of each genre. */
export const BUILTIN_TEMPLATES: Record<Kind, string> = {
  summary: 'summary.md.hbs',
  plan: 'plan.md.hbs',
  briefing: 'briefing.md.hbs',
};

/** The file of user helpers in a template folder. */
export const HELPERS_FILE = 'helpers.mjs';
export const PARTIALS_FOLDER = 'partials';

export function builtinTemplatePath(kind: Kind): string {
  return path.join(BUILTIN_TEMPLATE_DIR, BUILTIN_TEMPLATES[kind]);
}

export interface TemplateEntry {
  name: string;
  /** The genre it is written for: by its name, else by the genre named in its opening comment. */
  kind?: Kind;
  file: string;
  origin: 'built-in' | 'project';
}

const TEMPLATE_FILE = /^(.+?)(?:\.md)?\.hbs$/;

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Same folder? (Paths are compared resolved; a missing folder is only equal to itself.) */
const sameDir = (a: string, b: string) => path.resolve(a) === path.resolve(b);

/** The templates directly in a folder, by name. */
export function templatesIn(dir: string, origin: TemplateEntry['origin']): TemplateEntry[] {
  const entries: TemplateEntry[] = [];
  for (const entry of safeReaddir(dir)) {
    const match = TEMPLATE_FILE.exec(entry);
    const file = path.join(dir, entry);
    if (!match || !isFile(file)) continue;
    // a.md.hbs and a.hbs: the first (sorted) wins.
    if (entries.some((e) => e.name === match[1])) continue;
    const kind = kindOf(match[1]!, file);
    entries.push({ name: match[1]!, ...(kind ? { kind } : {}), file, origin });
  }
  return entries;
}

/** A genre name (summary, 工作总结) → its alias; anything else → undefined. */
export function kindNamed(name: string): Kind | undefined {
  const entry = Object.entries(KINDS).find(([alias, chinese]) => name === alias || name === chinese);
  return entry?.[0] as Kind | undefined;
}

function kindOf(name: string, file: string): Kind | undefined {
  const byName = kindNamed(name);
  if (byName) return byName;
  let head = '';
  try {
    head = readFileSync(file, 'utf8').slice(0, 400);
  } catch {
    return undefined;
  }
  const comment = /^\s*\{\{!(?:--)?([\s\S]*?)(?:--)?\}\}/.exec(head)?.[1] ?? '';
  return (Object.entries(KINDS).find(([, chinese]) => comment.includes(chinese))?.[0] as Kind | undefined) ?? undefined;
}

/** Built-in templates, then the project's (which replace built-ins of the same name). */
export function listTemplates(projectFolder: string | undefined): { builtIn: TemplateEntry[]; project: TemplateEntry[] } {
  const builtIn = templatesIn(BUILTIN_TEMPLATE_DIR, 'built-in');
  const project = projectFolder && !sameDir(projectFolder, BUILTIN_TEMPLATE_DIR) ? templatesIn(projectFolder, 'project') : [];
  return { builtIn, project };
}

/** A template file, or why there is none (a message catalogue code and its arguments). */
export type Found = { ok: true; file: string } | { ok: false; code: 'template/not-found' | 'template/unknown-name'; args: Args };

/** A value of `-t` or `template:` names a file when it has a slash or ends in .hbs. */
export const looksLikePath = (spec: string): boolean => /[\\/]/.test(spec) || spec.endsWith('.hbs');

/**
 * `-t NAME|PATH` or `template: NAME|PATH` → a template file. A path is relative to `base` (the
 * current folder for -t, the record's folder for template:); a name is looked up in the project
 * folder, then among the built-ins (a genre's Chinese name finds its built-in template).
 */
export function findTemplate(spec: string, base: string, projectFolder: string | undefined): Found {
  const value = spec.trim();
  if (looksLikePath(value)) {
    const file = path.resolve(base, value);
    if (isFile(file)) return { ok: true, file };
    return { ok: false, code: 'template/not-found', args: { value, file } };
  }
  const { builtIn, project } = listTemplates(projectFolder);
  const alias = kindNamed(value);
  const found =
    project.find((t) => t.name === value) ??
    (alias ? project.find((t) => t.name === alias) : undefined) ??
    builtIn.find((t) => t.name === value || t.name === alias);
  if (found) return { ok: true, file: found.file };
  const names = [...new Set([...project, ...builtIn].map((t) => t.name))];
  return { ok: false, code: 'template/unknown-name', args: { value, names: listOf(names) } };
}

/** The template a record of this genre gets when nothing names one: the project's, else the built-in. */
export function defaultTemplate(kind: Kind, projectFolder: string | undefined): string {
  if (projectFolder && !sameDir(projectFolder, BUILTIN_TEMPLATE_DIR)) {
    const own = templatesIn(projectFolder, 'project').find((t) => t.name === kind);
    if (own) return own.file;
  }
  return builtinTemplatePath(kind);
}

/**
 * The folders partials and helpers come from, nearest first: the template's own folder, the
 * project's template folder, the built-in folder (always last, never twice).
 */
export function templateLayers(templateFile: string, projectFolder: string | undefined): string[] {
  const layers: string[] = [];
  for (const dir of [path.dirname(path.resolve(templateFile)), projectFolder]) {
    if (dir && !sameDir(dir, BUILTIN_TEMPLATE_DIR) && !layers.some((l) => sameDir(l, dir))) layers.push(path.resolve(dir));
  }
  layers.push(BUILTIN_TEMPLATE_DIR);
  return layers;
}

/** Partial name → file; a partial in a nearer folder replaces one of the same name further away. */
export function partialFiles(layers: readonly string[]): Map<string, string> {
  const partials = new Map<string, string>();
  for (const dir of [...layers].reverse()) {
    const partialsDir = path.join(dir, PARTIALS_FOLDER);
    for (const entry of safeReaddir(partialsDir)) {
      const file = path.join(partialsDir, entry);
      if (entry.endsWith('.hbs') && isFile(file)) partials.set(entry.replace(/\.hbs$/, ''), file);
    }
  }
  return partials;
}

/** The helpers.mjs files of the layers, furthest first (a nearer one's helper wins). */
export function helperFiles(layers: readonly string[]): string[] {
  return [...layers]
    .reverse()
    .map((dir) => path.join(dir, HELPERS_FILE))
    .filter((file) => existsSync(file));
}

/**
 * Everything a rendering with this template reads, for incremental builds: the template, and
 * the folders partials and helpers come from (a folder's time covers a file added to it).
 * Only paths that exist: a missing one would count as changed on every run.
 */
export function templateDependencies(templateFile: string, projectFolder: string | undefined): string[] {
  const dependencies = [templateFile];
  for (const dir of templateLayers(templateFile, projectFolder)) {
    const candidates = sameDir(dir, BUILTIN_TEMPLATE_DIR)
      ? [path.join(dir, PARTIALS_FOLDER)]
      : [dir, path.join(dir, PARTIALS_FOLDER), path.join(dir, HELPERS_FILE)];
    dependencies.push(...candidates.filter((p) => existsSync(p)));
  }
  return [...new Set(dependencies)];
}

/** What watch mode watches for a template: the same folders, whether they exist yet or not. */
export function templateWatchPaths(templateFile: string, projectFolder: string | undefined): string[] {
  return [...new Set([templateFile, ...templateLayers(templateFile, projectFolder).filter((dir) => !sameDir(dir, BUILTIN_TEMPLATE_DIR))])];
}

/**
 * The template of one record: `-t` (already a file) wins, then the record's `template:` (a name, or
 * a path relative to the record file), then the project's template named after the genre, then
 * the built-in one. An unknown `template:` is an error at its position in the record.
 */
export function templateForRecord(
  record: Pick<DocumentRecord, 'file' | 'kind' | 'template'>,
  templateFile: string | undefined,
  projectFolder: string | undefined,
): Result<string> {
  if (templateFile) return { ok: true, value: templateFile, diagnostics: [] };
  if (record.template) {
    const found = findTemplate(record.template.spec, path.dirname(record.file), projectFolder);
    if (found.ok) return { ok: true, value: found.file, diagnostics: [] };
    const { file, line, column } = record.template.source;
    return { ok: false, diagnostics: [{ file, line, column, severity: 'error', ...say(found.code, { ...found.args, option: { en: '`template`: ', zh: '`template`：' } }) }] };
  }
  return { ok: true, value: defaultTemplate(record.kind, projectFolder), diagnostics: [] };
}

/**
 * For incremental builds: whether the project's template folder exists. Creating it (by
 * `report templates eject`) can change the template of every record, which no file time shows.
 */
export function templateFolderState(projectFolder: string | undefined): string | null {
  return projectFolder && existsSync(projectFolder) ? path.resolve(projectFolder) : null;
}
