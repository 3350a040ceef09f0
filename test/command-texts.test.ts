/**
 * The texts of `report templates`, `init`, `doctor` and `render-check` in the chosen language,
 * through the binary: LANG=zh_CN.UTF-8 prints Chinese, LANG=C English. Also: every text of the
 * CLI catalogue exists in both languages with the same placeholders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLine, fontLines } from '../src/cli/commands/render-check.js';
import { CLI_TEXTS } from '../src/messages/index.js';
import { placeholders } from '../src/messages/format.js';
import { findTools, namedCheck, both } from '../src/verify/index.js';
import { EXAMPLES, report, scratch } from './support.js';

const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' };
const EN = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' };

const found = await findTools(process.env);

describe('the CLI catalogue', () => {
  it('has every text in English and Chinese, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(CLI_TEXTS)) {
      expect(entry.en, key).not.toBe('');
      expect(entry.zh, key).not.toBe('');
      expect([...new Set(placeholders(entry.zh))], key).toEqual([...new Set(placeholders(entry.en))]);
    }
  });

  it('uses full-width brackets and quotes in the Chinese texts of templates, init, render-check and doctor', () => {
    for (const [key, entry] of Object.entries(CLI_TEXTS)) {
      if (!/^(templates|init|renderCheck|verify|doctor)\./.test(key)) continue;
      // Commands in backticks keep their ASCII; the rest of the sentence is Chinese.
      const prose = entry.zh.replace(/`[^`]*`/g, '').replace(/apt-get install [\w -]+/g, '');
      expect(prose, key).not.toMatch(/[()"]/);
    }
  });
});

describe('report templates in Chinese and English', () => {
  it('lists the templates with Chinese headings and labels under LANG=zh_CN.UTF-8', () => {
    const dir = scratch('report-texts-');
    const zh = report(['templates'], { cwd: dir, env: ZH });
    expect(zh.status, zh.stderr).toBe(0);
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toMatch(/^名称\s+文种\s+来源\s+文件$/);
    expect(lines.find((l) => l.startsWith('briefing '))).toMatch(/^briefing\s+情况汇报\s+内置\s+/);
    expect(zh.stdout).toContain('模板文件夹：templates（尚未建立，运行 `report templates eject <模板名>` 时会自动建立）\n');
    expect(zh.stdout).toContain('子模板：paragraphs、point、results、signature\n');
    expect(zh.stdout).toContain('辅助函数：内置\n');

    const en = report(['templates'], { cwd: dir, env: EN });
    expect(en.stdout.split('\n')[0]).toMatch(/^NAME\s+KIND\s+SOURCE\s+FILE$/);
    expect(en.stdout).toContain('template folder: templates (not there yet: `report templates eject <name>` creates it)\n');
    expect(en.stdout).toContain('partials: paragraphs, point, results, signature\n');
    expect(en.stdout).toContain('helpers: built-in\n');
  });

  it('ejects with Chinese messages, and lists the project\'s templates and partials as 本项目', () => {
    const dir = scratch('report-texts-');
    const zh = report(['templates', 'eject', 'briefing'], { cwd: dir, env: ZH });
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stderr).toBe('请修改 templates/briefing.md.hbs：今后本项目的每份情况汇报都使用它（templates/partials 里的子模板会取代所有模板的同名内置子模板）\n');
    const listed = report(['templates'], { cwd: dir, env: ZH });
    expect(listed.stdout).toMatch(/^briefing\s+情况汇报\s+内置\s+.*briefing\.md\.hbs（已由本项目的同名模板取代）$/m);
    expect(listed.stdout).toMatch(/^briefing\s+情况汇报\s+本项目\s+templates\/briefing\.md\.hbs$/m);
    expect(listed.stdout).toContain('模板文件夹：templates\n');
    expect(listed.stdout).toContain('子模板：paragraphs（本项目的）、point（本项目的）');

    const again = report(['templates', 'eject', 'briefing'], { cwd: dir, env: ZH });
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('report: templates/briefing.md.hbs 已存在（加 --force 可覆盖）\n');
    const unknown = report(['templates', 'eject', 'letter'], { cwd: dir, env: ZH });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('report: 没有名为 `letter` 的内置模板（内置模板有：briefing、plan、summary）\n');
    // A partial already there is kept: it says so.
    const plan = report(['templates', 'eject', 'plan'], { cwd: dir, env: ZH });
    expect(plan.status).toBe(0);
    expect(plan.stderr).toContain('templates/partials/point.hbs 已存在，保留原文件（加 --force 可覆盖）\n');
    const elsewhere = report(['templates', 'eject', 'summary', 'mine'], { cwd: dir, env: ZH });
    expect(elsewhere.stderr).toBe('使用方法：加 -t mine/summary.md.hbs，或在记录里写 `template: mine/summary.md.hbs`（路径相对于记录文件所在的文件夹）\n');

    const en = report(['templates', 'eject', 'plan'], { cwd: dir, env: EN });
    expect(en.stderr).toBe('report: templates/plan.md.hbs already exists (--force replaces it)\n');
    const enElsewhere = report(['templates', 'eject', 'summary', 'theirs'], { cwd: dir, env: EN });
    expect(enElsewhere.stderr).toBe('use it with -t theirs/summary.md.hbs, or `template: theirs/summary.md.hbs` in a record (relative to the record)\n');
  });

  it('names the user helpers in Chinese', () => {
    const dir = scratch('report-texts-');
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', 'helpers.mjs'), 'export const x = () => 1;\n');
    expect(report(['templates'], { cwd: dir, env: ZH }).stdout).toContain('辅助函数：内置，另有 templates/helpers.mjs\n');
    expect(report(['templates'], { cwd: dir, env: EN }).stdout).toContain('helpers: built-in, and templates/helpers.mjs\n');
  });
});

describe('report init in Chinese and English', () => {
  it('says what it wrote, what it kept and what to do next', () => {
    const dir = scratch('report-texts-');
    const zh = report(['init', 'work'], { cwd: dir, env: ZH });
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout.trim().split('\n')).toContain('work/records/briefing.yaml');
    expect(zh.stderr).toBe('已写入 5 个文件；下一步：cd work && report build records\n');
    const again = report(['init', 'work'], { cwd: dir, env: ZH });
    expect(again.stderr).toContain('work/README.md 已存在，保留原文件\n');
    expect(again.stderr).toContain('已写入 0 个文件；下一步：cd work && report build records\n');

    const en = report(['init', 'work'], { cwd: dir, env: EN });
    expect(en.stderr).toContain('kept work/README.md: already there\n');
    expect(en.stderr).toContain('0 file(s) written; next: cd work && report build records\n');
  });
});

describe('report doctor in Chinese and English', () => {
  it('prints every line in the chosen language', () => {
    const zh = report(['doctor', '-o', scratch()], { env: ZH });
    expect(zh.status).toBe(0);
    const lines = zh.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^✓ Node\.js \d+\.\d+\.\d+$/);
    expect(lines[1]).toMatch(/^✓ 输出文件夹 .+ 可写$/);
    expect(lines[2]).toMatch(/^(✓ 已找到 LibreOffice 和 poppler|! 无法进行排版检查：缺少 )/);
    // Fonts: installed or missing, with their role in Chinese (or the note for Windows/macOS).
    expect(lines.slice(3, -1).every((l) => /^(✓ 字体 \S+（.+）已安装|! 缺少字体 \S+（.+）：|! 字体：在 Windows\/macOS)/.test(l)), lines.join('\n')).toBe(true);
    expect(zh.stdout).toMatch(/仿宋_GB2312（正文）|字体：在 Windows/);
    expect(lines[lines.length - 1]).toBe('可以生成文档');

    const en = report(['doctor', '-o', scratch()], { env: EN });
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^✓ output folder .+ is writable$/m);
    expect(en.stdout).toMatch(/仿宋_GB2312 \(body text\)|fonts: on Windows/);
    expect(en.stdout.trim().split('\n').pop()).toBe('ready to build');

    const bad = report(['doctor', '-o', '/proc/report-doctor/out'], { env: ZH });
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n').pop()).toBe('尚不能生成文档：请先处理上面的错误');
  });
});

describe('report render-check in Chinese and English', () => {
  it('a wrong number of --record is a usage error in the chosen language', () => {
    const dir = scratch('report-texts-');
    const args = ['render-check', 'a.docx', 'b.docx', '--record', EXAMPLES[0]!];
    const zh = report(args, { cwd: dir, env: ZH });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('report: 每个 Word 文件要对应一个 --record，顺序相同（现有 2 个 Word 文件、1 个 --record）\n');
    const en = report(args, { cwd: dir, env: EN });
    expect(en.status).toBe(2);
    expect(en.stderr).toBe('report: give --record once per docx, in the same order (2 docx, 1 --record)\n');
  });

  it('says in the chosen language what to install when LibreOffice is missing', () => {
    const dir = scratch('report-texts-');
    const env = { REPORT_SOFFICE: path.join(dir, 'no-such-soffice') };
    const zh = report(['render-check', 'a.docx'], { cwd: dir, env: { ...ZH, ...env } });
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe(
      'report: render-check 需要 LibreOffice（soffice）和 poppler-utils（pdftotext），请先安装（Debian：apt-get install libreoffice-writer-nogui poppler-utils）\n',
    );
    const en = report(['render-check', 'a.docx'], { cwd: dir, env: { ...EN, ...env } });
    expect(en.stderr).toMatch(/^report: render-check needs LibreOffice \(soffice\) and poppler-utils/);
  });

  it.skipIf(!found.ok)('fails a missing file and a text file named .docx, each check line in the chosen language', () => {
    const dir = scratch('report-texts-');
    writeFileSync(path.join(dir, 'text.docx'), '这不是Word文件\n');
    const zh = report(['render-check', 'missing.docx', 'text.docx'], { cwd: dir, env: ZH });
    expect(zh.status).toBe(1);
    expect(zh.stdout).toBe(
      'missing.docx: 不通过 转换为 PDF：找不到文件\n' + 'text.docx: 不通过 转换为 PDF：不是 Word 文件（.docx 文件是 zip 压缩包，这个文件不是）\n',
    );
    expect(zh.stderr).toBe('已检查 2 个 Word 文件：0 个通过，2 个不通过\n');
    const en = report(['render-check', 'missing.docx', 'text.docx'], { cwd: dir, env: EN });
    expect(en.status).toBe(1);
    expect(en.stdout).toBe(
      'missing.docx: FAILED converts to PDF: file not found\n' + 'text.docx: FAILED converts to PDF: not a Word file (a .docx is a zip archive; this file is not one)\n',
    );
    expect(en.stderr).toBe('render-checked 2: 0 passed, 2 failed\n');
  });

  it('prints check and font lines in either language (no LibreOffice needed)', () => {
    const check = namedCheck('verify.name.linesPerPage', false, both('verify.linesWrong', { count: 19, page: 2, lines: 22, tolerance: 1 }));
    expect(checkLine('a.docx', check)).toBe('a.docx: FAILED lines per page: 19 on page 2 (expected 22 ± 1)');
    expect(checkLine('a.docx', check, 'zh')).toBe('a.docx: 不通过 每页行数：第 2 页 19 行（应为 22 ± 1 行）');
    const skipped = namedCheck('verify.name.charactersPerLine', true, both('verify.tooShort', { count: 1 }), { skipped: true });
    expect(checkLine('a.docx', skipped)).toBe('a.docx: skipped characters per line: not measured: 1 page, a full middle page needs 3 or more');
    expect(checkLine('a.docx', skipped, 'zh')).toBe('a.docx: 未检查 每行字数：未测量：只有 1 页，至少 3 页才有完整的中间页');
    // A check made by hand, without texts, prints as it is.
    expect(checkLine('a.docx', { name: 'custom', ok: true, detail: '' }, 'zh')).toBe('a.docx: 通过 custom');

    const fonts = {
      faces: [
        { face: '黑体', where: ['Heading1'], characters: 6, used: [{ font: 'SimHei', characters: 6 }], status: 'as-requested' as const },
        { face: '仿宋_GB2312', where: ['document defaults'], fallback: '仿宋', characters: 13, used: [{ font: 'NotoSerifCJKsc-Regular', characters: 13 }], installed: false, status: 'substituted' as const },
        { face: '楷体_GB2312', where: ['Heading2', 'direct formatting'], characters: 0, used: [], status: 'unused' as const },
      ],
      embedded: ['SimHei', 'NotoSerifCJKsc-Regular'],
    };
    expect(fontLines('a.docx', fonts)).toEqual([
      'a.docx: font 黑体 → SimHei: as requested',
      'a.docx: font 仿宋_GB2312 → NotoSerifCJKsc-Regular: substituted (not installed here; the docx names 仿宋 as its fallback)',
      'a.docx: font 楷体_GB2312: asked for by style Heading2, direct formatting, but no Chinese character in this document uses it',
      'a.docx: fonts embedded: SimHei, NotoSerifCJKsc-Regular',
    ]);
    expect(fontLines('a.docx', fonts, 'zh')).toEqual([
      'a.docx: 字体 黑体 → SimHei：与指定的一致',
      'a.docx: 字体 仿宋_GB2312 → NotoSerifCJKsc-Regular：已被替代（本机未安装；Word 文件指定的备用字体为 仿宋）',
      'a.docx: 字体 楷体_GB2312：指定它的是样式 Heading2、直接设置的格式，但本文档没有汉字用到它',
      'a.docx: 嵌入的字体：SimHei、NotoSerifCJKsc-Regular',
    ]);
    expect(fontLines('a.docx', { faces: [], embedded: [] }, 'zh')).toEqual(['a.docx: 嵌入的字体：无']);
  });
});
