/**
 * `report templates`: the built-in templates and the project's own, with the partials and
 * helpers they draw on. `report templates eject <name> [DIR]`: copies a built-in template and
 * the partials it uses into the project's template folder (or DIR), to edit.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KINDS } from '../../records/schema.js';
import { partialsUsedBy } from '../../template/render.js';
import { BUILTIN_TEMPLATE_DIR, PARTIALS_FOLDER, helperFiles, kindNamed, listTemplates, partialFiles, templateLayers, type TemplateEntry } from '../../template/resolve.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { t } from '../../messages/index.js';
import { projectConfig, shellWord, shown } from '../shared.js';

/** Columns as a terminal shows them: a CJK character is two columns wide. */
const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]! + 2))).join('').trimEnd()).join('\n');
}

export async function listTemplatesCommand(io: CliIo): Promise<number> {
  const lang = io.lang;
  const list = (items: readonly string[]) => items.join(t('list.separator', lang));
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const folder = config.templates!;
  const { builtIn, project } = listTemplates(folder);
  const shownFile = (entry: TemplateEntry) => (entry.origin === 'built-in' ? path.join(BUILTIN_TEMPLATE_DIR, path.basename(entry.file)) : shown(io, entry.file));
  const rows = [[t('templates.name', lang), t('templates.kind', lang), t('templates.source', lang), t('templates.file', lang)]];
  for (const entry of builtIn) {
    const replaced = project.some((p) => p.name === entry.name);
    const file = shownFile(entry);
    rows.push([entry.name, entry.kind ? KINDS[entry.kind] : '—', t('templates.builtIn', lang), replaced ? t('templates.replaced', lang, { file }) : file]);
  }
  for (const entry of project) rows.push([entry.name, entry.kind ? KINDS[entry.kind] : '—', t('templates.project', lang), shownFile(entry)]);
  io.stdout(`${table(rows)}\n\n`);

  const exists = existsSync(folder);
  io.stdout(`${t(exists ? 'templates.folder' : 'templates.folderMissing', lang, { folder: shown(io, folder) })}\n`);
  const layers = templateLayers(path.join(folder, 'x.md.hbs'), folder);
  const partials = partialFiles(layers);
  const own = [...partials].filter(([, file]) => !file.startsWith(BUILTIN_TEMPLATE_DIR + path.sep)).map(([name]) => name);
  const builtInPartials = [...partialFiles([BUILTIN_TEMPLATE_DIR]).keys()];
  const projects = (name: string) => t('templates.projectOwn', lang, { name });
  const partialNames = [
    ...builtInPartials.map((n) => (own.includes(n) ? projects(n) : n)),
    ...own.filter((n) => !builtInPartials.includes(n)).map(projects),
  ];
  io.stdout(`${t('templates.partials', lang, { list: list(partialNames) })}\n`);
  const helpers = helperFiles(layers);
  io.stdout(`${helpers.length > 0 ? t('templates.helpersAlso', lang, { files: list(helpers.map((h) => shown(io, h))) }) : t('templates.helpers', lang)}\n`);
  return EXIT.ok;
}

export async function ejectCommand(name: string, dir: string | undefined, options: { force?: boolean }, io: CliIo): Promise<number> {
  const lang = io.lang;
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const { builtIn } = listTemplates(undefined);
  const alias = kindNamed(name);
  const template = builtIn.find((b) => b.name === name || b.name === alias);
  if (!template) {
    io.stderr(`report: ${t('templates.unknown', lang, { name, names: builtIn.map((b) => b.name).join(t('list.separator', lang)) })}\n`);
    return EXIT.usage;
  }
  const target = dir !== undefined ? path.resolve(io.cwd, dir) : config.templates!;
  const partials = await partialsUsedBy(template.file);
  if (!partials.ok) {
    report(io, partials.diagnostics);
    return EXIT.internal;
  }
  const mainTarget = path.join(target, path.basename(template.file));
  if (existsSync(mainTarget) && !options.force) {
    io.stderr(`report: ${t('templates.exists', lang, { file: shown(io, mainTarget) })}\n`);
    return EXIT.invalidInput;
  }
  const copies: Array<[string, string, boolean]> = [
    [template.file, mainTarget, true],
    ...partials.value.map(({ name: partial, file }): [string, string, boolean] => [file, path.join(target, PARTIALS_FOLDER, `${partial}.hbs`), false]),
  ];
  try {
    for (const [from, to, main] of copies) {
      if (!main && existsSync(to) && !options.force) {
        io.stderr(`${t('templates.kept', lang, { file: shown(io, to) })}\n`);
        continue;
      }
      await mkdir(path.dirname(to), { recursive: true });
      // --force replaces: an edited copy is kept beside it, since shared partials carry edits for every template.
      if (existsSync(to) && !readFileSync(to).equals(readFileSync(from))) {
        const backup = `${to}.bak`;
        await copyFile(to, backup);
        io.stderr(`${t('templates.backedUp', lang, { file: shown(io, to), backup: shown(io, backup) })}\n`);
      }
      await copyFile(from, to);
      io.stdout(`${shown(io, to)}\n`);
    }
  } catch (error) {
    io.stderr(`report: ${t('templates.cannotCopy', lang, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
    return EXIT.invalidInput;
  }
  const kind = template.kind ? KINDS[template.kind] : template.name;
  const file = shown(io, mainTarget);
  io.stderr(
    `${
      path.resolve(target) === path.resolve(config.templates!)
        ? t('templates.edit', lang, { file, kind, partials: shown(io, path.join(target, PARTIALS_FOLDER)) })
        : t('templates.useIt', lang, { file, arg: shellWord(file) })
    }\n`,
  );
  return EXIT.ok;
}
