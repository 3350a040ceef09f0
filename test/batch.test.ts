/**
 * Batch builds through the binary: parallel and sequential give the same bytes, shards cover
 * every file once, failures are reported one line each, incremental skips, --json, progress
 * modes, SOURCE_DATE_EPOCH, and an interrupted batch leaves only whole files. The fast paths
 * of a batch — the Word file written straight from the model, the bundled command line with its
 * ready-made docx frame — give the bytes of the `docx` package's object tree.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentModel, Inline } from '../src/model/types.js';
import { renderFile, toDocx } from '../src/pipeline.js';
import { writeDocx, type DocxMetadata } from '../src/writers/docx/write.js';
import { writeDocxReference } from '../src/writers/docx/reference.js';
import { generateRecord } from './generate.js';
import { BIN, EXAMPLES, ROOT, report, scratch } from './support.js';

const KINDS = ['工作总结', '实施意见', '情况汇报'] as const;

/** A folder of n generated records of every kind, in two subfolders, plus optional broken ones. */
function batch(n: number, broken = 0): string {
  const dir = scratch('report-batch-');
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, 'records', i % 2 ? 'odd' : 'even');
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `unit-${String(i).padStart(4, '0')}.yaml`), generateRecord({ kind: KINDS[i % 3]!, sections: 2 + (i % 3), pointsPerSection: 2, length: 2, data: i % 2 === 0, seed: i + 1 }));
  }
  for (let i = 0; i < broken; i++) writeFileSync(path.join(dir, 'records', `broken-${i}.yaml`), `kind: 工作总结\ntitle: 坏记录\nunit: 单位\nmetrics:\n  - {name: 窗口, value: 很多}\n`);
  return dir;
}

/** Every output file below a folder with its SHA-256, by relative path (the manifest aside). */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.startsWith('.')) out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

describe('a batch of 30 records and 2 broken ones', () => {
  let dir: string;
  beforeAll(() => {
    dir = batch(30, 2);
  });

  it('builds the same bytes with 1 and 2 jobs, reporting each failure and a summary', () => {
    const one = report(['build', 'records', '-o', 'one', '--jobs', '1'], { cwd: dir });
    const two = report(['build', 'records', '-o', 'two', '--jobs', '2'], { cwd: dir });
    for (const r of [one, two]) {
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/^built 30, failed 2, \d+\.\d s$/m);
      expect(r.stderr.match(/^records\/broken-\d\.yaml:5:23: `metrics\[0\]\.value` must be a number \(found "很多"\)(?: \([^()]+\))?$/gm)).toHaveLength(2);
      expect(r.stdout.trim().split('\n')).toHaveLength(30);
    }
    const a = hashes(path.join(dir, 'one'));
    expect(Object.keys(a)).toHaveLength(30);
    expect(hashes(path.join(dir, 'two'))).toEqual(a);
    expect(Object.keys(a).filter((f) => f.startsWith('even/'))).toHaveLength(15);
  });

  it('covers every file exactly once with shards 1/2 and 2/2', () => {
    const full = hashes(path.join(dir, 'one'));
    const s1 = report(['build', 'records', '-o', 'shards', '--shard', '1/2', '--force'], { cwd: dir });
    const first = Object.keys(hashes(path.join(dir, 'shards')));
    const s2 = report(['build', 'records', '-o', 'shards', '--shard', '2/2', '--force'], { cwd: dir });
    expect([s1.status, s2.status].every((s) => s === 0 || s === 3)).toBe(true);
    const both = hashes(path.join(dir, 'shards'));
    expect(both).toEqual(full);
    expect(first.length).toBeGreaterThanOrEqual(14);
    expect(first.length).toBeLessThanOrEqual(16);
    expect(report(['build', 'records', '--shard', '3/2'], { cwd: dir }).status).toBe(2);
    expect(report(['build', 'records', '--jobs', '0'], { cwd: dir }).status).toBe(2);
  });

  it('writes a machine-readable summary with --json', () => {
    const r = report(['build', 'records', '-o', 'json', '--json', '--force'], { cwd: dir });
    expect(r.status).toBe(3);
    const summary = JSON.parse(r.stdout) as { built: number; failed: number; inputs: Array<{ input: string; status: string; outputs: string[]; errors: string[]; durationMs: number }> };
    expect(summary.built).toBe(30);
    expect(summary.failed).toBe(2);
    expect(summary.inputs).toHaveLength(32);
    const good = summary.inputs.find((i) => i.input === 'records/even/unit-0000.yaml')!;
    expect(good.status).toBe('built');
    expect(good.outputs).toEqual(['json/even/unit-0000.docx']);
    expect(good.durationMs).toBeGreaterThan(0);
    const bad = summary.inputs.find((i) => i.input === 'records/broken-0.yaml')!;
    expect(bad.status).toBe('failed');
    expect(bad.errors[0]).toContain('`metrics[0].value` must be a number');
    const file = report(['build', 'records', '-o', 'json', '--json', 'summary.json', '--quiet'], { cwd: dir });
    expect(file.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')).inputs).toHaveLength(32);
  });
});

