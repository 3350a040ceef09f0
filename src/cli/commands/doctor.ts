/**
 * `report doctor`: is this machine ready? Node version, a writable output folder, LibreOffice
 * and poppler for render checks, and the fonts a 公文 needs — each with what to install, in the
 * chosen language. Exit 0 when everything needed to build is there (render checks and exact
 * fonts are optional: their absence is a warning).
 */
import { access, rm, writeFile } from 'node:fs/promises';
import { ensureDir } from '../../output/write-atomic.js';
import path from 'node:path';
import { runTool, findTools } from '../../verify/tools.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { Lang } from '../../messages/lang.js';

/** The faces GB/T 9704 names, with the names fontconfig may list them under. */
const FONTS: Array<{ face: string; aliases: string[]; role: { en: string; zh: string } }> = [
  { face: '仿宋_GB2312', aliases: ['仿宋_GB2312', 'FangSong_GB2312'], role: { en: 'body text', zh: '正文' } },
  { face: '方正小标宋简体', aliases: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK'], role: { en: 'title', zh: '标题' } },
  { face: '黑体', aliases: ['黑体', 'SimHei'], role: { en: '一、 headings', zh: '一级标题' } },
  { face: '楷体_GB2312', aliases: ['楷体_GB2312', 'KaiTi_GB2312'], role: { en: '（一） headings', zh: '二级标题' } },
  { face: '宋体', aliases: ['宋体', 'SimSun'], role: { en: 'page numbers', zh: '页码' } },
];

const T = {
  node: { en: (v: string, ok: boolean) => `Node.js ${v}${ok ? '' : ' — report needs 20.19 or later; install a current Node.js LTS'}`, zh: (v: string, ok: boolean) => `Node.js ${v}${ok ? '' : ' —— 需要 20.19 或更高版本，请安装当前的 Node.js 长期支持版'}` },
  writable: { en: (d: string) => `output folder ${d} is writable`, zh: (d: string) => `输出文件夹 ${d} 可写` },
  notWritable: { en: (d: string, why: string) => `output folder ${d} is not writable (${why}); choose another with -o`, zh: (d: string, why: string) => `输出文件夹 ${d} 不可写（${why}），请用 -o 另选文件夹` },
  tools: { en: 'LibreOffice and poppler found: `report render-check` can run', zh: '已找到 LibreOffice 和 poppler：可以运行 `report render-check`' },
  noTools: {
    en: (m: string) => `render checks unavailable: missing ${m} (Debian/Ubuntu: apt-get install libreoffice-writer-nogui poppler-utils; Windows/macOS: install LibreOffice)`,
    zh: (m: string) => `无法进行排版检查：缺少 ${m}（Debian/Ubuntu：apt-get install libreoffice-writer-nogui poppler-utils；Windows/macOS：安装 LibreOffice）`,
  },
  font: { en: (f: string, r: string) => `font ${f} (${r}) installed`, zh: (f: string, r: string) => `字体 ${f}（${r}）已安装` },
  noFont: {
    en: (f: string, r: string) => `font ${f} (${r}) missing: Word/WPS will substitute it; install it for exact 公文 rendering (see docs/fonts.md)`,
    zh: (f: string, r: string) => `缺少字体 ${f}（${r}）：Word/WPS 会用替代字体显示；如需严格的公文效果请安装（见 docs/fonts.md）`,
  },
  fontsElsewhere: {
    en: 'fonts: on Windows/macOS check that 仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体 and 宋体 are installed (Settings → Fonts / Font Book)',
    zh: '字体：在 Windows/macOS 上请确认已安装 仿宋_GB2312、楷体_GB2312、方正小标宋简体、黑体、宋体（设置 → 字体 / 字体册）',
  },
  summaryOk: { en: 'ready to build', zh: '可以生成文档' },
  summaryBad: { en: 'not ready: fix the errors above', zh: '尚不能生成文档：请先处理上面的错误' },
};

export async function doctor(options: { out: string; lang: Lang }, io: CliIo): Promise<number> {
  const { lang } = options;
  const line = (status: 'ok' | 'warning' | 'error', text: string) => io.stdout(`${status === 'ok' ? '✓' : status === 'warning' ? '!' : '✗'} ${text}\n`);
  let ready = true;

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeOk = major > 20 || (major === 20 && minor >= 19);
  line(nodeOk ? 'ok' : 'error', T.node[lang](process.versions.node, nodeOk));
  ready &&= nodeOk;

  const out = path.resolve(io.cwd, options.out);
  try {
    await ensureDir(out);
    const probe = path.join(out, `.report-doctor-${process.pid}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
    await access(out);
    line('ok', T.writable[lang](out));
  } catch (error) {
    line('error', T.notWritable[lang](out, (error as NodeJS.ErrnoException).code ?? 'error'));
    ready = false;
  }

  const tools = await findTools(io.env);
  if (tools.ok) line('ok', T.tools[lang]);
  else line('warning', T.noTools[lang](tools.missing.join(', ')));

  const fc = await runTool('fc-list', [':', 'family'], { timeoutMs: 20_000 });
  if (fc.ok) {
    const families = fc.stdout;
    for (const font of FONTS) {
      const found = font.aliases.some((alias) => families.includes(alias));
      line(found ? 'ok' : 'warning', (found ? T.font : T.noFont)[lang](font.face, font.role[lang]));
    }
  } else {
    line('warning', T.fontsElsewhere[lang]);
  }
  io.stdout(`${ready ? T.summaryOk[lang] : T.summaryBad[lang]}\n`);
  return ready ? EXIT.ok : EXIT.invalidInput;
}
