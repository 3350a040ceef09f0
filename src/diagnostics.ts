/**
 * Diagnostics are data: every stage reports problems as values with a position, and only the
 * CLI prints them, as `FILE:LINE:COL: message (hint)`.
 */

import { messageIn, t, type Args, type Lang } from './messages/index.js';

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  file: string;
  /** 1-based; absent when the problem concerns the whole file. */
  line?: number;
  column?: number;
  severity: Severity;
  /** Stable identifier, e.g. `schema/type`, `yaml/syntax`, `io/read`. */
  code: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  /**
   * The arguments of the code's entry in the message catalogue (src/messages): with them the
   * CLI prints the message in the user's language. `message` and `hint` are the English text.
   */
  args?: Args;
}

/**
 * `FILE:LINE:COL: message (hint)` for errors; warnings and notes say what they are. In Chinese
 * the position is also spelt out and the hint follows a comma:
 * `a.yaml:12:5: 第12行第5列：`metrics[2].value`（本期数） 应为数字（当前为“很多”），请在这里填写数字`,
 * so editors and CI logs still find FILE:LINE:COL.
 */
export function formatDiagnostic(d: Diagnostic, language: Lang = 'en'): string {
  // Anything but 'zh' is English: `diagnostics.map(formatDiagnostic)` passes an index here.
  const lang: Lang = language === 'zh' ? 'zh' : 'en';
  const { message, hint } = messageIn(d, lang);
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const label = d.severity === 'error' ? '' : t(d.severity === 'warning' ? 'severity.warning' : 'severity.note', lang);
  if (lang === 'zh') {
    const at = d.line === undefined ? '' : `第${d.line}行第${d.column ?? 1}列：`;
    return oneLine(`${where}: ${label}${at}${message}${hint ? `，${hint}` : ''}`);
  }
  return oneLine(`${where}: ${label}${message}${hint ? ` (${hint})` : ''}`);
}

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * A message quotes record text, which may hold line breaks, control characters (terminal escape
 * sequences, and the C1 controls U+0080–U+009F that mojibake is full of: U+009B is a terminal's
 * CSI) or bidi overrides: they are shown escaped (`\n`, `\u001B`, `\u202E`), so one problem
 * stays one line, cannot drive the terminal and reads in order.
 */
export function oneLine(text: string): string {
  return text.replace(UNPRINTABLE, (ch) =>
    ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/** A stage result: a value, or the reasons there is none. Warnings travel with either. */
export type Result<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Thrown only for problems the user can fix (bad template, unreadable file), caught by the CLI. */
export class ReportError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = 'ReportError';
  }
}
