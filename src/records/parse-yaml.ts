/**
 * text → YAML value, keeping the document so every later diagnostic can point at the line and
 * column of the value it is about.
 *
 * Hostile input is bounded here, before anything else walks the value:
 * - nesting deeper than MAX_DEPTH levels is refused while the text is being tokenised (the yaml
 *   composer recurses, and its tokeniser slows down with depth), so 20,000 `[` cost microseconds;
 * - the value is built without recursion, into null-prototype objects (`__proto__`,
 *   `constructor` and `prototype` are plain keys), checking duplicate keys in linear time (the
 *   yaml package's own check is quadratic in the number of keys);
 * - aliases are copied, not shared, and capped: at most MAX_ALIASES of them, adding at most
 *   MAX_ALIAS_EXPANSION values and characters ("billion laughs");
 * - at most MAX_YAML_ERRORS syntax errors are listed.
 * A syntax error points where the problem starts, found from the parser's tokens: an unclosed
 * quote or bracket at its opening character (the parser reports where it gave up looking, often
 * the end of the file), a list item without `-` at its first character.
 * A file indented with tabs, which YAML forbids, is read with each leading tab as TAB_WIDTH
 * spaces, with a warning.
 */
import {
  CST,
  Composer,
  Lexer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  YAMLParseError,
  type Document,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Diagnostic, Result } from '../diagnostics.js';
import { say, type Args, type DiagnosticCode } from '../messages/index.js';
import { yamlProblem, yamlSyntaxProblem, type YamlErrorKind } from '../messages/yaml-errors.js';

export type PathSegment = string | number;

export interface ParsedYaml {
  value: unknown;
  /**
   * Line and column (1-based) of the value at `path`, or of the closest ancestor that exists.
   * With `find`, of that text inside the value as the file writes it (its `occurrence`-th
   * appearance, 0-based), where the file does write it so (no escape or line fold inside);
   * else of the value.
   */
  positionOf(path: readonly PathSegment[], which?: 'key' | 'value', find?: TextInValue): { line: number; column: number };
}

/** A piece of a scalar's text to point at. */
export interface TextInValue {
  text: string;
  occurrence: number;
}

/** Levels of nesting (mappings and lists, counting aliases); a record needs fewer than ten. */
export const MAX_DEPTH = 100;
/** Aliases (`*name`) in one file; a "billion laughs" file needs many, a record a handful. */
export const MAX_ALIASES = 100;
/** Values and characters all aliases together may add to the record by being copied. */
export const MAX_ALIAS_EXPANSION = 1_000_000;
/** Syntax errors listed for one file; the rest are counted. */
export const MAX_YAML_ERRORS = 20;
/** Columns a leading tab stands for in a file indented with tabs. */
export const TAB_WIDTH = 4;

interface Position {
  line: number;
  column: number;
}

export function parseYaml(file: string, text: string): Result<ParsedYaml> {
  try {
    return parseChecked(file, text);
  } catch (error) {
    // Belt and braces: the limits above keep every stage far from the stack's end.
    if (error instanceof RangeError) return failWhole(file, 'yaml/too-deep', { max: MAX_DEPTH });
    throw error;
  }
}

