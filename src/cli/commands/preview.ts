/**
 * `report preview <input>`: the Markdown preview on stdout, or into a file with -o.
 * With --watch it stays running and renders again whenever the record, its template or the
 * project config changes (src/cli/watch.ts).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import { renderFile } from '../../pipeline.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { projectConfig, readOptionsOf, shown, buildTime, writeOutput, type ReadOptions } from '../shared.js';
import { templateOption } from '../template-option.js';
import { t } from '../../messages/index.js';

export interface PreviewOptions extends Partial<ReadOptions> {
  output?: string;
  /** -t: a template name or .hbs file. */
  template?: string;
  watch?: boolean;
}

export async function preview(input: string, options: PreviewOptions, io: CliIo): Promise<number> {
  if (options.watch) {
    const { watchPreview } = await import('../watch.js');
    return watchPreview(input, options, io);
  }
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const template = templateOption(options.template, io, config);
  if (typeof template === 'number') return template;
  const readOptions = { ...readOptionsOf(options), config, ...template };
  const file = path.resolve(io.cwd, input);
  if (options.output) {
    // Not over the record, and not as a Word or YAML file that would then not open.
    const target = path.resolve(io.cwd, options.output);
    const refusal = sameFile(target, file) ? 'usage.outputIsInput' : /\.(docx?|ya?ml)$/i.test(target) ? 'usage.previewNotMarkdown' : undefined;
    if (refusal) {
      io.stderr(`report: ${t(refusal, io.lang, { file: options.output })}\n`);
      return EXIT.usage;
    }
  }
  const time = buildTime(io);
  if (typeof time === 'number') return time;
  const rendered = await renderFile(file, { now: time.now, env: io.env, cwd: io.cwd, ...readOptions });
  report(io, rendered.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  if (!rendered.ok || hasErrors(rendered.diagnostics)) return EXIT.invalidInput;
  if (options.output) {
    const target = path.resolve(io.cwd, options.output);
    if (!(await writeOutput(io, target, rendered.value.markdown))) return EXIT.invalidInput;
  } else {
    io.stdout(rendered.value.markdown);
  }
  return EXIT.ok;
}

/** Whether two paths name the same file (through links); false when either does not exist. */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}
