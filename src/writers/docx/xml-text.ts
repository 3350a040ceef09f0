/**
 * Characters illegal in XML 1.0 (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, unpaired
 * surrogates) corrupt a docx: the `docx` package escapes markup only. Strip them and count.
 */

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(ILLEGAL, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}
