/**
 * Script conversion: OpenCC's own cases and goldens, the classic one-to-many traps, mixed-script
 * normalisation (seed 004), user dictionaries, agreement with the native opencc CLI, and
 * `build --script` through the binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { scriptConverter, type Script } from '../src/text/script.js';
import { EXAMPLES, ROOT, paragraphTexts, readDocx, report, scratch } from './support.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'opencc');
const CONFIG_OF: Record<string, Script> = { s2t: 'traditional', s2twp: 'tw', s2hk: 'hk', t2s: 'simplified' };

interface Case {
  id: string;
  input: string;
  expected: Record<string, string>;
}

/** testcases.json is JSON with comments and trailing commas: YAML reads the rest. */
const cases = (parse(readFileSync(path.join(FIXTURES, 'testcases.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { cases: Case[] }).cases;

describe("OpenCC's own test cases", () => {
  it.each(Object.keys(CONFIG_OF))('%s passes at least as many as plain opencc-js', async (config) => {
    const ours = await scriptConverter(CONFIG_OF[config]!);
    const [from, to] = config === 't2s' ? ['t', 'cn'] : ['cn', config.slice(2)];
    const plain = OpenCC.Converter({ from: from!, to: to! } as never);
    const relevant = cases.filter((c) => c.expected[config] !== undefined);
    const oursPassed = relevant.filter((c) => ours(c.input) === c.expected[config]).length;
    const plainPassed = relevant.filter((c) => plain(c.input) === c.expected[config]).length;
    console.log(`OpenCC ${config}: report ${oursPassed}/${relevant.length}, opencc-js ${plainPassed}/${relevant.length}`);
    expect(relevant.length).toBeGreaterThan(0);
    expect(oursPassed).toBeGreaterThanOrEqual(plainPassed);
  });

  it.each([
    ['s2t', 'traditional'],
    ['s2twp', 'tw'],
    ['s2hk', 'hk'],
  ])('report fix --to reproduces the %s golden byte for byte', (config, script) => {
    const r = report(['fix', '--to', script!, path.join(FIXTURES, 'us_constitution_zhs.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(FIXTURES, `us_constitution_zhs.${config}.txt`), 'utf8'));
  });
});

describe('one-to-many traps', () => {
  it.each([
    ['traditional', '头发很长，发展很快', '頭髮很長，發展很快'],
    ['traditional', '后来皇后来了', '後來皇后來了'],
    ['traditional', '干部把地板擦干净了，干杯', '幹部把地板擦乾淨了，乾杯'],
    ['traditional', '这里的里程', '這裏的里程'],
    ['tw', '这里的里程', '這裡的里程'],
    ['traditional', '系统关系联系', '系統關係聯繫'],
    ['traditional', '于是位于', '於是位於'],
    ['traditional', '台风吹过台湾的讲台', '颱風吹過臺灣的講臺'],
    ['traditional', '吃面条，面对困难', '喫麪條，面對困難'],
    ['tw', '吃面条，面对困难', '吃麵條，面對困難'],
    ['traditional', '复杂的恢复和复印', '複雜的恢復和複印'],
    ['simplified', '頭髮發展後來乾淨幹部系統關係聯繫於是颱風麵條複雜恢復', '头发发展后来干净干部系统关系联系于是台风面条复杂恢复'],
    ['tw', '软件和鼠标', '軟體和滑鼠'],
    ['hk', '着想', '着想'],
  ] as const)('%s: %s', async (script, input, expected) => {
    expect((await scriptConverter(script))(input)).toBe(expected);
  });
});

describe('mixed-script normalisation', () => {
  it.each([
    ['潛意識里', '潛意識裏'],
    ['并不歸', '並不歸'],
    ['干好工作', '幹好工作'],
    ['聯系群眾', '聯繫羣眾'],
    ['實現愿望', '實現願望'],
    ['于2012年開始', '於2012年開始'],
    ['圖文并茂', '圖文並茂'],
    ['偏重于理論', '偏重於理論'],
  ])('traditional text with stray simplified: %s → %s', async (input, expected) => {
    expect((await scriptConverter('traditional'))(input)).toBe(expected);
  });

  it('leaves every correct traditional character as it was', async () => {
    const convert = await scriptConverter('traditional');
    const text = '房間很乾淨，後來皇后寫了一部著作，他們聯繫了有關係的人。';
    expect(convert(text)).toBe(text);
    const tw = await scriptConverter('tw');
    expect(tw('房間很乾淨，後來皇后寫了一部著作')).toBe('房間很乾淨，後來皇后寫了一部著作');
  });

  it('normalises seed 004: no simplified-only character left, no correct one changed', async () => {
    const seed = readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', '004_01aafdc2e9ee2e15.txt'), 'utf8');
    const convert = await scriptConverter('traditional');
    const t2s = await scriptConverter('simplified');
    const out = convert(seed);
    expect([...out].length).toBe([...seed].length);
    for (const stray of ['潛意識里', '并不歸', '干好工作', '聯系', '愿望', '于2012年', '圖文并茂', '偏重于']) {
      if (seed.includes(stray)) expect(out, stray).not.toContain(stray);
    }
    // A character t2s changes is traditional: none of them may change.
    const source = [...seed];
    const result = [...out];
    const changedTraditional = source.filter((ch, i) => t2s(ch) !== ch && result[i] !== ch);
    expect(changedTraditional).toEqual([]);
    // No simplified-only character is left: every one that s2t alone would change is gone.
    const s2t = await scriptConverter('traditional');
    const simplifiedLeft = result.filter((ch) => t2s(ch) === ch && s2t(ch) !== ch && !'台里面系干后着'.includes(ch));
    expect(simplifiedLeft).toEqual([]);
  });
});

describe('user dictionary', () => {
  it('wins over OpenCC phrases', async () => {
    const plain = await scriptConverter('traditional');
    expect(plain('北戴河区政务服务中心')).toBe('北戴河區政務服務中心');
    const convert = await scriptConverter('traditional', [['政务服务中心', '政務服務中心（專用）'], ['北戴河区', '北戴河區']]);
    expect(convert('北戴河区政务服务中心')).toBe('北戴河區政務服務中心（專用）');
    const tw = await scriptConverter('tw', [['软件', '软件']]);
    expect(tw('软件和鼠标')).toBe('软件和滑鼠');
  });

  it('is read from OpenCC text or YAML, per record and per project', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'terms.txt'), '# 单位名称\n滨河区\t濵河區\n');
    writeFileSync(path.join(dir, 'project.yaml'), '政务服务中心: 政務服務中心甲\n');
    writeFileSync(path.join(dir, 'report.config.yaml'), 'script: traditional\ndictionary: project.yaml\n');
    writeFileSync(path.join(dir, 'doc.yaml'), `${readFileSync(EXAMPLES[0]!, 'utf8')}dictionary: terms.txt\n`);
    const r = report(['preview', 'doc.yaml'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('濵河區政務服務中心甲');
    const bad = report(['preview', 'doc.yaml', '--script', 'klingon'], { cwd: dir });
    expect(bad.status).toBe(2);
  });
});

const nativeOpencc = spawnSync('opencc', ['--version'], { encoding: 'utf8' }).status === 0;
if (!nativeOpencc && process.env['CI']) throw new Error('the opencc CLI is required under CI: .ci/run installs it');
if (!nativeOpencc) console.warn('native opencc comparison skipped: install the Debian package opencc to run it');

describe.skipIf(!nativeOpencc)('agreement with the native opencc CLI', () => {
  it.each([
    ['s2t.json', 'traditional'],
    ['s2twp.json', 'tw'],
    ['s2hk.json', 'hk'],
  ] as const)('%s on a long text', async (config, script) => {
    const text = [readFileSync(path.join(FIXTURES, 'us_constitution_zhs.txt'), 'utf8'), ...EXAMPLES.map((f) => readFileSync(f, 'utf8'))].join('\n');
    const native = execFileSync('opencc', ['-c', config], { input: text, encoding: 'utf8' });
    const ours = (await scriptConverter(script))(text);
    const a = native.split('\n');
    const b = ours.split('\n');
    expect(b.length).toBe(a.length);
    const differing = a.filter((line, i) => line !== b[i]).length;
    console.log(`native opencc ${config}: ${differing} of ${a.length} lines differ`);
    // The Debian opencc's dictionaries are older than opencc-js's: a few phrases differ
    // (新罕布什爾 → 新罕布夏 in s2twp).
    expect(differing / a.length).toBeLessThan(0.05);
  });
});

describe('report build --script', () => {
  it('writes a docx whose every text node is traditional', async () => {
    const cwd = scratch();
    const r = report(['build', EXAMPLES[0]!, '--script', 'traditional'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    const parts = readDocx(path.join(cwd, 'out', 'summary.docx'));
    const text = paragraphTexts(parts['word/document.xml']!).join('\n');
    const t2s = await scriptConverter('simplified');
    const s2t = await scriptConverter('traditional');
    // Every character is already in its traditional form: converting again changes nothing.
    expect(s2t(text)).toBe(text);
    expect(t2s(text)).not.toBe(text);
    expect(text).toContain('滨河區政務服務中心'.replace('滨', '濱'));
    expect(parts['docProps/core.xml']).toContain('<dc:title>2024年度文明單位創建工作總結</dc:title>');
    // Numbers and Latin text are not touched.
    expect(text).toMatch(/2024年12月18日/);
  });

  it('leaves text as written when no script is asked for, and does not load OpenCC', () => {
    const traced = (args: string[]) =>
      spawnSync(process.execPath, ['--import', path.join(ROOT, 'test', 'fixtures', 'trace', 'register.mjs'), path.join(ROOT, 'bin', 'report.js'), ...args], {
        encoding: 'utf8',
        cwd: scratch(),
      });
    const plain = traced(['preview', EXAMPLES[0]!]);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('滨河区政务服务中心');
    expect(plain.stderr).not.toContain('opencc-js');
    const converted = traced(['preview', EXAMPLES[0]!, '--script', 'simplified']);
    expect(converted.stderr).toContain('opencc-js/dist/esm-lib/dict/TSCharacters.js');
    // Only the dictionaries the target needs: t2s never loads the s2t tables.
    expect(converted.stderr).not.toContain('STPhrases');
  });
});
