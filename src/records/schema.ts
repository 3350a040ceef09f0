/**
 * The record file's shape: one document per YAML file. This is the single definition —
 * TypeScript types, validation and the published JSON Schema (schema/record.schema.json)
 * all come from it. Unknown keys are errors, except under `extra:`.
 */
import { z } from 'zod';
import { DATE_PATTERN, parsePartialDate } from './dates.js';

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
const partialDate = z
  .union([z.string().regex(DATE_PATTERN), z.int().min(1000).max(9999)])
  .refine((value) => parsePartialDate(value) !== undefined, { message: 'date does not exist' })
  .meta({ description: 'YYYY-MM-DD, YYYY-MM or YYYY' });

/** One paragraph, or several separated by a blank line, or a list of paragraphs. */
const paragraphs = z.union([z.string(), z.array(z.string())]).meta({ description: 'text; a blank line starts a new paragraph' });

const nonEmpty = z.string().trim().min(1);
const count = z.number().min(0);

const point = z.union([
  z.string(),
  z.strictObject({
    title: nonEmpty.optional().meta({ description: 'run-in heading of the point' }),
    text: paragraphs.optional(),
  }),
]);

const section = z.strictObject({
  heading: nonEmpty.meta({ description: 'the section heading, numbered 一、二、… by the template' }),
  text: paragraphs.optional(),
  points: z.array(point).optional().meta({ description: 'numbered points: （一）, 1．or 一是, per the template' }),
});

const activity = z.strictObject({
  date: partialDate.optional(),
  title: nonEmpty,
  category: nonEmpty.optional().meta({ description: 'e.g. 志愿服务, 理论学习; activities are counted by category' }),
  participants: z.int().min(0).optional(),
  text: paragraphs.optional(),
});

const honor = z.strictObject({
  date: partialDate.optional(),
  title: nonEmpty.meta({ description: 'the title awarded, e.g. 市级文明单位' }),
  by: nonEmpty.optional().meta({ description: 'the awarding body' }),
  level: z.enum(HONOR_LEVELS).optional(),
  recipient: nonEmpty.optional().meta({ description: 'who received it; default: the unit' }),
});

/** How dated values of one metric roll up into the period's value (annual roll-up). */
export const AGGREGATES = ['sum', 'last', 'max', 'average'] as const;

const metric = z.strictObject({
  name: nonEmpty,
  value: count,
  unit: z.string().optional().meta({ description: 'e.g. 个, 项, 人次, %' }),
  previous: count.optional().meta({ description: 'the value a period earlier; gives the change phrasing' }),
  date: partialDate.optional().meta({ description: 'when the value was measured; values of one name roll up into the period and the period before' }),
  aggregate: z.enum(AGGREGATES).optional().meta({ description: 'how dated values of this name roll up: sum | last | max | average (default last)' }),
});

const period = z.union([
  z.int().min(1000).max(9999),
  z.string().regex(/^\d{4}$/),
  z.strictObject({ from: partialDate, to: partialDate }),
]);

export const recordSchema = z
  .strictObject({
    kind: z.enum(KIND_NAMES).meta({ description: '工作总结 | 实施意见 | 情况汇报 (or summary | plan | briefing)' }),
    title: nonEmpty,
    unit: nonEmpty.meta({ description: 'the issuing unit; signs the document' }),
    date: partialDate.optional().meta({ description: '成文日期; default: today' }),
    period: period.optional().meta({ description: 'a year, or {from, to}' }),
    script: z.enum(SCRIPTS).optional().meta({ description: 'output script: simplified | traditional | tw | hk' }),
    dictionary: nonEmpty.optional().meta({ description: 'user dictionary for script conversion, relative to this file' }),
    template: nonEmpty.optional().meta({ description: 'template: a name (report templates lists them) or a path to a .hbs file, relative to this file; -t wins' }),
    intro: paragraphs.optional(),
    sections: z.array(section).optional(),
    activities: z.array(activity).optional(),
    honors: z.array(honor).optional(),
    metrics: z.array(metric).optional(),
    closing: paragraphs.optional(),
    data: z
      .union([nonEmpty, z.array(nonEmpty).min(1)])
      .optional()
      .meta({ description: 'data files (globs, relative to this file) whose activities, honors and metrics are merged in' }),
    extra: z.record(z.string(), z.unknown()).optional().meta({ description: 'free-form values for custom templates' }),
  })
  .meta({ title: 'report record file', description: 'One official document: its kind, title, unit and content.' });

/** A data file named by a document's `data:`: lists of activities, honors and metrics only. */
export const dataFileSchema = z
  .strictObject({
    activities: z.array(activity).optional(),
    honors: z.array(honor).optional(),
    metrics: z.array(metric).optional(),
  })
  .meta({ title: 'report data file', description: 'Activities, honors and metrics merged into the documents that name this file in `data:`.' });

export type RawRecord = z.infer<typeof recordSchema>;
export type RawDataFile = z.infer<typeof dataFileSchema>;
export type RawPoint = z.infer<typeof point>;
