/**
 * The language of messages: --lang zh|en, then REPORT_LANG, then LC_ALL / LC_MESSAGES / LANG
 * (zh* → Chinese); English by default.
 */
export type Lang = 'zh' | 'en';

export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  // The first one set decides: LANG=C after LC_ALL=zh_CN still means Chinese, as POSIX has it.
  const value = [flag, env['REPORT_LANG'], env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  return value?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * --lang as written anywhere on the command line (`--lang zh`, `--lang=zh`), read before the
 * commands are declared so that their help text is already in that language.
 */
export function langFromArgv(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') found = argv[i + 1];
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  return found;
}
