/**
 * `-t, --template NAME|PATH` of build and preview: a path relative to the current folder, or a
 * name looked up in the project's template folder, then among the built-ins. It wins over a
 * record's `template:` and the project's default for the genre.
 */
import path from 'node:path';
import type { ProjectConfig } from '../config/project-config.js';
import { findTemplate } from '../template/resolve.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { messageIn, say, t } from '../messages/index.js';

/** `{ templateFile }` for the render options (empty without -t), or the exit code of a bad -t. */
export function templateOption(spec: string | undefined, io: CliIo, config: ProjectConfig): { templateFile?: string } | number {
  if (spec === undefined) return {};
  const found = findTemplate(spec, io.cwd, config.templates);
  if (found.ok) return { templateFile: path.resolve(found.file) };
  const lang = io.lang;
  const { message, hint = '' } = messageIn(say(found.code, { ...found.args, option: '' }), lang);
  io.stderr(`report: ${t('usage.templateOption', lang, { spec, message, hint })}\n`);
  return EXIT.usage;
}
