/**
 * The record file's shape: one document per YAML file. This is the single definition —
 * TypeScript types, validation and the published JSON Schema (schema/record.schema.json)
 * all come from it. Unknown keys are errors, except under `extra:`.
 */
import * as z from 'zod/mini';
import { DATE_PATTERN, parsePartialDate } from './dates.js';
import { described } from './zod.js';

/** The three genres, each with its Chinese name and English alias. */
export const KINDS = {
  /** 工作总结 — work summary */
  summary: '工作总结',
  /** 实施意见 — implementation opinions */
  plan: '实施意见',
  /** 情况汇报 — situation report */
  briefing: '情况汇报',
} as const;
export type Kind = keyof typeof KINDS;
export const KIND_NAMES = [...Object.values(KINDS), ...Object.keys(KINDS)] as [string, ...string[]];

import { SCRIPTS } from '../text/script.js';

export { SCRIPTS };
export const HONOR_LEVELS = ['国家级', '省级', '市级', '区级', '县级', '乡镇级'] as const;

/** A date written YYYY-MM-DD, YYYY-MM or YYYY (a bare year may be a YAML number). */
const year = z.int().check(z.gte(1000), z.lte(9999));
const partialDate = described(
  z.union([z.string().check(z.regex(DATE_PATTERN)), year]).check(z.refine((value) => parsePartialDate(value) !== undefined, { message: 'date does not exist' })),
  'YYYY-MM-DD, YYYY-MM or YYYY',
);

/** One paragraph, or several separated by a blank line, or a list of paragraphs. */
const paragraphs = described(z.union([z.string(), z.array(z.string())]), 'text; a blank line starts a new paragraph');

const nonEmpty = z.string().check(z.trim(), z.minLength(1));
const count = z.number().check(z.gte(0));

const point = z.union([
  z.string(),
  z.strictObject({
    title: described(z.optional(nonEmpty), 'run-in heading of the point'),
    text: z.optional(paragraphs),
  }),
]);

const section = z.strictObject({
  heading: described(nonEmpty, 'the section heading, numbered 一、二、… by the template'),
  text: z.optional(paragraphs),
  points: described(z.optional(z.array(point)), 'numbered points: （一）, 1．or 一是, per the template'),
});

const activity = z.strictObject({
  date: z.optional(partialDate),
  title: nonEmpty,
  category: described(z.optional(nonEmpty), 'e.g. 志愿服务, 理论学习; activities are counted by category'),
  participants: z.optional(z.int().check(z.gte(0))),
  text: z.optional(paragraphs),
});

const honor = z.strictObject({
  date: z.optional(partialDate),
  title: described(nonEmpty, 'the title awarded, e.g. 市级文明单位'),
  by: described(z.optional(nonEmpty), 'the awarding body'),
  level: z.optional(z.enum(HONOR_LEVELS)),
  recipient: described(z.optional(nonEmpty), 'who received it; default: the unit'),
});

/** How dated values of one metric roll up into the period's value (annual roll-up). */
export const AGGREGATES = ['sum', 'last', 'max', 'average'] as const;

const metric = z.strictObject({
  name: nonEmpty,
  value: count,
  unit: described(z.optional(z.string()), 'e.g. 个, 项, 人次, %'),
  previous: described(z.optional(count), 'the value a period earlier; gives the change phrasing'),
  date: described(z.optional(partialDate), 'when the value was measured; values of one name roll up into the period and the period before'),
  aggregate: described(z.optional(z.enum(AGGREGATES)), 'how dated values of this name roll up: sum | last | max | average (default last)'),
});

const period = z.union([
  year,
  z.string().check(z.regex(/^\d{4}$/)),
  z.strictObject({ from: partialDate, to: partialDate }),
]);

export const recordSchema = z
  .strictObject({
    kind: described(z.enum(KIND_NAMES), '工作总结 | 实施意见 | 情况汇报 (or summary | plan | briefing)'),
    title: nonEmpty,
    unit: described(nonEmpty, 'the issuing unit; signs the document'),
    date: described(z.optional(partialDate), '成文日期; default: today'),
    period: described(z.optional(period), 'a year, or {from, to}'),
    script: described(z.optional(z.enum(SCRIPTS)), 'output script: simplified | traditional | tw | hk'),
    dictionary: described(z.optional(nonEmpty), 'user dictionary for script conversion, relative to this file'),
    template: described(z.optional(nonEmpty), 'template: a name (report templates lists them) or a path to a .hbs file, relative to this file; -t wins'),
    intro: z.optional(paragraphs),
    sections: z.optional(z.array(section)),
    activities: z.optional(z.array(activity)),
    honors: z.optional(z.array(honor)),
    metrics: z.optional(z.array(metric)),
    closing: z.optional(paragraphs),
    data: described(
      z.optional(z.union([nonEmpty, z.array(nonEmpty).check(z.minLength(1))])),
      'data files (globs, relative to this file) whose activities, honors and metrics are merged in',
    ),
    extra: described(z.optional(z.record(z.string(), z.unknown())), 'free-form values for custom templates'),
  })
  .register(z.globalRegistry, { title: 'report record file', description: 'One official document: its kind, title, unit and content.' });

/** A data file named by a document's `data:`: lists of activities, honors and metrics only. */
export const dataFileSchema = z
  .strictObject({
    activities: z.optional(z.array(activity)),
    honors: z.optional(z.array(honor)),
    metrics: z.optional(z.array(metric)),
  })
  .register(z.globalRegistry, { title: 'report data file', description: 'Activities, honors and metrics merged into the documents that name this file in `data:`.' });

export type RawRecord = z.infer<typeof recordSchema>;
export type RawDataFile = z.infer<typeof dataFileSchema>;
export type RawPoint = z.infer<typeof point>;
