/**
 * YAML syntax errors through the binary: each is reported where the problem starts (the opening
 * quote or bracket that is never closed, the list item without `-`), not where the parser gave
 * up (often past the last line), as one line with exit code 1, and in Chinese with words that
 * name the problem and what to do about it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, scratch } from './support.js';

const C = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' };
const ZH = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' };
const dir = scratch('report-yaml-positions-');

/** `report check NAME` on TEXT: exit code and the problem lines (the summary line left out). */
function check(name: string, text: string, lang: 'en' | 'zh'): { status: number; problems: string[]; stderr: string } {
  writeFileSync(path.join(dir, name), text);
  const r = report(['check', name, ...(lang === 'zh' ? ['--lang', 'zh'] : [])], { cwd: dir, env: lang === 'zh' ? ZH : C });
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  const summary = lang === 'zh' ? /^已检查 / : /^checked /;
  expect(lines[lines.length - 1], r.stderr).toMatch(summary);
  return { status: r.status, problems: lines.filter((l) => !summary.test(l)), stderr: r.stderr };
}

/** A record of 64 lines with the given line 2. */
const longRecord = (line2: string) =>
  ['kind: 工作总结', line2, 'unit: 滨河区政务服务中心', 'sections:', ...Array.from({ length: 30 }, (_, i) => [`  - heading: 第${i + 1}部分`, `    text: 第${i + 1}段文字`]).flat()].join('\n') + '\n';

/**
 * Broken records: the text, where the problem starts, the English and Chinese texts, and how
 * many errors the parser reported past an open bracket (counted, not listed: it is lost there).
 */
const CASES: Array<{ name: string; text: string; at: [number, number]; en: string; zh: RegExp; unlisted?: number }> = [
  {
    name: 'double-quote.yaml',
    text: longRecord('title: "2024年度工作总结'),
    at: [2, 8],
    en: 'the double quote (") that starts here is never closed: end the value with " (fix the YAML syntax)',
    zh: /双引号 " 没有配对的结束引号，请在这个值的末尾补上 "/,
  },
  {
    name: 'single-quote.yaml',
    text: longRecord("title: '2024年度工作总结"),
    at: [2, 8],
    en: "the single quote (') that starts here is never closed: end the value with ' (fix the YAML syntax)",
    zh: /单引号 ' 没有配对的结束引号，请在这个值的末尾补上 '/,
  },
  {
    name: 'bracket.yaml',
    text: 'kind: 工作总结\ntitle: 甲\nunit: 乙\nsections:\n  - heading: 一\n    points: [要点一, 要点二\n  - heading: 二\n    text: 文字\n',
    at: [6, 13],
    en: 'the [ that starts here has no matching ]: end the list with ], and indent any continued lines more than the field name (fix the YAML syntax)',
    zh: /方括号 \[ 没有配对的 \]，请在列表末尾补上 \]/,
    // The lexer reads `二\n    text` as one value: two errors that go away with the `]`.
    unlisted: 2,
  },
  {
    name: 'brace.yaml',
    text: 'kind: 工作总结\ntitle: 甲\nunit: 乙\nperiod: {from: 2024-01, to: 2024-06\nintro: 文字\nclosing: 完\n',
    at: [4, 9],
    en: 'the { that starts here has no matching }: end it with }, and indent any continued lines more than the field name (fix the YAML syntax)',
    zh: /花括号 \{ 没有配对的 \}，请在末尾补上 \}/,
  },
  {
    name: 'dash.yaml',
    text: 'kind: 工作总结\ntitle: 甲\nunit: 乙\nhonors:\n  - title: 文明单位\n    level: 市级\n   by: 市文明委\n',
    at: [7, 4],
    en: 'this line is inside a list but does not start with "- ", nor line up with the item above: start a new item with "- ", or align the line with the fields above (fix the YAML syntax)',
    zh: /没有以“- ”开头，也没有和上一项的内容对齐，新的一项请以“- ”开头；属于上一项的字段，请和上一项的字段对齐/,
  },
];

