/**
 * Property-based fuzzing with fast-check: valid records mutated in their types (any value in any
 * field), their text (controls, lone surrogates, zero-width and bidi characters, RTL scripts,
 * YAML and Markdown syntax, prototype keys) and their structure (fields deleted, wrapped, added,
 * nested deeply), written as JSON-style or block YAML in several encodings, sometimes with the
 * bytes corrupted. Whatever comes out:
 * - the library pipeline (renderFile → toDocx) never throws, and every diagnostic is one line;
 * - the binary exits with a code from the README's table and prints no stack trace;
 * - every Word file produced is a zip whose XML parts all parse;
 * - nothing is added to Object.prototype.
 * A failure prints fast-check's seed and the shrunk counterexample; FC_SEED=<seed> replays it,
 * FC_RUNS=<n> runs more in-process cases (default 300).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatDiagnostic, hasErrors } from '../src/diagnostics.js';
import { EXIT } from '../src/cli/exit-codes.js';
import { renderFile, toDocx } from '../src/pipeline.js';
import { report, scratch } from './support.js';

const SEED = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };
const EXIT_CODES = new Set<number>(Object.values(EXIT));
const NOW = new Date(Date.UTC(2024, 11, 18));

const BASE = {
  kind: '工作总结',
  title: '2024年度文明单位创建工作总结',
  unit: '滨河区政务服务中心',
  date: '2024-12-18',
  period: 2024,
  intro: '今年以来，中心坚持以人民为中心的发展思想，扎实推进文明单位创建工作。',
  sections: [
    { heading: '强化组织领导', text: '成立创建工作领导小组。', points: [{ title: '健全机构', text: '明确分工。' }, '没有标题的要点。'] },
    { heading: '深化志愿服务', text: ['第一段。', '第二段。'] },
  ],
  activities: [{ date: '2024-03-05', title: '学雷锋志愿服务', category: '志愿服务', participants: 40, text: '服务群众。' }],
  honors: [{ date: '2024-05', title: '市级文明单位', by: '市文明委', level: '市级' }],
  metrics: [
    { name: '服务窗口', value: 90, unit: '个', previous: 45 },
    { name: '满意率', value: 99.5, unit: '%', previous: 98 },
  ],
  closing: '下一步，中心将继续努力。',
  extra: { contact: '张三' },
};

/** Characters that break things: controls, surrogate halves, invisible and bidi, syntax. */
const NASTY = [
  '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\ufeff',
  '\ufffd', '\ufffe', '\uffff', '\u3000', '\t', '\n', '\r', '\r\n', '\n\n',
  '#', '*', '_', '|', '`', '[', ']', '{', '}', '&', '!', '%', '@', '"', "'", ':', ': ', '- ', '---', '...', '<', '>', '\\', '{{', '}}', '<w:t>', '&amp;', ']]>',
  '锟斤拷', '烫烫烫', 'Ã¤', 'æ–‡', '𠀀', '😀', '👨‍👩‍👧', 'שלום', 'مرحبا', 'e\u0301', '一、', '（一）', '1．',
];
const char = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.constantFrom(...'中文公文工作总结报告单位领导一二三（）、。，；：“”') },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);
const text = fc.string({ unit: char, maxLength: 24 });
const key = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'kind', 'title', 'extra', '<<', ''));
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(-1, 0, -0.5, 1e308, 2 ** 53 + 1, '2024-02-30', '2024-13', '2024', '9999-12-31', '0000-01-01', '很多', '', ' ', '工作总结', 'summary', 'traditional'),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));

type Operation =
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'wrap-list' | 'wrap-map'; at: number }
  | { op: 'insert-text'; at: number; text: string; offset: number }
  | { op: 'add-key'; at: number; key: string; value: unknown }
  | { op: 'nest'; at: number; depth: number }
  | { op: 'repeat'; at: number; times: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom('wrap-list' as const, 'wrap-map' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert-text' as const), at: fc.nat(), text, offset: fc.nat() }),
  fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key, value }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 150 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 40 }) }),
);

