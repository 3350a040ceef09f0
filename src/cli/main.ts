/**
 * The command line: options are declared once, here; each command returns an exit code.
 * Library code never exits the process — only bin/report.js sets process.exitCode.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import type { OutputFormat } from './commands/build.js';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('report')
    .description('Turn YAML records into Chinese official documents (GB/T 9704 Word files) with a Markdown preview.')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`report: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(run report --help for usage)');

  program
    .command('build')
    .description('build a Word file (and/or Markdown) for each record file; folders are searched for *.yaml/*.yml')
    .argument('<inputs...>', 'record files or folders')
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('--format <format>', 'what to write').choices(['docx', 'md', 'both']).default('docx'))
    .action(async (inputs: string[], options: { out: string; format: OutputFormat }) => {
      const { build } = await import('./commands/build.js');
      exitCode = await build(inputs, options, io);
    });

  program
    .command('preview')
    .description('print the Markdown preview of a record file')
    .argument('<input>', 'a record file')
    .option('-o, --output <file>', 'write the preview to a file instead of stdout')
    .action(async (input: string, options: { output?: string }) => {
      const { preview } = await import('./commands/preview.js');
      exitCode = await preview(input, options, io);
    });

  program
    .command('check')
    .description('validate record files without writing anything; every problem as FILE:LINE:COL: message')
    .argument('<inputs...>', 'record files or folders')
    .action(async (inputs: string[]) => {
      const { check } = await import('./commands/check.js');
      exitCode = await check(inputs, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of record files (also in schema/record.schema.json)')
    .action(async () => {
      const { recordJsonSchema } = await import('../records/json-schema.js');
      io.stdout(recordJsonSchema());
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end parsing through an "error" with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const debug = argv.includes('--debug');
    io.stderr(`report: internal error: ${(error as Error).message}${debug ? `\n${(error as Error).stack}` : ' (run again with --debug for details)'}\n`);
    return EXIT.internal;
  }
  return exitCode;
}
