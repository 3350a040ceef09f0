/**
 * Incremental builds: OUT/.report-manifest.json remembers, for every output, the tool version
 * that wrote it and the files it was made from (record, template folder, config, dictionaries,
 * data files). An input is skipped when its outputs exist, were written by this version, and
 * are newer than every one of those files. `--force` rebuilds.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../output/write-atomic.js';

export const MANIFEST_NAME = '.report-manifest.json';

interface Entry {
  version: string;
  /** The options the output was built with (script, repair, config file…): a change rebuilds. */
  settings: string;
  outputs: string[];
  dependencies: string[];
}

export class Manifest {
  private entries: Record<string, Entry>;
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  static load(outDir: string, version: string): Manifest {
    const file = path.join(outDir, MANIFEST_NAME);
    let entries: Record<string, Entry> = {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: Record<string, Entry> };
      if (parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
    } catch {
      // No manifest yet, or an unreadable one: everything is built.
    }
    return new Manifest(file, version, entries);
  }

  /** True when every output of this input is newer than everything it was made from. */
  upToDate(input: string, expectedOutputs: readonly string[], settings: string): boolean {
    const entry = this.entries[path.resolve(input)];
    if (!entry || entry.version !== this.version || entry.settings !== settings) return false;
    if (expectedOutputs.some((o) => !entry.outputs.includes(path.resolve(o)))) return false;
    const oldestOutput = Math.min(...entry.outputs.map(mtime));
    const newestSource = Math.max(...[input, ...entry.dependencies].map(newestIn));
    return Number.isFinite(oldestOutput) && oldestOutput > newestSource;
  }

  record(input: string, outputs: readonly string[], dependencies: readonly string[], settings: string): void {
    this.changed = true;
    this.entries[path.resolve(input)] = {
      version: this.version,
      settings,
      outputs: outputs.map((o) => path.resolve(o)),
      dependencies: [...new Set(dependencies.map((d) => path.resolve(d)))],
    };
  }

  forget(input: string): void {
    if (this.entries[path.resolve(input)]) this.changed = true;
    delete this.entries[path.resolve(input)];
  }

  /** Writes the manifest when this run changed it (a run that built nothing leaves no trace). */
  async save(): Promise<void> {
    if (!this.changed) return;
    const sorted = Object.fromEntries(Object.entries(this.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeFileAtomic(this.file, `${JSON.stringify({ version: this.version, entries: sorted }, null, 1)}\n`);
  }
}

/** Modification time in ms; a missing file counts as infinitely old for outputs (-∞ → rebuild). */
function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

/** The newest modification time of a file, or of the files directly inside a folder. */
function newestIn(file: string): number {
  try {
    const info = statSync(file);
    if (!info.isDirectory()) return info.mtimeMs;
    let newest = info.mtimeMs;
    for (const entry of readdirNames(file)) newest = Math.max(newest, mtime(path.join(file, entry)));
    return newest;
  } catch {
    // A dependency that disappeared: rebuild.
    return Infinity;
  }
}

function readdirNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
