/**
 * The annual roll-up: a document's own activities, honors and metrics merged with those of its
 * data files (records/data-files.ts) into the lists the templates see.
 *
 * - Order: by date (a month before its days, undated last), then source file (the document
 *   first, then the data files sorted by path), then line.
 * - Period filter: with `period:`, activities and honors dated outside it are left out and
 *   counted in a note; undated ones (and ones whose date only partly overlaps it) are kept with
 *   a warning.
 * - Duplicates: the same activity (date and title) or honor (date, title and recipient)
 *   recorded twice is kept once, with a warning naming both places.
 * - Metrics: entries of one name that carry a `date` or an `aggregate` roll up into one metric:
 *   its value aggregates the entries in the period, its `previous` those in the period before
 *   (of equal length). Entries without either are the plain form and pass through unchanged.
 *
 * Merging, filtering and duplicates apply to documents with `data:`; metric roll-up to every
 * document. Pure: no I/O, diagnostics instead of exceptions.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { compareDates, isoDate } from './dates.js';
import type { Activity, Aggregate, DocumentRecord, Honor, Metric, SourcePosition } from './record.js';
import { periodSpan, placement, previousSpan, spanLabel, spanOf, type Span } from './periods.js';
import type { DataFileContent } from './validate.js';
import { same, say, type Args, type DiagnosticCode, type Phrase } from '../messages/index.js';

export interface RollupOptions {
  /** Places named inside messages are shown relative to this folder (default: the process's). */
  cwd?: string;
}

export interface RollupResult {
  record: DocumentRecord;
  diagnostics: Diagnostic[];
}

/** Merges the data files into the record (with `data:`) and rolls up dated metrics (always). */
export function rollUp(record: DocumentRecord, dataFiles: readonly DataFileContent[], options: RollupOptions = {}): RollupResult {
  const diagnostics: Diagnostic[] = [];
  const place = placeNamer(options.cwd);
  const merge = record.data !== undefined;
  const fileOrder = new Map<string, number>([[record.file, 0], ...dataFiles.map((d, i): [string, number] => [d.file, i + 1])]);
  const bySource = (a: { source?: SourcePosition }, b: { source?: SourcePosition }) => compareSources(a.source, b.source, fileOrder);
  const span = record.period ? periodSpan(record.period) : undefined;
  const label = span ? spanPhrase(span) : same('');
  const periodAt = record.period?.source ?? { file: record.file, line: 1, column: 1 };

  let { activities, honors } = record;
  if (merge) {
    const kinds = [
      { noun: { en: 'activity', zh: '活动' }, plural: { en: 'activities', zh: '活动' }, items: [...record.activities, ...dataFiles.flatMap((d) => d.activities)] as Array<Activity | Honor>, key: (a: Activity | Honor) => a.title },
      { noun: { en: 'honor', zh: '荣誉' }, plural: { en: 'honors', zh: '荣誉' }, items: [...record.honors, ...dataFiles.flatMap((d) => d.honors)] as Array<Activity | Honor>, key: (h: Activity | Honor) => `${h.title}\u0000${(h as Honor).recipient ?? ''}` },
    ];
    const [mergedActivities, mergedHonors] = kinds.map(({ noun, plural, items, key }) => {
      let left = 0;
      const kept = items.filter((item) => {
        if (!span) return true;
        const where = item.source ?? periodAt;
        if (!item.date) {
          diagnostics.push(warning(where, 'rollup/undated', { what: noun, title: item.title, outcome: { en: 'kept in', zh: '计入' }, label }));
          return true;
        }
        const placed = placement(item.date, span);
        if (placed === 'outside') return (left++, false);
        if (placed === 'partly') {
          diagnostics.push(warning(where, 'rollup/partly-dated', { what: noun, title: item.title, date: isoDate(item.date), label, outcome: { en: 'kept', zh: '保留' } }));
        }
        return true;
      });
      if (left > 0) {
        diagnostics.push({ ...periodAt, severity: 'note', ...say('rollup/outside-period', { count: left, what: left === 1 ? noun : plural, label }) });
      }
      kept.sort((a, b) => compareDates(a.date, b.date) || bySource(a, b));
      const first = new Map<string, Activity | Honor>();
      return kept.filter((item) => {
        const k = `${item.date ? isoDate(item.date) : ''}\u0000${key(item)}`;
        const earlier = first.get(k);
        if (!earlier) return (first.set(k, item), true);
        const when = item.date ? { en: ` on ${isoDate(item.date)}`, zh: `（${isoDate(item.date)}）` } : { en: ' without a date', zh: '（无日期）' };
        diagnostics.push(warning(item.source ?? periodAt, 'rollup/duplicate', { what: noun, title: item.title, when, first: place(earlier.source), second: place(item.source) }));
        return false;
      });
    });
    activities = mergedActivities as Activity[];
    honors = mergedHonors as Honor[];
  }

  const metricEntries = merge ? [...record.metrics, ...dataFiles.flatMap((d) => d.metrics)].sort(bySource) : record.metrics;
  const metrics = rollUpMetrics(metricEntries, span, { label, periodAt, place, merge }, diagnostics);

  const rolled: DocumentRecord = { ...record, activities, honors, metrics };
  if (merge) rolled.dataFiles = dataFiles.map((d) => d.file);
  return { record: rolled, diagnostics };
}

