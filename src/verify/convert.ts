/**
 * docx → PDF with LibreOffice: `soffice --headless --convert-to pdf`, one run for many files,
 * with a private profile so parallel runs do not collide. Inputs are checked first — LibreOffice
 * happily "converts" a text file named .docx as plain text, and exits 0 when a file fails.
 */
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { Phrase } from '../messages/index.js';
import { both, toolError } from './texts.js';
import { runTool } from './tools.js';

export type Conversion =
  | { ok: true; input: string; pdf: string }
  | {
      ok: false;
      input: string;
      /** not-found: the input is missing; not-docx: it is not a Word file; no-libreoffice: soffice did not run; failed: LibreOffice made no PDF. */
      reason: 'not-found' | 'not-docx' | 'no-libreoffice' | 'failed';
      message: string;
      /** The message in English and Chinese. */
      text: Phrase;
    };

export interface ConvertOptions {
  /** The soffice binary (see findTools); default "soffice". */
  soffice?: string;
  /** Where the PDFs go; created when missing. Each PDF is named after its docx (made unique). */
  outDir: string;
  /** Default: 60 s plus 30 s per file. */
  timeoutMs?: number;
}

type Problem = { reason: 'not-found' | 'not-docx'; message: string; text: Phrase };
const problem = (reason: Problem['reason'], text: Phrase): Problem => ({ reason, message: text.en, text });

/** Why a file is not a .docx LibreOffice should be given, or undefined when it is one. */
export async function docxProblem(file: string): Promise<Problem | undefined> {
  let bytes: Uint8Array;
  try {
    if (!(await stat(file)).isFile()) return problem('not-found', both('verify.notAFile'));
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem('not-found', code === 'ENOENT' ? both('verify.fileNotFound') : both('verify.cannotRead', { reason: code ?? (error as Error).message }));
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return problem('not-docx', both('verify.notZip'));
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch (error) {
    return problem('not-docx', both('verify.damagedZip', { reason: (error as Error).message }));
  }
  if (!names.includes('word/document.xml')) return problem('not-docx', both('verify.noDocumentXml'));
  return undefined;
}

/** Converts each docx to a PDF in options.outDir; one result per input, in order. */
export async function convertToPdf(inputs: readonly string[], options: ConvertOptions): Promise<Conversion[]> {
  const results: Conversion[] = [];
  const work = await mkdtemp(path.join(tmpdir(), 'report-convert-'));
  try {
    const queued: Array<{ index: number; input: string; copy: string }> = [];
    for (const [index, input] of inputs.entries()) {
      const problem = await docxProblem(input);
      if (problem) {
        results[index] = { ok: false, input, ...problem };
        continue;
      }
      // A copy with a plain name: no two inputs collide, and odd file names cannot confuse soffice.
      const copy = path.join(work, 'in', `${index}.docx`);
      await mkdir(path.dirname(copy), { recursive: true });
      await copyFile(input, copy);
      queued.push({ index, input, copy });
    }
    if (queued.length > 0) {
      const pdfDir = path.join(work, 'pdf');
      const profile = pathToFileURL(path.join(work, 'lo-profile')).href;
      const run = await runTool(
        options.soffice ?? 'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, ...queued.map((q) => q.copy)],
        { timeoutMs: options.timeoutMs ?? 60_000 + 30_000 * queued.length },
      );
      await mkdir(options.outDir, { recursive: true });
      const taken = new Set<string>();
      for (const q of queued) {
        if (!run.ok && run.error === 'not found') {
          const text = both('verify.noLibreOffice', { soffice: options.soffice ?? 'soffice' });
          results[q.index] = { ok: false, input: q.input, reason: 'no-libreoffice', message: text.en, text };
          continue;
        }
        const produced = path.join(pdfDir, `${q.index}.pdf`);
        const size = await stat(produced).then((s) => s.size, () => 0);
        if (size === 0) {
          const said = `${run.stderr}\n${run.stdout}`
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => /error/i.test(l) && !/javaldx/.test(l));
          const text = both('verify.noPdf', {
            soffice: run.ok ? '' : both('verify.noPdfSoffice', { error: toolError(run.error) }),
            said: said.length > 0 ? both('verify.noPdfSaid', { lines: [...new Set(said)].join('; ') }) : '',
          });
          results[q.index] = { ok: false, input: q.input, reason: 'failed', message: text.en, text };
          continue;
        }
        const base = path.basename(q.input).replace(/\.docx$/i, '');
        let name = `${base}.pdf`;
        for (let n = 2; taken.has(name); n++) name = `${base}-${n}.pdf`;
        taken.add(name);
        const pdf = path.join(options.outDir, name);
        await rename(produced, pdf).catch(async () => {
          await copyFile(produced, pdf);
        });
        results[q.index] = { ok: true, input: q.input, pdf };
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return results;
}