function parseChecked(file: string, text: string): Result<ParsedYaml> {
  let source = new Source(text);
  let composed = compose(source);
  const diagnostics: Diagnostic[] = [];
  if ('tooDeep' in composed) return tooDeep(file, source.at(composed.tooDeep));
  if (composed.doc.errors.some((e) => e.code === 'TAB_AS_INDENT')) {
    const expanded = Source.withTabsExpanded(text);
    const retried = compose(expanded);
    if ('tooDeep' in retried) return tooDeep(file, expanded.at(retried.tooDeep));
    if (retried.doc.errors.every((e) => e.code !== 'TAB_AS_INDENT')) {
      diagnostics.push({
        file,
        ...expanded.at(expanded.firstTab),
        severity: 'warning',
        ...say('yaml/tabs', { width: TAB_WIDTH }),
      });
      source = expanded;
      composed = retried;
    }
  }
  const { doc } = composed;
  if (doc.errors.length > 0) return { ok: false, diagnostics: [...diagnostics, ...yamlErrors(file, source, doc, composed.tokens)] };
  diagnostics.push(
    ...doc.warnings.map((w): Diagnostic => ({ file, ...source.at(w.pos[0]), severity: 'warning', ...say('yaml/warning', { detail: yamlProblem(w.code, firstLine(w.message)) }) })),
  );
  const built = toValue(doc);
  if (!built.ok) {
    return { ok: false, diagnostics: [...diagnostics, ...capped(file, built.problems.map((p) => ({ file, ...source.at(p.offset), severity: 'error' as const, ...say(p.code, p.args) })))] };
  }
  // Each mapping's pairs by key, built on first use: a lookup per string of a large record
  // must not scan the mapping each time.
  const index = new WeakMap<object, Map<string, Pair>>();
  const pairsOf = (map: YAMLMap): Map<string, Pair> => {
    let pairs = index.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !pairs.has(String(p.key.value))) pairs.set(String(p.key.value), p);
      index.set(map, pairs);
    }
    return pairs;
  };
  return {
    ok: true,
    diagnostics,
    value: {
      value: built.value,
      positionOf(path, which = 'value', find) {
        let node: unknown = doc.contents;
        let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
        // The node the whole path leads to (undefined when it stops at an ancestor).
        let target: Node | undefined = doc.contents ?? undefined;
        for (const [i, segment] of path.entries()) {
          if (isMap(node)) {
            const pair = pairsOf(node).get(String(segment));
            if (!pair) {
              target = undefined;
              break;
            }
            const keyNode = pair.key as Node;
            const valueNode = pair.value as Node | null;
            const last = i === path.length - 1 && which === 'key';
            offset = (last ? keyNode.range?.[0] : valueNode?.range?.[0] ?? keyNode.range?.[0]) ?? offset;
            target = last ? keyNode : valueNode ?? undefined;
            node = valueNode;
          } else if (isSeq(node) && typeof segment === 'number') {
            const item = node.items[segment] as Node | undefined;
            if (!item) {
              target = undefined;
              break;
            }
            offset = item.range?.[0] ?? offset;
            target = item;
            node = item;
          } else {
            target = undefined;
            break;
          }
        }
        if (find && target && isScalar(target) && target.range) {
          const at = nthIndexOf(source.text.slice(target.range[0], target.range[1]), find.text, find.occurrence);
          if (at >= 0) return source.at(target.range[0] + at);
        }
        return source.at(offset);
      },
    },
  };
}

/** Where `needle` appears for the n-th time (0-based) in `text`, or -1. */
function nthIndexOf(text: string, needle: string, n: number): number {
  if (needle === '') return -1;
  let at = text.indexOf(needle);
  for (let k = 0; k < n && at >= 0; k++) at = text.indexOf(needle, at + needle.length);
  return at;
}

/** The text the parser read, and how its offsets map back to lines and columns of the file. */
class Source {
  /**
   * Line starts, from the text itself: the parser's own count misses the line breaks inside
   * some tokens of broken YAML (a plain scalar over two lines where a `:` was expected), which
   * put every later error a line too high.
   */
  private readonly lineCounter = new LineCounter();

  /**
   * @param expandedLines per line (0-based) whose leading tabs were expanded: [characters
   *   before, characters after]
   * @param firstTab offset (in this text) of the first expanded tab
   */
  constructor(
    readonly text: string,
    private readonly expandedLines = new Map<number, [number, number]>(),
    readonly firstTab = 0,
  ) {
    this.lineCounter.addNewLine(0);
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.lineCounter.addNewLine(nl + 1);
  }

  static withTabsExpanded(original: string): Source {
    const expandedLines = new Map<number, [number, number]>();
    let offset = 0;
    let firstTab = -1;
    const lines = original.split('\n').map((line, i) => {
      const lead = /^[ \t]*/.exec(line)![0];
      let result = line;
      if (lead.includes('\t')) {
        let width = 0;
        for (const ch of lead) width = ch === '\t' ? (Math.floor(width / TAB_WIDTH) + 1) * TAB_WIDTH : width + 1;
        if (firstTab < 0) firstTab = offset;
        expandedLines.set(i, [lead.length, width]);
        result = ' '.repeat(width) + line.slice(lead.length);
      }
      offset += result.length + 1;
      return result;
    });
    return new Source(lines.join('\n'), expandedLines, Math.max(firstTab, 0));
  }

