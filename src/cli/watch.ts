/**
 * `report preview --watch <input> [-o FILE]`: renders the preview, then again whenever the record,
 * its data files, its template (and the partials and helpers.mjs it may use), the project config
 * or a dictionary changes. A failed render never stops the watch: the errors go to stderr and
 * into the preview itself, above the last preview that rendered, until the next good render.
 * Files are watched with chokidar; the command ends on Ctrl-C (SIGINT) or SIGTERM, exit 0.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.js';
import { CONFIG_NAMES, findConfigFile, loadProjectConfig } from '../config/project-config.js';
import { writeFileAtomic } from '../output/write-atomic.js';
import { renderRecord } from '../pipeline.js';
import { loadRecord } from '../records/load.js';
import { clearTemplateCache } from '../template/render.js';
import { PARTIALS_FOLDER, findTemplate, templateForRecord, templateWatchPaths } from '../template/resolve.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';
import { readOptionsOf, shown } from './shared.js';
import type { PreviewOptions } from './commands/preview.js';
import { say, same, t } from '../messages/index.js';

/** Changes closer together than this are one change (an editor's save is often several writes). */
const SETTLE_MS = 80;

interface Outcome {
  markdown?: string;
  diagnostics: Diagnostic[];
  /** Everything this render read, to be watched. */
  watch: string[];
}

