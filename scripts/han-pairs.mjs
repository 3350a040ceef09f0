#!/usr/bin/env node
// Writes src/text/han-pairs.data.ts: how often two Han characters follow each other inside a
// Chinese word, for the mojibake repair's readings out of step (after a dropped 0xAD byte, see
// src/text/mojibake-words.ts). Not part of the build: the data file is committed.
//
// Source: the word list of jieba (结巴分词), `jieba.dict.utf8` — about 349,000 words, each with
// a frequency (a count over jieba's training corpus) and a part of speech — as cppjieba ships it
// inside the npm package nodejieba 3.5.8 (MIT licence, "Copyright (c) 2021 Yanyi Wu"; its
// submodule cppjieba, MIT, "Copyright (c) 2013", the C++ version of jieba, MIT, ships jieba's
// dictionary as that file).
// Nothing of nodejieba is installed or run (it is a native module): only its tarball is
// unpacked, anywhere. No dependency of the project is added. To regenerate:
//
//   cd /tmp && npm pack nodejieba@3.5.8 && tar xzf nodejieba-3.5.8.tgz
//   node scripts/han-pairs.mjs /tmp/package/submodules/cppjieba/dict/jieba.dict.utf8
//
// The script checks the SHA-256 of the word list (another version: pass --any-version, and
// update SOURCE below). Traditional forms come from converting each word with opencc-js (a
// dependency of the project already, 'cn' → 'tw' and 'cn' → 'hk'), so that Big5 text is
// weighed as well as GBK text.
//
// What is derived: every pair of neighbouring characters inside a word of two or more Han
// characters gets the frequency of the word (summed over the words it occurs in). The PAIRS
// most frequent pairs are kept, each with its log-frequency bucket, floor(log2(count)) (the
// least frequent kept pair's bucket is 6, the most frequent 17). Every character of those words
// is kept too, with the bucket of the summed frequencies of the words it occurs in.
//
// The encoding (decoded by src/text/mojibake-words.ts): one string per bucket, from the highest
// down; in it, groups separated by a space, each group a first character followed by every
// second character it pairs with in that bucket. The characters: one string per bucket.
//
// HAN_PAIRS=N (environment) keeps another number of pairs (60,000: about 290 KB of data file).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_FILE = path.join(ROOT, 'src', 'text', 'han-pairs.data.ts');
const SOURCE = {
  package: 'nodejieba',
  version: '3.5.8',
  file: 'submodules/cppjieba/dict/jieba.dict.utf8',
  sha256: '3043b77068e09c9904f27cad82f12b6ebe9dbdb5aeff3b25e45ab7f9c1122b55',
};
const PAIRS = Number(process.env.HAN_PAIRS ?? 60000);

const args = process.argv.slice(2);
const anyVersion = args.includes('--any-version');
const input = args.find((a) => !a.startsWith('--'));
if (!input) {
  console.error('usage: node scripts/han-pairs.mjs PATH/TO/jieba.dict.utf8 [--any-version]  (see the header of this script)');
  process.exit(2);
}
const raw = readFileSync(input);
const sha256 = createHash('sha256').update(raw).digest('hex');
if (!anyVersion && sha256 !== SOURCE.sha256) {
  console.error(`han-pairs: ${input} has SHA-256 ${sha256}, not that of ${SOURCE.package} ${SOURCE.version} (${SOURCE.sha256}); pass --any-version to use it anyway`);
  process.exit(1);
}

const isHan = (u) => u >= 0x3400 && u <= 0x9fff;
const allHan = (w) => {
  for (let i = 0; i < w.length; i++) if (!isHan(w.charCodeAt(i))) return false;
  return true;
};

// The words and their frequencies.
const words = [];
const counts = [];
for (const line of raw.toString('utf8').split('\n')) {
  const [word, freq] = line.trim().split(/\s+/);
  if (!word || word.length < 2 || !allHan(word)) continue;
  const n = Number(freq);
  if (!(n > 0)) continue;
  words.push(word);
  counts.push(n);
}

// Traditional forms, converted all at once (one word a line).
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
const joined = words.join('\n');
const forms = [words];
for (const to of ['tw', 'hk']) {
  const converted = (to === 'tw' ? toTw : toHk)(joined).split('\n');
  if (converted.length !== words.length) throw new Error(`opencc ${to}: ${converted.length} lines back for ${words.length}`);
  forms.push(converted);
}

