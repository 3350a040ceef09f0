/** Applies a text transformation (script conversion) to every text the document shows. */
import type { Block, DocumentModel } from './types.js';

export function mapModelText(model: DocumentModel, convert: (text: string) => string): DocumentModel {
  return { blocks: model.blocks.map((block) => mapBlock(block, convert)) };
}

function mapBlock(block: Block, convert: (text: string) => string): Block {
  switch (block.type) {
    case 'title':
    case 'heading':
      return { ...block, text: convert(block.text) };
    case 'paragraph':
      return {
        ...block,
        ...(block.lead ? { lead: { ...block.lead, text: convert(block.lead.text) } } : {}),
        inlines: block.inlines.map((inline) => (inline.kind === 'text' ? { ...inline, text: convert(inline.text) } : inline)),
      };
    case 'table':
      return { ...block, header: block.header.map(convert), rows: block.rows.map((row) => row.map(convert)) };
    case 'signature':
      return { ...block, lines: block.lines.map(convert) };
  }
}