describe('incremental builds', () => {
  it('skips up-to-date outputs, rebuilds what changed, and everything with --force', () => {
    const dir = batch(6);
    const first = report(['build', 'records'], { cwd: dir });
    expect(first.stderr).toMatch(/^built 6, failed 0, /m);
    const second = report(['build', 'records'], { cwd: dir });
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/^built 0, failed 0, skipped 6 up to date, /m);
    // An edited input is rebuilt, and only it.
    const edited = path.join(dir, 'records', 'even', 'unit-0002.yaml');
    const later = new Date(Date.now() + 5000);
    utimesSync(edited, later, later);
    const third = report(['build', 'records'], { cwd: dir });
    expect(third.stderr).toMatch(/^built 1, failed 0, skipped 5 up to date, /m);
    expect(third.stdout.trim()).toBe('out/even/unit-0002.docx');
    // A new project config touches every document.
    writeFileSync(path.join(dir, 'report.config.yaml'), 'script: traditional\n');
    const fourth = report(['build', 'records'], { cwd: dir });
    expect(fourth.stderr).toMatch(/^built 6, failed 0, /m);
    expect(report(['build', 'records', '--force'], { cwd: dir }).stderr).toMatch(/^built 6, failed 0, /m);
  });
});

describe('progress and output modes', () => {
  it('prints plain lines without a terminal, nothing with --quiet', () => {
    const dir = batch(3);
    const plain = report(['build', 'records', '--force'], { cwd: dir, env: { CI: 'true' } });
    expect(plain.stdout.trim().split('\n').sort()).toEqual(['out/even/unit-0000.docx', 'out/even/unit-0002.docx', 'out/odd/unit-0001.docx']);
    const quiet = report(['build', 'records', '--force', '--quiet'], { cwd: dir });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
  });

  it('dates the Word file from SOURCE_DATE_EPOCH when it is set', () => {
    const dir = batch(1);
    expect(report(['build', 'records'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } }).status).toBe(0);
    const core = strFromU8(unzipSync(readFileSync(path.join(dir, 'out', 'even', 'unit-0000.docx')))['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z</dcterms:created>');
  });
});

describe('an interrupted batch', () => {
  it('stops on SIGINT leaving every finished output whole and no temp files', async () => {
    const dir = batch(240);
    const child = spawn(process.execPath, [BIN, 'build', 'records', '--jobs', '2'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.split('\n').length > 10) resolve();
      }),
    );
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted \(\d+ not started\)/);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else files.push(path.join(d, e.name));
      }
    };
    walk(path.join(dir, 'out'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const docs = files.filter((f) => f.endsWith('.docx'));
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.length).toBeLessThan(240);
    for (const doc of docs) expect(() => unzipSync(readFileSync(doc))).not.toThrow();
  });
});

