/**
 * One record file, read → parsed → validated. Never throws for bad input: the result carries
 * the diagnostics.
 */
import type { Result } from '../diagnostics.js';
import { readText } from '../input/read-text.js';
import { parseYaml } from './parse-yaml.js';
import { validateRecord, type ValidateOptions } from './validate.js';
import type { DocumentRecord } from './record.js';

export interface LoadOptions extends ValidateOptions {
  env?: NodeJS.ProcessEnv;
}

export async function loadRecord(file: string, options: LoadOptions = {}): Promise<Result<DocumentRecord>> {
  const text = await readText(file, options.env);
  if (!text.ok) return text;
  return parseRecordText(file, text.value, options);
}

export function parseRecordText(file: string, text: string, options: ValidateOptions = {}): Result<DocumentRecord> {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return parsed;
  const validated = validateRecord(file, parsed.value, options);
  return validated.ok
    ? { ...validated, diagnostics: [...parsed.diagnostics, ...validated.diagnostics] }
    : { ok: false, diagnostics: [...parsed.diagnostics, ...validated.diagnostics] };
}
