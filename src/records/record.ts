/**
 * The validated record in the form the rest of the pipeline uses: canonical kind, parsed dates,
 * text always as a list of paragraphs, defaults filled in.
 */
import type { Kind } from './schema.js';
import type { PartialDate } from './dates.js';

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
}

export interface Honor {
  date?: PartialDate;
  title: string;
  by?: string;
  level?: string;
  recipient?: string;
}

export interface Metric {
  name: string;
  value: number;
  unit: string;
  previous?: number;
}

export interface Period {
  from: PartialDate;
  to: PartialDate;
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
  intro: string[];
  sections: Section[];
  activities: Activity[];
  honors: Honor[];
  metrics: Metric[];
  closing: string[];
  extra: Record<string, unknown>;
}
