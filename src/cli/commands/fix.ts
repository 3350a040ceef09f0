/**
 * `report fix [FILE|-]…`: repaired UTF-8 text on stdout (or -o FILE, or --in-place keeping a
 * .bak). Without --unwrap and --strip-boilerplate the output has exactly the input's lines.
 * --report lists each change as FILE:LINE:COL: <kind>: "<before>" → "<after>" on stderr.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, oneLine, type Diagnostic } from '../../diagnostics.js';
import { say, t, type CliTextKey, type Phrase } from '../../messages/index.js';
import { decodeText, decodingNotes, notText, readFailure } from '../../input/read-text.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { fixText, type FixOptions } from '../../text/fix-text.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { Converter, Script } from '../../text/script.js';
import { shown, writeFailed, writeOutput } from '../shared.js';

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
  if (options.inPlace && files.includes('-')) return usage(io, 'usage.inPlaceStdin');
  if (options.inPlace && options.output) return usage(io, 'usage.inPlaceAndOutput');
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
    return usage(io, 'usage.dictionaryWithoutTo');
  }
  const outputs: string[] = [];
  let failed = false;
  for (const input of files) {
    const name = input === '-' ? '<stdin>' : shown(io, path.resolve(io.cwd, input));
    let bytes: Uint8Array;
    try {
      bytes = input === '-' ? await io.stdin() : await readFile(path.resolve(io.cwd, input));
    } catch (error) {
      const { code, args } = readFailure(error);
      print(io, { file: name, severity: 'error', ...say(code, args) });
      failed = true;
      continue;
    }
    const decoded = decodeText(bytes);
    // A binary file is refused as build refuses it: "repairing" it would only garble it.
    const refused = notText(bytes, decoded);
    if (refused || !decoded) {
      print(io, { file: name, severity: 'error', ...say(refused ?? 'io/encoding') });
      failed = true;
      continue;
    }
    for (const note of decodingNotes(name, decoded)) print(io, note);

    const result = fixText(decoded.text, fixOptions);
    if (options.report) {
      for (const c of result.changes) io.stderr(`${oneLine(`${name}:${c.line}:${c.column}: ${c.kind}: "${c.before}" → "${c.after}"`)}\n`);
    }
    for (const r of result.removed) io.stderr(`${oneLine(t('fix.removed', io.lang, { where: `${name}:${r.line}`, reason: removalReason(r.reason), text: r.text }))}\n`);
    for (const lost of result.unrecoverable) {
      print(io, {
        file: name,
        line: lost.line,
        column: lost.column,
        severity: options.strict ? 'error' : 'warning',
        ...say('text/unrecoverable', { text: lost.text }),
      });
    }
    if (options.strict && result.unrecoverable.length > 0) {
      failed = true;
      continue;
    }
    if (convert) result.text = convert(result.text);
    if (options.inPlace) {
      const given = path.resolve(io.cwd, input);
      if (result.text !== decoded.text || decoded.encoding !== 'UTF-8') {
        // The file a link leads to is repaired (the link stays), with its permissions and owner.
        const file = await realpath(given);
        const { mode, uid, gid } = await stat(file);
        const backup = `${given}.bak`;
        // An earlier backup holds an older original than this file: it is kept.
        const kept = existsSync(backup);
        if (kept) io.stderr(`${t('fix.backupKept', io.lang, { file: shown(io, backup) })}\n`);
        try {
          if (!kept) await copyFile(file, backup, constants.COPYFILE_EXCL);
          await writeFileAtomic(file, result.text, { mode: mode & 0o7777, owner: { uid, gid } });
        } catch (error) {
          // This file stays as it was (and no backup of it is left behind); the others go on.
          if (!kept) await rm(backup, { force: true });
          writeFailed(io, given, error);
          failed = true;
        }
      }
    } else {
      outputs.push(result.text);
    }
  }
  if (!options.inPlace) {
    const text = outputs.join('');
    // -o FILE is all or nothing: an input that failed leaves FILE as it was.
    if (options.output) {
      const target = path.resolve(io.cwd, options.output);
      if (!failed && !(await writeOutput(io, target, text))) failed = true;
    } else io.stdout(text);
  }
  return failed ? EXIT.invalidInput : EXIT.ok;
}

function print(io: CliIo, diagnostic: Diagnostic): void {
  io.stderr(`${formatDiagnostic(diagnostic, io.lang)}\n`);
}

function usage(io: CliIo, key: CliTextKey): number {
  io.stderr(`report: ${t(key, io.lang)}\n`);
  return EXIT.usage;
}

/** Why a line was removed (src/text/boilerplate.ts names the reasons in English), for messages. */
const REMOVAL_REASONS: Record<string, string> = {
  'source/attribution': '来源行',
  tags: '标签行',
  navigation: '导航行',
  'call to share': '分享提示',
  "editor's note": '编者按语',
  counter: '阅读计数',
  URL: '网址行',
  link: '链接行',
  'teaser title': '推荐文章标题',
  teaser: '推荐文章摘要',
  'repeated title': '重复的标题',
  'page footer': '页脚',
};
const removalReason = (reason: string): Phrase => ({ en: reason, zh: REMOVAL_REASONS[reason] ?? reason });
