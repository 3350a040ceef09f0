/**
 * `report build` repairing a record's strings, through the binary: each warning points at the
 * garbled text itself wherever the YAML writes it, keys are repaired too, file names are not,
 * and --strict still fails on lost characters under --no-repair.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { report, scratch } from './support.js';

const gbkAsLatin1 = (s: string) => iconv.decode(iconv.encode(s, 'gbk'), 'latin1');
const G = gbkAsLatin1('中心组织学习培训');

const RECORD = [
  'kind: 情况汇报', // 1
  'title: 测试报告', // 2
  'unit: 滨河区政务服务中心', // 3
  'date: 2025-11-24', // 4
  'intro: |', // 5
  '  第一行。', // 6
  `  前文${G}，效果良好。`, // 7
  '  又有锟斤拷一处。', // 8
  `closing: "说明\\t本年度${G}。"`, // 9
  'sections:', // 10
  `  - heading: 强化${G}`, // 11
  `    text: '他''说${G}'`, // 12
  'extra:', // 13
  `  ${gbkAsLatin1('联系人')}: ${gbkAsLatin1('张敏')}`, // 14
  `dictionary: ${gbkAsLatin1('中心')}.yaml`, // 15
  '',
].join('\n');

describe('repair warnings of report build', () => {
  const dir = scratch();
  writeFileSync(path.join(dir, 'r.yaml'), RECORD);
  writeFileSync(path.join(dir, 'extra.hbs'), '# {{title}}\n\n{{#each extra}}{{@key}}：{{this}}\n{{/each}}\n{{#each closing}}{{this}}\n{{/each}}');
  const r = report(['build', 'r.yaml', '-o', 'out', '--format', 'md', '-t', './extra.hbs'], { cwd: dir });
  const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));

  it('builds, with the repaired text in the output', () => {
    expect(r.status, r.stderr).toBe(0);
    const md = readFileSync(path.join(dir, 'out', 'r.md'), 'utf8');
    expect(md).toContain('联系人：张敏');
    expect(md).toContain('本年度中心组织学习培训。');
  });

  it('points at the garbled text itself: in a block scalar, after an escape, in quotes, in a key', () => {
    const at = (line: number, column: number, what: RegExp) => expect(warnings.some((w) => w.startsWith(`r.yaml:${line}:${column}: `) && what.test(w)), `${line}:${column}\n${r.stderr}`).toBe(true);
    at(7, 5, /repaired garbled text/);
    at(8, 5, /lost characters "锟斤拷"/);
    // After the escape \t the file and the value differ in length: the file's column counts.
    at(9, 18, /repaired garbled text/);
    at(11, 16, /repaired garbled text/);
    at(12, 16, /repaired garbled text/);
    at(14, 3, /"联系人"/);
    at(14, 3 + gbkAsLatin1('联系人').length + 2, /"张敏"/);
  });

  it('leaves the fields that name files alone', () => {
    expect(r.stderr).not.toContain('中心.yaml');
    expect(warnings.filter((w) => w.startsWith('r.yaml:15:'))).toEqual([]);
  });
});

describe('--no-repair', () => {
  it('changes nothing; with --strict lost characters still fail the build and nothing is written', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'r.yaml'), 'kind: 情况汇报\ntitle: 测试报告\nunit: 滨河区政务服务中心\ndate: 2025-11-24\nintro: 本年度中心锟斤拷学习培训。\n');
    const plain = report(['build', 'r.yaml', '-o', 'out', '--format', 'md', '--no-repair'], { cwd: dir });
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).not.toMatch(/warning/);
    const strict = report(['build', 'r.yaml', '-o', 'strict', '--format', 'md', '--no-repair', '--strict'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^r\.yaml:5:13: lost characters "锟斤拷"/m);
    expect(existsSync(path.join(dir, 'strict', 'r.md'))).toBe(false);
  });
});