export async function watchPreview(input: string, options: PreviewOptions, io: CliIo): Promise<number> {
  const file = path.resolve(io.cwd, input);
  const output = options.output ? path.resolve(io.cwd, options.output) : undefined;
  const readOptions = readOptionsOf(options);
  const lang = io.lang;
  const clock = () => io.now().toTimeString().slice(0, 8);
  let lastGood: string | undefined;
  let watched = new Set<string>();

  /** One render, from the files as they are now. Never throws. */
  const render = async (): Promise<Outcome> => {
    clearTemplateCache();
    const watch = new Set<string>([file]);
    const configFile = findConfigFile(io.cwd);
    // A config that does not exist yet is watched for too.
    watch.add(configFile ?? path.join(io.cwd, CONFIG_NAMES[0]!));
    const config = await loadProjectConfig(io.cwd, io.env);
    // Until the next good render, whatever was watched stays watched.
    if (!config.ok) return { diagnostics: config.diagnostics, watch: [...watched, ...watch] };
    const projectFolder = config.value.templates;
    for (const extra of [config.value.dictionary, projectFolder, projectFolder && path.join(projectFolder, PARTIALS_FOLDER)]) if (extra) watch.add(extra);
    let templateFile: string | undefined;
    if (options.template !== undefined) {
      const found = findTemplate(options.template, io.cwd, projectFolder);
      if (!found.ok) return { diagnostics: [{ file: '-t', severity: 'error', ...say(found.code, { ...found.args, option: same(`${options.template}: `) }) }], watch: [...watched, ...watch] };
      templateFile = found.file;
    }
    const loaded = await loadRecord(file, { now: io.now(), env: io.env, cwd: io.cwd, repair: readOptions.repair, strict: readOptions.strict ?? false });
    if (!loaded.ok) return { diagnostics: loaded.diagnostics, watch: [...watched, ...watch] };
    const record = loaded.value;
    if (record.dictionary) watch.add(record.dictionary);
    for (const data of record.dataFiles ?? []) watch.add(data);
    const chosen = templateForRecord(record, templateFile, projectFolder);
    if (chosen.ok) {
      const [template, ...folders] = templateWatchPaths(chosen.value, projectFolder);
      watch.add(template!);
      for (const folder of folders) watch.add(folder).add(path.join(folder, PARTIALS_FOLDER));
    }
    const rendered = await renderRecord(record, {
      env: io.env,
      cwd: io.cwd,
      config: config.value,
      ...(readOptions.script ? { script: readOptions.script } : {}),
      ...(templateFile ? { templateFile } : {}),
    });
    const diagnostics = [...config.diagnostics, ...loaded.diagnostics, ...rendered.diagnostics];
    if (rendered.ok) for (const d of rendered.value.dependencies) watch.add(d);
    if (!rendered.ok || hasErrors(diagnostics)) return { diagnostics, watch: [...watch] };
    return { markdown: rendered.value.markdown, diagnostics, watch: [...watch] };
  };

  /** The preview as the editor sees it: the new one, or the errors above the last good one. */
  const publish = async (outcome: Outcome) => {
    const lines = outcome.diagnostics.map((d) => formatDiagnostic({ ...d, file: d.file === '-t' ? d.file : shown(io, d.file) }, lang));
    for (const line of lines) io.stderr(`${line}\n`);
    let text: string;
    if (outcome.markdown !== undefined) {
      lastGood = outcome.markdown;
      text = outcome.markdown;
      io.stderr(`${t('watch.rendered', lang, { time: clock(), what: output ? ` ${shown(io, output)}` : { en: ' the preview', zh: '预览' } })}\n`);
    } else {
      const errors = lines.filter((_, i) => outcome.diagnostics[i]!.severity === 'error');
      text = [
        '<!-- report preview --watch: the preview could not be rendered -->',
        '',
        `**${t('watch.failedHeading', lang)}**`,
        '',
        '````text',
        ...errors,
        '````',
        '',
        ...(lastGood !== undefined ? [`*${t('watch.lastGood', lang)}*`, '', '---', '', lastGood] : []),
      ].join('\n');
      if (!text.endsWith('\n')) text += '\n';
      io.stderr(`${t('watch.errors', lang, { time: clock(), count: errors.length })}\n`);
    }
    if (output) await writeFileAtomic(output, text);
    else io.stdout(`${text}\n<!-- report preview --watch: ${clock()} -->\n\n`);
  };

  const { watch } = await import('chokidar');
  const ignored = (p: string) => {
    const resolved = path.resolve(io.cwd, p);
    if (/[/\\](node_modules|\.git)([/\\]|$)/.test(resolved)) return true;
    if (!output) return false;
    // The preview itself, and the temporary files it is written through.
    return resolved === output || (path.dirname(resolved) === path.dirname(output) && path.basename(resolved).startsWith(`.${path.basename(output)}.`));
  };
  // Start with the record and the config; each render adds what it read.
  const initial = [file, findConfigFile(io.cwd) ?? path.join(io.cwd, CONFIG_NAMES[0]!)];
  const watcher: FSWatcher = watch(initial, { ignoreInitial: true, depth: 0, ignored });
  watched = new Set(initial);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // A path that did not exist when it was added is watched again once it does: a folder created
  // later (templates/ by `report templates eject`) is then watched for what is inside it.
  const existed = new Map<string, boolean>(initial.map((p) => [p, existsSync(p)]));
  const follow = (paths: string[]) => {
    const wanted = new Set(paths.map((p) => path.resolve(p)));
    const appeared = [...wanted].filter((p) => watched.has(p) && !existed.get(p) && existsSync(p));
    const added = [...wanted].filter((p) => !watched.has(p));
    const removed = [...watched].filter((p) => !wanted.has(p));
    // Not a path whose folder is still watched: chokidar would then ignore it in that folder too,
    // and a project template deleted (the built-in one is used) and written again would go unseen.
    const dropped = removed.filter((p) => !wanted.has(path.dirname(p)));
    if (dropped.length + appeared.length > 0) watcher.unwatch([...dropped, ...appeared]);
    if (added.length + appeared.length > 0) watcher.add([...added, ...appeared]);
    for (const p of removed) existed.delete(p);
    for (const p of [...added, ...appeared]) existed.set(p, existsSync(p));
    watched = wanted;
  };
  // chokidar drops a file (or folder) it was given for good once it is deleted (unless it is the
  // only one watched), so a record deleted and written again, as `git checkout` and `git stash` do,
  // was never seen again. Watch it anew at once: while it is missing chokidar waits for it in its
  // folder, and the render the unlink schedules comes after this, so no write in between is lost.
  const rewatch = (p: string) => {
    const gone = path.resolve(p);
    if (!watched.has(gone)) return;
    watcher.unwatch(gone);
    watcher.add(gone);
    existed.set(gone, existsSync(gone));
  };

  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const cycle = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        let outcome: Outcome;
        try {
          outcome = await render();
        } catch (error) {
          outcome = { diagnostics: [{ file, severity: 'error', ...say('internal', { detail: (error as Error).message }) }], watch: [...watched] };
        }
        follow(outcome.watch);
        try {
          await publish(outcome);
        } catch (error) {
          io.stderr(`report: ${t('fail.writePreview', lang, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
        }
      } while (again);
    } finally {
      running = false;
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void cycle(), SETTLE_MS);
  };

  watcher.on('unlink', rewatch).on('unlinkDir', rewatch);
  watcher.on('all', schedule);
  await cycle();
  io.stderr(`${t('watch.start', lang, { file: shown(io, file) })}\n`);

  await new Promise<void>((resolve) => {
    const stop = io.onInterrupt(() => {
      stop();
      resolve();
    });
  });
  if (timer) clearTimeout(timer);
  await watcher.close();
  return EXIT.ok;
}
