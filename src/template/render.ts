/**
 * Runs a Handlebars template over the record's context and returns the Markdown it renders.
 *
 * - Templates, partials and user helpers are found by resolve.ts: the template's own folder, the
 *   project's template folder, then the built-ins.
 * - Before anything runs, the template and every partial it uses are parsed and checked: a syntax
 *   error, an unclosed block, an unknown helper or a missing partial is reported as
 *   `TEMPLATE:LINE:COL: message`, in the file (template or partial) where it is. (The built-in
 *   templates the bundle carries compiled were checked so when it was built: precompiled.ts.)
 * - Every `{{field}}` the template prints goes through one internal helper, so a field the record
 *   does not have is a warning naming the field, the record and the place in the template,
 *   instead of a silent blank; a list or a group of fields printed as text is an error.
 * - A helper that throws is reported at the position of its call.
 * - HTML escaping is off — the output is Markdown, and record text is escaped for Markdown before
 *   it reaches the template (context.ts → escape.ts). Prototype access stays off.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Handlebars from 'handlebars';
import type { HelperDelegate } from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import type { Diagnostic, Result } from '../diagnostics.js';
import { closest } from '../records/messages.js';
import { escapeMarkdown } from './escape.js';
import { helpers as builtinHelpers } from './helpers.js';
import { BUILTIN_TEMPLATE_DIR, BUILTIN_TEMPLATES, HELPERS_FILE, PARTIALS_FOLDER, helperFiles, partialFiles, templateLayers } from './resolve.js';
import { BUILTIN_MARK, precompiledFor, templateFileOf } from './precompiled.js';
import { didYouMean, found, same, say, type Args, type DiagnosticCode, type Phrase } from '../messages/index.js';

export { BUILTIN_TEMPLATE_DIR, BUILTIN_TEMPLATES, builtinTemplatePath } from './resolve.js';

/** Handlebars' own helpers: a helpers.mjs may not replace these. */
export const HANDLEBARS_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;
const HOOKS = ['helperMissing', 'blockHelperMissing'];
/** The internal helper every printed field goes through. */
const FIELD = '__report_field';

const COMPILE_OPTIONS = { noEscape: true, strict: false } as const;
const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

export interface RenderTemplateOptions {
  /** The project's template folder: its partials and helpers.mjs come before the built-ins. */
  projectFolder?: string;
  /** The record being rendered: missing-field warnings name it. */
  recordFile?: string;
  /** Template paths inside messages are shown relative to this folder (default: the process's). */
  cwd?: string;
}

// ---------------------------------------------------------------------------------------------
// The Handlebars AST, as far as it is read here.

interface Position {
  line: number;
  column: number;
}
interface Loc {
  start: Position;
  end?: Position;
}
interface Node {
  type: string;
  loc?: Loc;
  [key: string]: unknown;
}
interface PathNode extends Node {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}
interface ProgramNode extends Node {
  type: 'Program';
  body: Node[];
  blockParams?: string[];
}
interface CallNode extends Node {
  path: Node;
  params: Node[];
  hash?: { type: 'Hash'; pairs: Array<{ key: string; value: Node }> };
  program?: ProgramNode;
  inverse?: ProgramNode;
}

const isPath = (node: Node | undefined): node is PathNode => node?.type === 'PathExpression';

/** A problem found before rendering, or raised by a helper while rendering. */
class TemplateProblem extends Error {
  constructor(
    readonly code: DiagnosticCode,
    readonly args: Args,
    readonly at: Position | undefined,
    public file: string | undefined,
  ) {
    super(say(code, args).message);
  }
}

type HandlebarsCompiler = typeof Handlebars;
/** Only the runtime loads up front: a built-in template comes precompiled (precompiled.ts). */
const runtime = HandlebarsRuntime as unknown as HandlebarsCompiler;
let compiler: HandlebarsCompiler | undefined;

