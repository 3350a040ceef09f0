/**
 * Expands the command line's inputs: a file stands for itself, a folder for every *.yaml/*.yml
 * below it (sorted, so batches are deterministic). Hidden folders and node_modules are skipped,
 * and so is anything whose name starts with `_`: that is where data files live (a document's
 * `data:`), which are not documents themselves. A data file kept elsewhere is recognised by its
 * content — its top-level keys are only activities, honors and metrics — and skipped too.
 * A file named on the command line is always taken.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { InputFile } from '../output/output-paths.js';
import { readText } from './read-text.js';
import { say } from '../messages/index.js';

const RECORD_FILE = /\.ya?ml$/i;

export async function findInputs(inputs: readonly string[]): Promise<{ files: InputFile[]; diagnostics: Diagnostic[] }> {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      diagnostics.push({ file: input, severity: 'error', ...say('io/not-found') });
      continue;
    }
    if (info.isDirectory()) {
      const found = await walk(input, diagnostics);
      if (found.length === 0 && !diagnostics.some((d) => d.file === input)) {
        diagnostics.push({ file: input, severity: 'warning', ...say('io/empty-folder') });
      }
      for (const file of found) if (!seen.has(path.resolve(file))) files.push({ file, root: input });
      found.forEach((file) => seen.add(path.resolve(file)));
    } else if (!seen.has(path.resolve(input))) {
      seen.add(path.resolve(input));
      files.push({ file: input });
    }
  }
  return { files, diagnostics };
}

/** The record files below `dir`; a folder that cannot be read is a failed input, not the end of the batch. */
async function walk(dir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    diagnostics.push({ file: dir, severity: 'error', ...say('io/read', { reason: (error as NodeJS.ErrnoException).code ?? 'error' }) });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full, diagnostics)));
    else if (entry.isFile() && RECORD_FILE.test(entry.name) && !/^report\.config\./.test(entry.name) && !(await isDataFile(full))) files.push(full);
  }
  return files;
}

const DATA_KEYS = new Set(['activities', 'honors', 'metrics']);

/**
 * A data file of the annual roll-up rather than a document: every top-level key (a line starting
 * in column 0) is activities, honors or metrics. Anything unusual — another key, a flow mapping,
 * a file that cannot be read — counts as a document, so its problems are reported by the build.
 */
export async function isDataFile(file: string): Promise<boolean> {
  const text = await readText(file);
  if (!text.ok) return false;
  let keys = 0;
  for (const line of text.value.split(/\r?\n/)) {
    if (line === '' || /^[\s#]/.test(line) || line === '---' || line === '...') continue;
    const key = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/.exec(line)?.[1];
    if (key === undefined || !DATA_KEYS.has(key)) return false;
    keys++;
  }
  return keys > 0;
}
