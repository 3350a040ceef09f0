/**
 * The command line: options are declared once, here; each command returns an exit code.
 * Library code never exits the process — only bin/report.js sets process.exitCode.
 */
import { version } from './version.js';
import { Command, CommanderError, Option, type Help } from 'commander';
import { EXIT } from './exit-codes.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { processIo, type CliHost, type CliIo } from './io.js';
import { SCRIPTS } from '../text/script.js';
import { chooseLang, langFromArgv, t, type CliTextKey, type Lang } from '../messages/index.js';

/** How records are read, shared by build, preview and check. */
const repairOption = (lang: Lang) => new Option('--no-repair', t('help.opt.noRepair', lang));
const strictOption = (lang: Lang) => new Option('--strict', t('help.opt.strict', lang));
/** --script, shared by build and preview: it overrides the record's `script:` and the config. */
const scriptOption = (lang: Lang) => new Option('--script <script>', t('help.opt.script', lang)).choices(SCRIPTS);
/** -t, shared by build and preview: it overrides the record's `template:` and the project's templates. */
const templateOption = (lang: Lang) => new Option('-t, --template <name|path>', t('help.opt.template', lang));

export { version } from './version.js';

export async function run(argv: readonly string[], given: CliHost = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  // Known before the commands are declared, so that their help is in the same language.
  const lang = chooseLang(langFromArgv(argv), given.env);
  const io: CliIo = { ...given, lang };
  const say = (key: CliTextKey) => t(key, lang);
  // A limit misspelt in a CI job would otherwise be the default without a word.
  const limit = given.env['REPORT_MAX_INPUT_BYTES'];
  if (limit !== undefined && limit !== '' && !/^\s*[1-9]\d*\s*$/.test(limit)) {
    io.stderr(`report: ${t('usage.maxInputBytes', lang, { value: limit })}\n`);
    return EXIT.usage;
  }
  const program = new Command('report')
    .description(say('help.program'))
    .version(version(), '-V, --version', say('help.version'))
    .helpOption('-h, --help', say('help.help'))
    .helpCommand('help [command]', say('help.helpCommand'))
    .option('--debug', say('help.debug'))
    .addOption(new Option('--lang <lang>', say('help.lang')).choices(['zh', 'en']))
    .exitOverride()
    .configureHelp(helpIn(lang))
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`report: ${usageError(text, lang)}`),
    })
    .showHelpAfterError(say('help.after'));

  program
    .command('build')
    .description(say('help.build'))
    // Optional to commander only: `--json records` takes the folder as its value, and build() gives it back.
    .argument('[inputs...]', say('help.arg.inputs'))
    .usage('[options] <inputs...>')
    .option('-o, --out <dir>', say('help.build.out'))
    .addOption(new Option('--format <format>', say('help.build.format')).choices(['docx', 'md', 'both']).default('docx'))
    .addOption(repairOption(lang))
    .addOption(strictOption(lang))
    .addOption(scriptOption(lang))
    .addOption(templateOption(lang))
    .option('-j, --jobs <n>', say('help.build.jobs'))
    .option('--shard <i/n>', say('help.build.shard'))
    .option('--force', say('help.build.force'))
    .option('-q, --quiet', say('help.build.quiet'))
    .option('--json [file]', say('help.build.json'))
    .action(async (inputs: string[], options: import('./commands/build.js').BuildOptions) => {
      const { build } = await import('./commands/build.js');
      exitCode = await build(inputs, options, io);
    });

  program
    .command('preview')
    .description(say('help.preview'))
    .argument('<input>', say('help.preview.input'))
    .option('-o, --output <file>', say('help.preview.output'))
    .addOption(repairOption(lang))
    .addOption(strictOption(lang))
    .addOption(scriptOption(lang))
    .addOption(templateOption(lang))
    .option('-w, --watch', say('help.preview.watch'))
    .action(async (input: string, options: import('./commands/preview.js').PreviewOptions) => {
      const { preview } = await import('./commands/preview.js');
      exitCode = await preview(input, options, io);
    });

  const templates = program
    .command('templates')
    .description(say('help.templates'))
    .action(async () => {
      const { listTemplatesCommand } = await import('./commands/templates.js');
      exitCode = await listTemplatesCommand(io);
    });
  templates
    .command('eject')
    .description(say('help.eject'))
    .argument('<name>', say('help.eject.name'))
    .argument('[dir]', say('help.eject.dir'))
    .option('--force', say('help.eject.force'))
    .action(async (name: string, dir: string | undefined, options: { force?: boolean }) => {
      const { ejectCommand } = await import('./commands/templates.js');
      exitCode = await ejectCommand(name, dir, options, io);
    });

  program
    .command('init')
    .description(say('help.init'))
    .argument('[dir]', say('help.init.dir'), '.')
    .action(async (dir: string) => {
      const { init } = await import('./commands/init.js');
      exitCode = await init(dir, io);
    });

  program
    .command('check')
    .description(say('help.check'))
    // Optional to commander only: `--json records` takes the folder as its value, and build() gives it back.
    .argument('[inputs...]', say('help.arg.inputs'))
    .usage('[options] <inputs...>')
    .addOption(repairOption(lang))
    .addOption(strictOption(lang))
    .action(async (inputs: string[], options: { repair: boolean; strict?: boolean }) => {
      const { check } = await import('./commands/check.js');
      exitCode = await check(inputs, options, io);
    });

  program
    .command('fix')
    .description(say('help.fix'))
    .argument('[files...]', say('help.fix.files'))
    .option('-o, --output <file>', say('help.fix.output'))
    .option('--in-place', say('help.fix.inPlace'))
    .option('--unwrap', say('help.fix.unwrap'))
    .option('--strip-boilerplate', say('help.fix.stripBoilerplate'))
    .option('--punct', say('help.fix.punct'))
    .option('--no-repair', say('help.fix.noRepair'))
    .option('--report', say('help.fix.report'))
    .option('--strict', say('help.fix.strict'))
    .addOption(new Option('--to <script>', say('help.fix.to')).choices(SCRIPTS))
    .option('--dictionary <file>', say('help.fix.dictionary'))
    .action(async (files: string[], options: import('./commands/fix.js').FixCommandOptions) => {
      const { fix } = await import('./commands/fix.js');
      exitCode = await fix(files, options, io);
    });

  program
    .command('render-check')
    .description(say('help.renderCheck'))
    .argument('<docx...>', say('help.renderCheck.docx'))
    .option('--record <yaml>', say('help.renderCheck.record'), (value: string, previous: string[]) => [...previous, value], [] as string[])
    .action(async (docx: string[], options: { record: string[] }) => {
      const { renderCheck } = await import('./commands/render-check.js');
      exitCode = await renderCheck(docx, options, io);
    });

  program
    .command('doctor')
    .description(say('help.doctor'))
    .option('-o, --out <dir>', say('help.doctor.out'), 'out')
    .action(async (options: { out: string }) => {
      const { doctor } = await import('./commands/doctor.js');
      exitCode = await doctor({ out: options.out, lang }, io);
    });

  program
    .command('schema')
    .description(say('help.schema'))
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
      const refused = (error as { diagnostic?: Diagnostic }).diagnostic;
      const detail = name === 'UnsafeOutputError' && refused ? formatDiagnostic(refused, lang) : t('fail.write', lang, { detail: (error as Error).message });
      io.stderr(`report: ${detail}${stack}\n`);
      return EXIT.invalidInput;
    }
    io.stderr(`report: ${t('fail.internal', lang, { detail: (error as Error).message })}${debug ? stack : ` ${t('fail.internalHint', lang)}`}\n`);
    return EXIT.internal;
  }
  return exitCode;
}

