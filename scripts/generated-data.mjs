// What the generators of src/text/*.data.ts share (scripts/han-classes.mjs, scripts/code-pages.mjs):
// the run encoding that src/text/runs.ts decodes, and writing a data file from the compiled code
// only when that code is up to date with its source.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The digits of the encoding from the compiled src/text/runs.ts, one definition (run `npm run build` first).
import { RUN_DIGITS } from '../dist/text/runs.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LINE = 100; // characters of encoded data per line of a data file

/** The runs of a 65,536-entry table of values below 2^bits, as src/text/runs.ts describes. */
export function encodeRuns(table, bits) {
  if (table.length !== 65536) throw new Error(`expected 65,536 entries, got ${table.length}`);
  const digits = RUN_DIGITS;
  let out = '';
  let runs = 0;
  for (let at = 0; at < table.length; ) {
    const value = table[at];
    if (value >= 2 ** bits) throw new Error(`U+${at.toString(16).toUpperCase()}: value ${value} does not fit ${bits} bits`);
    let end = at + 1;
    while (end < table.length && table[end] === value) end++;
    let n = (end - at - 1) * 2 ** bits + value;
    while (n >= 32) {
      out += digits[32 + (n & 31)];
      n = Math.floor(n / 32);
    }
    out += digits[n];
    runs++;
    at = end;
  }
  return { text: out, runs };
}

/** The encoded runs as lines of string literals, indented by `indent`. */
export function runLines(text, indent) {
  const lines = [];
  for (let i = 0; i < text.length; i += LINE) lines.push(`${indent}'${text.slice(i, i + LINE)}',`);
  return lines.join('\n');
}

/** iconv-lite's version, as installed. */
export function iconvVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'iconv-lite', 'package.json'), 'utf8')).version;
}

/** The compiled dist/text/charsets.js, refusing to use it when it is missing or older than its source. */
export async function compiledCharsets(script) {
  const compiled = path.join(ROOT, 'dist', 'text', 'charsets.js');
  const source = path.join(ROOT, 'src', 'text', 'charsets.ts');
  let stale;
  try {
    stale = statSync(compiled).mtimeMs < statSync(source).mtimeMs;
  } catch {
    console.error(`${script}: dist/text/charsets.js is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  if (stale) {
    console.error(`${script}: dist/text/charsets.js is older than src/text/charsets.ts: run \`npm run build\` first`);
    process.exit(1);
  }
  return import(pathToFileURL(compiled).href);
}

/** Writes `text` to `file` unless it is already there. */
export function writeDataFile(file, text) {
  let old = '';
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    // First run.
  }
  if (old === text) {
    console.log(`${path.relative(ROOT, file)} is up to date`);
    return;
  }
  writeFileSync(file, text);
  console.log(`wrote ${path.relative(ROOT, file)} (${text.length.toLocaleString('en-US')} characters): run \`npm run build\` to use it`);
}
