#!/usr/bin/env node
// `npm run snapshots`: page 1 of each example as a picture, to look at.
// Builds examples/summary.yaml, plan.yaml and briefing.yaml with the report binary into a
// temporary folder, converts them to PDF with LibreOffice, and renders page 1 of each with
// pdftoppm: snapshots/<name>.png at 80 dpi (git-ignored) and docs/<name>.png, a small copy
// for the README. Needs a build (npm run build), LibreOffice and poppler-utils.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMES = ['summary', 'plan', 'briefing'];
const DOCS_LIMIT = 150 * 1024;

function fail(message) {
  console.error(`snapshots: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(ROOT, 'dist', 'verify', 'convert.js'))) fail('dist/ is missing or out of date: run npm run build first');
const { findTools } = await import('../dist/verify/tools.js');
const { convertToPdf } = await import('../dist/verify/convert.js');

const found = await findTools(process.env);
if (!found.ok) fail(`needs LibreOffice (soffice) and poppler-utils (pdftoppm), missing: ${found.missing.join(', ')}`);

const work = mkdtempSync(path.join(tmpdir(), 'report-snapshots-'));
try {
  const inputs = NAMES.map((name) => path.join(ROOT, 'examples', `${name}.yaml`));
  const build = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report.js'), 'build', ...inputs, '-o', path.join(work, 'out')], { encoding: 'utf8' });
  if (build.status !== 0) fail(`report build failed:\n${build.stderr}`);

  const docs = NAMES.map((name) => path.join(work, 'out', `${name}.docx`));
  const conversions = await convertToPdf(docs, { soffice: found.tools.soffice, outDir: path.join(work, 'pdf') });
  const failed = conversions.filter((c) => !c.ok);
  if (failed.length > 0) fail(failed.map((c) => `${path.basename(c.input)}: ${c.message}`).join('\n'));

  mkdirSync(path.join(ROOT, 'snapshots'), { recursive: true });
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  for (const [i, name] of NAMES.entries()) {
    const pdf = conversions[i].pdf;
    const snapshot = path.join(ROOT, 'snapshots', name);
    execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, snapshot]);
    // The README copy: 600 px tall, small enough to keep in the repository.
    const small = path.join(ROOT, 'docs', name);
    execFileSync('pdftoppm', ['-scale-to', '600', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, small]);
    const size = statSync(`${small}.png`).size;
    console.log(`snapshots/${name}.png`);
    console.log(`docs/${name}.png (${Math.round(size / 1024)} KB)`);
    if (size > DOCS_LIMIT) console.error(`snapshots: warning: docs/${name}.png is ${Math.round(size / 1024)} KB, above ${DOCS_LIMIT / 1024} KB`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
