/**
 * Outputs are written to a temporary file in the destination folder and renamed into place, so
 * a reader never sees half a file and a failed build leaves the previous output untouched: the
 * temporary file is removed on any failure. An existing output that is a symbolic link is
 * replaced by the new file, never written through.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { outputDirProblem } from './output-paths.js';

/** The prefix of temporary files: `.report-<pid>-<random>.tmp` next to the output. */
export const TEMP_PREFIX = '.report-';

export interface WriteOptions {
  /**
   * The working folder: a folder outside it reached through a symbolic link is refused (see
   * outputDirProblem). Default: the process's.
   */
  cwd?: string;
}

/** A write refused because it would follow a symbolic link out of the working folder. */
export class UnsafeOutputError extends Error {
  override name = 'UnsafeOutputError';
}

export async function writeFileAtomic(target: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const problem = await outputDirProblem(dir, options.cwd ?? process.cwd());
  if (problem) throw new UnsafeOutputError(`${dir}: ${problem.message} (${problem.hint})`);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    // 'wx': a fresh file, never an existing one or a link planted at that name.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
