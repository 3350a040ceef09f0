/**
 * Expands the command line's inputs: a file stands for itself, a folder for every *.yaml/*.yml
 * below it (sorted, so batches are deterministic). Hidden folders and node_modules are skipped,
 * and so is anything whose name starts with `_`: that is where data files live (a document's
 * `data:`), which are not documents themselves. A file named on the command line is always taken.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { InputFile } from '../output/output-paths.js';

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
      diagnostics.push({ file: input, severity: 'error', code: 'io/not-found', message: 'no such file or folder', hint: 'check the path' });
      continue;
    }
    if (info.isDirectory()) {
      const found = await walk(input);
      if (found.length === 0) {
        diagnostics.push({ file: input, severity: 'warning', code: 'io/empty-folder', message: 'no .yaml or .yml files in this folder' });
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

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile() && RECORD_FILE.test(entry.name) && !/^report\.config\./.test(entry.name)) files.push(full);
  }
  return files;
}
