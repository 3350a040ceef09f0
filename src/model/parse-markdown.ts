/**
 * Markdown (what a template renders) → document model, with marked's lexer. Which Markdown
 * becomes which 公文 element is documented in docs/templates.md:
 *   # → 标题 · ## → 一级标题 · ### → 二级 · #### → 三级 · ##### → 四级
 *   a paragraph opening with **…** → a run-in heading (its level read from its marker)
 *   a GFM table → table · `<!-- signature -->` + lines → 署名 and 成文日期
 * Anything else keeps its text as body paragraphs: no text is ever dropped.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, DocumentModel, HeadingLevel, Inline } from './types.js';

export const SIGNATURE_MARK = '<!-- signature -->';

export function parseMarkdown(markdown: string): DocumentModel {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const blocks: Block[] = [];
  let signatureNext = false;
  const visit = (token: Token) => {
    switch (token.type) {
      case 'heading': {
        const text = plainText((token as Tokens.Heading).tokens);
        const depth = (token as Tokens.Heading).depth;
        blocks.push(depth === 1 ? { type: 'title', text } : { type: 'heading', level: Math.min(depth - 1, 4) as HeadingLevel, text });
        return;
      }
      case 'paragraph': {
        const paragraph = token as Tokens.Paragraph;
        if (signatureNext) {
          signatureNext = false;
          blocks.push({ type: 'signature', lines: signatureLines(paragraph.text) });
          return;
        }
        blocks.push(toParagraph(inlinesOf(paragraph.tokens)));
        return;
      }
      case 'html': {
        const raw = (token as Tokens.HTML).raw.trim();
        if (raw === SIGNATURE_MARK) signatureNext = true;
        else if (!/^<!--[\s\S]*-->$/.test(raw)) blocks.push({ type: 'paragraph', inlines: [{ kind: 'text', text: raw }] });
        return;
      }
      case 'table': {
        const table = token as Tokens.Table;
        blocks.push({
          type: 'table',
          header: table.header.map((cell) => plainText(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => plainText(cell.tokens))),
          align: table.align,
        });
        return;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) item.tokens.forEach(visit);
        return;
      case 'text': {
        // Text directly inside a list item.
        const text = token as Tokens.Text;
        blocks.push(toParagraph(text.tokens ? inlinesOf(text.tokens) : [{ kind: 'text', text: joinLines(text.text) }]));
        return;
      }
      case 'blockquote':
        (token as Tokens.Blockquote).tokens.forEach(visit);
        return;
      case 'code':
        for (const line of (token as Tokens.Code).text.split('\n')) {
          if (line.trim()) blocks.push({ type: 'paragraph', inlines: [{ kind: 'text', text: line }] });
        }
        return;
      default:
        // space, hr, def: nothing to show.
        return;
    }
  };
  tokens.forEach(visit);
  return { blocks };
}

/** A run-in heading's level, read from its marker: 一、 → 1, （一） → 2, 1． → 3, （1） → 4. */
export function leadLevel(text: string): HeadingLevel {
  if (/^[一二三四五六七八九十百]+、/.test(text)) return 1;
  if (/^（[一二三四五六七八九十百]+）/.test(text)) return 2;
  if (/^（\d+）/.test(text)) return 4;
  return 3;
}

const CLOSING_PUNCTUATION = /^[。！？；：，、.!?;:,]/;

/**
 * A paragraph opening with strong text has a run-in heading. The heading also takes the
 * punctuation mark right after the bold (templates write **（一）标题**。 because CommonMark
 * will not close ** after a full-width 。 followed by text).
 */
function toParagraph(inlines: Inline[]): Block {
  const [first, second, ...rest] = inlines;
  if (first?.kind === 'text' && first.strong && !first.emphasis) {
    let lead = first.text;
    const tail: Inline[] = [];
    if (second?.kind === 'text' && !second.strong && !second.emphasis && CLOSING_PUNCTUATION.test(second.text)) {
      lead += second.text[0];
      if (second.text.length > 1) tail.push({ ...second, text: second.text.slice(1) });
    } else if (second) {
      tail.push(second);
    }
    return { type: 'paragraph', lead: { level: leadLevel(lead), text: lead }, inlines: mergeTexts([...tail, ...rest]) };
  }
  return { type: 'paragraph', inlines: mergeTexts(inlines) };
}

function inlinesOf(tokens: Token[] | undefined, style: { strong?: boolean; emphasis?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(...inlinesOf((token as Tokens.Strong).tokens, { ...style, strong: true }));
        break;
      case 'em':
        out.push(...inlinesOf((token as Tokens.Em).tokens, { ...style, emphasis: true }));
        break;
      case 'br':
        out.push({ kind: 'break' });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const label = plainText(link.tokens);
        out.push(styled(label === link.href ? label : `${label}（${link.href}）`, style));
        break;
      }
      case 'text':
      case 'escape':
      case 'codespan':
      case 'del':
      case 'html': {
        const nested = (token as Tokens.Text).tokens;
        if (token.type === 'text' && nested && nested.length > 0) out.push(...inlinesOf(nested, style));
        else out.push(styled(joinLines(textOf(token)), style));
        break;
      }
      default:
        out.push(styled(joinLines(textOf(token)), style));
    }
  }
  return out;
}

function textOf(token: Token): string {
  if (token.type === 'html') return (token as Tokens.HTML).raw.replace(/^<!--[\s\S]*-->$/, '');
  if (token.type === 'escape' || token.type === 'text' || token.type === 'codespan') return decodeEntities((token as Tokens.Text).text);
  if ('tokens' in token && Array.isArray(token.tokens)) return plainText(token.tokens as Token[]);
  return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
}

function styled(text: string, style: { strong?: boolean; emphasis?: boolean }): Inline {
  return { kind: 'text', text, ...(style.strong ? { strong: true } : {}), ...(style.emphasis ? { emphasis: true } : {}) };
}

/** Adjacent runs of the same style become one. */
function mergeTexts(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (inline.kind === 'text' && inline.text === '') continue;
    if (inline.kind === 'text' && last?.kind === 'text' && !!last.strong === !!inline.strong && !!last.emphasis === !!inline.emphasis) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else {
      out.push(inline);
    }
  }
  return out;
}

function plainText(tokens: Token[] | undefined): string {
  return inlinesOf(tokens)
    .map((i) => (i.kind === 'text' ? i.text : ''))
    .join('')
    .trim();
}

/** Each source line of the signature paragraph is one line of the block (unit…, date). */
function signatureLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => plainText(new Lexer({ gfm: true }).inlineTokens(line.replace(/\\$/, ''))))
    .filter((line) => line !== '');
}

/** A soft line break inside a paragraph: nothing between Chinese characters, a space between Latin words. */
function joinLines(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, (_, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** marked hands back text tokens with HTML entities escaped; the model holds plain text. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}
