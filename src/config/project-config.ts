/**
 * report.config.yaml: project-wide defaults, found by walking up from the current folder.
 * Flags win over the record, the record over the config.
 *   script: traditional          # default output script
 *   dictionary: terms.txt        # user dictionary for script conversion (relative to this file)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic, Result } from '../diagnostics.js';
import { readText } from '../input/read-text.js';
import { parseYaml } from '../records/parse-yaml.js';
import { toFieldProblems } from '../records/messages.js';
import { SCRIPTS } from '../records/schema.js';

export const CONFIG_NAMES = ['report.config.yaml', 'report.config.yml'];

const configSchema = z.strictObject({
  script: z.enum(SCRIPTS).optional(),
  dictionary: z.string().min(1).optional(),
});

export interface ProjectConfig {
  /** The config file, when one was found. */
  file?: string;
  script?: (typeof SCRIPTS)[number];
  /** Absolute path of the user dictionary. */
  dictionary?: string;
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

export async function loadProjectConfig(cwd: string, env?: NodeJS.ProcessEnv): Promise<Result<ProjectConfig>> {
  const file = findConfigFile(cwd);
  if (!file) return { ok: true, value: {}, diagnostics: [] };
  const text = await readText(file, env);
  if (!text.ok) return text;
  const parsed = parseYaml(file, text.value);
  if (!parsed.ok) return parsed;
  const value = parsed.value.value ?? {};
  const result = configSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const diagnostics: Diagnostic[] = toFieldProblems(result.error.issues, () => Object.keys(configSchema.shape)).map((p) => ({
      file,
      ...parsed.value.positionOf(p.path, p.at),
      severity: 'error',
      code: `config/${p.code.replace(/^schema\//, '')}`,
      message: p.message,
      ...(p.hint ? { hint: p.hint } : {}),
    }));
    return { ok: false, diagnostics };
  }
  const config: ProjectConfig = { file };
  if (result.data.script) config.script = result.data.script;
  if (result.data.dictionary) config.dictionary = path.resolve(path.dirname(file), result.data.dictionary);
  return { ok: true, value: config, diagnostics: text.diagnostics };
}
