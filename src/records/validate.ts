/**
 * YAML value → DocumentRecord, or diagnostics that point at the offending line and column.
 */
import path from 'node:path';
import type * as z from 'zod/mini';
import type { Diagnostic, Result } from '../diagnostics.js';
import { KINDS, dataFileSchema, recordSchema, type Kind, type RawDataFile, type RawPoint, type RawRecord } from './schema.js';
import { compareDates, parsePartialDate, todayDate, type PartialDate } from './dates.js';
import { toFieldProblems, type FieldProblem } from './messages.js';
import { didYouMean, found, say, type Args, type DiagnosticCode } from '../messages/index.js';
import type { ParsedYaml, PathSegment } from './parse-yaml.js';
import type { Activity, DocumentRecord, Honor, Metric, Period, Point, SourcePosition } from './record.js';

export interface ValidateOptions {
  /** The clock for the default 成文日期. */
  now?: Date;
}

export function validateRecord(file: string, parsed: ParsedYaml, options: ValidateOptions = {}): Result<DocumentRecord> {
  const { value } = parsed;
  const wholeFile = (code: DiagnosticCode, args: Args = {}): Result<DocumentRecord> => ({
    ok: false,
    diagnostics: [{ file, line: 1, column: 1, severity: 'error', ...say(code, args) }],
  });
  if (value === null || value === undefined) {
    return wholeFile('record/empty');
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return wholeFile('record/not-a-mapping', { found: Array.isArray(value) ? found(value) : { en: 'a single value', zh: '单个值' } });
  }
  if (looksLikeDataFile(value)) {
    return wholeFile('record/data-file');
  }
  const result = recordSchema.safeParse(value, { reportInput: true });
  if (!result.success) return { ok: false, diagnostics: schemaDiagnostics(file, parsed, result.error.issues, allowedKeysAt) };
  const record = normalize(file, parsed, result.data, options.now ?? new Date());
  if (record.period && compareDates(record.period.to, record.period.from) < 0 && !sameStart(record.period.from, record.period.to)) {
    return {
      ok: false,
      diagnostics: [{ file, ...parsed.positionOf(['period', 'to']), severity: 'error', ...say('schema/period') }],
    };
  }
  return { ok: true, value: record, diagnostics: [] };
}

/** 2024 and 2024-03 start together: a period {from: 2024-03, to: 2024} is not inverted. */
const sameStart = (a: PartialDate, b: PartialDate) => a.year === b.year && (b.month === undefined || (a.month === b.month && (b.day === undefined || a.day === b.day)));

/** The lists of a data file (see records/data-files.ts), each item with its source position. */
export interface DataFileContent {
  file: string;
  activities: Activity[];
  honors: Honor[];
  metrics: Metric[];
}

/** YAML value of a data file → its lists, or diagnostics pointing into that file. */
export function validateDataFile(file: string, parsed: ParsedYaml): Result<DataFileContent> {
  const { value } = parsed;
  if (value === null || value === undefined) {
    return {
      ok: true,
      value: { file, activities: [], honors: [], metrics: [] },
      diagnostics: [{ file, line: 1, column: 1, severity: 'warning', ...say('data/empty') }],
    };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const holds = Array.isArray(value) ? found(value) : { en: 'a single value', zh: '单个值' };
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: 'error', ...say('data/not-a-mapping', { found: holds }) }] };
  }
  const result = dataFileSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const allowed = (p: PathSegment[]) => allowedKeysAt(p, dataFileSchema);
    // An unknown top-level key: a data file holds only the three lists.
    const dataFileKeys = (p: FieldProblem): FieldProblem => {
      if (p.code !== 'schema/unknown-key' || p.path.length !== 1) return p;
      const more = p.closest ? didYouMean(p.closest) : undefined;
      return { ...p, code: 'data/unknown-key', args: { field: p.args['field']!, suggestion: more ? { en: `; ${more.en}`, zh: `；${more.zh}` } : '' } };
    };
    return { ok: false, diagnostics: schemaDiagnostics(file, parsed, result.error.issues, allowed, dataFileKeys) };
  }
  const raw: RawDataFile = result.data;
  const at = sourceAt(file, parsed);
  return {
    ok: true,
    value: {
      file,
      activities: (raw.activities ?? []).map((a, i) => toActivity(a, at(['activities', i]))),
      honors: (raw.honors ?? []).map((h, i) => toHonor(h, at(['honors', i]))),
      metrics: (raw.metrics ?? []).map((m, i) => toMetric(m, at(['metrics', i]))),
    },
    diagnostics: [],
  };
}

function schemaDiagnostics(
  file: string,
  parsed: ParsedYaml,
  issues: z.core.$ZodIssue[],
  allowed: (path: PathSegment[]) => string[],
  adjust: (p: FieldProblem) => FieldProblem = (p) => p,
): Diagnostic[] {
  return toFieldProblems(issues, allowed).map(adjust).map((p) => ({
    file,
    ...parsed.positionOf(p.path, p.at),
    severity: 'error',
    ...say(p.code, p.args),
  }));
}

/** Only activities/honors/metrics and none of a document's required fields: a data file given as a document. */
function looksLikeDataFile(value: object): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'activities' || k === 'honors' || k === 'metrics');
}

const sourceAt = (file: string, parsed: ParsedYaml) => (path: PathSegment[]): SourcePosition => ({ file, ...parsed.positionOf(path) });

const toDate = (d: string | number | undefined): PartialDate | undefined => (d === undefined ? undefined : parsePartialDate(d));

type RawActivity = NonNullable<RawRecord['activities']>[number];
type RawHonor = NonNullable<RawRecord['honors']>[number];
type RawMetric = NonNullable<RawRecord['metrics']>[number];

