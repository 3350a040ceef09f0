/**
 * A document's `data:` → the data files it names, read, repaired and validated like records,
 * then merged into the document by the roll-up (records/rollup.ts).
 *
 * Each entry of `data:` is a glob relative to the document's folder (or an absolute one); a
 * folder stands for every *.yaml/*.yml below it. Matches are de-duplicated and sorted by path;
 * the document itself is never its own data file. An entry that matches nothing is a warning at
 * that entry; a data file that cannot be read, parsed or validated is an error in that file.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { hasErrors, type Diagnostic, type Result } from '../diagnostics.js';
import { readText } from '../input/read-text.js';
import { repairRecordStrings } from '../text/repair-record.js';
import { parseYaml } from './parse-yaml.js';
import type { DataPattern, DocumentRecord } from './record.js';
import { rollUp } from './rollup.js';
import { validateDataFile, type DataFileContent } from './validate.js';
import { say } from '../messages/index.js';

export interface DataLoadOptions {
  /** Mojibake repair of every string, each change a warning (default on). */
  repair?: boolean;
  /** Lost characters are errors. */
  strict?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Places named inside messages are shown relative to this folder. */
  cwd?: string;
}

const DATA_FILE = /\.ya?ml$/i;

/** The record with its data files merged in and its metrics rolled up. */
export async function loadRecordData(record: DocumentRecord, options: DataLoadOptions = {}): Promise<Result<DocumentRecord>> {
  const found = await resolveDataFiles(record);
  const diagnostics = [...found.diagnostics];
  const contents: DataFileContent[] = [];
  for (const file of found.files) {
    const loaded = await loadDataFile(file, options);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.ok) contents.push(loaded.value);
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const rolled = rollUp(record, contents, options.cwd !== undefined ? { cwd: options.cwd } : {});
  return { ok: true, value: rolled.record, diagnostics: [...diagnostics, ...rolled.diagnostics] };
}

/** `data:` → absolute paths of the data files, sorted, each once. */
export async function resolveDataFiles(record: DocumentRecord): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const base = path.dirname(path.resolve(record.file));
  const self = path.resolve(record.file);
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const entry of record.data ?? []) {
    let matches: string[];
    try {
      matches = (await expand(entry, base)).filter((f) => f !== self);
    } catch (error) {
      diagnostics.push({ ...entry.source, severity: 'error', ...say('data/pattern', { pattern: entry.pattern, detail: (error as Error).message }) });
      continue;
    }
    if (matches.length === 0) {
      diagnostics.push({
        ...entry.source,
        severity: 'warning',
        ...say('data/no-match', { pattern: entry.pattern, base: path.basename(self) }),
      });
    }
    for (const match of matches) files.add(match);
  }
  return { files: [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), diagnostics };
}

async function expand(entry: DataPattern, base: string): Promise<string[]> {
  const literal = path.resolve(base, entry.pattern);
  // A name that exists is taken as it is, even if it contains glob characters such as [ ].
  const info = await stat(literal).catch(() => undefined);
  if (info?.isFile()) return [literal];
  let pattern = entry.pattern.replace(/\\/g, '/');
  if (info?.isDirectory()) pattern = `${pattern.replace(/\/+$/, '')}/**/*.{yaml,yml}`;
  else if (!isDynamicPattern(pattern)) return [];
  const matches = await glob(pattern, { cwd: base, absolute: true, onlyFiles: true, expandDirectories: false, dot: false });
  return matches.map((m) => path.resolve(m)).filter((m) => DATA_FILE.test(m));
}

/** One data file: read (encoding detection) → YAML → mojibake repair → validated lists. */
export async function loadDataFile(file: string, options: DataLoadOptions = {}): Promise<Result<DataFileContent>> {
  const text = await readText(file, options.env);
  if (!text.ok) return text;
  const diagnostics = [...text.diagnostics];
  const parsed = parseYaml(file, text.value);
  if (!parsed.ok) return { ok: false, diagnostics: [...diagnostics, ...parsed.diagnostics] };
  diagnostics.push(...parsed.diagnostics);
  let yaml = parsed.value;
  if (options.repair !== false || options.strict) {
    const repaired = repairRecordStrings(file, yaml, { strict: options.strict ?? false, repair: options.repair !== false });
    yaml = { ...yaml, value: repaired.value };
    diagnostics.push(...repaired.diagnostics);
  }
  const validated = validateDataFile(file, yaml);
  diagnostics.push(...validated.diagnostics);
  return validated.ok ? { ...validated, diagnostics } : { ok: false, diagnostics };
}
