/**
 * 发文机关署名 and 成文日期 without a seal (GB/T 9704 7.3.5.2): the signature is right-aligned
 * with 2 characters to spare; the date goes on the next line, its first character 2 characters
 * right of the signature's first; a date longer than that is right-spaced 2 characters and the
 * signature moved left to keep the offset.
 *
 * Positions are set as left indents counted in body characters from the start of the line,
 * because a unit name is Chinese and its width exact, while the date's digits are not
 * (processors add space between digits and Chinese differently).
 */

/** Body characters per line (GB/T 9704: 28). */
export const LINE_CHARS = 28;

/** Width in body characters: full-width characters count 1, ASCII (digits) half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return width;
}

const DATE_LINE = /^\d{4}年(\d{1,2}月(\d{1,2}日)?)?$/;

export type LinePlacement = { align: 'left'; indent: number } | { align: 'right'; indent: number };

/** Where each line of the signature block goes: indents in body characters. */
export function placeSignature(lines: readonly string[]): LinePlacement[] {
  const last = lines.length - 1;
  const hasDate = last >= 1 && DATE_LINE.test(lines[last]!.trim());
  const units = hasDate ? lines.slice(0, last) : lines;
  const signatureWidth = Math.max(...units.map((l) => textWidth(l.trim())));
  if (!hasDate) return lines.map(() => ({ align: 'right', indent: 2 }));
  const dateWidth = textWidth(lines[last]!.trim());
  // Normal case: signature ends 2 characters from the right; the date starts 2 characters in from it.
  let signatureStart = LINE_CHARS - 2 - signatureWidth;
  if (signatureStart + 2 + dateWidth > LINE_CHARS - 2) {
    // The date would come closer than 2 characters to the right edge: it is right-spaced 2
    // characters instead, and the signature starts 2 characters before it.
    signatureStart = LINE_CHARS - 2 - dateWidth - 2;
    return [...units.map((): LinePlacement => ({ align: 'left', indent: Math.max(0, signatureStart) })), { align: 'right', indent: 2 }];
  }
  return [...units.map((): LinePlacement => ({ align: 'left', indent: signatureStart })), { align: 'left', indent: signatureStart + 2 }];
}
