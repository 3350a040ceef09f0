/**
 * Incremental builds: OUT/.report-manifest.json remembers, for every output, the tool version
 * that wrote it and the files it was made from (record, template folder, config, dictionaries,
 * data files), with each one's size and modification time then. An input is skipped when its
 * outputs exist, were written by this version, are newer than every one of those files, and
 * every one of them still has the size and time it had: a file put back from a backup, a copy
 * or an archive (`cp -p`, `tar`, `rsync -a`, `git stash`) keeps an older time, which is not
 * newer than the output but differs from the one recorded. `--force` rebuilds.
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
  /** Each source (the input and its dependencies) as it was when the output was built: see stamp(). */
  stamps?: Record<string, string>;
}

export class Manifest {
  private entries: Record<string, Entry>;
  /** Inputs this run recorded (an entry) or forgot (undefined). */
  private readonly updates = new Map<string, Entry | undefined>();

  private constructor(
    private readonly file: string,
    private readonly version: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  static load(outDir: string, version: string): Manifest {
    const file = path.join(outDir, MANIFEST_NAME);
    return new Manifest(file, version, readEntries(file));
  }

  /** True when every output of this input is newer than everything it was made from. */
  upToDate(input: string, expectedOutputs: readonly string[], settings: string): boolean {
    const entry = this.entries[path.resolve(input)];
    if (!entry || entry.version !== this.version || entry.settings !== settings) return false;
    if (expectedOutputs.some((o) => !entry.outputs.includes(path.resolve(o)))) return false;
    const sources = [input, ...entry.dependencies];
    // Each source looked at once: its stamp and its newest time come from the same stat calls.
    const states = sources.map(sourceState);
    if (entry.stamps && sources.some((file, i) => entry.stamps![path.resolve(file)] !== states[i]!.stamp)) return false;
    const oldestOutput = Math.min(...entry.outputs.map(mtime));
    const newestSource = Math.max(...states.map((state) => state.newest));
    return Number.isFinite(oldestOutput) && oldestOutput > newestSource;
  }

  record(input: string, outputs: readonly string[], dependencies: readonly string[], settings: string): void {
    const sources = [...new Set(dependencies.map((d) => path.resolve(d)))];
    this.entries[path.resolve(input)] = {
      version: this.version,
      settings,
      outputs: outputs.map((o) => path.resolve(o)),
      dependencies: sources,
      stamps: Object.fromEntries([path.resolve(input), ...sources].map((file) => [file, sourceState(file).stamp])),
    };
    this.updates.set(path.resolve(input), this.entries[path.resolve(input)]);
  }

  forget(input: string): void {
    if (!this.entries[path.resolve(input)]) return;
    delete this.entries[path.resolve(input)];
    this.updates.set(path.resolve(input), undefined);
  }

  /**
   * Writes the manifest when this run changed it (a run that built nothing leaves no trace): the
   * file as it is now with this run's entries applied, so that runs sharing the output folder
   * (the shards of a CI matrix) keep each other's entries.
   */
  async save(): Promise<void> {
    if (this.updates.size === 0) return;
    const entries = readEntries(this.file);
    for (const [input, entry] of this.updates) {
      if (entry) entries[input] = entry;
      else delete entries[input];
    }
    const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeFileAtomic(this.file, `${JSON.stringify({ version: this.version, entries: sorted }, null, 1)}\n`);
  }
}

/** The entries of a manifest file; none when there is no file yet or it cannot be read (everything is built). */
function readEntries(file: string): Record<string, Entry> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: Record<string, Entry> };
    if (parsed.entries && typeof parsed.entries === 'object') return parsed.entries;
  } catch {
    // No manifest yet, or an unreadable one.
  }
  return {};
}

/**
 * A source as it is now. `stamp`: size and modification time of a file; of a folder, its own
 * time and each entry's name and time (a partial added, removed or replaced); '' when it is
 * missing. `newest`: its modification time, or the newest of a folder and the files directly in
 * it; Infinity when it is missing (a dependency that disappeared: rebuild).
 */
function sourceState(file: string): { stamp: string; newest: number } {
  let info;
  try {
    info = statSync(file);
  } catch {
    return { stamp: '', newest: Infinity };
  }
  if (!info.isDirectory()) return { stamp: `${info.size}:${info.mtimeMs}`, newest: info.mtimeMs };
  let newest = info.mtimeMs;
  const entries = readdirNames(file)
    .sort()
    .map((entry) => {
      const time = mtime(path.join(file, entry));
      newest = Math.max(newest, time);
      return `${entry}@${time}`;
    });
  return { stamp: `dir:${info.mtimeMs}:${entries.join('/')}`, newest };
}

/** Modification time in ms; a missing file counts as infinitely old for outputs (-∞ → rebuild). */
function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function readdirNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
