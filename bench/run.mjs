#!/usr/bin/env node
// npm run bench: measurements against peers run in the same process or the same minute, written
// to bench/results.json. Sections: text repair throughput, cold start with and without script
// conversion. Targets are checked here, never in timed unit tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { repairLine } = await import(path.join(ROOT, 'dist', 'text', 'mojibake.js'));
const results = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, at: new Date().toISOString() };

/** MB/s of repairLine over the lines of a text, best of three runs. */
function throughput(text) {
  const lines = text.split('\n');
  const bytes = Buffer.byteLength(text);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    for (const line of lines) repairLine(line);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return bytes / 1e6 / best;
}

// --- Text repair: ≥ 10 MB of clean Chinese, and a mix with garbled lines.
const seeds = ['000_be800517be09ffe6', '002_54170532e29f76f1', '004_01aafdc2e9ee2e15'].map((n) =>
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', `${n}.txt`), 'utf8'),
);
const cleanBlock = seeds.join('\n');
const clean = cleanBlock.repeat(Math.ceil(10e6 / Buffer.byteLength(cleanBlock)));
const garbleLine = (line, i) => {
  if (!line.trim()) return line;
  switch (i % 4) {
    case 0: return iconv.decode(iconv.encode(line, 'gbk'), 'latin1');
    case 1: return iconv.decode(iconv.encode(line, 'utf8'), 'latin1');
    case 2: return iconv.decode(iconv.encode(line, 'utf8'), 'gbk');
    default: return line;
  }
};
const garbledBlock = cleanBlock.split('\n').map(garbleLine).join('\n');
const mixed = garbledBlock.repeat(Math.ceil(10e6 / Buffer.byteLength(garbledBlock)));
results.repair = {
  cleanMBps: Number(throughput(clean).toFixed(1)),
  mixedMBps: Number(throughput(mixed).toFixed(1)),
  cleanMB: Number((Buffer.byteLength(clean) / 1e6).toFixed(1)),
  mixedMB: Number((Buffer.byteLength(mixed) / 1e6).toFixed(1)),
  targets: { cleanMBps: 100, mixedMBps: 10 },
};
console.log(`repair: clean ${results.repair.cleanMBps} MB/s (target ≥ 100), mixed ${results.repair.mixedMBps} MB/s (target ≥ 10), on ${results.repair.cleanMB} MB / ${results.repair.mixedMB} MB`);

// --- Cold start: one single-file build, against a bare `node -e 0`, median of 7 runs.
function median(command, args, options = {}) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { encoding: 'utf8', ...options });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[3];
}
const work = mkdtempSync(path.join(tmpdir(), 'report-bench-'));
const bin = path.join(ROOT, 'bin', 'report.js');
const example = path.join(ROOT, 'examples', 'summary.yaml');
const nodeBare = median(process.execPath, ['-e', '0']);
const plain = median(process.execPath, [bin, 'build', example, '-o', work]);
const converted = median(process.execPath, [bin, 'build', example, '-o', work, '--script', 'traditional']);
const previewOnly = median(process.execPath, [bin, 'preview', example]);
results.coldStart = {
  nodeMs: Math.round(nodeBare),
  buildMs: Math.round(plain),
  buildTraditionalMs: Math.round(converted),
  previewMs: Math.round(previewOnly),
  buildRatio: Number((plain / nodeBare).toFixed(2)),
  conversionCostMs: Math.round(converted - plain),
  target: 'build under 4× node -e 0',
};
console.log(
  `cold start: node -e 0 ${results.coldStart.nodeMs} ms, build ${results.coldStart.buildMs} ms (${results.coldStart.buildRatio}×), ` +
    `build --script traditional ${results.coldStart.buildTraditionalMs} ms (+${results.coldStart.conversionCostMs} ms), preview ${results.coldStart.previewMs} ms`,
);

writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/results.json');