  /** 1-based line and column in the original file. */
  at(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(Math.min(Math.max(offset, 0), this.text.length));
    const shift = this.expandedLines.get(line - 1);
    if (!shift) return { line, column: col };
    const [before, after] = shift;
    return { line, column: col - 1 < after ? Math.min(col, before + 1) : col - (after - before) };
  }
}

/**
 * The first document of the text and the parser's tokens (CST) it was composed from, or the
 * offset where nesting went past MAX_DEPTH.
 */
function compose(source: Source): { doc: Document.Parsed; tokens: CST.Token[] } | { tooDeep: number } {
  const gauge = new DepthGauge(MAX_DEPTH);
  const parser = new Parser();
  const kept: CST.Token[] = [];
  function* tokens() {
    for (const lexeme of new Lexer().lex(source.text, false)) {
      if (gauge.feed(lexeme)) throw gauge;
      for (const token of parser.next(lexeme)) {
        kept.push(token);
        yield token;
      }
    }
    for (const token of parser.end()) {
      kept.push(token);
      yield token;
    }
  }
  const composer = new Composer({ uniqueKeys: false, strict: true, prettyErrors: false });
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(tokens(), true, source.text.length)) {
      if (!doc) {
        doc = next;
      } else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'the file holds more than one YAML document'));
        break;
      }
    }
  } catch (error) {
    if (error === gauge) return { tooDeep: gauge.offset };
    throw error;
  }
  return { doc: doc!, tokens: kept };
}

/**
 * Nesting depth from the tokens, as they stream: flow brackets plus the block collections
 * opened by indentation and by compact indicators (`- - x`, `? ? x`). An estimate that is never
 * below the real depth of the block structure it can see, and costs nothing per token.
 */
class DepthGauge {
  offset = 0;
  private flow = 0;
  private readonly columns: number[] = [];
  private column = 0;
  private expectContent = true;
  private scalarNext = false;

  constructor(private readonly limit: number) {}

  /** True when the depth went past the limit at this token. */
  feed(lexeme: string): boolean {
    if (this.scalarNext) {
      this.scalarNext = false;
      const lead = /^[ \t]*/.exec(lexeme)![0].length;
      const over = this.content(this.column + lead);
      this.advance(lexeme);
      return over;
    }
    let over = false;
    switch (CST.tokenType(lexeme)) {
      case 'scalar':
        this.scalarNext = true;
        return false;
      case 'doc-mode':
      case 'flow-error-end':
        return false;
      case 'newline':
        this.expectContent = true;
        break;
      case 'space':
      case 'comment':
      case 'comma':
      case 'byte-order-mark':
        break;
      case 'doc-start':
      case 'doc-end':
        this.columns.length = 0;
        this.flow = 0;
        this.expectContent = true;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        over = this.content(this.column);
        this.flow++;
        over ||= this.columns.length + this.flow > this.limit;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        this.flow = Math.max(0, this.flow - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        over = this.content(this.column);
        if (this.flow === 0) this.expectContent = true;
        break;
      default:
        over = this.content(this.column);
    }
    this.advance(lexeme);
    return over;
  }

  private content(column: number): boolean {
    if (this.flow > 0 || !this.expectContent) return false;
    this.expectContent = false;
    while (this.columns.length > 0 && this.columns[this.columns.length - 1]! >= column) this.columns.pop();
    this.columns.push(column);
    return this.columns.length + this.flow > this.limit;
  }

  private advance(lexeme: string): void {
    const newline = lexeme.lastIndexOf('\n');
    this.column = newline < 0 ? this.column + lexeme.length : lexeme.length - newline - 1;
    this.offset += lexeme.length;
  }
}

interface Problem {
  offset: number;
  code: DiagnosticCode;
  args: Args;
}

interface Task {
  node: unknown;
  depth: number;
  /** Inside a copy of an alias's target: anchors there are not definitions. */
  inAlias: boolean;
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

/**
 * The document as plain data, without recursion: null-prototype objects, arrays and scalars.
 * Aliases become copies of their anchor's value, within the caps.
 */
function toValue(doc: Document.Parsed): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const root: unknown[] = [null];
  const stack: Task[] = [{ node: doc.contents, depth: 1, inAlias: false, parent: root, key: 0 }];
  const anchors = new Map<string, unknown>();
  const problems: Problem[] = [];
  let aliases = 0;
  let expansion = 0;
  const offsetOf = (node: unknown) => (node as Node | null)?.range?.[0] ?? 0;
  const fatal = (node: unknown, code: DiagnosticCode, args: Args) => ({ ok: false as const, problems: [...problems, { offset: offsetOf(node), code, args }] });

