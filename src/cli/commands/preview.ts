/**
 * `report preview <input>`: the Markdown preview on stdout, or into a file with -o.
 */
import path from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { renderFile } from '../../pipeline.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { projectConfig, readOptionsOf, shown, type ReadOptions } from './build.js';

export async function preview(input: string, options: { output?: string } & Partial<ReadOptions>, io: CliIo): Promise<number> {
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const readOptions = { ...readOptionsOf(options), config };
  const file = path.resolve(io.cwd, input);
  const rendered = await renderFile(file, { now: io.now(), env: io.env, ...readOptions });
  report(io, rendered.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  if (!rendered.ok || hasErrors(rendered.diagnostics)) return EXIT.invalidInput;
  if (options.output) {
    await writeFileAtomic(path.resolve(io.cwd, options.output), rendered.value.markdown);
  } else {
    io.stdout(rendered.value.markdown);
  }
  return EXIT.ok;
}
