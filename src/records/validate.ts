/**
 * YAML value → DocumentRecord, or diagnostics that point at the offending line and column.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic, Result } from '../diagnostics.js';
import { KINDS, recordSchema, type Kind, type RawPoint, type RawRecord } from './schema.js';
import { parsePartialDate, todayDate, type PartialDate } from './dates.js';
import { toFieldProblems } from './messages.js';
import type { ParsedYaml, PathSegment } from './parse-yaml.js';
import type { DocumentRecord, Period, Point } from './record.js';

export interface ValidateOptions {
  /** The clock for the default 成文日期. */
  now?: Date;
}

export function validateRecord(file: string, parsed: ParsedYaml, options: ValidateOptions = {}): Result<DocumentRecord> {
  const { value } = parsed;
  const wholeFile = (code: string, message: string, hint: string): Result<DocumentRecord> => ({
    ok: false,
    diagnostics: [{ file, line: 1, column: 1, severity: 'error', code, message, hint }],
  });
  if (value === null || value === undefined) {
    return wholeFile('record/empty', 'the file is empty', 'write a record: kind:, title:, unit:, …');
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return wholeFile('record/not-a-mapping', `the file holds ${Array.isArray(value) ? 'a list' : 'a single value'}, not a record`, 'start the file with fields such as `kind:` and `title:`');
  }
  const result = recordSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const diagnostics: Diagnostic[] = toFieldProblems(result.error.issues, allowedKeysAt).map((p) => ({
      file,
      ...parsed.positionOf(p.path, p.at),
      severity: 'error',
      code: p.code,
      message: p.message,
      ...(p.hint ? { hint: p.hint } : {}),
    }));
    return { ok: false, diagnostics };
  }
  return { ok: true, value: normalize(file, result.data, options.now ?? new Date()), diagnostics: [] };
}

function normalize(file: string, raw: RawRecord, now: Date): DocumentRecord {
  const date = (d: string | number | undefined): PartialDate | undefined => (d === undefined ? undefined : parsePartialDate(d));
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
    activities: (raw.activities ?? []).map((a) => ({
      ...optional('date', date(a.date)),
      title: a.title.trim(),
      ...optional('category', a.category?.trim()),
      ...optional('participants', a.participants),
      text: toParagraphs(a.text),
    })),
    honors: (raw.honors ?? []).map((h) => ({
      ...optional('date', date(h.date)),
      title: h.title.trim(),
      ...optional('by', h.by?.trim()),
      ...optional('level', h.level),
      ...optional('recipient', h.recipient?.trim()),
    })),
    metrics: (raw.metrics ?? []).map((m) => ({
      name: m.name.trim(),
      value: m.value,
      unit: m.unit?.trim() ?? '',
      ...optional('previous', m.previous),
    })),
    closing: toParagraphs(raw.closing),
    extra: raw.extra ?? {},
  };
  const period = toPeriod(raw.period);
  if (period) record.period = period;
  if (raw.script) record.script = raw.script;
  if (raw.dictionary) record.dictionary = path.resolve(path.dirname(file), raw.dictionary.trim());
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
  return blocks
    .map((block) =>
      block
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .reduce((joined, line) => (joined && /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : joined + line), ''),
    )
    .filter((p) => p !== '');
}

type ZodDef = { type: string; shape?: Record<string, { def: ZodDef }>; element?: { def: ZodDef }; innerType?: { def: ZodDef }; options?: Array<{ def: ZodDef }> };

/** The field names allowed at a path of the record, read from the schema (for typo suggestions). */
export function allowedKeysAt(path: readonly PathSegment[]): string[] {
  let defs: ZodDef[] = [(recordSchema as unknown as z.ZodType & { def: ZodDef }).def];
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
