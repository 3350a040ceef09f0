/**
 * Characters illegal in XML 1.0 (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, unpaired
 * surrogates) corrupt a docx: the `docx` package escapes markup only. Strip them and count.
 *
 * Invisible formatting characters — zero-width (U+200B–U+200D, U+2060, U+FEFF) and bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) — are legal XML but hide or
 * reorder text in a printed 公文 ("Trojan Source"): the Word file drops them too.
 */

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const INVISIBLE_CLASS = '\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');
const HAS_INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`);

/** What the `docx` package escapes in text and attribute values; the controls it drops. */
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** Text or an attribute value escaped as the `docx` package escapes it (C0 controls dropped). */
export const escapeXml = (text: string): string => text.replace(ESCAPED, (ch) => ENTITIES[ch] ?? '');

/** Removes only what XML 1.0 does not allow (ILLEGAL), counting it; invisible characters stay. */
export function xmlLegal(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(ILLEGAL, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}

export function xmlSafe(text: string): { text: string; removed: number } {
  let removed = 0;
  const count = () => {
    removed++;
    return '';
  };
  const cleaned = text.replace(ILLEGAL, count).replace(INVISIBLE, count);
  return { text: cleaned, removed };
}

/** The writer's warning about characters xmlSafe removed, if any. */

/** Names of the invisible characters, for warnings. */
const NAMES: Record<string, string> = {
  '\u061C': 'ARABIC LETTER MARK',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
};

/**
 * Removes zero-width and bidirectional control characters, counting each kind in `found`
 * (shared across calls, so one warning can cover a whole document).
 */
export function stripInvisible(text: string, found: Map<string, number>): string {
  if (!HAS_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (ch) => {
    found.set(ch, (found.get(ch) ?? 0) + 1);
    return '';
  });
}

/** "2 × U+200B ZERO WIDTH SPACE, 1 × U+202E RIGHT-TO-LEFT OVERRIDE" */
export function describeInvisible(found: ReadonlyMap<string, number>): string {
  return [...found]
    .sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
    .map(([ch, n]) => `${n} × U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[ch] ?? ''}`.trimEnd())
    .join(', ');
}