describe('the Word file written straight from the model', () => {
  const date = new Date(Date.UTC(2024, 11, 18));
  const customFonts = { body: '仿宋', heading2: '华文楷体', latin: 'Arial & "Co"' };
  const same = async (model: DocumentModel, meta: DocxMetadata) => {
    const [direct, reference] = await Promise.all([writeDocx(model, meta), writeDocxReference(model, meta)]);
    expect(direct.removedCharacters).toEqual(reference.removedCharacters);
    if (Buffer.compare(Buffer.from(direct.bytes), Buffer.from(reference.bytes)) !== 0) {
      // The first differing part, readable, rather than two blobs.
      const a = unzipSync(direct.bytes);
      const b = unzipSync(reference.bytes);
      expect(Object.keys(a)).toEqual(Object.keys(b));
      for (const name of Object.keys(b)) expect(strFromU8(a[name]!), name).toBe(strFromU8(b[name]!));
      expect.fail('same parts, different zip bytes');
    }
  };

  it('is the docx package\'s file byte for byte: examples and generated records, standard and project fonts', async () => {
    const dir = scratch('report-direct-');
    const files = [...EXAMPLES];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `unit-${i}.yaml`);
      writeFileSync(file, generateRecord({ kind: KINDS[i % 3]!, sections: 2 + (i % 3), pointsPerSection: 2, length: 2, data: i % 2 === 0, seed: i + 1 }));
      files.push(file);
    }
    for (const file of files) {
      const rendered = await renderFile(file);
      expect(rendered.ok).toBe(true);
      if (!rendered.ok) continue;
      for (const fonts of [undefined, customFonts]) {
        await same(rendered.value.model, { title: rendered.value.title, creator: rendered.value.author, date, ...(fonts ? { fonts } : {}) });
      }
    }
  });

  it('is the docx package\'s file byte for byte for any model', async () => {
    const char = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...'中文公文工作总结单位一二三（）、。，；：“”—…·') },
      { weight: 2, arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ' ', '\t', '\n', '\r', '\u0001', '\u000b', '\u200b', '\u202e', '\ufffe', '\ud800', '{', '}', 'a', '1') },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
      { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
    );
    const text = fc.string({ unit: char, maxLength: 40 });
    const level = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
    const inline: fc.Arbitrary<Inline> = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), text, strong: fc.option(fc.boolean(), { nil: undefined }), emphasis: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['kind', 'text'] }),
      fc.constant({ kind: 'break' as const }),
    );
    const row = fc.array(text, { maxLength: 4 });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('title' as const), text }),
      fc.record({ type: fc.constant('heading' as const), level, text }),
      fc.record({ type: fc.constant('paragraph' as const), lead: fc.option(fc.record({ level, text }), { nil: undefined }), inlines: fc.array(inline, { maxLength: 5 }) }, { requiredKeys: ['type', 'inlines'] }),
      fc.record({ type: fc.constant('table' as const), header: fc.array(text, { minLength: 1, maxLength: 4 }), rows: fc.array(row, { maxLength: 4 }), align: fc.array(fc.constantFrom('left' as const, 'center' as const, 'right' as const, null), { maxLength: 4 }) }),
      fc.record({ type: fc.constant('signature' as const), lines: fc.array(fc.oneof(text, fc.constantFrom('2024年12月18日', '2024年1月', '滨河区政务服务中心')), { minLength: 1, maxLength: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 8 }), text, text, fc.boolean(), async (blocks, title, creator, custom) => {
        await same({ blocks }, { title, creator, date, ...(custom ? { fonts: customFonts } : {}) });
      }),
      { numRuns: 150 },
    );
  });

  it('comes out of the bundled command line, with its ready-made frame, as the library writes it', async () => {
    const bundle = path.join(ROOT, 'dist', 'bundle', 'main.js');
    const compiled = path.join(ROOT, 'dist', 'cli', 'main.js');
    const fresh = existsSync(bundle) && existsSync(compiled) && statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs;
    // npm test builds the bundle first; a bare `vitest` after `tsc` alone runs without it.
    if (!fresh && !process.env['CI']) return;
    expect(fresh).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist', 'bundle', 'docx-frame.json'))).toBe(true);
    const dir = scratch('report-bundle-');
    const built = report(['build', ...EXAMPLES, '-o', dir, '--jobs', '2']);
    expect(built.status).toBe(0);
    for (const file of EXAMPLES) {
      const rendered = await renderFile(file);
      if (!rendered.ok) throw new Error(`${file} does not render`);
      const { bytes } = await toDocx(rendered.value);
      expect(Buffer.compare(readFileSync(path.join(dir, `${path.basename(file, '.yaml')}.docx`)), Buffer.from(bytes))).toBe(0);
    }
  });
});
