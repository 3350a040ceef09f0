/**
 * One record file, read → parsed → validated. Never throws for bad input: the result carries
 * the diagnostics.
 */
import type { Result } from '../diagnostics.js';
import { readText } from '../input/read-text.js';
import { parseYaml } from './parse-yaml.js';
import { validateRecord, type ValidateOptions } from './validate.js';
import type { DocumentRecord } from './record.js';
import { repairRecordStrings } from '../text/repair-record.js';
import { rollUp } from './rollup.js';

export interface ParseOptions extends ValidateOptions {
  /** Places named inside roll-up messages are shown relative to this folder (default: the process's). */
  cwd?: string;
  /** Mojibake repair of every string, each change a warning (default on). */
  repair?: boolean;
  /** Lost characters (U+FFFD, 锟斤拷) are errors instead of warnings. */
  strict?: boolean;
}

export interface LoadOptions extends ParseOptions {
  env?: NodeJS.ProcessEnv;
}

export async function loadRecord(file: string, options: LoadOptions = {}): Promise<Result<DocumentRecord>> {
  const text = await readText(file, options.env);
  if (!text.ok) return text;
  const record = parseRecordText(file, text.value, options);
  if (record.ok && record.value.data) {
    // The annual roll-up: the data files named in `data:`, merged after validation. Loaded only
    // here: glob matching (tinyglobby, picomatch) is not needed by records without `data:`.
    const { loadRecordData } = await import('./data-files.js');
    const merged = await loadRecordData(record.value, options);
    return { ...merged, diagnostics: [...text.diagnostics, ...record.diagnostics, ...merged.diagnostics] } as Result<DocumentRecord>;
  }
  return { ...record, diagnostics: [...text.diagnostics, ...record.diagnostics] } as Result<DocumentRecord>;
}

export function parseRecordText(file: string, text: string, options: ParseOptions = {}): Result<DocumentRecord> {
  const parsed = parseYaml(file, text);
  if (!parsed.ok) return parsed;
  let yaml = parsed.value;
  const diagnostics = [...parsed.diagnostics];
  if (options.repair !== false || options.strict) {
    const repaired = repairRecordStrings(file, yaml, { strict: options.strict ?? false, repair: options.repair !== false });
    yaml = { ...yaml, value: repaired.value };
    diagnostics.push(...repaired.diagnostics);
  }
  const validated = validateRecord(file, yaml, options);
  diagnostics.push(...validated.diagnostics);
  // Dated metrics roll up here; a record with `data:` is rolled up by loadRecord, which reads the files.
  if (validated.ok && !validated.value.data) {
    const rolled = rollUp(validated.value, [], options.cwd !== undefined ? { cwd: options.cwd } : {});
    diagnostics.push(...rolled.diagnostics);
    return { ok: true, value: rolled.record, diagnostics };
  }
  return validated.ok ? { ...validated, diagnostics } : { ok: false, diagnostics };
}
