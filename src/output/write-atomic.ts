/**
 * Outputs are written to a temporary file in the destination folder and renamed into place, so
 * a reader never sees half a file and a failed build leaves the previous output untouched: the
 * temporary files are removed on any failure. An existing output that is a symbolic link is
 * replaced by the new file, never written through.
 */
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { outputDirProblem } from './output-paths.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

/** The prefix of temporary files: `.report-<pid>-<random>.tmp` next to the output. */
export const TEMP_PREFIX = '.report-';

export interface WriteOptions {
  /** Permissions and owner for the new file (`fix --in-place` keeps the file's own); owner best effort. */
  mode?: number;
  owner?: { uid: number; gid: number };
  /**
   * The working folder: a folder named inside it that a symbolic link leads out of is refused
   * (see outputDirProblem). Default: the process's.
   */
  cwd?: string;
}

/** A write refused because it would follow a symbolic link out of the working folder. */
export class UnsafeOutputError extends Error {
  override name = 'UnsafeOutputError';
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  // /dev/null, /dev/stdout, a named pipe, `>(cmd)`: written to as they are. A temporary file
  // renamed over them would replace the device (as root) or fail (in /dev, /dev/fd).
  // A disk (block device) is never a report's output.
  const kind = await specialKind(target);
  if (kind === 'disk') throw Object.assign(new Error(`ENOTSUP: a disk device, '${target}'`), { code: 'ENOTSUP' });
  if (kind === 'stream') {
    await writeFile(target, data);
    return;
  }
  await writeFilesAtomic([[target, data]], options);
}

/** What the path (followed through links) is when it is not a file to replace. */
async function specialKind(target: string): Promise<'stream' | 'disk' | undefined> {
  try {
    const stats = await stat(target);
    if (stats.isBlockDevice()) return 'disk';
    return stats.isCharacterDevice() || stats.isFIFO() || stats.isSocket() ? 'stream' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Several outputs of one record (the .md and the .docx of `--format both`), all or none: every
 * file is written to its temporary file first, and only when all are complete are they renamed
 * into place. If a rename fails (its place taken by a folder, say), the ones renamed before it
 * are undone: the previous file comes back from a copy made just before (a hard link, else a
 * copy of the file or of the symbolic link), or the new one is removed when there was none, so
 * a new .md never stays beside an old .docx. Where no copy could be made, the new file stays:
 * never less than before.
 */
export async function writeFilesAtomic(files: ReadonlyArray<readonly [string, Uint8Array | string]>, options: WriteOptions = {}): Promise<void> {
  const temps: string[] = [];
  const backups: Backup[] = [];
  const tempIn = (dir: string) => path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let renamed = 0;
  try {
    const ready = new Set<string>();
    for (const [target, data] of files) {
      const dir = path.dirname(path.resolve(target));
      // The .md and .docx of a record share their folder: it is checked and made once.
      if (!ready.has(dir)) {
        const problem = await outputDirProblem(dir, options.cwd ?? process.cwd());
        if (problem) throw new UnsafeOutputError({ file: dir, severity: 'error', ...problem });
        await ensureDir(dir);
        ready.add(dir);
      }
      const temp = tempIn(dir);
      // 'wx': a fresh file, never an existing one or a link planted at that name.
      const handle = await open(temp, 'wx');
      temps.push(temp);
      try {
        if (options.mode !== undefined) await handle.chmod(options.mode);
        if (options.owner) await handle.chown(options.owner.uid, options.owner.gid).catch(() => undefined);
        await handle.writeFile(data);
      } finally {
        await handle.close();
      }
    }
    for (const [i, [target]] of files.entries()) {
      if (files.length > 1) backups.push(await backUp(target, tempIn(path.dirname(path.resolve(target)))));
      await rename(temps[i]!, target);
      renamed++;
    }
  } catch (error) {
    for (let i = 0; i < renamed; i++) {
      const [target] = files[i]!;
      const backup = backups[i]!;
      if (backup.kind === 'none') await rm(target, { force: true }).catch(() => undefined);
      // A copy that cannot be put back stays where it is: the only one of the previous file.
      else if (backup.kind === 'kept' && !(await rename(backup.path, target).then(() => true, () => false))) backup.kind = 'stranded';
    }
    await Promise.all(temps.slice(renamed).map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    throw error;
  } finally {
    // Best effort: the outputs are in place (or put back) whatever happens to the copies.
    await Promise.all(backups.map((backup) => (backup.kind === 'kept' ? rm(backup.path, { force: true }).catch(() => undefined) : undefined)));
  }
}

/**
 * What an output replaces: nothing, a copy kept at `path` (put back if the write is undone), or
 * something no copy could be made of (left to the new file).
 */
type Backup = { kind: 'none' } | { kind: 'kept' | 'stranded'; path: string } | { kind: 'unknown' };

async function backUp(target: string, backup: string): Promise<Backup> {
  let stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'none' } : { kind: 'unknown' };
  }
  try {
    if (stats.isSymbolicLink()) await symlink(await readlink(target), backup);
    else if (stats.isFile()) await link(target, backup).catch(() => copyFile(target, backup, constants.COPYFILE_EXCL));
    else return { kind: 'unknown' };
    return { kind: 'kept', path: backup };
  } catch {
    return { kind: 'unknown' };
  }
}

/**
 * `mkdir -p` one level at a time. Node's own `mkdir(dir, { recursive: true })` loops forever
 * when the kernel answers ENOENT for a folder whose parent exists (`-o /proc/x`, `/sys/x`).
 */
export async function ensureDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; ) {
    try {
      if (!(await stat(current)).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: current });
      }
      break;
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.unshift(current);
      current = parent;
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
