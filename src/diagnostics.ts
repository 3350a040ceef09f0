/**
 * Diagnostics are data: every stage reports problems as values with a position, and only the
 * CLI prints them, as `FILE:LINE:COL: message (hint)`.
 */

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
}

/** `FILE:LINE:COL: message (hint)` for errors; warnings and notes say what they are. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const label = d.severity === 'error' ? '' : `${d.severity}: `;
  const hint = d.hint ? ` (${d.hint})` : '';
  return oneLine(`${where}: ${label}${d.message}${hint}`);
}

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000A-\u001F\u0085\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * A message quotes record text, which may hold line breaks, control characters (terminal escape
 * sequences) or bidi overrides: they are shown escaped (`\n`, `\u001B`, `\u202E`), so one
 * problem stays one line, cannot drive the terminal and reads in order.
 */
function oneLine(text: string): string {
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