/** The Handlebars parser and compiler, loaded the first time a template has to be compiled. */
async function loadCompiler(): Promise<HandlebarsCompiler> {
  if (!compiler) {
    const loaded = (await import('handlebars')).default;
    // Keep the parser's error details (token, position): Handlebars' default drops them.
    (loaded as unknown as { Parser: { parseError: (message: string, hash: unknown) => never } }).Parser.parseError = (message, hash) => {
      throw Object.assign(new Error(message), { hash });
    };
    compiler = loaded;
  }
  return compiler;
}

// ---------------------------------------------------------------------------------------------
// Parsing, with positioned messages.

interface ParseHash {
  text?: string;
  token?: string;
  loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
  expected?: string[];
}

const TOKEN_NAMES: Record<string, string> = {
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_RAW_BLOCK: '}}}}',
  OPEN_ENDBLOCK: '{{/…}}',
  INVERSE: '{{else}}',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  OPEN_SEXPR: '(',
  CLOSE_SEXPR: ')',
  ID: 'a name',
  STRING: 'text in quotes',
  NUMBER: 'a number',
  DATA: 'an @name',
  EQUALS: '=',
  SEP: '. or /',
  EOF: 'the end of the file',
  OPEN_BLOCK_PARAMS: 'as |…|',
};

/** The tokens worth suggesting when a tag is malformed, most likely first. */
const EXPECTED_ORDER = ['CLOSE', 'OPEN_ENDBLOCK', 'INVERSE', 'ID', 'STRING', 'CLOSE_SEXPR', 'EQUALS'];

/** Line and column (1-based) of an offset in a text. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The innermost block opened and not closed, by a scan of the source (comments skipped). */
function unclosedBlock(source: string): { name: string; at: Position } | undefined {
  const stack: Array<{ name: string; offset: number }> = [];
  const tag = /\{\{(!--[\s\S]*?--~?\}\}|![\s\S]*?\}\}|~?\s*([#^/])\s*[*>]?\s*([^\s}~()]*))/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const [, , sigil, name] = m;
    if (!sigil) continue;
    if (sigil === '/') {
      const i = stack.map((s) => s.name).lastIndexOf(name ?? '');
      if (i >= 0) stack.length = i;
    } else if (name) {
      stack.push({ name, offset: m.index });
    }
  }
  const open = stack[stack.length - 1];
  return open ? { name: open.name, at: positionAt(source, open.offset) } : undefined;
}

