/**
 * Record text enters the Markdown as text, never as markup: a record cannot start a heading,
 * a table or emphasis. Template text is trusted and not escaped.
 */

// Characters with inline meaning anywhere in a line.
const INLINE_SPECIALS = /[\\`*_[\]<>#|~&]/g;
// Characters that only mean something at the start of a line: list, quote, setext, ordered list.
const LINE_START = /^(\s*)([-+=>]|\d+[.)])/;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIALS, (ch) => `\\${ch}`)
    .replace(LINE_START, (_, space: string, mark: string) => `${space}${mark.replace(/[-+=>.)]$/, (c) => `\\${c}`)}`);
}

/** Escapes every string in a plain data tree (records are JSON-like after validation). */
export function escapeTree<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdown(value) as T;
  if (Array.isArray(value)) return value.map(escapeTree) as T;
  if (value !== null && typeof value === 'object') {
    // A null-prototype copy: keys such as __proto__ stay data.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [key, inner] of Object.entries(value)) out[key] = escapeTree(inner);
    return out as T;
  }
  return value;
}
