/**
 * `report build <inputs…>`: every record file → DIR/<name>.docx (and/or .md), in parallel
 * worker threads for a batch. One failing input does not stop the others; each failure is
 * reported and leaves no output behind. --shard i/n builds one slice of the sorted inputs,
 * up-to-date outputs are skipped (--force rebuilds), --json writes a machine-readable summary,
 * and SIGINT/SIGTERM stop the batch after the files in progress are written whole.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { findInputs } from '../../input/find-inputs.js';
import { outputBase, outputDirProblem } from '../../output/output-paths.js';
import { buildOne, type BuildJob, type BuildResult, type OutputFormat } from '../../build/build-one.js';
import { Manifest } from '../../build/manifest.js';
import { parseShard, selectShard } from '../../build/shard.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { createProgress, progressMode } from '../progress.js';
import { projectConfig, readOptionsOf, shown, buildTime, writeOutput, type ReadOptions } from '../shared.js';
import { version } from '../version.js';
import { templateOption } from '../template-option.js';
import { templateFolderState } from '../../template/resolve.js';
import { say, t, type Args, type CliTextKey } from '../../messages/index.js';

export { projectConfig, readOptionsOf, shown, type ReadOptions } from '../shared.js';
export type { OutputFormat } from '../../build/build-one.js';

export interface BuildOptions extends Partial<ReadOptions> {
  /** Default: `output:` of report.config.yaml, else out/. */
  out?: string;
  /** -t: a template name or .hbs file for every record. */
  template?: string;
  format: OutputFormat;
  jobs?: string;
  shard?: string;
  force?: boolean;
  quiet?: boolean;
  /** true: the summary on stdout; a string: into that file. */
  json?: boolean | string;
}



interface InputSummary {
  input: string;
  status: 'built' | 'failed' | 'skipped';
  outputs: string[];
  warnings: string[];
  errors: string[];
  durationMs: number;
}

