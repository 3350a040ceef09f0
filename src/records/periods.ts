/**
 * Date arithmetic for the roll-up: the span of days a partial date covers, whether it lies in
 * a period, the preceding period of equal length, and how a span is named in messages.
 * Days are counted from 1970-01-01 (UTC), both ends inclusive.
 */
import { daysInMonth, type PartialDate } from './dates.js';
import type { Period } from './record.js';

export interface Span {
  /** First day, inclusive. */
  from: number;
  /** Last day, inclusive. */
  to: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
const dateOf = (day: number) => {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** 2024 → all of 2024; 2024-03 → March; 2024-03-05 → that day. */
export function spanOf(date: PartialDate): Span {
  const { year, month, day } = date;
  if (month === undefined) return { from: dayNumber(year, 1, 1), to: dayNumber(year, 12, 31) };
  if (day === undefined) return { from: dayNumber(year, month, 1), to: dayNumber(year, month, daysInMonth(year, month)) };
  const n = dayNumber(year, month, day);
  return { from: n, to: n };
}

export function periodSpan(period: Pick<Period, 'from' | 'to'>): Span {
  return { from: spanOf(period.from).from, to: spanOf(period.to).to };
}

/**
 * The period just before, of equal length: whole months go back by as many months (2024 →
 * 2023, 2024 H1 → 2023 H2, a quarter → the quarter before); any other span by as many days.
 */
export function previousSpan(span: Span): Span {
  const start = dateOf(span.from);
  const end = dateOf(span.to);
  if (start.day === 1 && end.day === daysInMonth(end.year, end.month)) {
    const months = (end.year - start.year) * 12 + (end.month - start.month) + 1;
    return { from: Date.UTC(start.year, start.month - 1 - months, 1) / DAY_MS, to: span.from - 1 };
  }
  const days = span.to - span.from + 1;
  return { from: span.from - days, to: span.from - 1 };
}

export type Placement = 'inside' | 'outside' | 'partly';

/** Where a dated item falls: wholly inside the span, wholly outside, or across its edge. */
export function placement(date: PartialDate, span: Span): Placement {
  const item = spanOf(date);
  if (item.from >= span.from && item.to <= span.to) return 'inside';
  if (item.to < span.from || item.from > span.to) return 'outside';
  return 'partly';
}

/** "2024", "2023 to 2024", "2024-01 to 2024-06", "2024-03", "2024-03-01 to 2024-03-20"; `to` joins a range (" 至 " in Chinese messages). */
export function spanLabel(span: Span, to = ' to '): string {
  const start = dateOf(span.from);
  const end = dateOf(span.to);
  const pad = (n: number) => String(n).padStart(2, '0');
  const range = (a: string, b: string) => (a === b ? a : `${a}${to}${b}`);
  if (start.month === 1 && start.day === 1 && end.month === 12 && end.day === 31) return range(String(start.year), String(end.year));
  if (start.day === 1 && end.day === daysInMonth(end.year, end.month)) {
    return range(`${start.year}-${pad(start.month)}`, `${end.year}-${pad(end.month)}`);
  }
  return range(`${start.year}-${pad(start.month)}-${pad(start.day)}`, `${end.year}-${pad(end.month)}-${pad(end.day)}`);
}