type Container = Record<string, unknown> | unknown[];

/** Every (container, key) of a tree, iteratively. */
function slots(root: Container): Array<[Container, string | number]> {
  const found: Array<[Container, string | number]> = [];
  const stack: Container[] = [root];
  while (stack.length > 0) {
    const container = stack.pop()!;
    const keys: Array<string | number> = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    for (const k of keys) {
      found.push([container, k]);
      const inner = (container as Record<string | number, unknown>)[k];
      if (inner !== null && typeof inner === 'object') stack.push(inner as Container);
    }
  }
  return found;
}

/** Sets a key without invoking the __proto__ setter. */
function put(container: Container, k: string | number, v: unknown): void {
  if (Array.isArray(container) && typeof k === 'number') container[k] = v;
  else Object.defineProperty(container, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function mutate(operations: readonly Operation[]): unknown {
  const root = structuredClone(BASE) as Container;
  for (const o of operations) {
    const all = slots(root);
    if (all.length === 0) break;
    const [container, k] = all[o.at % all.length]!;
    const current = (container as Record<string | number, unknown>)[k];
    switch (o.op) {
      case 'replace':
        put(container, k, structuredCloneSafe(o.value));
        break;
      case 'delete':
        if (Array.isArray(container)) container.splice(k as number, 1);
        else delete container[k as string];
        break;
      case 'wrap-list':
        put(container, k, [current]);
        break;
      case 'wrap-map':
        put(container, k, { value: current });
        break;
      case 'insert-text': {
        const s = typeof current === 'string' ? current : (JSON.stringify(current) ?? 'null');
        const at = o.offset % (s.length + 1);
        put(container, k, s.slice(0, at) + o.text + s.slice(at));
        break;
      }
      case 'add-key':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) put(current as Container, o.key, structuredCloneSafe(o.value));
        else if (!Array.isArray(container)) put(container, o.key, structuredCloneSafe(o.value));
        break;
      case 'nest': {
        let v: unknown = current;
        for (let i = 0; i < o.depth; i++) v = [v];
        put(container, k, v);
        break;
      }
      case 'repeat':
        put(container, k, Array.from({ length: o.times }, () => structuredCloneSafe(current)));
        break;
    }
  }
  return root;
}

/** A deep copy keeping own `__proto__` keys as keys. */
function structuredCloneSafe(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(structuredCloneSafe);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, inner] of Object.entries(v)) out[k] = structuredCloneSafe(inner);
    return out;
  }
  return v;
}

type Format = 'json' | 'block' | 'flow';
type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'gb18030' | 'crlf';

interface Corruption {
  at: number;
  remove: number;
  insert: string;
}

const sample = fc.record({
  operations: fc.array(operation, { maxLength: 6 }),
  format: fc.constantFrom<Format>('json', 'block', 'flow'),
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'gb18030', 'crlf'),
  corruptions: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Corruption[]>([]) },
    { weight: 1, arbitrary: fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.oneof(text, fc.constantFrom('\t', '  ', '&a ', '*a', '? ', '- ', '---\n', '[', '{', '"', "'", '|\n', '>\n', '!!binary ', '%YAML 1.1\n', '<<: ')) }), { minLength: 1, maxLength: 4 }) },
  ),
});

type Sample = { operations: Operation[]; format: Format; encoding: Encoding; corruptions: Corruption[] };

/** The bytes of a record file for one sample. */
function fileBytes(s: Sample): Uint8Array {
  const record = mutate(s.operations);
  let source: string;
  try {
    // JSON is YAML: its escapes keep lone surrogates and controls as they are.
    source = s.format === 'json' ? JSON.stringify(record, null, 1) : stringify(record, { collectionStyle: s.format === 'flow' ? 'flow' : 'any', aliasDuplicateObjects: false });
  } catch {
    source = JSON.stringify(record);
  }
  for (const c of s.corruptions) {
    const at = c.at % (source.length + 1);
    source = source.slice(0, at) + c.insert + source.slice(at + c.remove);
  }
  switch (s.encoding) {
    case 'utf8':
      return Buffer.from(source);
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]);
    case 'utf16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()]);
    case 'gb18030':
      return iconv.encode(source, 'gb18030');
    case 'crlf':
      return Buffer.from(source.replace(/\n/g, '\r\n'));
  }
}

