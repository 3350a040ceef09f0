/** Shared test helpers: spawn the real binary, read a docx, make scratch folders. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'report.js');
export const EXAMPLES = ['summary', 'plan', 'briefing'].map((name) => path.join(ROOT, 'examples', `${name}.yaml`));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `report …` as a user would: a new process, the given working folder. */
export function report(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    input: options.input,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function scratch(prefix = 'report-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Every part of a docx, as text. */
export function readDocx(file: string): Record<string, string> {
  const parts = unzipSync(readFileSync(file));
  return Object.fromEntries(Object.entries(parts).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The visible text of each paragraph of word/document.xml, in order. */
export function paragraphTexts(documentXml: string): string[] {
  const paragraphs = documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''));
}

export function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
