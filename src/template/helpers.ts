/**
 * The Handlebars helpers templates may use. Each is a thin wrapper over a tested function in
 * numerals.ts / phrases.ts; docs/templates.md lists them with examples.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { chineseNumeral, marker } from './numerals.js';
import { chineseDate, parsePartialDate } from '../records/dates.js';
import { briefChange, changePhrase, formatNumber, formatPercent, joinChinese, runInHeading, type MetricLike } from './phrases.js';
import { approxCount, groupDigits } from './context.js';

const isOptions = (value: unknown): value is HelperOptions =>
  typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;

/** Positional arguments without Handlebars' trailing options object. */
const positional = (args: unknown[]): unknown[] => (isOptions(args[args.length - 1]) ? args.slice(0, -1) : args);
const optionsOf = (args: unknown[]): HelperOptions => args[args.length - 1] as HelperOptions;

function toNumber(helper: string, value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) throw new Error(`${helper}: expected a number, got ${JSON.stringify(value)}`);
  return n;
}

export const helpers: Record<string, HelperDelegate> = {
  /** {{cn 12}} → 十二 */
  cn: (...args: unknown[]) => chineseNumeral(toNumber('cn', positional(args)[0])),
  /** {{marker "（一）" @index}} → （一）, （二）, … — the style is the first marker. */
  marker: (...args: unknown[]) => {
    const [style, index] = positional(args);
    return marker(String(style), toNumber('marker', index));
  },
  /** {{runIn "（一）" @index title}} → **（一）健全领导机构**。 */
  runIn: (...args: unknown[]) => {
    const [style, index, title, punctuation] = positional(args);
    return runInHeading(marker(String(style), toNumber('runIn', index)), String(title ?? ''), punctuation === undefined ? undefined : String(punctuation));
  },
  /** {{dateText "2024-12-18"}} → 2024年12月18日 (also 2024-05 → 2024年5月, 2024 → 2024年) */
  dateText: (...args: unknown[]) => {
    const value = positional(args)[0];
    const parsed = typeof value === 'string' || typeof value === 'number' ? parsePartialDate(value) : undefined;
    if (!parsed) throw new Error(`dateText: expected YYYY-MM-DD, YYYY-MM or YYYY, got ${JSON.stringify(value)}`);
    return chineseDate(parsed);
  },
  /** {{join list "field"}} → A、B和C */
  join: (...args: unknown[]) => {
    const [list, field, conjunction] = positional(args);
    if (!Array.isArray(list)) return '';
    const items = list.map((item) => String(field !== undefined && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[String(field)] ?? '' : item));
    return joinChinese(items, conjunction === undefined ? '和' : String(conjunction));
  },
  /** {{change metric}} → 由33个增加到36个，增长9.1% */
  change: (...args: unknown[]) => changePhrase(positional(args)[0] as MetricLike),
  /** {{briefChange metric}} → 增长9.1% (for table cells) */
  briefChange: (...args: unknown[]) => briefChange(positional(args)[0] as MetricLike),
  /** {{percent value previous}} → 9.1% (the change from previous to value) */
  percent: (...args: unknown[]) => {
    const [value, previous] = positional(args).map((v) => toNumber('percent', v));
    if (previous === 0) throw new Error('percent: the previous value is 0');
    return formatPercent(((value! - previous!) / previous!) * 100);
  },
  /** {{number 3.14159}} → 3.14 */
  number: (...args: unknown[]) => formatNumber(toNumber('number', positional(args)[0])),
  /** Inside {{#each}}: {{sep "、" "。"}} gives the first text between items, the second after the last. */
  sep: (...args: unknown[]) => {
    const [between, end] = positional(args);
    return optionsOf(args).data?.last ? String(end ?? '') : String(between ?? '');
  },
  /** {{approx stats.participants}} → 3,200余 (two significant digits, 余 when cut; exact below 100) */
  approx: (...args: unknown[]) => approxCount(toNumber('approx', positional(args)[0])),
  /** {{grouped 3200}} → 3,200 */
  grouped: (...args: unknown[]) => groupDigits(toNumber('grouped', positional(args)[0])),
  /** {{countOf activities}} → the number of items; {{countOf activities "category" "志愿服务"}} → those whose field is that value */
  countOf: (...args: unknown[]) => {
    const [list, field, value] = positional(args);
    if (!Array.isArray(list)) return 0;
    if (field === undefined) return list.length;
    return list.filter((item) => typeof item === 'object' && item !== null && (item as Record<string, unknown>)[String(field)] === value).length;
  },
  /** {{sumOf activities "participants"}} → the total of a numeric field (missing values count 0) */
  sumOf: (...args: unknown[]) => {
    const [list, field] = positional(args);
    if (!Array.isArray(list)) return 0;
    return list.reduce<number>((total, item) => {
      const v = field === undefined ? item : typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[String(field)] : undefined;
      return total + (typeof v === 'number' ? v : 0);
    }, 0);
  },
  /** {{add @index 1}} */
  add: (...args: unknown[]) => positional(args).reduce<number>((sum, v) => sum + toNumber('add', v), 0),
  /** {{#if (eq kind "summary")}} */
  eq: (...args: unknown[]) => {
    const [a, b] = positional(args);
    return a === b;
  },
  /** {{#if (or a b)}}: true when any argument is truthy (an empty list is not). */
  or: (...args: unknown[]) => positional(args).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v))),
  /** {{#if (gt stats.activityCount 0)}} */
  gt: (...args: unknown[]) => {
    const [a, b] = positional(args);
    return toNumber('gt', a) > toNumber('gt', b);
  },
  /**
   * The subject of a title, without 关于, the genre and the unit's own name:
   * {{subject "滨河区中心关于创建文明单位的情况汇报" "滨河区中心"}} → 创建文明单位
   */
  subject: (...args: unknown[]) => {
    const [title, unit] = positional(args).map((v) => String(v ?? ''));
    let text = title!;
    if (unit && text.startsWith(unit)) text = text.slice(unit.length);
    return text.replace(/^关于/, '').replace(/(的)?(工作)?(情况汇报|汇报|工作总结|总结|实施意见|意见)$/, '');
  },
};
