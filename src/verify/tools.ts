/**
 * The external programs the PDF checks run: LibreOffice (soffice) to convert, poppler-utils
 * (pdftotext, pdfinfo, pdffonts, pdftohtml) to measure. Found by running them, never assumed;
 * REPORT_SOFFICE points at a particular soffice binary. Nothing here prints or exits.
 */
import { execFile } from 'node:child_process';

export interface Tools {
  /** The soffice binary that answered `--version`. */
  soffice: string;
  pdftotext: string;
  pdfinfo: string;
  pdffonts: string;
  pdftohtml: string;
  /** fontconfig's fc-list, when present: the PostScript names of installed faces. */
  fcList?: string;
}

export type ToolsResult = { ok: true; tools: Tools } | { ok: false; missing: string[] };

/** Where soffice usually is when REPORT_SOFFICE does not say. */
const SOFFICE_CANDIDATES = ['soffice', 'libreoffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

export interface RunResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Why it did not run or failed: "not found", "exit code 1", "timed out". */
  error?: string;
}

/** Runs a program with an argument array (no shell) and collects its output; never throws. */
export function runTool(file: string, args: readonly string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 60_000, env: options.env, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout, stderr });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
        const why =
          e.code === 'ENOENT' || e.code === 'EACCES'
            ? 'not found'
            : e.killed || e.signal
              ? `timed out or killed (${e.signal ?? 'signal'})`
              : typeof e.code === 'number'
                ? `exit code ${e.code}`
                : e.message;
        resolve({ ok: false, stdout: stdout ?? '', stderr: stderr ?? '', error: why });
      },
    );
  });
}

/** Tries each tool; REPORT_SOFFICE (when set) is the only soffice tried. */
export async function findTools(env: NodeJS.ProcessEnv = {}): Promise<ToolsResult> {
  const wanted = env['REPORT_SOFFICE'];
  const candidates = wanted ? [wanted] : SOFFICE_CANDIDATES;
  let soffice: string | undefined;
  for (const candidate of candidates) {
    if ((await runTool(candidate, ['--version'], { timeoutMs: 30_000 })).ok) {
      soffice = candidate;
      break;
    }
  }
  const missing: string[] = [];
  if (!soffice) missing.push('soffice');
  const poppler = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftohtml'] as const;
  for (const tool of poppler) {
    if (!(await runTool(tool, ['-v'], { timeoutMs: 10_000 })).ok) missing.push(tool);
  }
  if (missing.length > 0 || !soffice) return { ok: false, missing };
  const fc = await runTool('fc-list', ['--version'], { timeoutMs: 10_000 });
  return {
    ok: true,
    tools: { soffice, pdftotext: 'pdftotext', pdfinfo: 'pdfinfo', pdffonts: 'pdffonts', pdftohtml: 'pdftohtml', ...(fc.ok ? { fcList: 'fc-list' } : {}) },
  };
}
