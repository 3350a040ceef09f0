/**
 * Document model → Markdown: the editors' preview. It parses back to the same model
 * (test/model.test.ts checks the round trip), so preview and Word file cannot disagree.
 */
import type { Block, DocumentModel, Inline } from '../model/types.js';
import { SIGNATURE_MARK } from '../model/parse-markdown.js';
import { escapeMarkdown } from '../template/escape.js';

export function writeMarkdown(model: DocumentModel): string {
  return `${model.blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

function blockToMarkdown(block: Block): string {
  switch (block.type) {
    case 'title':
      return `# ${escapeMarkdown(block.text)}`;
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${escapeMarkdown(block.text)}`;
    case 'paragraph': {
      let lead = '';
      if (block.lead) {
        // The closing punctuation stays outside the bold, as parse-markdown.ts expects.
        const match = /[。！？；：，、.!?;:,]$/.exec(block.lead.text);
        const body = match ? block.lead.text.slice(0, -1) : block.lead.text;
        lead = `**${escapeMarkdown(body)}**${match ? escapeMarkdown(match[0]) : ''}`;
      }
      return lead + block.inlines.map(inlineToMarkdown).join('');
    }
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
      const rule = `|${block.align.map((a) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : a === 'left' ? ':---' : '---')).join('|')}|`;
      return [row(block.header), rule, ...block.rows.map(row)].join('\n');
    }
    case 'signature':
      return `${SIGNATURE_MARK}\n${block.lines.map(escapeMarkdown).join('\n')}`;
  }
}

function inlineToMarkdown(inline: Inline): string {
  if (inline.kind === 'break') return '\\\n';
  let text = escapeMarkdown(inline.text);
  if (inline.emphasis) text = `*${text}*`;
  if (inline.strong) text = `**${text}**`;
  return text;
}
