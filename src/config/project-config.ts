/**
 * report.config.yaml: project-wide defaults, found by walking up from the current folder.
 * Flags win over the record, the record over the config. Paths are relative to this file.
 *   templates: templates         # the project's template folder (default: templates/ beside this file)
 *   output: out                  # where `report build` writes (default: out/ in the current folder)
 *   script: traditional          # default output script
 *   dictionary: terms.txt        # user dictionary for script conversion
 *   fonts: {body: 仿宋, title: 方正小标宋简体}   # East Asian faces of the Word file
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import type { Diagnostic, Result } from '../diagnostics.js';
import { readText } from '../input/read-text.js';
import { parseYaml, type PathSegment } from '../records/parse-yaml.js';
import { toFieldProblems } from '../records/messages.js';
import { say } from '../messages/index.js';
import { SCRIPTS } from '../records/schema.js';

export const CONFIG_NAMES = ['report.config.yaml', 'report.config.yml'];

/** The folder name of a project's own templates, beside report.config.yaml (or in the current folder). */
export const DEFAULT_TEMPLATE_FOLDER = 'templates';

/** The faces of a 公文 a project may change, by role (see docs/fonts.md). */
export const FONT_ROLES = ['body', 'title', 'heading1', 'heading2', 'pageNumber', 'latin'] as const;
export type FontRole = (typeof FONT_ROLES)[number];
export type FontChoice = Partial<Record<FontRole, string>>;

// A face name is written into the Word file's XML: no control characters (the writer would drop them).
const face = z.string().check(z.trim(), z.minLength(1), z.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]*$/));
const fontsSchema = z.strictObject(Object.fromEntries(FONT_ROLES.map((role) => [role, z.optional(face)])) as Record<FontRole, z.ZodMiniOptional<typeof face>>);

const configSchema = z.strictObject({
  templates: z.optional(z.string().check(z.trim(), z.minLength(1))),
  output: z.optional(z.string().check(z.trim(), z.minLength(1))),
  script: z.optional(z.enum(SCRIPTS)),
  dictionary: z.optional(z.string().check(z.minLength(1))),
  fonts: z.optional(fontsSchema),
});

export interface ProjectConfig {
  /** The config file, when one was found. */
  file?: string;
  /**
   * Absolute path of the project's template folder: `templates:` of the config, else
   * templates/ beside the config file, else templates/ in the current folder. It need not exist.
   */
  templates?: string;
  /** Absolute path of the output folder of `report build` (`output:`); `-o` wins. */
  output?: string;
  script?: (typeof SCRIPTS)[number];
  /** Absolute path of the user dictionary. */
  dictionary?: string;
  /** Faces replacing the 公文 defaults in the Word file. */
  fonts?: FontChoice;
}

export function findConfigFile(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The field names allowed at a path of the config (for typo suggestions). */
function allowedKeysAt(at: readonly PathSegment[]): string[] {
  return at[0] === 'fonts' ? [...FONT_ROLES] : Object.keys(configSchema.shape);
}

export async function loadProjectConfig(cwd: string, env?: NodeJS.ProcessEnv): Promise<Result<ProjectConfig>> {
  const file = findConfigFile(cwd);
  if (!file) return { ok: true, value: { templates: path.resolve(cwd, DEFAULT_TEMPLATE_FOLDER) }, diagnostics: [] };
  const text = await readText(file, env);
  if (!text.ok) return text;
  const parsed = parseYaml(file, text.value);
  if (!parsed.ok) return parsed;
  const value = parsed.value.value ?? {};
  const result = configSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const diagnostics: Diagnostic[] = toFieldProblems(result.error.issues, allowedKeysAt, false).map((p) => ({
      file,
      ...parsed.value.positionOf(p.path, p.at),
      severity: 'error',
      ...say(p.code, p.args),
      // The schema's messages, under codes of their own (src/messages/diagnostics.ts: entryOf).
      code: `config/${p.code.replace(/^schema\//, '')}`,
    }));
    return { ok: false, diagnostics };
  }
  const dir = path.dirname(file);
  const data = result.data;
  const config: ProjectConfig = { file, templates: path.resolve(dir, data.templates ?? DEFAULT_TEMPLATE_FOLDER) };
  if (data.output) config.output = path.resolve(dir, data.output);
  if (data.script) config.script = data.script;
  if (data.dictionary) config.dictionary = path.resolve(dir, data.dictionary);
  if (data.fonts) {
    const fonts: FontChoice = {};
    for (const role of FONT_ROLES) if (data.fonts[role]) fonts[role] = data.fonts[role];
    config.fonts = fonts;
  }
  return { ok: true, value: config, diagnostics: text.diagnostics };
}
