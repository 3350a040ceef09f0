/**
 * Turns a catalogue entry and its arguments into text in one language. Placeholders are
 * `{name}`; `{name|one|other}` picks the English singular or plural by the number in `name`
 * (Chinese has no plural, so its texts never need the form).
 */
import type { Lang } from './lang.js';

/** Text that differs by language, for arguments that are words rather than data. */
export interface Phrase {
  en: string;
  zh: string;
}

export type Arg = string | number | Phrase;
export type Args = Readonly<Record<string, Arg>>;

/** A message and what to do about it, in both languages. */
export interface Entry {
  en: string;
  zh: string;
  hint?: Phrase;
}

export const isPhrase = (value: unknown): value is Phrase =>
  typeof value === 'object' && value !== null && typeof (value as Phrase).en === 'string' && typeof (value as Phrase).zh === 'string';

/** An argument in one language: phrases pick their language, data stays as it is. */
export function argText(value: Arg | undefined, lang: Lang): string {
  if (value === undefined) return '';
  if (isPhrase(value)) return value[lang];
  return String(value);
}

const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

export function interpolate(template: string, args: Args, lang: Lang): string {
  return template.replace(PLACEHOLDER, (_all, name: string, one?: string, other?: string) => {
    const value = args[name];
    if (one !== undefined) return Number(argText(value, lang)) === 1 ? one : (other ?? '');
    return argText(value, lang);
  });
}

/** The placeholder names a template uses (plural forms count as uses of their number). */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}
