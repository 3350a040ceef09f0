/**
 * Partial calendar dates as clerks write them: YYYY-MM-DD, YYYY-MM or YYYY (an honor often
 * carries only a month). Impossible dates such as 2024-02-30 are rejected.
 */

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export const DATE_PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

export function parsePartialDate(value: string | number): PartialDate | undefined {
  const match = DATE_PATTERN.exec(String(value).trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO form, as precise as the date is: 2024-03-05, 2024-03, 2024. */
export function isoDate(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === undefined) return String(date.year);
  if (date.day === undefined) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** 成文日期 style: Arabic numerals, full year, no leading zeros — 2024年12月18日. */
export function chineseDate(date: PartialDate): string {
  let text = `${date.year}年`;
  if (date.month !== undefined) text += `${date.month}月`;
  if (date.day !== undefined) text += `${date.day}日`;
  return text;
}

export function todayDate(now: Date): PartialDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Sort key for partial dates: a month sorts before its days. */
export function compareDates(a: PartialDate | undefined, b: PartialDate | undefined): number {
  const key = (d: PartialDate | undefined) => (d ? d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0) : Infinity);
  return key(a) - key(b);
}
