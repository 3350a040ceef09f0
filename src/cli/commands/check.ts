/**
 * `report check <inputs…>`: validate and render every record without writing anything;
 * every problem as FILE:LINE:COL: message.
 */
import path from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import { findInputs } from '../../input/find-inputs.js';
import { renderFile } from '../../pipeline.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { t } from '../../messages/index.js';
import { projectConfig, readOptionsOf, shown, type ReadOptions } from '../shared.js';

export async function check(inputs: string[], options: Partial<ReadOptions>, io: CliIo): Promise<number> {
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const readOptions = { ...readOptionsOf(options), config };
  const { files, diagnostics } = await findInputs(inputs.map((p) => path.resolve(io.cwd, p)));
  report(io, diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
  const missing = diagnostics.filter((d) => d.severity === 'error').length;
  let invalid = 0;
  for (const input of files) {
    const rendered = await renderFile(input.file, { now: io.now(), env: io.env, ...readOptions });
    report(io, rendered.diagnostics.map((d) => ({ ...d, file: shown(io, d.file) })));
    if (!rendered.ok || hasErrors(rendered.diagnostics)) invalid++;
  }
  io.stderr(`${t('summary.check', io.lang, { count: files.length, ok: files.length - invalid, invalid })}\n`);
  return missing === 0 && invalid === 0 && files.length > 0 ? EXIT.ok : EXIT.invalidInput;
}
