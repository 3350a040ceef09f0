#!/usr/bin/env node
// The only place that touches the process: run the CLI, set the exit code. Whatever escapes it
// (a rejected promise nobody awaited, a stream error) is an internal error: one line, exit code 4,
// the stack trace only with --debug. A closed pipe (`report preview x | head`) is not an error.
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
process.on('uncaughtException', crash).on('unhandledRejection', crash);
process.stdout.on('error', crash);
try {
  const { run } = await import('../dist/cli/main.js');
  const code = await run(process.argv.slice(2));
  if (!crashed) process.exitCode = code;
} catch (error) {
  crash(error);
}
