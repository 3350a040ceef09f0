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
