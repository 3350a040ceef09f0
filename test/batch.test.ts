/**
 * Batch builds through the binary: parallel and sequential give the same bytes, shards cover
 * every file once, failures are reported one line each, incremental skips, --json, progress
 * modes, SOURCE_DATE_EPOCH, and an interrupted batch leaves only whole files.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRecord } from './generate.js';
import { BIN, report, scratch } from './support.js';

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
      expect(r.stderr.match(/^records\/broken-\d\.yaml:5:23: `metrics\[0\]\.value` must be a number \(found "很多"\)$/gm)).toHaveLength(2);
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