  while (stack.length > 0) {
    const task = stack.pop()!;
    const { node, depth, inAlias } = task;
    const set = (value: unknown) => {
      (task.parent as Record<string | number, unknown>)[task.key] = value;
    };
    if (node === null || node === undefined) {
      set(null);
      continue;
    }
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) {
        return fatal(node, 'yaml/aliases', { max: MAX_ALIASES });
      }
      const target = anchors.get(node.source);
      if (target === undefined) {
        problems.push({ offset: offsetOf(node), code: 'yaml/alias', args: { name: node.source } });
        set(null);
        continue;
      }
      stack.push({ ...task, node: target, inAlias: true });
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && !inAlias) anchors.set(anchor, node);
    if (depth > MAX_DEPTH) {
      return fatal(node, 'yaml/too-deep', { max: MAX_DEPTH, aliases: inAlias ? { en: ' (counting what aliases repeat)', zh: '（含别名展开的内容）' } : '' });
    }
    let size = 1;
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'string') size += value.length;
      set(value);
    } else if (isMap(node)) {
      const out = Object.create(null) as Record<string, unknown>;
      set(out);
      const seen = new Set<string>();
      const children: Task[] = [];
      for (const pair of node.items) {
        const keyNode = isAlias(pair.key) ? anchors.get(pair.key.source) ?? pair.key : pair.key;
        if (keyNode !== null && keyNode !== undefined && !isScalar(keyNode)) {
          problems.push({ offset: offsetOf(pair.key), code: 'yaml/complex-key', args: {} });
          continue;
        }
        const raw = isScalar(keyNode) ? keyNode.value : null;
        const key = raw === null || raw === undefined ? '' : String(raw);
        size += key.length;
        if (seen.has(key)) {
          problems.push({ offset: offsetOf(pair.key), code: 'yaml/duplicate-key', args: { key } });
          continue;
        }
        seen.add(key);
        out[key] = null;
        children.push({ node: pair.value, depth: depth + 1, inAlias, parent: out, key });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (isSeq(node)) {
      const out: unknown[] = new Array<unknown>(node.items.length).fill(null);
      set(out);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: depth + 1, inAlias, parent: out, key: i });
    } else {
      set(null);
    }
    if (inAlias && (expansion += size) > MAX_ALIAS_EXPANSION) {
      return fatal(node, 'yaml/alias-expansion', { max: MAX_ALIAS_EXPANSION.toLocaleString('en') });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: root[0] };
}

function yamlErrors(file: string, source: Source, doc: Document.Parsed, tokens: readonly CST.Token[]): Diagnostic[] {
  const errors = doc.errors;
  const sites = new SyntaxSites(source.text, tokens, doc);
  const placed = errors.map((e): { offset: number; diagnostic: Diagnostic; unclosed?: boolean } => {
    if (e.code === 'RESOURCE_EXHAUSTION' || /Maximum call stack/i.test(e.message)) {
      return { offset: e.pos[0], diagnostic: { file, ...source.at(e.pos[0]), severity: 'error', ...say('yaml/too-deep', { max: MAX_DEPTH }) } };
    }
    if (e.code === 'MULTIPLE_DOCS') {
      return { offset: e.pos[0], diagnostic: { file, ...source.at(e.pos[0]), severity: 'error', ...say('yaml/documents') } };
    }
    const { offset, kind } = sites.locate(e);
    const args = yamlSyntaxProblem(e.code, kind, firstLine(e.message));
    const unclosed = kind !== undefined && kind.startsWith('unclosed-');
    return { offset, unclosed, diagnostic: { file, ...source.at(offset), severity: 'error', ...say('yaml/syntax', args) } };
  });
  // Moved to where each problem starts, the errors are listed in the order of the file.
  placed.sort((a, b) => a.offset - b.offset);
  // Past a quote or bracket left open the parser is lost (the lexer takes the next lines for
  // part of the bracket, a value for a key …): what it reports there is counted, not listed,
  // so the clerk fixes the cause first.
  const open = placed.find((p) => p.unclosed);
  const shown = open ? placed.filter((p) => p.offset <= open.offset || p.unclosed) : placed;
  return capped(
    file,
    shown.map((p) => p.diagnostic),
    placed.length - shown.length,
  );
}

