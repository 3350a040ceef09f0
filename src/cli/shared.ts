/**
 * What build, preview, check and fix share: how records are read, the project config, and how
 * paths appear in messages.
 */
import path from 'node:path';
import { writeFileAtomic } from '../output/write-atomic.js';
import { loadProjectConfig, type ProjectConfig } from '../config/project-config.js';
import type { Script } from '../text/script.js';
import { EXIT } from './exit-codes.js';
import { report, type CliIo } from './io.js';
import { t } from '../messages/index.js';

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

/** The latest time a Date can hold, in seconds: 275760-09-13. */
const LAST_EPOCH_SECOND = 8.64e12;

/**
 * SOURCE_DATE_EPOCH (reproducible builds: seconds since 1970-01-01 UTC) when it is set: the
 * time of the build for everything that would otherwise take the clock — core.xml's dates and
 * the 成文日期 of a record without `date:`. 'invalid' when it is not such a number.
 */
function sourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined | 'invalid' {
  const value = env['SOURCE_DATE_EPOCH'];
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  return /^\s*\d+\s*$/.test(value) && seconds <= LAST_EPOCH_SECOND ? seconds : 'invalid';
}

/**
 * The time of this run: SOURCE_DATE_EPOCH (also kept as `epoch`, for core.xml) or the clock; an
 * invalid SOURCE_DATE_EPOCH is a usage error, printed, and its exit code returned.
 */
export function buildTime(io: CliIo): { now: Date; epoch?: number } | number {
  const epoch = sourceDateEpoch(io.env);
  if (epoch === 'invalid') {
    io.stderr(`report: ${t('usage.sourceDateEpoch', io.lang, { value: io.env['SOURCE_DATE_EPOCH'] ?? '' })}\n`);
    return EXIT.usage;
  }
  return epoch === undefined ? { now: io.now() } : { now: new Date(epoch * 1000), epoch };
}

/**
 * Writes an output a user named (-o, --json FILE); false, with the failure said on stderr as one
 * line naming that file (never the temporary file beside it), when it cannot. Standard output
 * named as a file (`/dev/stdout`, `/dev/fd/1`) goes through io.stdout: when it is a socket (as a
 * parent process's pipe may be) the path cannot be opened at all.
 */
export async function writeOutput(io: CliIo, target: string, data: string): Promise<boolean> {
  try {
    if (/^\/(dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/.test(target)) io.stdout(data);
    else await writeFileAtomic(target, data);
    return true;
  } catch (error) {
    writeFailed(io, target, error);
    return false;
  }
}

/** A write of `target` that failed, said as one line. */
export function writeFailed(io: CliIo, target: string, error: unknown): void {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  io.stderr(`report: ${t('fail.writeFile', io.lang, { file: shown(io, target), reason })}\n`);
}

/** A path as a word a shell reads back whole: quoted when it has spaces or shell characters. */
export function shellWord(text: string): string {
  return /^[^\s'"$`\\!*?&|;<>(){}[\]#~]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
