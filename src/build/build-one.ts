/**
 * One build job: record file → rendered document → output files written atomically. The same
 * function runs in the main thread (one file, or --jobs 1) and in the worker threads.
 * Jobs and results are plain data so they cross the thread boundary.
 */
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { writeFilesAtomic } from '../output/write-atomic.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { Script } from '../text/script.js';
import { say, type Args, type Phrase } from '../messages/index.js';

export type OutputFormat = 'docx' | 'md' | 'both';

/**
 * The pipeline — YAML, templates, Markdown, writers — loads on the first job, not with this
 * module: `report build` imports it to start, and a batch whose files are all up to date, or
 * whose jobs all go to worker threads, never needs the pipeline in the main thread.
 * Workers call it as they start, so it loads while the main thread is still dispatching.
 */
export const loadPipeline = (): Promise<typeof import('../pipeline.js')> => import('../pipeline.js');

export interface BuildJob {
  file: string;
  /** The output path without extension. */
  outBase: string;
  format: OutputFormat;
  repair: boolean;
  strict: boolean;
  script?: Script;
  config: ProjectConfig;
  /** -t: the template file for every record. */
  templateFile?: string;
  /** The clock as milliseconds since the epoch: the default 成文日期. */
  now: number;
  /** SOURCE_DATE_EPOCH, when set: the documents' created/modified date. */
  sourceDateEpoch?: number;
}

export interface BuildResult {
  file: string;
  status: 'built' | 'failed';
  outputs: string[];
  diagnostics: Diagnostic[];
  dependencies: string[];
  durationMs: number;
}

export async function buildOne(job: BuildJob): Promise<BuildResult> {
  const started = performance.now();
  const result = (status: BuildResult['status'], outputs: string[], diagnostics: Diagnostic[], dependencies: string[] = []): BuildResult => ({
    file: job.file,
    status,
    outputs,
    diagnostics,
    dependencies,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
  const { renderFile, toDocx } = await loadPipeline();
  const rendered = await renderFile(job.file, {
    now: new Date(job.now),
    repair: job.repair,
    strict: job.strict,
    config: job.config,
    ...(job.templateFile ? { templateFile: job.templateFile } : {}),
    ...(job.script ? { script: job.script } : {}),
  });
  if (!rendered.ok || hasErrors(rendered.diagnostics)) return result('failed', [], rendered.diagnostics);
  const diagnostics = [...rendered.diagnostics];
  const outputs: Array<[string, Uint8Array | string]> = [];
  if (job.format !== 'docx') outputs.push([`${job.outBase}.md`, rendered.value.markdown]);
  if (job.format !== 'md') {
    const docx = await toDocx(rendered.value, job.sourceDateEpoch);
    diagnostics.push(...docx.diagnostics);
    outputs.push([`${job.outBase}.docx`, docx.bytes]);
  }
  try {
    await writeFilesAtomic(outputs);
  } catch (error) {
    diagnostics.push({
      file: job.file,
      severity: 'error',
      ...say('output/write', writeFailure(error, outputs.map(([target]) => target))),
    });
    return result('failed', [], diagnostics);
  }
  return result('built', outputs.map(([target]) => target), diagnostics, rendered.value.dependencies);
}

/** What a failed write says: the output it was (when the error names one) and what to do about the reason. */
function writeFailure(error: unknown, targets: string[]): Args {
  const e = error as NodeJS.ErrnoException;
  const reason = e.code ?? e.message;
  const target = targets.find((t) => e.path === t || (e as { dest?: string }).dest === t) ?? (targets.length === 1 ? targets[0]! : undefined);
  const suggestion: Phrase =
    e.code === 'EISDIR' || e.code === 'ENOTEMPTY' || e.code === 'EEXIST'
      ? { en: 'a folder has the output’s name: rename or remove it', zh: '有一个文件夹与输出文件同名，请改名或删除它' }
      : e.code === 'ENOSPC' || e.code === 'EDQUOT'
        ? { en: 'the disk is full: free some space', zh: '磁盘已满，请腾出空间' }
        : { en: 'check that the output folder is writable', zh: '请检查输出文件夹能否写入' };
  return { file: target ? path.basename(target) : { en: 'the output', zh: '输出文件' }, reason, suggestion };
}