export async function build(inputs: string[], options: BuildOptions, io: CliIo): Promise<number> {
  const started = performance.now();
  const lang = io.lang;
  const usage = (key: CliTextKey, args: Args) => {
    io.stderr(`report: ${t(key, lang, args)}\n`);
    return EXIT.usage;
  };
  // `--json [file]` takes the next word when it is not an option: in `--json records/*.yaml`
  // or `--json records/` that is the first input, which must stay one (and never be
  // overwritten with JSON).
  if (typeof options.json === 'string' && (/\.ya?ml$/i.test(options.json) || isFolder(path.resolve(io.cwd, options.json)))) {
    inputs = [options.json, ...inputs];
    options = { ...options, json: true };
  }
  if (inputs.length === 0) {
    io.stderr(`report: ${t('usage.missingArgument', lang, { name: 'inputs' })}\n${t('help.after', lang)}\n`);
    return EXIT.usage;
  }
  const jobs = options.jobs === undefined ? availableParallelism() : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) return usage('usage.jobs', { value: String(options.jobs) });
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (options.shard !== undefined && !shard) return usage('usage.shard', { value: options.shard });
  const time = buildTime(io);
  if (typeof time === 'number') return time;

  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const template = templateOption(options.template, io, config);
  if (typeof template === 'number') return template;
  const readOptions = readOptionsOf(options);
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const outDir = options.out !== undefined ? resolve(options.out) : (config.output ?? resolve('out'));
  const unsafeOut = await outputDirProblem(outDir, io.cwd);
  if (unsafeOut) {
    io.stderr(`report: ${formatDiagnostic({ file: shown(io, outDir), severity: 'error', ...unsafeOut }, lang)}\n`);
    return EXIT.usage;
  }
  const found = await findInputs(inputs.map(resolve));
  report(io, found.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  const missing = found.diagnostics.filter((d) => d.severity === 'error').length;

  // Sorted by path, so every shard of a CI matrix sees the same list.
  const sorted = [...found.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const selected = selectShard(sorted, shard);

  const summaries: InputSummary[] = [];
  const claimed = new Map<string, string>();
  const manifest = Manifest.load(outDir, version());
  const pending: BuildJob[] = [];
  // What else decides the bytes of an output: a change of any of these rebuilds everything.
  const settings = JSON.stringify({ format: options.format, ...readOptions, config: config.file ?? null, template: template.templateFile ?? null, templates: templateFolderState(config.templates), sourceDateEpoch: io.env['SOURCE_DATE_EPOCH'] ?? null });
  for (const input of selected) {
    const outBase = outputBase(input, outDir);
    const earlier = claimed.get(outBase);
    if (earlier) {
      summaries.push(failure(io, input.file, [
        { file: input.file, severity: 'error', ...say('output/collision', { earlier }) },
      ]));
      continue;
    }
    claimed.set(outBase, shown(io, input.file));
    const expected = options.format === 'both' ? [`${outBase}.md`, `${outBase}.docx`] : [`${outBase}.${options.format}`];
    if (!options.force && manifest.upToDate(input.file, expected, settings)) {
      summaries.push({ input: shown(io, input.file), status: 'skipped', outputs: expected.map((o) => shown(io, o)), warnings: [], errors: [], durationMs: 0 });
      continue;
    }
    pending.push({
      file: input.file,
      outBase,
      format: options.format,
      repair: readOptions.repair,
      strict: readOptions.strict ?? false,
      ...(readOptions.script ? { script: readOptions.script } : {}),
      config,
      ...template,
      now: time.now.getTime(),
      ...(time.epoch !== undefined ? { sourceDateEpoch: time.epoch } : {}),
    });
  }
  for (const s of summaries) for (const e of s.errors) io.stderr(`${e}\n`);

  const jsonToStdout = options.json === true;
  const progress = await createProgress(io, progressMode(io, { ...(options.quiet ? { quiet: true } : {}), jsonToStdout }));
  let interrupted = false;
  const unsubscribe = io.onInterrupt(() => {
    // Stop dispatching; the files in progress finish and are written whole.
    interrupted = true;
  });
  const onResult = (result: BuildResult) => {
    const summary = summarize(io, result);
    summaries.push(summary);
    if (result.status === 'built') manifest.record(result.file, result.outputs, result.dependencies, settings);
    else manifest.forget(result.file);
    progress.done(summary.outputs, [...summary.errors, ...summary.warnings]);
  };
  progress.start(pending.length);
  try {
    if (jobs === 1 || pending.length <= 1) {
      for (const job of pending) {
        if (interrupted) break;
        onResult(await buildOne(job));
      }
    } else {
      const { runInPool } = await import('../../build/pool.js');
      await runInPool(pending, jobs, onResult, () => interrupted);
    }
  } finally {
    progress.stop();
    unsubscribe();
    await manifest.save().catch(() => undefined);
  }

  const built = summaries.filter((s) => s.status === 'built').length;
  const failed = summaries.filter((s) => s.status === 'failed').length + missing;
  const skipped = summaries.filter((s) => s.status === 'skipped').length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const line = t('summary.build', lang, {
    built,
    failed,
    skipped: skipped ? t('summary.skipped', lang, { count: skipped }) : '',
    interrupted: interrupted ? t('summary.interrupted', lang, { count: pending.length - built - (failed - missing) }) : '',
    seconds,
  });
  if (!options.quiet || failed > 0) io.stderr(`${line}\n`);
  if (options.json !== undefined && options.json !== false) {
    const order = new Map(sorted.map((f, i) => [shown(io, f.file), i]));
    const json = `${JSON.stringify(
      {
        version: version(),
        built,
        failed,
        skipped,
        interrupted,
        durationMs: Math.round(performance.now() - started),
        ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
        inputs: [...summaries].sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0)),
      },
      null,
      2,
    )}\n`;
    if (typeof options.json === 'string') {
      const target = resolve(options.json);
      if (!(await writeOutput(io, target, json))) return EXIT.invalidInput;
    } else io.stdout(json);
  }
  if (interrupted) return EXIT.interrupted;
  if (failed === 0) return built + skipped > 0 ? EXIT.ok : EXIT.invalidInput;
  return built + skipped > 0 ? EXIT.partial : EXIT.invalidInput;
}

function failure(io: CliIo, file: string, diagnostics: Diagnostic[]): InputSummary {
  return { input: shown(io, file), status: 'failed', outputs: [], warnings: [], errors: diagnostics.map((d) => formatDiagnostic({ ...d, file: shown(io, d.file) }, io.lang)), durationMs: 0 };
}

function summarize(io: CliIo, result: BuildResult): InputSummary {
  const format = (d: Diagnostic) => formatDiagnostic({ ...d, file: shown(io, d.file) }, io.lang);
  return {
    input: shown(io, result.file),
    status: result.status,
    outputs: result.outputs.map((o) => shown(io, o)),
    warnings: result.diagnostics.filter((d) => d.severity !== 'error').map(format),
    errors: result.diagnostics.filter((d) => d.severity === 'error').map(format),
    durationMs: result.durationMs,
  };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
