/**
 * What build, preview, check and fix share: how records are read, the project config, and how
 * paths appear in messages.
 */
import path from 'node:path';
import { loadProjectConfig, type ProjectConfig } from '../config/project-config.js';
import type { Script } from '../text/script.js';
import { EXIT } from './exit-codes.js';
import { report, type CliIo } from './io.js';

/**
 * How records are read and rendered: mojibake repair (on by default), whether lost characters
 * are errors, the output script (overrides the record and the config).
 */
export interface ReadOptions {
  repair: boolean;
  strict?: boolean;
  script?: Script;
}

export const readOptionsOf = (options: Partial<ReadOptions>): ReadOptions => ({
  repair: options.repair !== false,
  strict: options.strict ?? false,
  ...(options.script ? { script: options.script } : {}),
});

/** The project config (report.config.yaml above the working folder), or the exit code of its errors. */
export async function projectConfig(io: CliIo): Promise<ProjectConfig | number> {
  const loaded = await loadProjectConfig(io.cwd, io.env);
  report(io, loaded.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  return loaded.ok ? loaded.value : EXIT.invalidInput;
}

/** Paths in messages are shown relative to the working folder, as the user typed them. */
export function shown(io: Pick<CliIo, 'cwd'>, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
