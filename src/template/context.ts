/**
 * DocumentRecord → the data a template sees: every record string escaped for Markdown, dates
 * written the Chinese way, and statistics the built-in templates use.
 */
import type { DocumentRecord } from '../records/record.js';
import { HONOR_LEVELS, KINDS } from '../records/schema.js';
import { chineseDate, compareDates, isoDate } from '../records/dates.js';
import { escapeTree } from './escape.js';

export interface CategoryCount {
  name: string;
  count: number;
}

export interface MonthCount {
  year: number;
  month: number;
  /** "3月"; "2024年3月" when the activities span more than one year. */
  label: string;
  count: number;
  participants: number;
}

export function templateContext(record: DocumentRecord) {
  const activities = [...record.activities].sort((a, b) => compareDates(a.date, b.date));
  const participants = activities.reduce((sum, a) => sum + (a.participants ?? 0), 0);
  const dated = activities.filter((a) => a.date);
  // The template sees a metric's figures, not where it was written or how it was rolled up.
  const metrics = record.metrics.map(({ name, value, unit, previous }) => ({ name, value, unit, ...(previous !== undefined ? { previous } : {}) }));
  const context = {
    kind: record.kind,
    kindName: KINDS[record.kind],
    title: record.title,
    unit: record.unit,
    date: chineseDate(record.date),
    isoDate: isoDate(record.date),
    year: record.date.year,
    period: record.period ? periodView(record.period) : undefined,
    intro: record.intro,
    sections: record.sections,
    activities: activities.map(({ source: _source, ...a }) => ({ ...a, date: a.date ? chineseDate(a.date) : undefined })),
    honors: record.honors.map(({ source: _source, ...h }) => ({ ...h, date: h.date ? chineseDate(h.date) : undefined })),
    metrics,
    /** Metrics with a previous value: the ones a change can be reported for. */
    comparedMetrics: metrics.filter((m) => m.previous !== undefined),
    closing: record.closing,
    extra: record.extra,
    stats: {
      activityCount: activities.length,
      participants,
      byCategory: countByCategory(activities),
      byMonth: countByMonth(activities),
      honorCount: record.honors.length,
      byLevel: countByLevel(record.honors),
      metricCount: record.metrics.length,
      firstDate: dated[0]?.date ? chineseDate(dated[0].date) : undefined,
      lastDate: dated[dated.length - 1]?.date ? chineseDate(dated[dated.length - 1]!.date!) : undefined,
    },
    hasResults: activities.length > 0 || record.honors.length > 0 || record.metrics.length > 0,
  };
  return escapeTree(context);
}

export type TemplateContext = ReturnType<typeof templateContext>;

function periodView(period: NonNullable<DocumentRecord['period']>) {
  const wholeYear =
    period.from.year === period.to.year && period.from.month === 1 && period.from.day === 1 && period.to.month === 12 && period.to.day === 31;
  return {
    from: chineseDate(period.from),
    to: chineseDate(period.to),
    /** "2024年" for a calendar year, else "2024年1月1日至2024年6月30日". */
    label: wholeYear ? `${period.from.year}年` : `${chineseDate(period.from)}至${chineseDate(period.to)}`,
    /** "全年" for a calendar year, else the label: the phrase that opens a results sentence. */
    span: wholeYear ? '全年' : `${chineseDate(period.from)}至${chineseDate(period.to)}`,
  };
}

/** Activities per month, in calendar order; only months with a dated activity (a bare year has none). */
function countByMonth(activities: DocumentRecord['activities']): MonthCount[] {
  const months = new Map<number, MonthCount>();
  for (const a of activities) {
    if (a.date?.month === undefined) continue;
    const key = a.date.year * 100 + a.date.month;
    const entry = months.get(key) ?? { year: a.date.year, month: a.date.month, label: '', count: 0, participants: 0 };
    entry.count++;
    entry.participants += a.participants ?? 0;
    months.set(key, entry);
  }
  const list = [...months].sort(([a], [b]) => a - b).map(([, m]) => m);
  const oneYear = new Set(list.map((m) => m.year)).size <= 1;
  for (const m of list) m.label = oneYear ? `${m.month}月` : `${m.year}年${m.month}月`;
  return list;
}

/** Honors per level, highest level first (国家级, 省级, 市级, 区级, 县级, 乡镇级); honors without a level are not counted. */
function countByLevel(honors: DocumentRecord['honors']): CategoryCount[] {
  return HONOR_LEVELS.map((name) => ({ name, count: honors.filter((h) => h.level === name).length })).filter((l) => l.count > 0);
}

/** Activities per category, most frequent first, ties in order of first appearance. */
function countByCategory(activities: DocumentRecord['activities']): CategoryCount[] {
  const counts = new Map<string, number>();
  for (const a of activities) if (a.category) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
}

/** 3200 → "3,200": thousands separated by commas from 1,000 up (GB/T 15835 千分撇). */
export function groupDigits(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A total as a summary states it: below 100 exact ("86"); from 100 up cut down to two
 * significant digits, with 余 ("more than") when anything was cut: 721 → "720余",
 * 3,245 → "3,200余", 3,200 → "3,200", 12,345 → "12,000余". Never rounds up, so 余 is always true.
 */
export function approxCount(total: number): string {
  const n = Math.floor(Math.max(0, total));
  if (n < 100) return groupDigits(n);
  const step = 10 ** (String(n).length - 2);
  const base = Math.floor(n / step) * step;
  return base === n ? groupDigits(n) : `${groupDigits(base)}余`;
}
