/**
 * Where each input's outputs go: DIR/<name>.<ext>, where <name> is the input's file name
 * without extension — or, for a file found inside a folder given on the command line, its
 * path below that folder, so two summary.yaml in different subfolders do not collide.
 * Output names come from file names only, never from record text.
 */
import path from 'node:path';

export interface InputFile {
  file: string;
  /** The folder given on the command line that this file was found in, if any. */
  root?: string;
}

export function outputBase(input: InputFile, outDir: string): string {
  const relative = input.root ? path.relative(input.root, input.file) : path.basename(input.file);
  const withoutExt = relative.replace(/\.ya?ml$/i, '');
  return path.join(outDir, withoutExt);
}
