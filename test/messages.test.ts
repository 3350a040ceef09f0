/**
 * The message catalogue: every diagnostic code and CLI text in English and Chinese with the same
 * arguments, and broken records through the binary in both languages — every line translated,
 * field names in Chinese, close matches suggested.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEXTS, DIAGNOSTICS, messageIn, say, t, type DiagnosticCode } from '../src/messages/index.js';
import { interpolate, placeholders, type Entry } from '../src/messages/format.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { report, scratch } from './support.js';

const HAN = /\p{Script=Han}/u;
const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' };
const C = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' };

/** Sample arguments for a template: each placeholder gets a value (1 for plural forms). */
const sampleArgs = (...templates: string[]) => Object.fromEntries(templates.flatMap(placeholders).map((name) => [name, 'VALUE']));

describe('the catalogue', () => {
  const entries = Object.entries(DIAGNOSTICS) as Array<[DiagnosticCode, Entry]>;

  it('has every diagnostic code in both languages, with the same arguments', () => {
    expect(entries.length).toBeGreaterThan(60);
    for (const [code, entry] of entries) {
      expect(entry.en.trim(), code).not.toBe('');
      expect(entry.zh, `${code} has no Chinese`).toMatch(HAN);
      expect(entry.en, `${code}: the English text is in Chinese`).not.toMatch(/[\u3000-\u303F\uFF00-\uFFEF]/);
      expect(placeholders(entry.zh), code).toEqual(placeholders(entry.en));
      // A note that only informs (what the roll-up left out) needs no advice.
      if (code !== 'rollup/outside-period') expect(entry.hint, `${code} says what to do`).toBeDefined();
      if (entry.hint) {
        expect(placeholders(entry.hint.zh), `${code} hint`).toEqual(placeholders(entry.hint.en));
        // A hint that is only an argument (a suggestion) is translated by whoever fills it in.
        if (entry.hint.zh !== '{suggestion}') expect(entry.hint.zh, `${code} hint has no Chinese`).toMatch(HAN);
      }
    }
  });

  it('renders every code in both languages with nothing left unfilled', () => {
    for (const [code, entry] of entries) {
      const args = sampleArgs(entry.en, entry.hint?.en ?? '');
      const d = { file: 'a.yaml', line: 3, column: 5, severity: 'error' as const, ...say(code, args) };
      const en = formatDiagnostic(d, 'en');
      const zh = formatDiagnostic(d, 'zh');
      expect(en, code).toMatch(/^a\.yaml:3:5: /);
      expect(zh, code).toMatch(/^a\.yaml:3:5: 第3行第5列：/);
      for (const text of [en, zh]) expect(text, code).not.toMatch(/\{\w+(\|[^}]*)?\}(?!\})/);
      expect(zh, code).not.toBe(en);
    }
  });

  it('has every CLI text in both languages, with the same arguments', () => {
    for (const [key, text] of Object.entries(CLI_TEXTS)) {
      expect(text.en.trim(), key).not.toBe('');
      expect(text.zh.trim(), key).not.toBe('');
      expect(placeholders(text.zh), key).toEqual(placeholders(text.en));
      // Texts made only of arguments and symbols need no translation.
      if (/[A-Za-z]{2,} [A-Za-z]{2,}/.test(text.en.replace(/\{[^}]*\}/g, ''))) expect(text.zh, `${key} has no Chinese`).toMatch(HAN);
    }
  });

  it('picks English singular and plural by number', () => {
    expect(interpolate('{n} {n|error|errors}', { n: 1 }, 'en')).toBe('1 error');
    expect(interpolate('{n} {n|error|errors}', { n: 3 }, 'en')).toBe('3 errors');
    expect(t('summary.build', 'zh', { built: 2, failed: 1, skipped: '', interrupted: '', seconds: '0.4' })).toBe('已生成 2 份，失败 1 份，用时 0.4 秒');
  });

  it('keeps the text of codes it does not know', () => {
    expect(messageIn({ code: 'other/code', message: 'as written', hint: 'do this' }, 'zh')).toEqual({ message: 'as written', hint: 'do this' });
  });
});