/** A Word file is a zip with word/document.xml, and every XML part parses. */
function expectValidDocx(bytes: Uint8Array, label: string): void {
  const parts = unzipSync(bytes);
  expect(Object.keys(parts), label).toContain('word/document.xml');
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const valid = XMLValidator.validate(strFromU8(data));
    expect(valid, `${label}: ${name}: ${JSON.stringify(valid)}`).toBe(true);
  }
}

const ONE_LINE = /^[^\n]+$/;
let dir = '';
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  dir = scratch('report-fuzz-');
});

afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('fuzzing the library pipeline (in process)', () => {
  it('renderFile and toDocx never throw; diagnostics are one line; Word files are valid', async () => {
    let n = 0;
    const outcomes = { built: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(sample, async (s) => {
        const file = path.join(dir, `lib-${n++}.yaml`);
        writeFileSync(file, fileBytes(s));
        const rendered = await renderFile(file, { now: NOW });
        for (const d of rendered.diagnostics) {
          const line = formatDiagnostic(d);
          expect(line).toMatch(ONE_LINE);
          expect(line.startsWith(`${file}`)).toBe(true);
          expect(line).not.toMatch(/Maximum call stack|RangeError|TypeError|undefined is not|Cannot read prop/);
        }
        if (!rendered.ok || hasErrors(rendered.diagnostics)) {
          expect(hasErrors(rendered.diagnostics)).toBe(true);
          outcomes.refused++;
          return;
        }
        const docx = await toDocx(rendered.value);
        expectValidDocx(docx.bytes, file);
        outcomes.built++;
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 300), ...SEED },
    );
    // The mutations are mild enough that a fair share of the records still builds.
    expect(outcomes.built).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
  });
});

describe('fuzzing the binary', () => {
  const noStackTrace = (stderr: string) => {
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/internal error/);
  };

  it('one record at a time: an exit code from the table, no stack trace, valid Word files', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(sample, async (s) => {
        const name = `bin-${n++}.yaml`;
        writeFileSync(path.join(dir, name), fileBytes(s));
        const r = report(['build', name, '-o', 'out-bin'], { cwd: dir });
        expect(EXIT_CODES.has(r.status), `exit ${r.status}: ${r.stderr}`).toBe(true);
        expect([EXIT.ok, EXIT.invalidInput]).toContain(r.status);
        noStackTrace(r.stderr);
        if (r.status === EXIT.ok) expectValidDocx(readFileSync(path.join(dir, 'out-bin', name.replace(/\.yaml$/, '.docx'))), name);
      }),
      // Each case is a process: no shrinking (the counterexample is printed as found).
      { numRuns: 12, endOnFailure: true, ...SEED },
    );
  });

  it('a batch of 40 in one run: exit 0, 1 or 3, every Word file valid', () => {
    const batch = path.join(dir, 'batch');
    mkdirSync(batch, { recursive: true });
    fc.sample(sample, { numRuns: 40, ...SEED }).forEach((s, i) => writeFileSync(path.join(batch, `r${String(i).padStart(2, '0')}.yaml`), fileBytes(s)));
    const r = report(['build', 'batch', '-o', 'out-batch', '--format', 'both'], { cwd: dir });
    expect([EXIT.ok, EXIT.invalidInput, EXIT.partial], r.stderr).toContain(r.status);
    noStackTrace(r.stderr);
    const check = report(['check', 'batch'], { cwd: dir });
    expect([EXIT.ok, EXIT.invalidInput]).toContain(check.status);
    noStackTrace(check.stderr);
    const out = path.join(dir, 'out-batch');
    const built = readdirSync(out).filter((f) => f.endsWith('.docx'));
    for (const f of built) expectValidDocx(readFileSync(path.join(out, f)), f);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