interface MetricContext {
  label: Phrase;
  periodAt: SourcePosition;
  place: (source: SourcePosition | undefined) => Phrase;
  merge: boolean;
}

/** Groups metric entries by name (in order of first appearance) and rolls up the dated ones. */
function rollUpMetrics(entries: readonly Metric[], span: Span | undefined, ctx: MetricContext, diagnostics: Diagnostic[]): Metric[] {
  const groups = new Map<string, Metric[]>();
  for (const m of entries) groups.set(m.name, [...(groups.get(m.name) ?? []), m]);
  const previous = span ? previousSpan(span) : undefined;
  let left = 0;
  const out: Metric[] = [];
  for (const [name, group] of groups) {
    const rolled = group.filter((m) => m.date !== undefined || m.aggregate !== undefined);
    const plain = group.filter((m) => m.date === undefined && m.aggregate === undefined);
    if (rolled.length === 0) {
      // Merged from several files, the same plain metric twice is a duplicate; a single
      // document keeps what it says, as it always did.
      if (ctx.merge) {
        for (const later of plain.slice(1)) {
          diagnostics.push(
            warning(later.source ?? ctx.periodAt, 'rollup/duplicate', { what: METRIC, title: name, when: '', first: ctx.place(plain[0]!.source), second: ctx.place(later.source) }),
          );
        }
        out.push(plain[0]!);
      } else out.push(...plain);
      continue;
    }
    if (plain.length > 0) {
      // A value written without date or aggregate states the period's figure outright: it wins.
      diagnostics.push(
        warning(plain[0]!.source ?? ctx.periodAt, 'rollup/metric-conflict', { name, other: ctx.place(rolled[0]!.source) }),
      );
      out.push(...plain);
      continue;
    }
    const first = rolled[0]!;
    const aggregate = rolled.find((m) => m.aggregate)?.aggregate ?? 'last';
    const unit = rolled.find((m) => m.unit !== '')?.unit ?? '';
    for (const m of rolled) {
      if (m.aggregate && m.aggregate !== aggregate) {
        diagnostics.push(warning(m.source ?? ctx.periodAt, 'rollup/metric-aggregate', { name, here: m.aggregate, used: aggregate }));
      }
      if (m.unit !== '' && m.unit !== unit) {
        diagnostics.push(warning(m.source ?? ctx.periodAt, 'rollup/metric-unit', { name, here: m.unit, used: unit }));
      }
    }
    // One value per date: the same date twice is a duplicate, kept once.
    const seen = new Map<string, Metric>();
    const distinct = rolled.filter((m) => {
      if (!m.date) return true;
      const key = isoDate(m.date);
      const earlier = seen.get(key);
      if (!earlier) return (seen.set(key, m), true);
      const values: Phrase =
        earlier.value === m.value
          ? { en: ` for ${key}`, zh: `（${key}）` }
          : { en: ` for ${key} with different values (${earlier.value} and ${m.value})`, zh: `（${key}，数值不同：${earlier.value} 和 ${m.value}）` };
      diagnostics.push(
        warning(m.source ?? ctx.periodAt, 'rollup/duplicate', { what: METRIC, title: name, when: values, first: ctx.place(earlier.source), second: ctx.place(m.source) }),
      );
      return false;
    });
    const current: Metric[] = [];
    const before: Metric[] = [];
    const hasDated = distinct.some((m) => m.date);
    for (const m of distinct) {
      if (!m.date) {
        if (span && hasDated) diagnostics.push(warning(m.source ?? ctx.periodAt, 'rollup/undated', { what: METRIC, title: name, outcome: { en: 'counted in', zh: '计入' }, label: ctx.label }));
        current.push(m);
      } else if (!span) {
        current.push(m);
      } else {
        const here = placement(m.date, span);
        if (here === 'inside') current.push(m);
        else if (previous && placement(m.date, previous) === 'inside') before.push(m);
        else if (here === 'partly') {
          diagnostics.push(warning(m.source ?? ctx.periodAt, 'rollup/partly-dated', { what: METRIC, title: name, date: isoDate(m.date), label: ctx.label, outcome: { en: 'left out', zh: '未计入' } }));
        } else left++;
      }
    }
    if (current.length === 0) {
      diagnostics.push(warning(first.source ?? ctx.periodAt, 'rollup/metric-no-value', { name, label: ctx.label }));
      continue;
    }
    const value = aggregateOf(current, aggregate, (m) => m.value);
    // The period before, from the data; else the entries' own `previous`, when every one has it.
    const previousValue =
      before.length > 0
        ? aggregateOf(before, aggregate, (m) => m.value)
        : current.every((m) => m.previous !== undefined)
          ? aggregateOf(current, aggregate, (m) => m.previous!)
          : undefined;
    out.push({
      name,
      value,
      unit,
      ...(previousValue !== undefined ? { previous: previousValue } : {}),
      ...(first.source ? { source: first.source } : {}),
    });
  }
  if (left > 0 && span && previous) {
    const earlier = spanPhrase(previous);
    const both = { en: `${ctx.label.en} and ${earlier.en}`, zh: `${ctx.label.zh}和${earlier.zh}` };
    diagnostics.push({ ...ctx.periodAt, severity: 'note', ...say('rollup/outside-period', { count: left, what: { en: `metric ${left === 1 ? 'value' : 'values'}`, zh: '指标数值' }, label: both }) });
  }
  return out;
}

