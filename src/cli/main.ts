/**
 * The command line: options are declared once, here; each command returns an exit code.
 * Library code never exits the process — only bin/report.js sets process.exitCode.
 */
import { version } from './version.js';
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { SCRIPTS } from '../text/script.js';

/** --script, shared by build and preview: it overrides the record's `script:` and the config. */
/** How records are read, shared by build, preview and check. */
const repairOption = () => new Option('--no-repair', 'do not repair garbled text (mojibake) in the records');
const strictOption = () => new Option('--strict', 'treat lost characters (U+FFFD, 锟斤拷) as errors');
const scriptOption = () => new Option('--script <script>', 'output script (overrides the record and report.config.yaml)').choices(SCRIPTS);
/** -t, shared by build and preview: it overrides the record's `template:` and the project's templates. */
const templateOption = () => new Option('-t, --template <name|path>', 'template for every record: a name (report templates lists them) or a .hbs file');

export { version } from './version.js';

export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('report')
    .description('Turn YAML records into Chinese official documents (GB/T 9704 Word files) with a Markdown preview.')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .option('--lang <lang>', 'language of messages: zh or en (default: REPORT_LANG, then LC_ALL/LC_MESSAGES/LANG)')
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
    .option('-o, --out <dir>', 'output folder (default: `output:` in report.config.yaml, else out)')
    .addOption(new Option('--format <format>', 'what to write').choices(['docx', 'md', 'both']).default('docx'))
    .addOption(repairOption())
    .addOption(strictOption())
    .addOption(scriptOption())
    .addOption(templateOption())
    .option('-j, --jobs <n>', 'worker threads for a batch (default: the number of cores)')
    .option('--shard <i/n>', 'build only the i-th of n slices of the sorted inputs (for a CI matrix)')
    .option('--force', 'rebuild outputs that are up to date')
    .option('-q, --quiet', 'print only problems')
    .option('--json [file]', 'write a machine-readable summary to stdout, or to a file')
    .action(async (inputs: string[], options: import('./commands/build.js').BuildOptions) => {
      const { build } = await import('./commands/build.js');
      exitCode = await build(inputs, options, io);
    });

  program
    .command('preview')
    .description('print the Markdown preview of a record file')
    .argument('<input>', 'a record file')
    .option('-o, --output <file>', 'write the preview to a file instead of stdout')
    .addOption(repairOption())
    .addOption(strictOption())
    .addOption(scriptOption())
    .addOption(templateOption())
    .option('-w, --watch', 'keep running: render again when the record, its template or the config changes')
    .action(async (input: string, options: import('./commands/preview.js').PreviewOptions) => {
      const { preview } = await import('./commands/preview.js');
      exitCode = await preview(input, options, io);
    });

  const templates = program
    .command('templates')
    .description('list the built-in templates and those in the project\'s template folder')
    .action(async () => {
      const { listTemplatesCommand } = await import('./commands/templates.js');
      exitCode = await listTemplatesCommand(io);
    });
  templates
    .command('eject')
    .description('copy a built-in template and its partials into the project\'s template folder, to edit')
    .argument('<name>', 'a built-in template: summary, plan or briefing')
    .argument('[dir]', 'where to put it (default: the template folder, ./templates)')
    .option('--force', 'overwrite files that are already there')
    .action(async (name: string, dir: string | undefined, options: { force?: boolean }) => {
      const { ejectCommand } = await import('./commands/templates.js');
      exitCode = await ejectCommand(name, dir, options, io);
    });

  program
    .command('init')
    .description('create a working folder: a record file per genre, report.config.yaml and a README')
    .argument('[dir]', 'the folder (default: the current folder)', '.')
    .action(async (dir: string) => {
      const { init } = await import('./commands/init.js');
      exitCode = await init(dir, io);
    });

  program
    .command('check')
    .description('validate record files without writing anything; every problem as FILE:LINE:COL: message')
    .argument('<inputs...>', 'record files or folders')
    .addOption(repairOption())
    .addOption(strictOption())
    .action(async (inputs: string[], options: { repair: boolean; strict?: boolean }) => {
      const { check } = await import('./commands/check.js');
      exitCode = await check(inputs, options, io);
    });

  program
    .command('fix')
    .description('repair garbled Chinese text (mojibake) in plain text files; repaired UTF-8 on stdout')
    .argument('[files...]', 'text files; none or - reads standard input')
    .option('-o, --output <file>', 'write the result to a file')
    .option('--in-place', 'rewrite each file, keeping the original as FILE.bak')
    .option('--unwrap', 'join lines broken at PDF line ends, keep real paragraph breaks')
    .option('--strip-boilerplate', 'remove web residue (source lines, tags, share prompts); each removed line on stderr')
    .option('--punct', 'half-width , ; : ? ! ( ) and straight quotes in Chinese text become full-width')
    .option('--no-repair', 'leave mojibake alone (only the other options apply)')
    .option('--report', 'print each change as FILE:LINE:COL: kind: "before" → "after" on stderr')
    .option('--strict', 'lost characters (U+FFFD, 锟斤拷) are errors: exit 1 and write nothing for that file')
    .addOption(new Option('--to <script>', 'convert to a script after repair').choices(SCRIPTS))
    .option('--dictionary <file>', 'user dictionary for --to (YAML or source<TAB>target lines)')
    .action(async (files: string[], options: import('./commands/fix.js').FixCommandOptions) => {
      const { fix } = await import('./commands/fix.js');
      exitCode = await fix(files, options, io);
    });

  program
    .command('render-check')
    .description('convert Word files with LibreOffice and check the PDF: A4, 22 lines of 28 characters, page numbers, fonts')
    .argument('<docx...>', 'Word files built by report build')
    .option('--record <yaml>', 'the record a docx was built from, once per docx in the same order: also checks headings, text and signature', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .action(async (docx: string[], options: { record: string[] }) => {
      const { renderCheck } = await import('./commands/render-check.js');
      exitCode = await renderCheck(docx, options, io);
    });

  program
    .command('doctor')
    .description('check this machine: Node.js, a writable output folder, LibreOffice for render checks, the 公文 fonts')
    .option('-o, --out <dir>', 'the output folder to check', 'out')
    .action(async (options: { out: string }) => {
      const [{ doctor }, { chooseLang }] = await Promise.all([import('./commands/doctor.js'), import('./lang.js')]);
      exitCode = await doctor({ out: options.out, lang: chooseLang(program.opts<{ lang?: string }>().lang, io.env) }, io);
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
    const stack = debug ? `\n${(error as Error).stack}` : '';
    // A refused or failed write (preview -o, fix -o, --json FILE) is the environment's problem,
    // not a defect: one line, exit 1.
    const { name, syscall, code } = error as NodeJS.ErrnoException;
    if (name === 'UnsafeOutputError' || (syscall !== undefined && typeof code === 'string')) {
      io.stderr(`report: ${(error as Error).message}${name === 'UnsafeOutputError' ? '' : ' (check the path and its permissions)'}${stack}\n`);
      return EXIT.invalidInput;
    }
    io.stderr(`report: internal error: ${(error as Error).message}${debug ? stack : ' (run again with --debug for details)'}\n`);
    return EXIT.internal;
  }
  return exitCode;
}
