/**
 * `report fix [FILE|-]…`: repaired UTF-8 text on stdout (or -o FILE, or --in-place keeping a
 * .bak). Without --unwrap and --strip-boilerplate the output has exactly the input's lines.
 * --report lists each change as FILE:LINE:COL: <kind>: "<before>" → "<after>" on stderr.
 */
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { decodeText } from '../../input/read-text.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { fixText, type FixOptions } from '../../text/fix-text.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { Converter, Script } from '../../text/script.js';
import { shown } from '../shared.js';

export interface FixCommandOptions {
  output?: string;
  inPlace?: boolean;
  unwrap?: boolean;
  stripBoilerplate?: boolean;
  punct?: boolean;
  repair: boolean;
  report?: boolean;
  strict?: boolean;
  /** Convert to this script after the repairs. */
  to?: Script;
  dictionary?: string;
}

export async function fix(inputs: string[], options: FixCommandOptions, io: CliIo): Promise<number> {
  const files = inputs.length === 0 ? ['-'] : inputs;
  if (options.inPlace && files.includes('-')) return usage(io, '--in-place needs files, not standard input');
  if (options.inPlace && options.output) return usage(io, 'give either --in-place or -o, not both');
  const fixOptions: FixOptions = {
    repair: options.repair,
    punctuation: options.punct ?? false,
    stripBoilerplate: options.stripBoilerplate ?? false,
    unwrap: options.unwrap ?? false,
  };
  let convert: Converter | undefined;
  if (options.to) {
    let dictionary: Array<readonly [string, string]> = [];
    if (options.dictionary) {
      const { loadUserDictionary } = await import('../../text/user-dictionary.js');
      const loaded = await loadUserDictionary(path.resolve(io.cwd, options.dictionary), io.env);
      for (const d of loaded.diagnostics) print(io, { ...d, file: shown(io, d.file) });
      if (!loaded.ok) return EXIT.invalidInput;
      dictionary = [...loaded.value];
    }
    const { scriptConverter } = await import('../../text/script.js');
    convert = await scriptConverter(options.to, dictionary);
  } else if (options.dictionary) {
    return usage(io, '--dictionary applies to --to: give the script to convert to');
  }
  const outputs: string[] = [];
  let failed = false;
  for (const input of files) {
    const name = input === '-' ? '<stdin>' : shown(io, path.resolve(io.cwd, input));
    let bytes: Uint8Array;
    try {
      bytes = input === '-' ? await io.stdin() : await readFile(path.resolve(io.cwd, input));
    } catch (error) {
      print(io, { file: name, severity: 'error', code: 'io/read', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check the path' });
      failed = true;
      continue;
    }
    const decoded = decodeText(bytes);
    if (!decoded) {
      print(io, { file: name, severity: 'error', code: 'io/encoding', message: 'the file is not text in a known encoding', hint: 'give a text file' });
      failed = true;
      continue;
    }
    if (decoded.assumed) print(io, { file: name, severity: 'note', code: 'io/encoding-assumed', message: `not UTF-8; read as ${decoded.encoding}` });

    const result = fixText(decoded.text, fixOptions);
    if (options.report) {
      for (const c of result.changes) io.stderr(`${name}:${c.line}:${c.column}: ${c.kind}: "${c.before}" → "${c.after}"\n`);
    }
    for (const r of result.removed) io.stderr(`${name}:${r.line}: removed ${r.reason}: "${r.text}"\n`);
    for (const lost of result.unrecoverable) {
      print(io, {
        file: name,
        line: lost.line,
        column: lost.column,
        severity: options.strict ? 'error' : 'warning',
        code: 'text/unrecoverable',
        message: `lost characters "${lost.text}" cannot be restored`,
        hint: 'retype them from the original document',
      });
    }
    if (options.strict && result.unrecoverable.length > 0) {
      failed = true;
      continue;
    }
    if (convert) result.text = convert(result.text);
    if (options.inPlace) {
      const file = path.resolve(io.cwd, input);
      if (result.text !== decoded.text || decoded.encoding !== 'UTF-8') {
        await copyFile(file, `${file}.bak`);
        await writeFileAtomic(file, result.text);
      }
    } else {
      outputs.push(result.text);
    }
  }
  if (!options.inPlace) {
    const text = outputs.join('');
    if (options.output) await writeFileAtomic(path.resolve(io.cwd, options.output), text);
    else io.stdout(text);
  }
  return failed ? EXIT.invalidInput : EXIT.ok;
}

function print(io: CliIo, diagnostic: Diagnostic): void {
  io.stderr(`${formatDiagnostic(diagnostic)}\n`);
}

function usage(io: CliIo, message: string): number {
  io.stderr(`report: ${message}\n`);
  return EXIT.usage;
}