describe('YAML syntax errors point where the problem starts', () => {
  for (const { name, text, at, en, zh, unlisted } of CASES) {
    it(`${name}: in English`, () => {
      const r = check(name, text, 'en');
      expect(r.status, r.stderr).toBe(1);
      const more = unlisted ? [`${name}: ${unlisted} more YAML errors not shown (fix the ones above first)`] : [];
      expect(r.problems).toEqual([`${name}:${at[0]}:${at[1]}: ${en}`, ...more]);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });

    it(`${name}: in Chinese`, () => {
      const r = check(name, text, 'zh');
      expect(r.status, r.stderr).toBe(1);
      const more = unlisted ? [`${name}: 另有 ${unlisted} 处 YAML 错误未列出，请先改正上面列出的错误`] : [];
      expect(r.problems.slice(1), r.stderr).toEqual(more);
      const [line] = r.problems;
      expect(line!.startsWith(`${name}:${at[0]}:${at[1]}: 第${at[0]}行第${at[1]}列：YAML 格式错误：`), line).toBe(true);
      expect(line).toMatch(zh);
      // The texts that pointed the wrong way.
      for (const wrong of ['缩进不对', '缺少配对的符号', '请检查这一行的缩进、冒号和引号']) expect(line).not.toContain(wrong);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });
  }

  it('the opening quote, not the end of the file, also with LANG=zh_CN', () => {
    writeFileSync(path.join(dir, 'q2.yaml'), longRecord('title: "2024年度工作总结'));
    const r = report(['check', 'q2.yaml'], { cwd: dir, env: ZH });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^q2\.yaml:2:8: 第2行第8列：YAML 格式错误：这里开头的双引号 " 没有配对的结束引号/m);
    expect(r.stderr).not.toContain('q2.yaml:65:');
  });

  it('each of several open brackets and quotes, in the order of the file', () => {
    const en = check('nested.yaml', 'kind: 工作总结\ntitle: 甲\nunit: 乙\nperiod: [2024, {from: 2024-01\nintro: 文字\n', 'en');
    expect(en.problems.map((l) => l.split(': ')[0])).toEqual(['nested.yaml:4:9', 'nested.yaml:4:16']);
    expect(en.problems[0]).toContain('the [ that starts here');
    expect(en.problems[1]).toContain('the { that starts here');

    const quoted = check('quoted.yaml', "kind: 工作总结\ntitle: 甲\nunit: 乙\nsections: ['一, 二]\nclosing: 完\n", 'zh');
    expect(quoted.problems).toHaveLength(2);
    expect(quoted.problems[0]).toMatch(/^quoted\.yaml:4:11: 第4行第11列：YAML 格式错误：这里开头的方括号 \[/);
    expect(quoted.problems[1]).toMatch(/^quoted\.yaml:4:12: 第4行第12列：YAML 格式错误：这里开头的单引号 '/);
  });

  it('a line without a colon is named as such', () => {
    const r = check('no-colon.yaml', 'kind: 工作总结\ntitle: 甲\nunit: 乙\nhonors:\n  - 文明单位\n  先进集体\n', 'zh');
    expect(r.status).toBe(1);
    expect(r.problems).toContain('no-colon.yaml:6:3: 第6行第3列：YAML 格式错误：这一行没有冒号，既不是“字段: 值”，也不是以“- ”开头的列表项，字段请写成“字段名: 值”；列表的一项请以“- ”开头；上一行的续写请比字段名多缩进');
  });

  it('counts lines from the text: a broken token over two lines does not shift later errors', () => {
    // The parser's own line count misses the line break inside `y\n    p` (a plain scalar
    // where a `:` was expected), which put the `[[` below on line 5.
    const r = check('shift.yaml', 'm:\n  - "n: x\n    v: 12\n    u: ["y\n    p: 10\n  - n: [[z\n    v: 1\n', 'en');
    expect(r.status).toBe(1);
    expect(r.problems.filter((l) => l.includes('the [ that starts here')).map((l) => l.split(': ')[0])).toEqual(['shift.yaml:6:8', 'shift.yaml:6:9']);
  });
});
