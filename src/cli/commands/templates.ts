/**
 * `report templates`: the built-in templates and the project's own, with the partials and
 * helpers they draw on. `report templates eject <name> [DIR]`: copies a built-in template and
 * the partials it uses into the project's template folder (or DIR), to edit.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KINDS } from '../../records/schema.js';
import { partialsUsedBy } from '../../template/render.js';
import { BUILTIN_TEMPLATE_DIR, PARTIALS_FOLDER, helperFiles, kindNamed, listTemplates, partialFiles, templateLayers, type TemplateEntry } from '../../template/resolve.js';
import { EXIT } from '../exit-codes.js';
import { report, type CliIo } from '../io.js';
import { projectConfig, shown } from '../shared.js';

/** Columns as a terminal shows them: a CJK character is two columns wide. */
const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]! + 2))).join('').trimEnd()).join('\n');
}

export async function listTemplatesCommand(io: CliIo): Promise<number> {
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const folder = config.templates!;
  const { builtIn, project } = listTemplates(folder);
  const shownFile = (t: TemplateEntry) => (t.origin === 'built-in' ? path.join(BUILTIN_TEMPLATE_DIR, path.basename(t.file)) : shown(io, t.file));
  const rows = [['NAME', 'KIND', 'SOURCE', 'FILE']];
  for (const t of builtIn) {
    const replaced = project.some((p) => p.name === t.name);
    rows.push([t.name, t.kind ? KINDS[t.kind] : '—', 'built-in', `${shownFile(t)}${replaced ? '  (replaced by the project\'s)' : ''}`]);
  }
  for (const t of project) rows.push([t.name, t.kind ? KINDS[t.kind] : '—', 'project', shownFile(t)]);
  io.stdout(`${table(rows)}\n\n`);

  const exists = existsSync(folder);
  io.stdout(`template folder: ${shown(io, folder)}${exists ? '' : ' (not there yet: `report templates eject <name>` creates it)'}\n`);
  const layers = templateLayers(path.join(folder, 'x.md.hbs'), folder);
  const partials = partialFiles(layers);
  const own = [...partials].filter(([, file]) => !file.startsWith(BUILTIN_TEMPLATE_DIR + path.sep)).map(([name]) => name);
  const builtInPartials = [...partialFiles([BUILTIN_TEMPLATE_DIR]).keys()];
  io.stdout(`partials: ${builtInPartials.map((n) => (own.includes(n) ? `${n} (project's)` : n)).join(', ')}${own.filter((n) => !builtInPartials.includes(n)).map((n) => `, ${n} (project's)`).join('')}\n`);
  const helpers = helperFiles(layers);
  io.stdout(`helpers: built-in${helpers.length > 0 ? `, and ${helpers.map((h) => shown(io, h)).join(', ')}` : ''}\n`);
  return EXIT.ok;
}

export async function ejectCommand(name: string, dir: string | undefined, options: { force?: boolean }, io: CliIo): Promise<number> {
  const config = await projectConfig(io);
  if (typeof config === 'number') return config;
  const { builtIn } = listTemplates(undefined);
  const alias = kindNamed(name);
  const template = builtIn.find((t) => t.name === name || t.name === alias);
  if (!template) {
    io.stderr(`report: no built-in template named \`${name}\` (built-in: ${builtIn.map((t) => t.name).join(', ')})\n`);
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
    io.stderr(`report: ${shown(io, mainTarget)} already exists (--force replaces it)\n`);
    return EXIT.invalidInput;
  }
  const copies: Array<[string, string, boolean]> = [
    [template.file, mainTarget, true],
    ...partials.value.map(({ name: partial, file }): [string, string, boolean] => [file, path.join(target, PARTIALS_FOLDER, `${partial}.hbs`), false]),
  ];
  try {
    for (const [from, to, main] of copies) {
      if (!main && existsSync(to) && !options.force) {
        io.stderr(`kept ${shown(io, to)}: already there (--force replaces it)\n`);
        continue;
      }
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(from, to);
      io.stdout(`${shown(io, to)}\n`);
    }
  } catch (error) {
    io.stderr(`report: cannot copy the template (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return EXIT.invalidInput;
  }
  const kind = template.kind ? KINDS[template.kind] : template.name;
  io.stderr(
    path.resolve(target) === path.resolve(config.templates!)
      ? `edit ${shown(io, mainTarget)}: from now on every ${kind} of this project uses it (partials in ${shown(io, path.join(target, PARTIALS_FOLDER))} replace the built-in ones for all templates)\n`
      : `use it with -t ${shown(io, mainTarget)}, or \`template: ${shown(io, mainTarget)}\` in a record (relative to the record)\n`,
  );
  return EXIT.ok;
}