/** Commander's section titles and (default: …) notes in the chosen language. */
function helpIn(lang: Lang): Partial<Help> {
  if (lang === 'en') return {};
  const titles: Record<string, CliTextKey> = {
    'Usage:': 'help.usage',
    'Options:': 'help.options',
    'Commands:': 'help.commands',
    'Arguments:': 'help.arguments',
    'Global Options:': 'help.globalOptions',
  };
  return {
    styleTitle: (title: string) => (titles[title] ? t(titles[title], lang) : title),
    styleDescriptionText: (text: string) => text.replace(/\bdefault: /g, `${t('help.default', lang)}: `).replace(/\(choices: /g, `(${t('help.choices', lang)}: `),
  };
}

/**
 * Commander's usage errors in the chosen language. Commander words them in English only, so
 * the known forms are recognised and reworded; anything else passes through.
 */
function usageError(text: string, lang: Lang): string {
  const body = text.replace(/^error: /, '').replace(/\n$/, '');
  const forms: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?/, (m) => t('usage.unknownOption', lang, { option: m[1]! }) + (m[2] ? ` ${t('usage.didYouMean', lang, { suggestion: m[2] })}` : '')],
    [/^unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?/, (m) => t('usage.unknownCommand', lang, { command: m[1]! }) + (m[2] ? ` ${t('usage.didYouMean', lang, { suggestion: m[2] })}` : '')],
    [/^missing required argument '([^']*)'/, (m) => t('usage.missingArgument', lang, { name: m[1]! })],
    [/^option '([^']*)' argument missing/, (m) => t('usage.optionMissingArgument', lang, { option: m[1]! })],
    [/^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (m) => t('usage.invalidChoice', lang, { option: m[1]!, value: m[2]!, choices: m[3]! })],
    [/^too many arguments[^:]*: (.*)\.$/, (m) => t('usage.excessArguments', lang, { details: m[1]! })],
  ];
  for (const [pattern, say] of forms) {
    const m = pattern.exec(body);
    if (m) return `${say(m)}\n`;
  }
  return `${t('usage.other', lang, { detail: body })}\n`;
}