/** sum, last (latest date, then last written), max or average of the entries' values. */
export function aggregateOf(entries: readonly Metric[], aggregate: Aggregate, valueOf: (m: Metric) => number): number {
  const values = entries.map(valueOf);
  switch (aggregate) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'max':
      return Math.max(...values);
    case 'average':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'last': {
      let latest = 0;
      entries.forEach((m, i) => {
        if (endOf(m) >= endOf(entries[latest]!)) latest = i;
      });
      return values[latest]!;
    }
  }
}

/** Undated entries count as the latest. */
const endOf = (m: Metric) => (m.date ? spanOf(m.date).to : Infinity);

function compareSources(a: SourcePosition | undefined, b: SourcePosition | undefined, order: Map<string, number>): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return (order.get(a.file) ?? order.size) - (order.get(b.file) ?? order.size) || a.line - b.line || a.column - b.column;
}

const warning = (at: SourcePosition, code: DiagnosticCode, args: Args): Diagnostic => ({ ...at, severity: 'warning', ...say(code, args) });

const METRIC: Phrase = { en: 'metric', zh: '指标' };

/** A period in messages: "2024", "2024-01 to 2024-06" / "2024-01 至 2024-06". */
const spanPhrase = (span: Span): Phrase => ({ en: spanLabel(span), zh: spanLabel(span, ' 至 ') });

/** FILE:LINE:COL of a source, the file relative to the working folder when it lies below it. */
function placeNamer(cwd: string = process.cwd()) {
  return (source: SourcePosition | undefined): Phrase => {
    if (!source) return { en: 'the document', zh: '本文档' };
    const relative = path.relative(cwd, source.file);
    const file = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : source.file;
    return same(`${file}:${source.line}:${source.column}`);
  };
}
