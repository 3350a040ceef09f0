/**
 * `report build <inputs…>`: every record file → DIR/<name>.docx (and/or .md). One failing input
 * does not stop the others; each failure is reported and leaves no output behind.
 */
import path from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import { findInputs } from '../../input/find-inputs.js';
import { outputBase } from '../../output/output-paths.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { renderFile, toDocx } from '../../pipeline.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { loadProjectConfig, type ProjectConfig } from '../../config/project-config.js';
import type { Script } from '../../text/script.js';

export type OutputFormat = 'docx' | 'md' | 'both';

/**
 * How records are read and rendered, shared by build, preview and check: mojibake repair (on by
 * default), whether lost characters are errors, the output script (overrides record and config).
 */
export interface ReadOptions {
  repair: boolean;
  strict?: boolean;
  script?: Script;
}

export const readOptionsOf = (options: Partial<ReadOptions>): ReadOptions => ({
  repair: options.repair !== false,
  strict: options.strict ?? false,
  ...(options.script ? { script: options.script } : {}),
});

/** The project config (report.config.yaml above the working folder), or the exit code of its errors. */
export async function projectConfig(io: CliIo): Promise<ProjectConfig | number> {
  const loaded = await loadProjectConfig(io.cwd, io.env);
  report(io, loaded.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  return loaded.ok ? loaded.value : EXIT.invalidInput;
}

export interface BuildOptions extends Partial<ReadOptions> {
  out: string;
  format: OutputFormat;
}

export async function build(inputs: string[], options: BuildOptions, io: CliIo): Promise<number> {
  const started = Date.now();
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const readOptions = { ...readOptionsOf(options), config };
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const { files, diagnostics } = await findInputs(inputs.map(resolve));
  report(io, diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  let built = 0;
  let failed = diagnostics.filter((d) => d.severity === 'error').length;
  const claimed = new Map<string, string>();

  for (const input of files) {
    const name = shown(io, input.file);
    const base = outputBase(input, resolve(options.out));
    const earlier = claimed.get(base);
    if (earlier) {
      report(io, [{ file: name, severity: 'error', code: 'output/collision', message: `its output would overwrite the output of ${earlier}`, hint: 'rename one of the files or build them into separate folders' }]);
      failed++;
      continue;
    }
    claimed.set(base, name);

    const rendered = await renderFile(input.file, { now: io.now(), env: io.env, ...readOptions });
    const shownDiagnostics = rendered.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) }));
    if (!rendered.ok || hasErrors(rendered.diagnostics)) {
      report(io, shownDiagnostics);
      failed++;
      continue;
    }
    const outputs: Array<[string, Uint8Array | string]> = [];
    if (options.format !== 'docx') outputs.push([`${base}.md`, rendered.value.markdown]);
    if (options.format !== 'md') {
      const docx = await toDocx(rendered.value);
      shownDiagnostics.push(...docx.diagnostics.map((d) => ({ ...d, file: name })));
      outputs.push([`${base}.docx`, docx.bytes]);
    }
    report(io, shownDiagnostics);
    try {
      for (const [target, data] of outputs) {
        await writeFileAtomic(target, data);
        io.stdout(`${shown(io, target)}\n`);
      }
      built++;
    } catch (error) {
      report(io, [{ file: name, severity: 'error', code: 'output/write', message: `cannot write the output (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, hint: 'check that the output folder is writable' }]);
      failed++;
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stderr(`built ${built}, failed ${failed}, ${seconds} s\n`);
  if (failed === 0) return built > 0 ? EXIT.ok : EXIT.invalidInput;
  return built > 0 ? EXIT.partial : EXIT.invalidInput;
}

/** Paths in messages are shown relative to the working folder, as the user typed them. */
export function shown(io: CliIo, file: string): string {
  const relative = path.relative(io.cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
