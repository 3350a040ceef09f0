/**
 * Generated Chinese phrases: list joins, percentages and the change of a metric against its
 * previous value ("由33个增加到36个，增长9.1%").
 */

/** "A" · "A和B" · "A、B和C". */
export function joinChinese(items: readonly string[], conjunction = '和'): string {
  const list = items.filter((s) => s !== '');
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join('、')}${conjunction}${list[list.length - 1]}`;
}

/** A number as a clerk writes it: integers as is, fractions to at most two decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/**
 * A percentage with sensible rounding: whole numbers from 100 up, one decimal below that,
 * two decimals when one would show 0.0; trailing zeros dropped. 9.0909 → "9.1%".
 */
export function formatPercent(percent: number): string {
  const magnitude = Math.abs(percent);
  let digits = magnitude >= 100 ? 0 : 1;
  if (magnitude > 0 && Number(magnitude.toFixed(digits)) === 0) digits = 2;
  return `${Number(magnitude.toFixed(digits))}%`;
}

export interface MetricLike {
  value: number;
  unit?: string;
  previous?: number | undefined;
}

/**
 * The change clause of a metric, to follow its name:
 * up "由33个增加到36个，增长9.1%", down "由45个减少到40个，下降11.1%", unchanged
 * "保持在36个，与上期持平", from 0 "由0个增加到36个", no previous "为36个".
 * A metric measured in % changes by percentage points: "由85%提高到92%，提高7个百分点".
 */
export function changePhrase(metric: MetricLike): string {
  const unit = metric.unit ?? '';
  const show = (n: number) => `${formatNumber(n)}${unit}`;
  const { value, previous } = metric;
  if (previous === undefined) return `为${show(value)}`;
  if (previous === value) return `保持在${show(value)}，与上期持平`;
  const up = value > previous;
  if (unit === '%') {
    const points = formatNumber(Math.abs(value - previous));
    return up ? `由${show(previous)}提高到${show(value)}，提高${points}个百分点` : `由${show(previous)}下降到${show(value)}，下降${points}个百分点`;
  }
  const range = `由${show(previous)}${up ? '增加' : '减少'}到${show(value)}`;
  if (previous === 0) return range;
  return `${range}，${up ? '增长' : '下降'}${formatPercent(((value - previous) / previous) * 100)}`;
}

const FINAL_PUNCTUATION = /[。！？；：，、.!?;:,]$/;

/** A run-in heading as Markdown: the heading in bold, its closing punctuation outside (see docs). */
export function runInHeading(markerText: string, title: string, punctuation = '。'): string {
  const match = FINAL_PUNCTUATION.exec(title);
  const body = match ? title.slice(0, -1) : title;
  return `**${markerText}${body}**${match ? match[0] : punctuation}`;
}

/** The change of a metric in a table cell: 增长9.1% · 下降11.1% · 提高7个百分点 · 持平 · —. */
export function briefChange(metric: MetricLike): string {
  const { value, previous } = metric;
  if (previous === undefined) return '—';
  if (previous === value) return '持平';
  const up = value > previous;
  if (metric.unit === '%') return `${up ? '提高' : '下降'}${formatNumber(Math.abs(value - previous))}个百分点`;
  if (previous === 0) return '新增';
  return `${up ? '增长' : '下降'}${formatPercent(((value - previous) / previous) * 100)}`;
}
