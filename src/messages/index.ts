/**
 * The message catalogue's entry points: stages describe a problem by code and arguments
 * (`say`), the CLI prints it in the chosen language (`messageIn`), and the CLI's own texts come
 * from `t`. English is kept on every diagnostic as well, for the library API and --json.
 */
import { entryOf, type DiagnosticCode } from './diagnostics.js';
import { CLI_TEXTS, type CliTextKey } from './cli-texts.js';
import { interpolate, type Args, type Phrase } from './format.js';
import type { Lang } from './lang.js';

export { DIAGNOSTICS, type DiagnosticCode } from './diagnostics.js';
export { CLI_TEXTS, type CliTextKey } from './cli-texts.js';
export { chooseLang, langFromArgv, type Lang } from './lang.js';
export type { Args, Phrase, Arg } from './format.js';

/** What a stage puts on a Diagnostic: its code, arguments and the English text. */
export function say(code: DiagnosticCode, args: Args = {}): { code: string; args: Args; message: string; hint?: string } {
  const { message, hint } = render(code, args, 'en');
  return { code, args, message, ...(hint ? { hint } : {}) };
}

/** A diagnostic's message and hint in a language; codes outside the catalogue keep their text. */
export function messageIn(d: { code: string; args?: Args; message: string; hint?: string }, lang: Lang): { message: string; hint?: string } {
  if (d.args === undefined || entryOf(d.code) === undefined) return { message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
  return render(d.code, d.args, lang);
}

function render(code: string, args: Args, lang: Lang): { message: string; hint?: string } {
  const entry = entryOf(code);
  if (!entry) throw new Error(`no message for diagnostic code ${code}`);
  const message = interpolate(entry[lang], args, lang);
  const hint = entry.hint ? interpolate(entry.hint[lang], args, lang) : '';
  return { message, ...(hint.trim() ? { hint } : {}) };
}

/** One of the CLI's own texts (help, progress, summary lines) in a language. */
export function t(key: CliTextKey, lang: Lang, args: Args = {}): string {
  return interpolate(CLI_TEXTS[key][lang], args, lang);
}

/** A phrase the same in both languages (data that is not words). */
export const same = (text: string): Phrase => ({ en: text, zh: text });

/**
 * The Chinese names of record fields, as README.md's field table gives them; a field path in
 * a Chinese message is followed by its name: `metrics[2].value`（本期数）.
 */
const FIELD_NAMES_TOP: Record<string, string> = {
  kind: '文种',
  title: '标题',
  unit: '发文机关',
  date: '成文日期',
  period: '期间',
  script: '输出字形',
  dictionary: '自定义词典',
  template: '模板',
  intro: '开头',
  sections: '正文各部分',
  activities: '活动',
  honors: '荣誉',
  metrics: '数据指标',
  closing: '结尾',
  data: '台账数据文件',
  extra: '自定义数据',
  output: '输出文件夹',
  templates: '模板文件夹',
  fonts: '字体',
};
const FIELD_NAMES_INNER: Record<string, string> = {
  from: '起始',
  to: '截止',
  heading: '部分标题',
  text: '段落',
  points: '要点',
  title: '标题',
  date: '日期',
  category: '类别',
  participants: '参与人次',
  by: '授予单位',
  level: '级别',
  recipient: '获得者',
  name: '名称',
  value: '本期数',
  unit: '单位',
  previous: '上期数',
  aggregate: '汇总方式',
};

/** A field path as the README writes it: `metrics[2].value`. */
export const writtenPath = (path: readonly (string | number)[]): string =>
  path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');

/** `metrics[2].value` in English; `metrics[2].value`（本期数） in Chinese. */
export function fieldName(path: readonly (string | number)[]): Phrase {
  const written = writtenPath(path);
  const keys = path.filter((seg): seg is string => typeof seg === 'string');
  const last = keys[keys.length - 1];
  const trailingIndex = typeof path[path.length - 1] === 'number';
  const name = last === undefined ? undefined : keys.length === 1 ? FIELD_NAMES_TOP[last] : (FIELD_NAMES_INNER[last] ?? FIELD_NAMES_TOP[last]);
  const zhName = name === undefined ? '' : trailingIndex ? `（${name}的一项）` : `（${name}）`;
  return { en: `\`${written}\``, zh: `\`${written}\`${zhName}` };
}

/** A value as found in a record, for "found …": quoted text, or what kind of thing it is. */
export function found(value: unknown): Phrase {
  if (value === null || value === undefined) return { en: 'nothing (null)', zh: '空值' };
  if (Array.isArray(value)) return value.length === 0 ? { en: 'an empty list', zh: '空列表' } : { en: 'a list', zh: '一个列表' };
  if (typeof value === 'object') return { en: 'a mapping', zh: '一组键值对' };
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return { en: `"${short}"`, zh: `“${short}”` };
  }
  // A number or true/false, set off from the Chinese before it: （当前为 -1）.
  return { en: String(value), zh: ` ${String(value)}` };
}

/** The words for a list: "a, b, c" / "a、b、c". */
export const listOf = (items: readonly string[]): Phrase => ({ en: items.join(', '), zh: items.join('、') });

/** A close match offered as a hint: names are quoted as code (`title`), values as written (工作总结). */
export const didYouMean = (suggestion: string, asCode = true): Phrase =>
  asCode ? { en: `did you mean \`${suggestion}\`?`, zh: `是否为 \`${suggestion}\`？` } : { en: `did you mean ${suggestion}?`, zh: `是否为“${suggestion}”？` };