function toActivity(a: RawActivity, source: SourcePosition): Activity {
  return {
    ...optional('date', toDate(a.date)),
    title: a.title.trim(),
    ...optional('category', a.category?.trim()),
    ...optional('participants', a.participants),
    text: toParagraphs(a.text),
    source,
  };
}

function toHonor(h: RawHonor, source: SourcePosition): Honor {
  return {
    ...optional('date', toDate(h.date)),
    title: h.title.trim(),
    ...optional('by', h.by?.trim()),
    ...optional('level', h.level),
    ...optional('recipient', h.recipient?.trim()),
    source,
  };
}

function toMetric(m: RawMetric, source: SourcePosition): Metric {
  return {
    name: m.name.trim(),
    value: m.value,
    unit: m.unit?.trim() ?? '',
    ...optional('previous', m.previous),
    ...optional('date', toDate(m.date)),
    ...optional('aggregate', m.aggregate),
    source,
  };
}

function normalize(file: string, parsed: ParsedYaml, raw: RawRecord, now: Date): DocumentRecord {
  const date = toDate;
  const at = sourceAt(file, parsed);
  const record: DocumentRecord = {
    file,
    kind: canonicalKind(raw.kind),
    title: raw.title.trim(),
    unit: raw.unit.trim(),
    date: date(raw.date) ?? todayDate(now),
    intro: toParagraphs(raw.intro),
    sections: (raw.sections ?? []).map((s) => ({
      heading: s.heading.trim(),
      text: toParagraphs(s.text),
      points: (s.points ?? []).map(toPoint),
    })),
    activities: (raw.activities ?? []).map((a, i) => toActivity(a, at(['activities', i]))),
    honors: (raw.honors ?? []).map((h, i) => toHonor(h, at(['honors', i]))),
    metrics: (raw.metrics ?? []).map((m, i) => toMetric(m, at(['metrics', i]))),
    closing: toParagraphs(raw.closing),
    // The parsed mapping itself (null-prototype), not zod's copy, which drops a `__proto__` key.
    extra: (parsed.value as { extra?: Record<string, unknown> }).extra ?? raw.extra ?? {},
  };
  const period = toPeriod(raw.period);
  if (period) record.period = { ...period, source: at(['period']) };
  if (raw.script) record.script = raw.script;
  if (raw.dictionary) record.dictionary = path.resolve(path.dirname(file), raw.dictionary.trim());
  if (raw.template) record.template = { spec: raw.template.trim(), source: at(['template']) };
  if (raw.data !== undefined) {
    record.data = Array.isArray(raw.data)
      ? raw.data.map((pattern, i) => ({ pattern: pattern.trim(), source: at(['data', i]) }))
      : [{ pattern: raw.data.trim(), source: at(['data']) }];
  }
  return record;
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function canonicalKind(name: string): Kind {
  const entry = Object.entries(KINDS).find(([alias, chinese]) => name === alias || name === chinese);
  return entry![0] as Kind;
}

function toPeriod(period: RawRecord['period']): Period | undefined {
  if (period === undefined) return undefined;
  if (typeof period === 'object') return { from: parsePartialDate(period.from)!, to: parsePartialDate(period.to)! };
  const year = Number(period);
  return { from: { year, month: 1, day: 1 }, to: { year, month: 12, day: 31 } };
}

function toPoint(point: RawPoint): Point {
  if (typeof point === 'string') return { text: toParagraphs(point) };
  return { ...optional('title', point.title?.trim()), text: toParagraphs(point.text) };
}

/**
 * Text → paragraphs. A blank line separates paragraphs; single line breaks inside a paragraph
 * are joined (with a space only between two Latin letters or digits, as Chinese has none).
 */
export function toParagraphs(text: string | string[] | undefined): string[] {
  if (text === undefined) return [];
  const blocks = Array.isArray(text) ? text : text.split(/\r?\n[ \t\u3000]*\r?\n/);
  return blocks.map(joinLines).filter((p) => p !== '');
}

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** The lines of one paragraph joined; each line looked at once (a paragraph may be megabytes). */
function joinLines(block: string): string {
  const parts: string[] = [];
  let previous = '';
  for (const raw of block.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (previous && LATIN_END.test(previous) && LATIN_START.test(line)) parts.push(' ');
    parts.push(line);
    previous = line;
  }
  return parts.join('');
}

type ZodDef = { type: string; shape?: Record<string, { def: ZodDef }>; element?: { def: ZodDef }; innerType?: { def: ZodDef }; options?: Array<{ def: ZodDef }> };

/** The field names allowed at a path of the record, read from the schema (for typo suggestions). */
export function allowedKeysAt(path: readonly PathSegment[], schema: z.ZodMiniType = recordSchema): string[] {
  let defs: ZodDef[] = [(schema as unknown as z.ZodMiniType & { def: ZodDef }).def];
  const expand = (ds: ZodDef[]): ZodDef[] =>
    ds.flatMap((d) => (d.type === 'optional' && d.innerType ? expand([d.innerType.def]) : d.type === 'union' && d.options ? expand(d.options.map((o) => o.def)) : [d]));
  for (const segment of path) {
    defs = expand(defs).flatMap((d) => {
      if (typeof segment === 'number') return d.type === 'array' && d.element ? [d.element.def] : [];
      const field = d.type === 'object' ? d.shape?.[segment] : undefined;
      return field ? [field.def] : [];
    });
  }
  return [...new Set(expand(defs).flatMap((d) => (d.type === 'object' && d.shape ? Object.keys(d.shape) : [])))];
}
