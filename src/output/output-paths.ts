/**
 * Where each input's outputs go: DIR/<name>.<ext>, where <name> is the input's file name
 * without extension — or, for a file found inside a folder given on the command line, its
 * path below that folder, so two summary.yaml in different subfolders do not collide.
 * Output names come from file names only, never from record text.
 *
 * Every part of that path is made portable, so a folder built on Linux can be copied to Windows
 * (see portableName), and a folder named inside the working folder may not lead out of it through
 * a symbolic link (see outputDirProblem).
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { say } from '../messages/index.js';

export interface InputFile {
  file: string;
  /** The folder given on the command line that this file was found in, if any. */
  root?: string;
}

export function outputBase(input: InputFile, outDir: string): string {
  const relative = input.root ? path.relative(input.root, input.file) : path.basename(input.file);
  const parts = relative.split(path.sep);
  const last = parts.length - 1;
  const portable = parts.map((part, i) => portableName(i === last ? part.replace(/\.ya?ml$/i, '') : part));
  return path.join(outDir, ...portable);
}

/** Device names Windows reserves, with any extension: CON, CON.txt, com1.report. */
const RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// eslint-disable-next-line no-control-regex
const NOT_PORTABLE = /[\u0000-\u001F\\/:*?"<>|]/g;
/** Bytes of one name, leaving room for ".docx" within the usual 255. */
const MAX_NAME_BYTES = 200;

/**
 * One file or folder name, safe on Windows, macOS and Linux:
 * - the characters \ / : * ? " < > | and control characters become `_`;
 * - trailing dots and spaces are removed (Windows drops them, so two names could meet);
 * - a reserved device name (CON PRN AUX NUL CONIN$ CONOUT$ COM0–9 LPT0–9, alone or before a
 *   dot) gets `_` after it: CON → CON_, con.2024 → con_.2024;
 * - an empty name becomes `_`; a name longer than 200 bytes is cut at a character boundary.
 * Names that are already portable are returned unchanged.
 */
export function portableName(name: string): string {
  let safe = name.replace(NOT_PORTABLE, '_').replace(/[. ]+$/, '');
  if (safe === '') return '_';
  const dot = safe.indexOf('.');
  const stem = dot < 0 ? safe : safe.slice(0, dot);
  if (RESERVED.test(stem.trimEnd())) safe = `${stem}_${safe.slice(stem.length)}`;
  if (Buffer.byteLength(safe) > MAX_NAME_BYTES) {
    let cut = '';
    for (const ch of safe) {
      if (Buffer.byteLength(cut + ch) > MAX_NAME_BYTES) break;
      cut += ch;
    }
    safe = cut.replace(/[. ]+$/, '') || '_';
  }
  return safe;
}

/**
 * Why report must not write into `dir`, or undefined when it may.
 * The rule: a folder named inside the working folder must really be inside it — when a symbolic
 * link on the way leads out, the write is refused, with the real path to give instead (which,
 * being outside the working folder, is then taken as meant). A folder named outside the working
 * folder is written where the user said, links included.
 */
export async function outputDirProblem(dir: string, cwd: string): Promise<ReturnType<typeof say> | undefined> {
  const target = path.resolve(cwd, dir);
  if (!isInside(target, path.resolve(cwd))) return undefined;
  const real = await realLocation(target);
  const realCwd = await realpath(cwd).catch(() => path.resolve(cwd));
  if (isInside(real, realCwd)) return undefined;
  return say('output/unsafe-folder', { real });
}

/** Where `file` really is: the real path of its nearest existing ancestor, plus the rest. */
export async function realLocation(file: string): Promise<string> {
  let existing = path.resolve(file);
  const rest: string[] = [];
  for (;;) {
    try {
      await lstat(existing);
      break;
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
  try {
    return path.join(await realpath(existing), ...rest);
  } catch {
    // A dangling symbolic link: where it points.
    const link = await readlink(existing).catch(() => undefined);
    return link === undefined ? path.resolve(file) : path.join(path.resolve(path.dirname(existing), link), ...rest);
  }
}

export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
