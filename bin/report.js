#!/usr/bin/env node
// The only place that touches the process: run the CLI, set the exit code. Whatever escapes it
// (a rejected promise nobody awaited, a stream error) is an internal error: one line, exit code 4,
// the stack trace only with --debug. A closed pipe (`report preview x | head`) is not an error.
import { statSync } from 'node:fs';

const debug = process.argv.includes('--debug');
let crashed = false;
const crash = (error) => {
  if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (!crashed) process.stderr.write(`report: internal error: ${error?.message ?? error}${debug ? `\n${error?.stack}` : ' (run again with --debug for details)'}\n`);
  crashed = true;
  process.exitCode = 4;
  // Work still running gets a moment to finish (and remove its temporary files), not forever.
  setTimeout(() => process.exit(4), 2000).unref();
};
/**
 * The bundle `npm run build` makes (dist/bundle/, see scripts/bundle.mjs) starts several times
 * faster than the ~300 modules of dist/; dist/ itself when the bundle is missing or older than
 * the last compile (tsc run on its own after a change).
 */
function cli() {
  const bundle = new URL('../dist/bundle/main.js', import.meta.url);
  const compiled = new URL('../dist/cli/main.js', import.meta.url);
  try {
    if (statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs) return bundle.href;
  } catch {
    // No bundle (or no dist/cli): the compiled modules.
  }
  return compiled.href;
}
process.on('uncaughtException', crash).on('unhandledRejection', crash);
process.stdout.on('error', crash);
try {
  const { run } = await import(cli());
  const code = await run(process.argv.slice(2));
  if (!crashed) process.exitCode = code;
} catch (error) {
  crash(error);
}
