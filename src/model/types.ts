/**
 * The document model: what the rendered Markdown means as a 公文 (official document).
 * Both writers (docx, Markdown) read this and nothing else.
 */

/** 标题层次 — 一、 (1) → （一） (2) → 1． (3) → （1） (4). */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Inline =
  | { kind: 'text'; text: string; strong?: boolean; emphasis?: boolean }
  /** A hard line break inside a paragraph. */
  | { kind: 'break' };

export type Block =
  /** 标题 — the document title, 2号 小标宋, centred. */
  | { type: 'title'; text: string }
  /** A heading on its own line. */
  | { type: 'heading'; level: HeadingLevel; text: string }
  /**
   * A body paragraph. `lead` is a run-in heading (the Markdown `**…**` a paragraph opens with),
   * e.g. "（一）健全领导机构。" followed by body text on the same line.
   */
  | { type: 'paragraph'; lead?: { level: HeadingLevel; text: string }; inlines: Inline[] }
  | { type: 'table'; header: string[]; rows: string[][]; align: Array<'left' | 'center' | 'right' | null> }
  /** 发文机关署名 and 成文日期: the lines of the signature block, unit first, date last. */
  | { type: 'signature'; lines: string[] };

export interface DocumentModel {
  blocks: Block[];
}

/** Plain text of a block, for tests, metadata and checks. */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'title':
    case 'heading':
      return block.text;
    case 'paragraph':
      return (block.lead?.text ?? '') + block.inlines.map((i) => (i.kind === 'text' ? i.text : '\n')).join('');
    case 'table':
      return [block.header, ...block.rows].map((r) => r.join('\t')).join('\n');
    case 'signature':
      return block.lines.join('\n');
  }
}