function parseProblem(file: string, source: string, error: unknown): TemplateProblem {
  const e = error as Error & { hash?: ParseHash; lineNumber?: number; column?: number };
  const hash = e.hash;
  if (hash?.token === 'EOF') {
    if (hash.expected?.includes("'OPEN_ENDBLOCK'")) {
      const open = unclosedBlock(source);
      if (open) return new TemplateProblem('template/unclosed-block', { name: open.name }, open.at, file);
    }
    const lastOpen = source.lastIndexOf('{{');
    if (lastOpen >= 0 && source.indexOf('}}', lastOpen) < 0) {
      return new TemplateProblem('template/unclosed-mustache', {}, positionAt(source, lastOpen), file);
    }
  }
  if (hash?.loc) {
    const got = hash.token === 'INVALID' ? `"${hash.text ?? ''}"` : (TOKEN_NAMES[hash.token ?? ''] ?? `"${hash.text ?? hash.token ?? ''}"`);
    const wanted = new Set((hash.expected ?? []).map((t) => t.replace(/'/g, '')));
    const expected = EXPECTED_ORDER.filter((t) => wanted.has(t)).map((t) => TOKEN_NAMES[t]!);
    const wanted_: Phrase = expected.length > 0 ? { en: expected.slice(0, 3).join(' or '), zh: expected.slice(0, 3).join(' 或 ') } : { en: 'something else: check the {{ … }} here', zh: '别的内容：请检查这里的 {{ … }}' };
    return new TemplateProblem('template/syntax', { got, expected: wanted_ }, { line: hash.loc.last_line, column: hash.loc.last_column + 1 }, file);
  }
  // Handlebars' own checks: "each doesn't match if - 3:4".
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(e.message);
  const at = e.lineNumber !== undefined ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined;
  if (mismatch) {
    return new TemplateProblem('template/mismatch', { open: mismatch[1]!, close: mismatch[2]! }, at, file);
  }
  return new TemplateProblem('template/error', { detail: e.message.split('\n')[0]!.replace(/ - \d+:\d+$/, '') }, at, file);
}

interface ParsedFile {
  file: string;
  source: string;
  ast: ProgramNode;
}

/** Reads and parses a template file with the compiler `loadCompiler()` gave. */
function parseFile(hbs: HandlebarsCompiler, file: string): ParsedFile {
  let source: string;
  try {
    source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new TemplateProblem('template/read', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }, undefined, file);
  }
  try {
    // Unprocessed: compile() applies the standalone-line whitespace rules itself, once.
    return { file, source, ast: hbs.parseWithoutProcessing(source) as unknown as ProgramNode };
  } catch (error) {
    throw parseProblem(file, source, error);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks before rendering: helpers and partials exist.

interface Registry {
  helpers: Set<string>;
  partials: Map<string, string>;
  layers: string[];
}

const at = (node: Node | undefined): Position | undefined => (node?.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : undefined);

/**
 * The partials a file uses by name, and the problems in it; `dynamicPartials`: whether what it
 * renders also depends on partials it does not name for sure (`{{> (lookup …)}}`, or a partial
 * block whose partial does not exist, which a project's partial of that name would replace).
 */
function checkFile(parsed: ParsedFile, registry: Registry): { problems: TemplateProblem[]; partials: string[]; dynamicPartials: boolean } {
  const problems: TemplateProblem[] = [];
  const references: Array<{ name: string; node: Node; block: boolean }> = [];
  const inline = new Set<string>();
  let dynamicPartials = false;
  const problem = (code: DiagnosticCode, args: Args, node: Node | undefined) => problems.push(new TemplateProblem(code, args, at(node), parsed.file));

  const checkHelper = (pathNode: PathNode, scope: readonly string[]) => {
    const name = pathNode.original;
    const simple = !pathNode.data && pathNode.depth === 0 && pathNode.parts.length === 1;
    if (simple && (scope.includes(name) || registry.helpers.has(name))) return;
    const suggestion = closest(name, [...registry.helpers].filter((h) => h !== FIELD && !HOOKS.includes(h)));
    const hint: Phrase = suggestion
      ? didYouMean(suggestion)
      : { en: `docs/templates.md lists the helpers; your own go in ${HELPERS_FILE} in the template folder`, zh: `docs/templates.md 列出了所有辅助函数；自己的辅助函数请写在模板文件夹的 ${HELPERS_FILE} 里` };
    problem('template/unknown-helper', { name, suggestion: hint }, pathNode);
  };

  const visit = (node: Node | undefined, scope: readonly string[]): void => {
    if (!node || typeof node !== 'object') return;
    const call = node as CallNode;
    switch (node.type) {
      case 'Program': {
        const program = node as ProgramNode;
        const inner = [...scope, ...(program.blockParams ?? [])];
        for (const statement of program.body) visit(statement, inner);
        return;
      }
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const isCall = node.type === 'SubExpression' || call.params.length > 0 || call.hash !== undefined;
        if (isCall && isPath(call.path)) checkHelper(call.path, scope);
        break;
      }
      case 'DecoratorBlock': {
        const name = call.params[0];
        if (isPath(call.path) && call.path.original === 'inline' && name?.type === 'StringLiteral') inline.add(String(name['value']));
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const nameNode = node['name'] as Node;
        const name = isPath(nameNode) ? nameNode.original : nameNode.type === 'StringLiteral' ? String(nameNode['value']) : undefined;
        if (name !== undefined && !name.startsWith('@')) references.push({ name, node: nameNode, block: node.type === 'PartialBlockStatement' });
        else if (name === undefined) dynamicPartials = true;
        break;
      }
      default:
        return;
    }
    for (const param of call.params ?? []) visit(param, scope);
    for (const pair of call.hash?.pairs ?? []) visit(pair.value, scope);
    visit(call.program, scope);
    visit(call.inverse, scope);
  };
  visit(parsed.ast, []);

  // Partial names are checked once the file's inline partials ({{#*inline "x"}}) are known.
  const partials: string[] = [];
  const known = [...registry.partials.keys()];
  for (const { name, node, block } of references) {
    if (inline.has(name)) continue;
    if (registry.partials.has(name)) partials.push(name);
    // {{#> name}}…{{/name}} falls back to its own content: only {{> name}} needs the partial
    // (but a project's partials/name.hbs would change what it renders).
    else if (block) dynamicPartials = true;
    else {
      const suggestion = closest(name, known);
      const hint: Phrase = suggestion
        ? didYouMean(suggestion)
        : { en: `partials: ${known.join(', ')}; yours go in ${PARTIALS_FOLDER}/${name}.hbs of the template folder`, zh: `现有子模板：${known.join('、')}；自己的子模板请放在模板文件夹的 ${PARTIALS_FOLDER}/${name}.hbs` };
      problem('template/unknown-partial', { name, suggestion: hint }, node);
    }
  }
  return { problems, partials: [...new Set(partials)], dynamicPartials };
}

// ---------------------------------------------------------------------------------------------
// Printed fields go through FIELD: {{a.b}} → {{__report_field a.b "a.b" "FILE"}}. FILE is the
// template's path, or for a precompiled built-in one its name after BUILTIN_MARK.

function rewriteFields(program: ProgramNode, file: string, helpers: ReadonlySet<string>, loops: readonly string[], blockParams: readonly string[] = []): void {
  const params = [...blockParams, ...(program.blockParams ?? [])];
  program.body = program.body.map((statement) => {
    const node = statement as CallNode;
    if (statement.type === 'BlockStatement' || statement.type === 'DecoratorBlock' || statement.type === 'PartialBlockStatement') {
      // Inside {{#each list}} and {{#with group}}, names are relative to list[] / group: say so in warnings.
      const helper = isPath(node.path) ? node.path.original : '';
      const head = (helper === 'each' || helper === 'with') && isPath(node.params?.[0]) ? node.params[0] : undefined;
      const name = head && head.original !== 'this' ? `${head.original}${helper === 'each' ? '[]' : ''}` : undefined;
      const inner = head && name ? (head.data || head.depth > 0 ? [name] : [...loops, name]) : loops;
      if (node.program) rewriteFields(node.program, file, helpers, inner, params);
      if (node.inverse) rewriteFields(node.inverse, file, helpers, loops, params);
      return statement;
    }
    if (statement.type !== 'MustacheStatement' || node.params.length > 0 || node.hash || !isPath(node.path)) return statement;
    const pathNode = node.path;
    const simple = !pathNode.data && pathNode.depth === 0 && pathNode.parts.length === 1;
    if (simple && helpers.has(pathNode.original)) return statement;
    const own = pathNode.original.replace(/^this\.?|^\.\/?/, '');
    const label = pathNode.data || pathNode.depth > 0 || loops.length === 0 || params.includes(pathNode.parts[0] ?? '') ? pathNode.original : [...loops, ...(own ? [own] : [])].join('.');
    const literal = (value: string): Node => ({ type: 'StringLiteral', value, original: value, ...(node.loc ? { loc: node.loc } : {}) });
    return {
      ...statement,
      path: { type: 'PathExpression', data: false, depth: 0, parts: [FIELD], original: FIELD, ...(pathNode.loc ? { loc: pathNode.loc } : {}) },
      params: [pathNode, literal(label), literal(file)],
      hash: undefined,
    } as Node;
  });
}

// ---------------------------------------------------------------------------------------------
// Compiled templates, cached per template and project folder until clearTemplateCache().

interface MissingUse {
  field: string;
  file: string;
  at: Position;
  count: number;
}

/** What the render in progress collects (rendering is synchronous: one at a time). */
let missingSink: Map<string, MissingUse> | undefined;

interface Compiled {
  run: (context: object) => string;
  warnings: Diagnostic[];
}

const cache = new Map<string, Promise<Result<Compiled>>>();
let generation = 0;

/** Forget compiled templates and loaded helpers: the next render reads every file again (watch mode). */
export function clearTemplateCache(): void {
  cache.clear();
  generation++;
}

function fieldHelper(value: unknown, label: unknown, fileLabel: unknown, options: { loc?: Loc }): unknown {
  const file = templateFileOf(String(fileLabel));
  const position = options.loc ? { line: options.loc.start.line, column: options.loc.start.column + 1 } : { line: 1, column: 1 };
  if (value === undefined || value === null) {
    const key = `${String(file)}:${position.line}:${position.column}`;
    const seen = missingSink?.get(key);
    if (seen) seen.count++;
    else missingSink?.set(key, { field: String(label), file: String(file), at: position, count: 1 });
    return '';
  }
  if (typeof value === 'object') {
    const name = String(label);
    const hint: Phrase = Array.isArray(value)
      ? { en: `go through it with {{#each ${name}}}…{{/each}}`, zh: `请用 {{#each ${name}}}…{{/each}} 逐项输出` }
      : { en: `print one of its fields, e.g. {{${name}.${Object.keys(value)[0] ?? 'name'}}}`, zh: `请输出它的某个字段，如 {{${name}.${Object.keys(value)[0] ?? 'name'}}}` };
    const keys = Object.keys(value).slice(0, 6);
    const what: Phrase = Array.isArray(value) ? found(value) : { en: `a group of fields (${keys.join(', ')})`, zh: `一组字段（${keys.join('、')}）` };
    throw new TemplateProblem('template/not-text', { name, found: what, suggestion: hint }, position, String(file));
  }
  // Keys of extra: are the record's own words, printed as text like its values.
  if (label === '@key' || String(label).endsWith('.@key')) return escapeMarkdown(String(value));
  return value;
}

/** A helper whose failure is reported at the position of its call. */
function positioned(name: string, fn: HelperDelegate): HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    let result: unknown;
    try {
      result = (fn as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      if (error instanceof TemplateProblem) throw error;
      const options = args[args.length - 1] as { loc?: Loc } | undefined;
      const message = (error as Error).message ?? String(error);
      throw new TemplateProblem(
        'template/helper-failed',
        { name, detail: message.startsWith(`${name}:`) ? message.slice(name.length + 1).trim() : message },
        options?.loc ? { line: options.loc.start.line, column: options.loc.start.column + 1 } : undefined,
        undefined,
      );
    }
    if (result instanceof Promise) {
      const options = args[args.length - 1] as { loc?: Loc } | undefined;
      throw new TemplateProblem('template/async-helper', { name }, options?.loc ? { line: options.loc.start.line, column: options.loc.start.column + 1 } : undefined, undefined);
    }
    return result;
  };
}

/** Where a module threw while loading: the first frame in the file. */
function thrownAt(file: string, error: Error): Position | undefined {
  const url = pathToFileURL(file).href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${url}(?:\\?[^:\\s]*)?:(\\d+):(\\d+)`).exec(error.stack ?? '');
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** Node does not say where a module's syntax error is; `node --check` does (only run on failure). */
function syntaxErrorPosition(file: string): Position | undefined {
  const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 10_000 });
  const lines = (result.stderr ?? '').split('\n');
  const header = lines.findIndex((l) => l.startsWith(`${file}:`));
  if (header < 0) return undefined;
  const line = Number(lines[header]!.slice(file.length + 1));
  const caret = lines[header + 2]?.indexOf('^') ?? -1;
  return Number.isInteger(line) && line > 0 ? { line, column: caret >= 0 ? caret + 1 : 1 } : undefined;
}

/** The functions a helpers.mjs exports (named exports, or the members of a default object). */
async function loadHelpers(file: string): Promise<Result<Record<string, HelperDelegate>>> {
  let module: Record<string, unknown>;
  try {
    module = (await import(`${pathToFileURL(file).href}?v=${generation}`)) as Record<string, unknown>;
  } catch (error) {
    const e = error as Error;
    const where = e instanceof SyntaxError ? syntaxErrorPosition(file) : thrownAt(file, e);
    return {
      ok: false,
      diagnostics: [
        {
          file,
          ...(where ?? {}),
          severity: 'error',
          ...say('template/helpers', { detail: e.message?.split('\n')[0] ?? String(error), file: HELPERS_FILE }),
        },
      ],
    };
  }
  const found: Record<string, HelperDelegate> = {};
  const diagnostics: Diagnostic[] = [];
  const take = (name: string, value: unknown) => {
    if (typeof value !== 'function') return;
    if ((HANDLEBARS_HELPERS as readonly string[]).includes(name) || HOOKS.includes(name) || name === FIELD) {
      diagnostics.push({ file, severity: 'warning', ...say('template/helper-builtin', { name }) });
      return;
    }
    found[name] = value as HelperDelegate;
  };
  for (const [name, value] of Object.entries(module)) {
    if (name === 'default' && value && typeof value === 'object') for (const [inner, fn] of Object.entries(value)) take(inner, fn);
    else if (name !== 'default') take(name, value);
  }
  return { ok: true, value: found, diagnostics };
}

/**
 * Any failure while a file renders, as a problem of that file: the innermost file that sees it
 * claims it. Handlebars' own exceptions carry a line and a 0-based column.
 */
function asProblem(error: unknown, file: string): TemplateProblem {
  if (error instanceof TemplateProblem) {
    error.file ??= file;
    return error;
  }
  const e = error as Error & { lineNumber?: number; column?: number };
  const message = (e.message ?? String(error)).split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  return new TemplateProblem('template/error', { detail: message }, e.lineNumber !== undefined ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined, file);
}

function problemDiagnostic(problem: TemplateProblem, fallbackFile: string): Diagnostic {
  return {
    file: problem.file ?? fallbackFile,
    ...(problem.at ? { line: problem.at.line, column: problem.at.column } : {}),
    severity: 'error',
    ...say(problem.code, problem.args),
  };
}

/**
 * A fresh Handlebars environment with the helpers: the built-ins, then each folder's helpers.mjs,
 * nearest last (it wins), each reporting its failures at its call; and the field helper.
 */
async function environment(hbs: HandlebarsCompiler, files: readonly string[]): Promise<Result<{ env: HandlebarsCompiler; warnings: Diagnostic[] }>> {
  const env = hbs.create();
  const warnings: Diagnostic[] = [];
  const helpers: Record<string, HelperDelegate> = { ...builtinHelpers };
  for (const file of files) {
    const loaded = await loadHelpers(file);
    if (!loaded.ok) return loaded;
    warnings.push(...loaded.diagnostics);
    Object.assign(helpers, loaded.value);
  }
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);
  const registered = env.helpers as Record<string, HelperDelegate>;
  for (const name of Object.keys(registered)) registered[name] = positioned(name, registered[name]!);
  env.registerHelper(FIELD, fieldHelper as HelperDelegate);
  return { ok: true, value: { env, warnings }, diagnostics: [] };
}

/** A partial that reports a failure inside it in its own file. */
function partialIn(file: string, run: () => Handlebars.TemplateDelegate): Handlebars.Template {
  return ((context: unknown, options: Handlebars.RuntimeOptions) => {
    try {
      return run()(context, options);
    } catch (error) {
      throw asProblem(error, file);
    }
  }) as unknown as Handlebars.Template;
}

const compiledTemplate = (main: Handlebars.TemplateDelegate, warnings: Diagnostic[]): Result<Compiled> => ({
  ok: true,
  value: { run: (context) => main(context, RUNTIME_OPTIONS), warnings },
  diagnostics: [],
});

/** Parses the template and, transitively, every partial it uses, and checks them all. */
function parseAndCheck(hbs: HandlebarsCompiler, templateFile: string, registry: Registry): { parsed: Map<string, ParsedFile>; problems: TemplateProblem[]; dynamicPartials: boolean } {
  const problems: TemplateProblem[] = [];
  const parsed = new Map<string, ParsedFile>();
  const pending: string[] = [templateFile];
  let dynamicPartials = false;
  try {
    while (pending.length > 0) {
      const file = pending.shift()!;
      if (parsed.has(file)) continue;
      const one = parseFile(hbs, file);
      parsed.set(file, one);
      const checked = checkFile(one, registry);
      problems.push(...checked.problems);
      dynamicPartials ||= checked.dynamicPartials;
      for (const name of checked.partials) pending.push(registry.partials.get(name)!);
    }
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    problems.push(error);
  }
  return { parsed, problems, dynamicPartials };
}

async function compileTemplate(templateFile: string, projectFolder: string | undefined): Promise<Result<Compiled>> {
  const layers = templateLayers(templateFile, projectFolder);
  const partials = partialFiles(layers);
  const helperFileList = helperFiles(layers);

  const ready = await precompiledFor(templateFile, partials, helperFileList);
  if (ready) {
    const made = await environment(runtime, helperFileList);
    if (!made.ok) return made;
    const { env, warnings } = made.value;
    for (const [name, spec] of ready.partials) {
      const file = partials.get(name)!;
      const run = env.template(spec as Parameters<HandlebarsCompiler["template"]>[0]);
      env.registerPartial(name, partialIn(file, () => run));
    }
    return compiledTemplate(env.template(ready.template.spec as Parameters<HandlebarsCompiler["template"]>[0]), warnings);
  }

  const hbs = await loadCompiler();
  const made = await environment(hbs, helperFileList);
  if (!made.ok) return made;
  const { env, warnings } = made.value;
  const registry: Registry = { helpers: new Set(Object.keys(env.helpers)), partials, layers };

  // Check the template and, transitively, every partial it uses, before anything runs.
  const { parsed, problems } = parseAndCheck(hbs, templateFile, registry);
  if (problems.length > 0) return { ok: false, diagnostics: problems.map((p) => problemDiagnostic(p, templateFile)) };

  const compile = (one: ParsedFile) => {
    rewriteFields(one.ast, one.file, registry.helpers, []);
    return env.compile(one.ast as unknown as string, COMPILE_OPTIONS);
  };
  // Partials compile on first use (a template may name one it never reaches).
  for (const [name, file] of registry.partials) {
    let compiled: Handlebars.TemplateDelegate | undefined;
    env.registerPartial(name, partialIn(file, () => (compiled ??= compile(parsed.get(file) ?? parseFile(hbs, file)))));
  }
  return compiledTemplate(compile(parsed.get(templateFile)!), warnings);
}

/**
 * The built-in templates compiled, as the module precompiled.ts reads (scripts/bundle.mjs
 * writes it into the bundle). Compiled as `compileTemplate` compiles them with no project
 * folder, but with the template's name in place of its path (BUILTIN_MARK).
 */
export async function precompileBuiltinTemplates(): Promise<string> {
  const hbs = await loadCompiler();
  const layers = [BUILTIN_TEMPLATE_DIR];
  const made = await environment(hbs, []);
  if (!made.ok) throw new Error(made.diagnostics[0]?.message);
  const registry: Registry = { helpers: new Set(Object.keys(made.value.env.helpers)), partials: partialFiles(layers), layers };
  const label = (file: string) => BUILTIN_MARK + path.relative(BUILTIN_TEMPLATE_DIR, file).split(path.sep).join('/');
  const specOf = (one: ParsedFile) => {
    rewriteFields(one.ast, label(one.file), registry.helpers, []);
    return hbs.precompile(one.ast as unknown as string, COMPILE_OPTIONS) as string;
  };

  const templates: string[] = [];
  const partials = new Map<string, string>();
  for (const name of Object.values(BUILTIN_TEMPLATES)) {
    const file = path.join(BUILTIN_TEMPLATE_DIR, name);
    const { parsed, problems, dynamicPartials } = parseAndCheck(hbs, file, registry);
    if (problems.length > 0) throw new Error(`${name}: ${problems[0]!.message}`);
    // A partial chosen while rendering, or a partial block a project partial may fill, cannot be
    // checked against the store: such a template is compiled every time.
    if (dynamicPartials) continue;
    const used: string[] = [];
    for (const [partialName, partialFile] of registry.partials) {
      const one = parsed.get(partialFile);
      if (!one) continue;
      used.push(partialName);
      if (!partials.has(partialName)) partials.set(partialName, `{ source: ${JSON.stringify(one.source)}, spec: ${specOf(one)} }`);
    }
    const main = parsed.get(file)!;
    templates.push(`${JSON.stringify(name)}: { source: ${JSON.stringify(main.source)}, partials: ${JSON.stringify(used)}, spec: ${specOf(main)} }`);
  }
  const entries = (list: string[]) => list.map((entry) => `    ${entry},`).join('\n');
  return [
    '// Written by scripts/bundle.mjs from templates/ (src/template/precompiled.ts says when it is used).',
    'export default {',
    `  templates: {\n${entries(templates)}\n  },`,
    `  partials: {\n${entries([...partials].map(([name, entry]) => `${JSON.stringify(name)}: ${entry}`))}\n  },`,
    '};',
    '',
  ].join('\n');
}

/**
 * Renders a template file over a context. Errors come back as `TEMPLATE:LINE:COL` diagnostics;
 * fields the template prints but the record lacks come back as warnings on the record file.
 */
export async function renderTemplate(templateFile: string, context: object, options: RenderTemplateOptions = {}): Promise<Result<string>> {
  const key = `${path.resolve(templateFile)}\u0000${options.projectFolder ? path.resolve(options.projectFolder) : ''}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileTemplate(path.resolve(templateFile), options.projectFolder);
    cache.set(key, compiled);
  }
  const template = await compiled;
  if (!template.ok) return template;

  const missing = new Map<string, MissingUse>();
  missingSink = missing;
  let text: string;
  try {
    text = template.value.run(context);
  } catch (error) {
    return { ok: false, diagnostics: [...template.value.warnings, problemDiagnostic(asProblem(error, templateFile), templateFile)] };
  } finally {
    missingSink = undefined;
  }

  const cwd = options.cwd ?? process.cwd();
  const shown = (file: string) => {
    if (path.dirname(file) === BUILTIN_TEMPLATE_DIR || path.dirname(path.dirname(file)) === BUILTIN_TEMPLATE_DIR) return `built-in ${path.relative(BUILTIN_TEMPLATE_DIR, file)}`;
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  };
  const warnings: Diagnostic[] = [...template.value.warnings];
  for (const use of missing.values()) {
    const field = use.field === 'this' ? { en: 'the value', zh: '当前值' } : same(`\`${use.field}\``);
    warnings.push({
      file: options.recordFile ?? templateFile,
      severity: 'warning',
      ...say('template/missing-field', {
        field,
        place: `${shown(use.file)}:${use.at.line}:${use.at.column}`,
        times: use.count > 1 ? { en: ` (${use.count} times)`, zh: `（${use.count} 次）` } : '',
        suggestion:
          use.field === 'this'
            ? { en: 'check what the template prints here', zh: '请检查模板在这里输出什么' }
            : { en: `add it to the record, or wrap it in {{#if ${use.field.replace(/^.*\[\]\./, '')}}}…{{/if}}`, zh: `请在记录里补上，或在模板里用 {{#if ${use.field.replace(/^.*\[\]\./, '')}}}…{{/if}} 包起来` },
      }),
    });
  }
  return { ok: true, value: text, diagnostics: warnings };
}

/** The partials a template uses, directly and through other partials: what `templates eject` copies. */
export async function partialsUsedBy(templateFile: string, projectFolder?: string): Promise<Result<Array<{ name: string; file: string }>>> {
  const hbs = await loadCompiler();
  const layers = templateLayers(templateFile, projectFolder);
  const registry: Registry = {
    helpers: new Set([...Object.keys(builtinHelpers), ...HANDLEBARS_HELPERS, ...HOOKS]),
    partials: partialFiles(layers),
    layers,
  };
  const seen = new Map<string, string>();
  const pending = [templateFile];
  try {
    while (pending.length > 0) {
      const file = pending.shift()!;
      for (const name of checkFile(parseFile(hbs, file), registry).partials) {
        if (seen.has(name)) continue;
        seen.set(name, registry.partials.get(name)!);
        pending.push(registry.partials.get(name)!);
      }
    }
  } catch (error) {
    if (error instanceof TemplateProblem) return { ok: false, diagnostics: [problemDiagnostic(error, templateFile)] };
    throw error;
  }
  return { ok: true, value: [...seen].map(([name, file]) => ({ name, file })), diagnostics: [] };
}
