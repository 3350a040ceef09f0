/**
 * The validated record in the form the rest of the pipeline uses: canonical kind, parsed dates,
 * text always as a list of paragraphs, defaults filled in.
 */
import type { AGGREGATES, Kind } from './schema.js';
import type { PartialDate } from './dates.js';

export type Aggregate = (typeof AGGREGATES)[number];

/** Where an item was written: its file and the line and column of the list entry. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Point {
  title?: string;
  text: string[];
}

export interface Section {
  heading: string;
  text: string[];
  points: Point[];
}

export interface Activity {
  date?: PartialDate;
  title: string;
  category?: string;
  participants?: number;
  text: string[];
  /** Where it was written (the document or a data file), for diagnostics. */
  source?: SourcePosition;
}

export interface Honor {
  date?: PartialDate;
  title: string;
  by?: string;
  level?: string;
  recipient?: string;
  /** Where it was written (the document or a data file), for diagnostics. */
  source?: SourcePosition;
}

export interface Metric {
  name: string;
  value: number;
  unit: string;
  previous?: number;
  /**
   * When the value was measured. Dated entries of one name are rolled up (records/rollup.ts)
   * into one metric for the period; a rolled-up metric has no date.
   */
  date?: PartialDate;
  /** How dated entries of this name roll up (default last). */
  aggregate?: Aggregate;
  /** Where it was written (for a rolled-up metric: its first entry), for diagnostics. */
  source?: SourcePosition;
}

export interface Period {
  from: PartialDate;
  to: PartialDate;
  /** Where `period:` is written in the record file (roll-up notes point there). */
  source?: SourcePosition;
}

/** One entry of `data:`: a glob relative to the record file, and where it is written. */
export interface DataPattern {
  pattern: string;
  source: SourcePosition;
}

export interface DocumentRecord {
  /** The record file it came from. */
  file: string;
  kind: Kind;
  title: string;
  unit: string;
  date: PartialDate;
  period?: Period;
  script?: 'simplified' | 'traditional' | 'tw' | 'hk';
  /** Absolute path of the record's user dictionary for script conversion. */
  dictionary?: string;
  /** `template:` as written (a name, or a path relative to the record file), and where. */
  template?: { spec: string; source: SourcePosition };
  intro: string[];
  sections: Section[];
  activities: Activity[];
  honors: Honor[];
  metrics: Metric[];
  closing: string[];
  extra: Record<string, unknown>;
  /** The `data:` patterns as written (globs relative to the record file). */
  data?: DataPattern[];
  /** The data files merged in, absolute and sorted (set once they are loaded). */
  dataFiles?: string[];
}
