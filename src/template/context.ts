/**
 * DocumentRecord → the data a template sees: every record string escaped for Markdown, dates
 * written the Chinese way, and statistics the built-in templates use.
 */
import type { DocumentRecord } from '../records/record.js';
import { KINDS } from '../records/schema.js';
import { chineseDate, compareDates, isoDate } from '../records/dates.js';
import { escapeTree } from './escape.js';

export interface CategoryCount {
  name: string;
  count: number;
}

export function templateContext(record: DocumentRecord) {
  const activities = [...record.activities].sort((a, b) => compareDates(a.date, b.date));
  const participants = activities.reduce((sum, a) => sum + (a.participants ?? 0), 0);
  const dated = activities.filter((a) => a.date);
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
    activities: activities.map((a) => ({ ...a, date: a.date ? chineseDate(a.date) : undefined })),
    honors: record.honors.map((h) => ({ ...h, date: h.date ? chineseDate(h.date) : undefined })),
    metrics: record.metrics,
    /** Metrics with a previous value: the ones a change can be reported for. */
    comparedMetrics: record.metrics.filter((m) => m.previous !== undefined),
    closing: record.closing,
    extra: record.extra,
    stats: {
      activityCount: activities.length,
      participants,
      byCategory: countByCategory(activities),
      honorCount: record.honors.length,
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

/** Activities per category, most frequent first, ties in order of first appearance. */
function countByCategory(activities: DocumentRecord['activities']): CategoryCount[] {
  const counts = new Map<string, number>();
  for (const a of activities) if (a.category) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
}