/** Broken records covering the validation codes a clerk meets most. */
function brokenFolder(): string {
  const dir = scratch('report-messages-');
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  write(
    'fields.yaml',
    [
      'kind: 工作总结报告',
      'titel: 2024年工作总结',
      'unit: 某某街道',
      'date: 2024-13-01',
      'metrics:',
      '  - {name: 志愿者, value: 12}',
      '  - {name: 活动, value: 3}',
      '  - name: 服务',
      '    value: 很多',
      '  - {name: 人次, value: -3}',
      '',
    ].join('\n'),
  );
  write('syntax.yaml', 'kind: 工作总结\ntitle: "未结束\nunit: 某某街道\n');
  write('duplicate.yaml', 'kind: 工作总结\ntitle: 甲\ntitle: 乙\nunit: 某某街道\n');
  write('list.yaml', '- 一\n- 二\n');
  write('empty.yaml', '');
  write('binary.yaml', Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]).toString('latin1'));
  write('wrong-level.yaml', 'kind: 工作总结\ntitle: 甲\nunit: 乙\nhonors:\n  - {title: 奖, level: 世界级}\nsections:\n  - heading: 一\n    points: [{titel: 小标题}]\n');
  write('period.yaml', 'kind: 工作总结\ntitle: 甲\nunit: 乙\nperiod: {from: 2024-06, to: 2024-01}\n');
  write('garbled.yaml', 'kind: 工作总结\ntitle: 甲\nunit: 乙\nintro: 常�R工作\nclosing: 2021Äê´´½¨精神文明单位\n');
  return dir;
}

describe('broken records through the binary', () => {
  const dir = brokenFolder();
  const zh = report(['check', '.'], { cwd: dir, env: ZH });
  const en = report(['check', '.'], { cwd: dir, env: C });
  const zhLines = zh.stderr.trim().split('\n');
  const enLines = en.stderr.trim().split('\n');

  it('fails the same way in both languages, one line per problem', () => {
    expect(zh.status).toBe(1);
    expect(en.status).toBe(1);
    expect(zhLines.length).toBe(enLines.length);
    expect(zhLines.length).toBeGreaterThan(12);
  });

  it('prints every line in Chinese under LANG=zh_CN.UTF-8', () => {
    // The static words of every English message: none may appear in the Chinese output.
    const englishWords = Object.values(DIAGNOSTICS as Record<string, Entry>)
      .flatMap((e) => [e.en, e.hint?.en ?? ''])
      .flatMap((text) => text.split(/\{[^}]*\}/))
      .map((part) => part.trim())
      .filter((part) => /[a-z]{3,} [a-z]{3,}/.test(part));
    for (const line of zhLines) {
      expect(line).toMatch(HAN);
      expect(line).toMatch(/^\S+\.yaml(:\d+:\d+: (警告：|提示：)?第\d+行第\d+列：|: )|^已检查/);
      for (const words of englishWords) expect(line, `English "${words}" in: ${line}`).not.toContain(words);
    }
  });

  it('names fields in Chinese and says what to do, as the README documents them', () => {
    const text = zh.stderr;
    expect(text).toContain('fields.yaml:9:12: 第9行第12列：`metrics[2].value`（本期数） 应为数字（当前为“很多”），请在这里填写数字');
    expect(text).toContain('fields.yaml:2:1: 第2行第1列：未知字段 `titel`，是否为 `title`？');
    expect(text).toContain('fields.yaml:1:7: 第1行第7列：未知文种“工作总结报告”，可选：工作总结、实施意见、情况汇报（也可写 summary、plan、briefing），是否为“工作总结”？');
    expect(text).toContain('fields.yaml:4:7: 第4行第7列：`date`（成文日期） 不是有效日期（当前为“2024-13-01”）');
    expect(text).toContain('`metrics[3].value`（本期数） 应不小于 0（当前为 -3）');
    expect(text).toContain('缺少必填字段 `title`（标题）');
    expect(text).toContain('`honors[0].level`（级别） 的值“世界级”不在可选范围内，可选：国家级、省级、市级、区级、县级、乡镇级');
    expect(text).toMatch(/duplicate\.yaml:3:1: 第3行第1列：字段 `title` 在同一层出现了两次，请删去或改名其中一个/);
    expect(text).toMatch(/list\.yaml:1:1: 第1行第1列：文件里是一个列表，不是一份记录/);
    expect(text).toMatch(/empty\.yaml:1:1: 第1行第1列：文件是空的/);
    expect(text).toMatch(/binary\.yaml: 这个文件像是二进制文件，不是文本/);
    expect(text).toMatch(/syntax\.yaml:\d+:\d+: 第\d+行第\d+列：YAML 格式错误：/);
    expect(text).toMatch(/period\.yaml:4:\d+: 第4行第\d+列：`period\.to`（截止）早于 `period\.from`（起始），请把两者对调/);
    expect(text).toMatch(/garbled\.yaml:4:9: 警告：第4行第9列：丢失的字符“�”无法恢复，请对照原件重新录入/);
    expect(text).toMatch(/^已检查 \d+ 个：\d+ 个无误，\d+ 个有错误$/m);
    expect(text).toContain('garbled.yaml:5:14: 警告：第5行第14列：已修复乱码（GBK 文字被当作 Latin-1 读取）：“Äê´´½¨”→“年创建”，请在记录文件里改正');
  });

  it('prints the same problems in English under LANG=C', () => {
    expect(en.stderr).not.toMatch(/第\d+行第\d+列/);
    expect(en.stderr).toContain('fields.yaml:9:12: `metrics[2].value` must be a number (found "很多") (write a number here)');
    expect(en.stderr).toContain('fields.yaml:2:1: unknown field `titel` (did you mean `title`?)');
    expect(en.stderr).toContain('fields.yaml:1:7: `kind` is "工作总结报告", expected one of 工作总结, 实施意见, 情况汇报, summary, plan, briefing (did you mean 工作总结?)');
    expect(en.stderr).toMatch(/^checked \d+: \d+ ok, \d+ with errors$/m);
  });

  it('--lang wins over the environment, and REPORT_LANG over LANG', () => {
    expect(report(['check', 'fields.yaml', '--lang', 'en'], { cwd: dir, env: ZH }).stderr).toContain('unknown field `titel`');
    expect(report(['--lang=zh', 'check', 'fields.yaml'], { cwd: dir, env: C }).stderr).toContain('未知字段 `titel`');
    expect(report(['check', 'fields.yaml'], { cwd: dir, env: { ...C, REPORT_LANG: 'zh' } }).stderr).toContain('未知字段 `titel`');
  });
});