/**
 * Where the problems the parser reports begin. The parser reports an unclosed quote or bracket
 * where it stopped looking for the closing one (often the end of the file), and a list item
 * without `-` where the item before it ends. Its tokens (the CST) tell which quotes and brackets
 * are left open and which list items have no `-`; the composed document tells where the parser
 * reported each, so an error is matched by code and position, never by its wording.
 */
class SyntaxSites {
  /** Quoted scalars without their closing quote, by the offset where they end. */
  private readonly quotes = new Map<number, CST.FlowScalar>();
  /** Flow collections (`[…]`, `{…}`) without their closing bracket, by where they are reported. */
  private readonly flows = new Map<number, Array<{ offset: number; map: boolean }>>();
  /** Block-sequence items without `-`: where they are reported → the item's first character. */
  private readonly bareItems = new Map<number, number>();
  /** Offsets of block-mapping keys with no `:` after them. */
  private readonly bareKeys = new Set<number>();

  constructor(
    private readonly text: string,
    tokens: readonly CST.Token[],
    doc: Document.Parsed,
  ) {
    const open: Array<{ offset: number; map: boolean }> = [];
    /** Items without `-`: their sequence's offset and index among its composed items. */
    const bare: Array<{ seq: number; index: number; first: number; content: number }> = [];
    // Without recursion: the tokens nest as deep as the text (MAX_DEPTH bounds it, loosely).
    const stack: CST.Token[] = [...tokens];
    const push = (token: CST.Token | null | undefined) => {
      if (token) stack.push(token);
    };
    while (stack.length > 0) {
      const token = stack.pop()!;
      switch (token.type) {
        case 'document':
          token.start.forEach(push);
          push(token.value);
          token.end?.forEach(push);
          break;
        case 'block-scalar':
          token.props.forEach(push);
          break;
        case 'block-seq': {
          // The composer skips items with neither `-` nor content (comments); `index` counts the rest.
          let index = 0;
          for (const item of token.items) {
            item.start.forEach(push);
            push(item.value);
            const content = item.start.find((t) => t.type === 'anchor' || t.type === 'tag') ?? item.value;
            const dash = item.start.some((t) => t.type === 'seq-item-ind');
            if (content && !dash) bare.push({ seq: token.offset, index, first: item.start[0]?.offset ?? content.offset, content: content.offset });
            if (content || dash) index++;
          }
          break;
        }
        case 'block-map':
          for (const item of token.items) {
            item.start.forEach(push);
            push(item.key);
            const sep = 'sep' in item ? (item.sep ?? []) : [];
            sep.forEach(push);
            push(item.value);
            if (item.key && !sep.some((t) => t.type === 'map-value-ind')) this.bareKeys.add(item.key.offset);
          }
          break;
        case 'flow-collection': {
          push(token.start);
          for (const item of token.items) {
            item.start.forEach(push);
            push(item.key);
            item.sep?.forEach(push);
            push(item.value);
          }
          token.end.forEach(push);
          const map = token.start.source === '{';
          if (token.end[0]?.source !== (map ? '}' : ']')) open.push({ offset: token.offset, map });
          break;
        }
        case 'double-quoted-scalar':
        case 'single-quoted-scalar': {
          const quote = token.type === 'double-quoted-scalar' ? '"' : "'";
          if (token.source.length === 1 || !token.source.endsWith(quote)) this.quotes.set(token.offset + token.source.length, token);
          token.end?.forEach(push);
          break;
        }
        case 'alias':
        case 'scalar':
          token.end?.forEach(push);
          break;
        default:
          break;
      }
    }
    if (open.length === 0 && bare.length === 0) return;
    // Where the parser reports these: a collection left open where its composed content ends
    // (its range's middle), an item without `-` where the composed item before it ends.
    const composed = collections(doc);
    for (const flow of open) {
      const node = composed.get(flow.offset)?.find((c) => c.flow && (flow.map ? isMap(c) : isSeq(c)));
      const at = node?.range?.[1];
      if (at === undefined) continue;
      this.flows.set(at, [...(this.flows.get(at) ?? []), flow]);
    }
    for (const item of bare) {
      const seq = composed.get(item.seq)?.find((c) => isSeq(c) && !c.flow);
      const at = item.index === 0 ? item.seq : (seq?.items[item.index - 1] as Node | undefined)?.range?.[2];
      this.bareItems.set(at ?? item.first, item.content);
    }
  }

