#!/usr/bin/env node
// Repair throughput alone, by kind of garbling (npm run build first; `node bench/repair.mjs`).
// The same clean text and measure as the repair section of bench/run.mjs, which reports the
// clean and mixed figures in bench/results.json; this one also times each kind of garbled text
// on its own (and the bench's three garbled kinds without clean lines), and prints, writing
// nothing. REPAIR_BENCH_MB sets the size of each kind's text (default 4).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'dist');
const { repairLine } = await import(path.join(dist, 'text', 'mojibake.js'));

/** Seconds one call of fn takes: CPU time with REPAIR_BENCH_CPU=1 (steadier on a busy machine), else wall time. */
function seconds(fn) {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(cpu);
  return process.env.REPAIR_BENCH_CPU ? (user + system) / 1e6 : Number(process.hrtime.bigint() - wall) / 1e9;
}

/** MB/s (of the text as UTF-8) of repairLine over the lines of a text, best of three runs. */
function throughput(text) {
  const lines = text.split('\n');
  const runs = [0, 1, 2].map(() => seconds(() => lines.forEach((line) => repairLine(line))));
  return Buffer.byteLength(text) / 1e6 / Math.min(...runs);
}

const seeds = ['000_be800517be09ffe6', '002_54170532e29f76f1', '004_01aafdc2e9ee2e15'].map((n) =>
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', `${n}.txt`), 'utf8'),
);
const cleanBlock = seeds.join('\n');
const sized = (block, mb) => block.repeat(Math.max(1, Math.ceil((mb * 1e6) / Buffer.byteLength(block))));

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const asCp1252 = (bytes) => [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
const KINDS = {
  'gbk-as-latin1': (line) => iconv.decode(iconv.encode(line, 'gbk'), 'latin1'),
  'gbk-as-latin1, 0xAD dropped': (line) => iconv.decode(iconv.encode(line, 'gbk'), 'latin1').replaceAll('\u00ad', ''),
  'big5-as-latin1': (line) => iconv.decode(iconv.encode(line, 'big5'), 'latin1'),
  'utf8-as-latin1': (line) => iconv.decode(iconv.encode(line, 'utf8'), 'latin1'),
  'utf8-as-cp1252': (line) => asCp1252(iconv.encode(line, 'utf8')),
  'utf8-as-cp1252-twice': (line) => asCp1252(iconv.encode(asCp1252(iconv.encode(line, 'utf8')), 'utf8')),
  'utf8-as-gbk': (line) => iconv.decode(iconv.encode(line, 'utf8'), 'gbk'),
  'utf8-as-big5': (line) => iconv.decode(iconv.encode(line, 'utf8'), 'big5'),
};
// The mix of bench/run.mjs: GBK as Latin-1, UTF-8 as Latin-1, UTF-8 as GBK and clean lines in turn.
const mixedKinds = [KINDS['gbk-as-latin1'], KINDS['utf8-as-latin1'], KINDS['utf8-as-gbk'], (line) => line];
const garble = (fn) => cleanBlock.split('\n').map((line, i) => (line.trim() ? fn(line, i) : line)).join('\n');
const mb = Number(process.env.REPAIR_BENCH_MB ?? 4);

const rows = [['clean', throughput(sized(cleanBlock, 10))]];
rows.push(['mixed (as bench/run.mjs)', throughput(sized(garble((line, i) => mixedKinds[i % 4](line)), 10))]);
rows.push(['mixed, garbled lines only', throughput(sized(garble((line, i) => mixedKinds[i % 3](line)), 10))]);
for (const [kind, fn] of Object.entries(KINDS)) rows.push([kind, throughput(sized(garble(fn), mb))]);
const everyKind = Object.values(KINDS);
rows.push(['all kinds above, in turn', throughput(sized(garble((line, i) => everyKind[i % everyKind.length](line)), mb))]);
for (const [name, mbps] of rows) console.log(`${name.padEnd(30)} ${mbps.toFixed(1).padStart(7)} MB/s`);