describe('the command line in Chinese', () => {
  it('prints help in Chinese', () => {
    const main = report(['--help'], { env: ZH });
    expect(main.status).toBe(0);
    expect(main.stdout).toMatch(/^用法： report/);
    expect(main.stdout).toContain('命令：');
    expect(main.stdout).toContain('为每个记录文件生成 Word 文件');
    const build = report(['build', '--help'], { env: ZH });
    expect(build.stdout).toContain('选项：');
    expect(build.stdout).toContain('批量生成时的并行线程数');
    expect(build.stdout).toContain('显示帮助');
    expect(report(['--help'], { env: C }).stdout).toMatch(/^Usage: report/);
  });

  it('words usage errors in Chinese, with the exit code of a usage error', () => {
    const unknown = report(['buidl', 'x'], { env: ZH });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('report: 不认识的命令 buidl （是否为 build？）');
    expect(unknown.stderr).toContain('（运行 report --help 查看用法）');
    expect(report(['build', '--bogus', 'x'], { env: ZH }).stderr).toContain('report: 不认识的选项 --bogus');
    expect(report(['build', '--format', 'pdf', 'x'], { env: ZH }).stderr).toContain('选项 --format <format> 的取值“pdf”无效，可选：docx, md, both');
    expect(report(['build', '--jobs', '0', 'x'], { env: ZH }).stderr).toContain('report: --jobs 应为不小于 1 的整数（当前为“0”）');
    expect(report(['preview'], { env: ZH }).stderr).toContain('report: 缺少参数 input');
  });

  it('says what report fix removed, in either language', () => {
    const input = '来源:瑞文範文網 1.1W\n正文。\n';
    const zh = report(['fix', '--strip-boilerplate'], { env: ZH, input });
    expect(zh.stdout).toBe('正文。\n');
    expect(zh.stderr).toBe('<stdin>:1：已删去来源行：“来源:瑞文範文網 1.1W”\n');
    const en = report(['fix', '--strip-boilerplate'], { env: C, input });
    expect(en.stderr).toBe('<stdin>:1: removed source/attribution: "来源:瑞文範文網 1.1W"\n');
  });

  it('says what it built in Chinese', () => {
    const dir = scratch('report-messages-build-');
    writeFileSync(path.join(dir, 'a.yaml'), 'kind: 工作总结\ntitle: 甲\nunit: 乙\ndate: 2024-12-01\nintro: 好。\n');
    const r = report(['build', 'a.yaml', '--format', 'md', '-o', 'out'], { cwd: dir, env: { ...ZH, CI: 'true' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^已生成 1 份，失败 0 份，用时 [\d.]+ 秒$/m);
    const again = report(['build', 'a.yaml', '--format', 'md', '-o', 'out'], { cwd: dir, env: { ...ZH, CI: 'true' } });
    expect(again.stderr).toMatch(/^已生成 0 份，失败 0 份，1 份已是最新而跳过，用时 [\d.]+ 秒$/m);
  });
});

describe('docs/messages.md', () => {
  it('is up to date with the catalogue (regenerate with `node scripts/messages-doc.mjs`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { messagesMarkdown } = await import('../src/messages/table.js');
    expect(readFileSync(path.join(import.meta.dirname, '..', 'docs', 'messages.md'), 'utf8')).toBe(messagesMarkdown());
  });
});