  /** Where the problem of a syntax error begins, and which problem it is when the tokens tell. */
  locate(error: YAMLError): { offset: number; kind?: YamlErrorKind } {
    const at = error.pos[0];
    if (error.code === 'MISSING_CHAR') {
      const quote = this.quotes.get(at);
      if (quote) {
        this.quotes.delete(at);
        return { offset: quote.offset, kind: quote.type === 'double-quoted-scalar' ? 'unclosed-double-quote' : 'unclosed-single-quote' };
      }
    }
    if (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') {
      // Nested collections left open can end at the same place; the parser reports the
      // innermost first, so each error takes the innermost one not yet taken.
      const open = this.flows.get(at);
      if (open && open.length > 0) {
        let inner = 0;
        for (let i = 1; i < open.length; i++) if (open[i]!.offset > open[inner]!.offset) inner = i;
        const [flow] = open.splice(inner, 1);
        return { offset: flow!.offset, kind: flow!.map ? 'unclosed-flow-map' : 'unclosed-flow-seq' };
      }
    }
    if (error.code === 'MISSING_CHAR') {
      const item = this.bareItems.get(at);
      if (item !== undefined) {
        this.bareItems.delete(at);
        return { offset: item, kind: 'seq-item-without-dash' };
      }
      if (this.bareKeys.has(at)) return { offset: at, kind: 'key-without-colon' };
    }
    return { offset: this.pastIndent(at) };
  }

  /** An offset in a line's indentation moves to the line's first character, where the clerk looks. */
  private pastIndent(offset: number): number {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    if (!/^ *$/.test(this.text.slice(lineStart, offset))) return offset;
    let i = offset;
    while (this.text[i] === ' ') i++;
    return i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r' ? i : offset;
  }
}

/** The composed mappings and lists of a document, by the offset where each begins. */
function collections(doc: Document.Parsed): Map<number, Array<YAMLMap | YAMLSeq>> {
  const found = new Map<number, Array<YAMLMap | YAMLSeq>>();
  const note = (node: YAMLMap | YAMLSeq) => {
    if (node.range) found.set(node.range[0], [...(found.get(node.range[0]) ?? []), node]);
  };
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      note(node);
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      note(node);
      for (const pair of node.items) stack.push(pair.key, pair.value);
    }
  }
  return found;
}

/** The first MAX_YAML_ERRORS problems, and a count of the rest and of those left unlisted. */
function capped(file: string, diagnostics: Diagnostic[], unlisted = 0): Diagnostic[] {
  if (diagnostics.length <= MAX_YAML_ERRORS && unlisted === 0) return diagnostics;
  const rest = Math.max(0, diagnostics.length - MAX_YAML_ERRORS) + unlisted;
  return [
    ...diagnostics.slice(0, MAX_YAML_ERRORS),
    { file, severity: 'error', ...say('yaml/more-errors', { count: rest }) },
  ];
}

function tooDeep(file: string, at: Position): Result<ParsedYaml> {
  return {
    ok: false,
    diagnostics: [{ file, ...at, severity: 'error', ...say('yaml/too-deep', { max: MAX_DEPTH }) }],
  };
}

function failWhole(file: string, code: DiagnosticCode, args: Args): Result<ParsedYaml> {
  return { ok: false, diagnostics: [{ file, line: 1, column: 1, severity: 'error', ...say(code, args) }] };
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