// Characters: every word (one character or more) adds its frequency to each character in it.
const chars = new Map();
for (const line of raw.toString('utf8').split('\n')) {
  const [word, freq] = line.trim().split(/\s+/);
  const n = Number(freq);
  if (!word || !allHan(word) || !(n > 0)) continue;
  for (const form of new Set([word, toTw(word), toHk(word)])) {
    if (!allHan(form)) continue;
    for (const c of new Set(form)) chars.set(c, (chars.get(c) ?? 0) + n);
  }
}

const pairs = new Map();
for (let k = 0; k < words.length; k++) {
  const seen = new Set();
  for (const form of forms) {
    const w = form[k];
    if (w.length !== words[k].length || !allHan(w)) continue;
    for (let i = 0; i + 1 < w.length; i++) seen.add(w.slice(i, i + 2));
  }
  for (const p of seen) pairs.set(p, (pairs.get(p) ?? 0) + counts[k]);
}

/** Items by log-frequency bucket, floor(log2(count)): every bucket from the highest down to the lowest, each sorted. */
function byBucket(entries) {
  const buckets = new Map();
  for (const [item, count] of entries) {
    const b = Math.floor(Math.log2(count));
    if (!buckets.has(b)) buckets.set(b, []);
    buckets.get(b).push(item);
  }
  const top = Math.max(...buckets.keys());
  const bottom = Math.min(...buckets.keys());
  const lists = [];
  for (let b = top; b >= bottom; b--) lists.push((buckets.get(b) ?? []).sort());
  return { top, bottom, lists };
}

const kept = [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, PAIRS);
const { top, bottom, lists: pairLists } = byBucket(kept);
const lines = [];
for (const list of pairLists) {
  let text = '';
  let lead = '';
  for (const p of list) {
    if (p[0] !== lead) {
      if (text) text += ' ';
      lead = p[0];
      text += lead;
    }
    text += p[1];
  }
  lines.push(text);
}

// Characters by bucket (every character of the list: a few thousand), same encoding without groups.
const { top: charTop, lists: charLists } = byBucket(chars);
const charLines = charLists.map((list) => list.join(''));

const body = `/**
 * GENERATED by scripts/han-pairs.mjs: do not edit (see its header to regenerate).
 *
 * How often two Han characters follow each other inside a Chinese word: the ${kept.length.toLocaleString('en')} most
 * frequent such pairs of the ${words.length.toLocaleString('en')} words of two or more Han characters in the word list of
 * jieba, \`${SOURCE.file}\` of the npm package ${SOURCE.package} ${SOURCE.version}
 * (SHA-256 ${sha256}),
 * with their traditional forms (opencc-js, cn → tw and hk). Each pair's count is the sum of the
 * frequencies of the words it occurs in; it is kept as its bucket, floor(log2(count)): ${top} for
 * the most frequent pairs down to ${bottom}.
 *
 * Licence of the source: MIT (nodejieba: "Copyright (c) 2021 Yanyi Wu"; cppjieba, which ships
 * the word list: "Copyright (c) 2013"; the list is jieba's dictionary, MIT). See docs/third-party.md.
 *
 * Encoding: BUCKETS[k] holds the pairs of bucket TOP − k, as groups separated by a space, each
 * a first character followed by every second character it pairs with in that bucket.
 *
 * Not imported: src/text/mojibake-words.ts reads this file (compiled or not) as text when a
 * reading first weighs words, so that no other process parses it. It expects \`NAME = number\`
 * and \`const NAME… = [\` followed by double-quoted strings up to \`];\`.
 */
export const TOP = ${top};

export const BUCKETS: readonly string[] = [
${lines.map((l) => `  ${JSON.stringify(l)},`).join('\n')}
];

/**
 * The characters themselves: CHAR_BUCKETS[k] holds the ${chars.size.toLocaleString('en')} characters of bucket CHAR_TOP − k,
 * floor(log2(count)), where a character's count is the sum of the frequencies of the words
 * (of one character or more) it occurs in.
 */
export const CHAR_TOP = ${charTop};

export const CHAR_BUCKETS: readonly string[] = [
${charLines.map((l) => `  ${JSON.stringify(l)},`).join('\n')}
];
`;
writeFileSync(DATA_FILE, body);
console.log(`han-pairs: ${kept.length} pairs (buckets ${top}–${bottom}, last count ${kept[kept.length - 1][1]}) from ${words.length} words, ${Buffer.byteLength(body)} bytes → ${path.relative(ROOT, DATA_FILE)}; source SHA-256 ${sha256}`);
