/**
 * `report doctor`: is this machine ready? Node version, a writable output folder, LibreOffice
 * and poppler for render checks, and the fonts a 公文 needs — each with what to install, in the
 * chosen language. Exit 0 when everything needed to build is there (render checks and exact
 * fonts are optional: their absence is a warning).
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic } from '../../diagnostics.js';
import { outputDirProblem } from '../../output/output-paths.js';
import { runTool, findTools } from '../../verify/tools.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { t, type CliTextKey, type Lang } from '../../messages/index.js';

/** The faces GB/T 9704 names, with the names fontconfig may list them under. */
const FONTS: Array<{ face: string; aliases: string[]; role: CliTextKey }> = [
  { face: '仿宋_GB2312', aliases: ['仿宋_GB2312', 'FangSong_GB2312'], role: 'doctor.role.body' },
  { face: '方正小标宋简体', aliases: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK'], role: 'doctor.role.title' },
  { face: '黑体', aliases: ['黑体', 'SimHei'], role: 'doctor.role.heading1' },
  { face: '楷体_GB2312', aliases: ['楷体_GB2312', 'KaiTi_GB2312'], role: 'doctor.role.heading2' },
  { face: '宋体', aliases: ['宋体', 'SimSun'], role: 'doctor.role.pageNumbers' },
];

export async function doctor(options: { out: string; lang?: Lang }, io: CliIo): Promise<number> {
  const lang = options.lang ?? io.lang;
  const line = (status: 'ok' | 'warning' | 'error', text: string) => io.stdout(`${status === 'ok' ? '✓' : status === 'warning' ? '!' : '✗'} ${text}\n`);
  let ready = true;

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeOk = major > 20 || (major === 20 && minor >= 19);
  line(nodeOk ? 'ok' : 'error', t(nodeOk ? 'doctor.node' : 'doctor.nodeOld', lang, { version: process.versions.node }));
  ready &&= nodeOk;

  // The folder as a build would judge it (a link leading out is refused), and written to as a
  // build would (a probe file) — in the nearest folder that exists, so nothing is left behind.
  const out = path.resolve(io.cwd, options.out);
  const refused = await outputDirProblem(out, io.cwd);
  if (refused) {
    line('error', formatDiagnostic({ file: out, severity: 'error', ...refused }, lang));
    ready = false;
  } else {
    try {
      let existing = out;
      while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
      const probe = path.join(existing, `.report-doctor-${process.pid}`);
      await writeFile(probe, '', { flag: 'wx' });
      await rm(probe, { force: true });
      line('ok', t('doctor.writable', lang, { folder: out }));
    } catch (error) {
      line('error', t('doctor.notWritable', lang, { folder: out, reason: (error as NodeJS.ErrnoException).code ?? 'error' }));
      ready = false;
    }
  }

  const tools = await findTools(io.env);
  if (tools.ok) line('ok', t('doctor.tools', lang));
  else line('warning', t('doctor.noTools', lang, { missing: tools.missing.join(t('list.separator', lang)) }));

  const fc = await runTool('fc-list', [':', 'family'], { timeoutMs: 20_000 });
  if (fc.ok) {
    const families = fc.stdout;
    for (const font of FONTS) {
      const found = font.aliases.some((alias) => families.includes(alias));
      line(found ? 'ok' : 'warning', t(found ? 'doctor.font' : 'doctor.noFont', lang, { font: font.face, role: t(font.role, lang) }));
    }
  } else {
    line('warning', t('doctor.fontsElsewhere', lang));
  }
  io.stdout(`${t(ready ? 'doctor.ready' : 'doctor.notReady', lang)}\n`);
  return ready ? EXIT.ok : EXIT.invalidInput;
}
