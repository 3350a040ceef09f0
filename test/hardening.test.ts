/**
 * Hostile and broken input, through the binary as CI runs it: every bad file fails with one
 * line per problem (`FILE[:LINE:COL]: message (hint)`), a code from the README's table, no stack
 * trace, within 5 s and a 256 MB heap; every odd but valid file builds, and its Word file opens
 * in LibreOffice; outputs get portable names, never follow a symbolic link out of the working
 * folder, and a failed build leaves earlier outputs as they were and no temporary files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import type { CliHost } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { outputBase, portableName } from '../src/output/output-paths.js';
import { writeFileAtomic, writeFilesAtomic } from '../src/output/write-atomic.js';
import { renderFile, toDocx } from '../src/pipeline.js';
import { convertToPdf, findTools } from '../src/verify/index.js';
import { ROOT, paragraphTexts, readDocx, report, scratch, type CliResult } from './support.js';

const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');
/** Bounded memory: the V8 heap of every run below is capped; needing more would crash it. */
const BOUNDED = { NODE_OPTIONS: '--max-old-space-size=256' };
const SECONDS = 5;

const tools = await findTools(process.env);
if (!tools.ok && process.env['CI']) throw new Error('LibreOffice (soffice) and poppler-utils are required under CI: .ci/run installs them');

/** Each run's wall time, printed at the end for the record. */
const timings: Array<[string, number, number]> = [];

function timed(label: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): CliResult & { ms: number } {
  const started = performance.now();
  const result = report(args, { cwd: options.cwd, env: { ...BOUNDED, ...options.env } });
  const ms = performance.now() - started;
  timings.push([label, result.status, Math.round(ms)]);
  return { ...result, ms };
}

/** Every line of stderr is a one-line message about `file`, or the closing summary. */
function expectCleanMessages(stderr: string, file: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/internal error|Error:|RangeError|Maximum call stack|heap out of memory/);
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const diagnostic = new RegExp(`^${escaped}(?::\\d+:\\d+)?: (?:(?:warning|note): )?\\S.*$`);
  for (const line of stderr.split('\n').filter(Boolean)) {
    if (/^(built|checked) \d+/.test(line)) continue;
    expect(line, stderr).toMatch(diagnostic);
  }
}

let dir = '';
const write = (name: string, data: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), data);
};

const VALID = 'kind: 工作总结\ntitle: 2024年度工作总结\nunit: 滨河区政务服务中心\ndate: 2024-12-18\nintro: 今年以来，中心扎实推进各项工作。\nsections:\n  - heading: 强化组织领导\n    text: 成立工作领导小组。\n';

/** A nesting of `depth` flow sequences under `extra:`. */
const nested = (open: string, close: string, depth: number) => `kind: 工作总结\ntitle: 深\nunit: 单位\nextra: ${open.repeat(depth)}${close.repeat(depth)}\n`;

beforeAll(() => {
  dir = scratch('report-hardening-');
  write('empty.yaml', '');
  // A PNG header and noise: NUL bytes.
  const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
  write('binary.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise]));
  // Noise without a single NUL byte, which decodes "successfully" as GB18030.
  write('binary-no-nul.yaml', noise.map((b) => (b === 0 ? 1 : b)));
  write('unclosed-quote.yaml', 'kind: 工作总结\ntitle: "未闭合\nunit: 单位\n');
  write('bad-indent.yaml', 'kind: 工作总结\ntitle: 标题\n  unit: 单位\n');
  write('two-documents.yaml', `${VALID}---\n${VALID}`);
  write('unknown-alias.yaml', `${VALID}extra: {a: *nowhere}\n`);
  write('nested-duplicate.yaml', `${VALID}  - heading: 甲\n    heading: 乙\n`);
  write('invalid-utf8-bom.yaml', new Uint8Array([0xef, 0xbb, 0xbf, 0x6b, 0xff, 0xfe, 0xfd]));
  // 60 aliases (under the count) that repeat a 20,000-character text: 1.2 million characters.
  write('wide-aliases.yaml', `${VALID}extra:\n  text: &t "${'长'.repeat(20_000)}"\n  copies: [${Array(60).fill('*t').join(', ')}]\n`);
  // Nesting through aliases: each anchor holds 40 levels and the previous anchor.
  const chain = ['a1: &a1 ' + '['.repeat(40) + ']'.repeat(40)];
  for (let i = 2; i <= 4; i++) chain.push(`a${i}: &a${i} ${'['.repeat(40)}*a${i - 1}${']'.repeat(40)}`);
  write('deep-aliases.yaml', `kind: 工作总结\ntitle: 深\nunit: 单位\nextra:\n  ${chain.join('\n  ')}\n`);
  write('deep-flow-seq.yaml', nested('[', ']', 20_000));
  write('deep-flow-map.yaml', nested('{a: ', '}', 20_000));
  write('deep-unclosed.yaml', `kind: 工作总结\ntitle: 深\nunit: 单位\nextra: ${'['.repeat(20_000)}\n`);
  write('deep-compact-seq.yaml', `kind: 工作总结\ntitle: 深\nunit: 单位\nextra:\n  ${'- '.repeat(20_000)}x\n`);
  write('deep-explicit-keys.yaml', `kind: 工作总结\ntitle: 深\nunit: 单位\nextra:\n  ${'? '.repeat(20_000)}x\n`);
  // Block indentation grows quadratically: 1,000 levels is what fits under the size limit.
  write('deep-indent.yaml', `kind: 工作总结\ntitle: 深\nunit: 单位\nextra:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`);
  write('too-large.yaml', Buffer.alloc(50 * 1024 * 1024, 'a'));
  // 38,000 wrong metrics in under 1 MiB: the list of problems is capped.
  write('many-errors.yaml', `kind: 工作总结\ntitle: 多\nunit: 单位\nmetrics:\n${'  - {name: 甲, value: -1}\n'.repeat(38_000)}`);
});

interface Hostile {
  name: string;
  /** Where it comes from: the fixtures folder or the scratch folder. */
  fixture?: boolean;
  /** The first problem reported, as printed. */
  first: RegExp;
}

const MUST_FAIL: Hostile[] = [
  { name: 'empty.yaml', first: /^empty\.yaml:1:1: the file is empty \(write a record: kind:, title:, unit:, …\)$/ },
  { name: 'binary.yaml', first: /^binary\.yaml: the file looks binary, not text \(give a text file\)$/ },
  { name: 'binary-no-nul.yaml', first: /^binary-no-nul\.yaml: the file looks binary, not text \(give a text file\)$/ },
  { name: 'invalid-utf8-bom.yaml', first: /^invalid-utf8-bom\.yaml: the file is not text in a known encoding \(save it as UTF-8\)$/ },
  { name: 'syntax-error.yaml', fixture: true, first: /^syntax-error\.yaml:\d+:\d+: .+ \(fix the YAML syntax\)$/ },
  { name: 'unclosed-quote.yaml', first: /^unclosed-quote\.yaml:\d+:\d+: .+ \(fix the YAML syntax\)$/ },
  { name: 'bad-indent.yaml', first: /^bad-indent\.yaml:2:8: .+ \(fix the YAML syntax\)$/ },
  { name: 'two-documents.yaml', first: /^two-documents\.yaml:9:1: the file holds more than one YAML document \(a second `---`\) \(one record per file: split it\)$/ },
  { name: 'duplicate-keys.yaml', fixture: true, first: /^duplicate-keys\.yaml:4:1: the field `title` appears twice in this mapping \(remove or rename one of the keys\)$/ },
  { name: 'nested-duplicate.yaml', first: /^nested-duplicate\.yaml:10:5: the field `heading` appears twice in this mapping \(remove or rename one of the keys\)$/ },
  { name: 'list-root.yaml', fixture: true, first: /^list-root\.yaml:1:1: the file holds a list, not a record \(.+\)$/ },
  { name: 'scalar-root.yaml', fixture: true, first: /^scalar-root\.yaml:1:1: the file holds a single value, not a record \(.+\)$/ },
  { name: 'billion-laughs.yaml', fixture: true, first: /^billion-laughs\.yaml:\d+:\d+: more than 100 aliases \(\*name\) \(write the values out; .+\)$/ },
  { name: 'wide-aliases.yaml', first: /^wide-aliases\.yaml:\d+:\d+: aliases repeat more than 1,000,000 values and characters \(write the values out; .+\)$/ },
  { name: 'unknown-alias.yaml', first: /^unknown-alias\.yaml:9:12: the alias \*nowhere refers to no anchor &nowhere before it \(define &nowhere first\)$/ },
  { name: 'deep-aliases.yaml', first: /^deep-aliases\.yaml:\d+:\d+: the YAML is nested more than 100 levels deep \(counting what aliases repeat\) \(flatten the structure; .+\)$/ },
  { name: 'deep-flow-seq.yaml', first: /^deep-flow-seq\.yaml:4:\d+: the YAML is nested more than 100 levels deep \(flatten the structure; a record needs only a few levels\)$/ },
  { name: 'deep-flow-map.yaml', first: /^deep-flow-map\.yaml:4:\d+: the YAML is nested more than 100 levels deep \(.+\)$/ },
  { name: 'deep-unclosed.yaml', first: /^deep-unclosed\.yaml:4:\d+: the YAML is nested more than 100 levels deep \(.+\)$/ },
  { name: 'deep-compact-seq.yaml', first: /^deep-compact-seq\.yaml:5:\d+: the YAML is nested more than 100 levels deep \(.+\)$/ },
  { name: 'deep-explicit-keys.yaml', first: /^deep-explicit-keys\.yaml:5:\d+: the YAML is nested more than 100 levels deep \(.+\)$/ },
  { name: 'deep-indent.yaml', first: /^deep-indent\.yaml:\d+:\d+: the YAML is nested more than 100 levels deep \(.+\)$/ },
  { name: 'too-large.yaml', first: /^too-large\.yaml: file is 52428800 bytes, more than the limit of 1048576 \(split it, or raise REPORT_MAX_INPUT_BYTES\)$/ },
  { name: 'wrong-types.yaml', fixture: true, first: /^wrong-types\.yaml:2:7: `kind` is 5, expected one of 工作总结, 实施意见, 情况汇报, summary, plan, briefing$/ },
  { name: 'impossible-dates.yaml', fixture: true, first: /^impossible-dates\.yaml:4:7: `date` is not a real date \(found "2024-02-30"\) \(write YYYY-MM-DD, YYYY-MM or YYYY\)$/ },
  { name: 'bad-metrics.yaml', fixture: true, first: /^bad-metrics\.yaml:6:23: `metrics\[0\]\.value` must be 0 or more \(found -1\) \(correct the number\)$/ },
];

describe('inputs that must fail cleanly (exit 1, one line per problem, no stack trace, < 5 s, 256 MB heap)', () => {
  for (const hostile of MUST_FAIL) {
    it(hostile.name, () => {
      const cwd = hostile.fixture ? HOSTILE : dir;
      const out = path.join(scratch('report-hardening-out-'), 'out');
      const built = timed(`build ${hostile.name}`, ['build', hostile.name, '-o', out], { cwd });
      expect(built.status, built.stderr).toBe(EXIT.invalidInput);
      expect(built.stdout).toBe('');
      expect(built.stderr.split('\n')[0]).toMatch(hostile.first);
      expectCleanMessages(built.stderr, hostile.name);
      expect(built.stderr).toMatch(/^built 0, failed 1, /m);
      expect(built.ms).toBeLessThan(SECONDS * 1000);
      expect(existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith('.report-manifest')) : []).toEqual([]);

      const checked = timed(`check ${hostile.name}`, ['check', hostile.name], { cwd });
      expect(checked.status, checked.stderr).toBe(EXIT.invalidInput);
      expect(checked.stderr.split('\n')[0]).toMatch(hostile.first);
      expectCleanMessages(checked.stderr, hostile.name);
      expect(checked.ms).toBeLessThan(SECONDS * 1000);
    });
  }

  it('reports a wrong type in every field, each at its position', () => {
    const r = report(['check', 'wrong-types.yaml'], { cwd: HOSTILE });
    const fields = [
      'kind', 'title', 'unit', 'date', 'period', 'script', 'dictionary', 'intro', 'sections', 'activities[0].title', 'activities[0].category',
      'activities[0].participants', 'activities[0].text', 'activities[1]', 'honors[0].date', 'honors[0].by', 'honors[0].level', 'honors[0].recipient',
      'metrics[0].name', 'metrics[0].unit', 'closing', 'extra',
    ];
    for (const field of fields) expect(r.stderr, field).toMatch(new RegExp(`^wrong-types\\.yaml:\\d+:\\d+: \`${field.replace(/[[\].]/g, '\\$&')}\` `, 'm'));
  });

  it('reports every impossible date and every bad metric', () => {
    const dates = report(['check', 'impossible-dates.yaml'], { cwd: HOSTILE }).stderr;
    for (const [field, value] of [['date', '2024-02-30'], ['period.from', '2023-02-29'], ['period.to', '2024-04-31'], ['activities[0].date', '2024-13-01'], ['activities[1].date', '2024-00'], ['honors[0].date', '2024-06-31']]) {
      expect(dates).toContain(`\`${field}\` is not a real date (found "${value}")`);
    }
    const metrics = report(['check', 'bad-metrics.yaml'], { cwd: HOSTILE }).stderr;
    for (const expected of ['`metrics[0].value` must be 0 or more (found -1)', '`metrics[1].value` must be a number (found "很多")', '`metrics[2].previous` must be 0 or more (found -2)', '`metrics[3].value` must be a number (found NaN)', '`metrics[4].value` must be a number (found Infinity)', '`metrics[5].value` must be a number (found "12")', 'missing required field `metrics[6].value`']) {
      expect(metrics).toContain(expected);
    }
  });

  // Files at the size limit in the costliest shapes: about 2 s of CPU each on an idle machine
  // (the YAML parser's cost); the bound here is looser because the test suite loads the machine.
  const LIMIT_SIZED_MS = 20_000;

  it('lists at most 100 problems of one file, then counts the rest', () => {
    const r = timed('check many-errors.yaml', ['check', 'many-errors.yaml'], { cwd: dir });
    expect(r.status).toBe(EXIT.invalidInput);
    expect(r.ms).toBeLessThan(LIMIT_SIZED_MS);
    expect(r.stderr.split('\n')[0]).toBe('many-errors.yaml:5:22: `metrics[0].value` must be 0 or more (found -1) (correct the number)');
    expectCleanMessages(r.stderr, 'many-errors.yaml');
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('many-errors.yaml'));
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe('many-errors.yaml: 37900 more problems not shown (37900 errors, 0 warnings or notes) (fix the ones above first)');
  });

  it('takes the size limit from REPORT_MAX_INPUT_BYTES', () => {
    write('limit/record.yaml', VALID);
    const refused = report(['check', 'limit/record.yaml'], { cwd: dir, env: { REPORT_MAX_INPUT_BYTES: '100' } });
    expect(refused.status).toBe(EXIT.invalidInput);
    expect(refused.stderr).toMatch(/^limit\/record\.yaml: file is \d+ bytes, more than the limit of 100 \(split it, or raise REPORT_MAX_INPUT_BYTES\)$/m);
    // 1.2 MB: refused by default, read when the limit is raised.
    write('limit/long.yaml', `${VALID}closing: ${'长'.repeat(400_000)}\n`);
    expect(report(['check', 'limit/long.yaml'], { cwd: dir }).status).toBe(EXIT.invalidInput);
    expect(report(['check', 'limit/long.yaml'], { cwd: dir, env: { REPORT_MAX_INPUT_BYTES: String(4 * 1024 * 1024) } }).status).toBe(EXIT.ok);
  });

  it('is linear in the number of keys (the yaml package checks duplicates in quadratic time)', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: v\n`).join('');
    write('many-keys.yaml', `${VALID}extra:\n${keys}`);
    const r = timed('check many-keys.yaml', ['check', 'many-keys.yaml'], { cwd: dir });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.ms).toBeLessThan(LIMIT_SIZED_MS);
  });
});

/** Every XML part of a Word file is well-formed. */
function expectWellFormedDocx(file: string): Record<string, string> {
  const parts = readDocx(file);
  for (const [name, xml] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) expect(XMLValidator.validate(xml), `${file}: ${name}`).toBe(true);
  return parts;
}

const CONTROLS = 'kind: 工作总结\ntitle: "控制\\x01字符标题"\nunit: 单位\x07名称\ndate: 2024-12-18\n' +
  'intro: "C0：甲\\x02乙\\x1F丙；孤立代理：丁\\uD800戊\\uDC00己；零宽：庚\\u200B辛\\u200C壬\\u200D癸\\uFEFF子；双向：丑\\u202A寅\\u202B卯\\u202C辰\\u202D巳\\u202E午\\u2066未\\u2067申\\u2068酉\\u2069戌。"\n' +
  'sections:\n  - heading: "标题\\u202E反向"\n    text: 正文\x0b含有\x1b原始控制字符。\n';

/** `text` as UTF-8 with `needle` replaced by the given bytes. */
function spliced(text: string, needle: string, bytes: Buffer): Buffer {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`no ${needle} in the text`);
  return Buffer.concat([Buffer.from(text.slice(0, at)), bytes, Buffer.from(text.slice(at + needle.length))]);
}

describe('inputs that must build', () => {
  const text = VALID;
  const traditional = 'kind: summary\ntitle: 二〇二四年度精神文明創建工作總結\nunit: 北戴河區政務服務中心\ndate: 2024-12-18\nintro: 兩年來，在區委、區政府的正確領導下，中心緊緊圍繞精神文明建設工作的統一部署和要求，積極推動各項工作深入開展。\n';
  const cases: Array<[string, () => Uint8Array | string, RegExp | undefined, string]> = [
    ['utf8-bom.yaml', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), undefined, '成立工作领导小组。'],
    ['utf16le-bom.yaml', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), undefined, '成立工作领导小组。'],
    ['utf16be-bom.yaml', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), undefined, '成立工作领导小组。'],
    ['gbk.yaml', () => iconv.encode(text, 'gbk'), /^gbk\.yaml: note: not UTF-8; read as GB18030 \(save it as UTF-8 to be sure\)$/m, '成立工作领导小组。'],
    ['gb18030.yaml', () => iconv.encode(text.replace('成立工作领导小组。', '成立工作领导小组𠀀。'), 'gb18030'), /read as GB18030/, '成立工作领导小组𠀀。'],
    ['big5.yaml', () => iconv.encode(traditional, 'big5'), /^big5\.yaml: note: not UTF-8; read as Big5 \(save it as UTF-8 to be sure\)$/m, '兩年來，在區委、區政府的正確領導下'],
    // UTF-8 with a few stray bytes stays UTF-8: the strays are read as Latin-1 and repaired.
    ['utf8-cp1252-quotes.yaml', () => spliced(text, '成立工作领导小组。', Buffer.concat([Buffer.from('成立'), Buffer.from([0x93]), Buffer.from('工作领导小组'), Buffer.from([0x94]), Buffer.from('。')])), /^utf8-cp1252-quotes\.yaml:\d+:\d+: warning: 2 byte\(s\) here and after are not UTF-8/m, '成立“工作领导小组”。'],
    ['utf8-bom-stray.yaml', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), spliced(text, '成立工作领导小组。', Buffer.concat([Buffer.from('成立'), Buffer.from([0x93]), Buffer.from('工作领导小组'), Buffer.from([0x94]), Buffer.from('。')]))]), /warning: 2 byte\(s\) here and after are not UTF-8/, '成立“工作领导小组”。'],
    ['utf8-gbk-word.yaml', () => spliced(text, '成立工作领导小组。', Buffer.concat([Buffer.from('成立'), iconv.encode('工作领导小组', 'gbk'), Buffer.from('。')])), /warning: \d+ byte\(s\) here and after are not UTF-8/, '成立工作领导小组。'],
    // Traditional text saved as GBK: Big5 cannot read all of its pairs, GB18030 reads them whole.
    ['gbk-traditional.yaml', () => iconv.encode(traditional, 'gbk'), /^gbk-traditional\.yaml: note: not UTF-8; read as GB18030/m, '兩年來，在區委、區政府的正確領導下'],
    ['crlf.yaml', () => text.replace(/\n/g, '\r\n'), undefined, '成立工作领导小组。'],
    ['tabs.yaml', () => 'kind:\t工作总结\ntitle:\t标题\t含制表符\nunit: 单位\ndate: 2024-12-18\nsections:\n\t- heading: 强化组织领导\n\t  text: "甲\t乙"\n', /^tabs\.yaml:6:1: warning: the file is indented with tabs, which YAML does not allow; each leading tab was read as 4 spaces \(indent with spaces\)$/m, '强化组织领导'],
    ['controls.yaml', () => CONTROLS, /^controls\.yaml: warning: \d+ characters? not allowed in a Word file (was|were) removed \(they are control characters; delete them from the record\)$/m, '原始控制字符。'],
    ['prototype-keys.yaml', () => readFileSync(path.join(HOSTILE, 'prototype-keys.yaml')), undefined, '键名 __proto__、constructor、prototype 只是数据。'],
  ];

  for (const [name, bytes, message, expected] of cases) {
    it(name, () => {
      write(`build/${name}`, bytes());
      const r = timed(`build ${name}`, ['build', name, '-o', 'out', '--format', 'both'], { cwd: path.join(dir, 'build') });
      expect(r.status, r.stderr).toBe(EXIT.ok);
      if (message) expect(r.stderr).toMatch(message);
      expectCleanMessages(r.stderr, name);
      expect(r.ms).toBeLessThan(SECONDS * 1000);
      const base = path.join(dir, 'build', 'out', name.replace(/\.yaml$/, ''));
      const parts = expectWellFormedDocx(`${base}.docx`);
      expect(paragraphTexts(parts['word/document.xml']!).join('\n')).toContain(expected);
      expect(readFileSync(`${base}.md`, 'utf8')).toContain(expected.replace(/_/g, '\\_'));
    });
  }

  it('strips C0 controls, lone surrogates, zero-width and bidi characters from the Word file, saying which', () => {
    const r = report(['build', 'controls.yaml', '-o', 'out2'], { cwd: path.join(dir, 'build') });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    // Title, unit, intro and text: \x01 \x07 \x02 \x1F \uD800 \uDC00 \x0b \x1b; the metadata repeats the title and unit.
    expect(r.stderr).toContain('controls.yaml: warning: 8 characters not allowed in a Word file were removed (they are control characters; delete them from the record)');
    expect(r.stderr).toContain(
      'controls.yaml: warning: 14 invisible characters removed from the Word file: 1 × U+200B ZERO WIDTH SPACE, 1 × U+200C ZERO WIDTH NON-JOINER, 1 × U+200D ZERO WIDTH JOINER, ' +
        '1 × U+202A LEFT-TO-RIGHT EMBEDDING, 1 × U+202B RIGHT-TO-LEFT EMBEDDING, 1 × U+202C POP DIRECTIONAL FORMATTING, 1 × U+202D LEFT-TO-RIGHT OVERRIDE, 2 × U+202E RIGHT-TO-LEFT OVERRIDE, ' +
        '1 × U+2066 LEFT-TO-RIGHT ISOLATE, 1 × U+2067 RIGHT-TO-LEFT ISOLATE, 1 × U+2068 FIRST STRONG ISOLATE, 1 × U+2069 POP DIRECTIONAL ISOLATE, 1 × U+FEFF ZERO WIDTH NO-BREAK SPACE ' +
        '(they hide or reorder text; delete them from the record)',
    );
    const parts = expectWellFormedDocx(path.join(dir, 'build', 'out2', 'controls.docx'));
    for (const [name, xml] of Object.entries(parts)) {
      // eslint-disable-next-line no-control-regex
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]|[\uD800-\uDFFF]/);
    }
    const body = paragraphTexts(parts['word/document.xml']!).join('\n');
    expect(body).toContain('C0：甲乙丙；孤立代理：丁戊己；零宽：庚辛壬癸子；双向：丑寅卯辰巳午未申酉戌。');
    expect(body).toContain('标题反向');
    expect(body).toContain('正文含有原始控制字符。');
    expect(parts['docProps/core.xml']).toContain('<dc:title>控制字符标题</dc:title>');
  });
});

describe('very long paragraphs and many sections', () => {
  const paragraph = Array.from({ length: 100_000 }, (_, i) => '我们坚持以人民为中心推进各项工作取得明显成效'[i % 22]).join('');
  it('builds a 100,000-character paragraph and 1,000 sections', () => {
    write('big/long-paragraph.yaml', `kind: 工作总结\ntitle: 长段落\nunit: 单位\ndate: 2024-12-18\nintro: ${paragraph}\n`);
    write('big/sections.yaml', `kind: 工作总结\ntitle: 一千个部分\nunit: 单位\ndate: 2024-12-18\nsections:\n${Array.from({ length: 1000 }, (_, i) => `  - heading: 第${i + 1}部分\n    text: 第${i + 1}部分的正文。\n`).join('')}`);
    const r = timed('build long-paragraph.yaml sections.yaml', ['build', 'long-paragraph.yaml', 'sections.yaml', '-o', 'out', '-j', '1'], { cwd: path.join(dir, 'big') });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.ms).toBeLessThan(30_000);
    const long = expectWellFormedDocx(path.join(dir, 'big', 'out', 'long-paragraph.docx'));
    expect(paragraphTexts(long['word/document.xml']!)).toContain(paragraph);
    const sections = paragraphTexts(expectWellFormedDocx(path.join(dir, 'big', 'out', 'sections.docx'))['word/document.xml']!);
    expect(sections.filter((p) => /^第\d+部分的正文。$/.test(p))).toHaveLength(1000);
  });
});

describe.skipIf(!tools.ok)('odd Word files open in LibreOffice', () => {
  it('converts the files with controls, a 100,000-character paragraph and 1,000 sections to PDF', async () => {
    if (!tools.ok) return;
    const docx = [path.join(dir, 'build', 'out2', 'controls.docx'), path.join(dir, 'big', 'out', 'long-paragraph.docx'), path.join(dir, 'big', 'out', 'sections.docx')];
    for (const file of docx) expect(existsSync(file), `${file} (built by the tests above)`).toBe(true);
    const pdfDir = path.join(dir, 'pdf');
    const converted = await convertToPdf(docx, { soffice: tools.tools.soffice, outDir: pdfDir });
    const texts = converted.map((c) => {
      expect(c.ok, c.ok ? '' : c.message).toBe(true);
      const run = spawnSync(tools.tools.pdftotext, ['-enc', 'UTF-8', c.ok ? c.pdf : '', '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(run.status).toBe(0);
      return run.stdout;
    });
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(squeeze(texts[0]!)).toContain('C0：甲乙丙；孤立代理：丁戊己；零宽：庚辛壬癸子；双向：丑寅卯辰巳午未申酉戌。');
    // 100,000 characters at 22 lines of 28 per page: at least 160 pages.
    expect(texts[1]!.split('\f').length).toBeGreaterThan(160);
    expect(squeeze(texts[2]!)).toContain('第1000部分的正文。');
  });
});

describe('prototype keys under extra: are data', () => {
  it('builds through the binary', () => {
    const r = report(['build', 'prototype-keys.yaml', '-o', path.join(scratch(), 'out')], { cwd: HOSTILE });
    expect(r.status, r.stderr).toBe(EXIT.ok);
  });

  it('reaches templates as data and pollutes nothing, in this process', async () => {
    const rendered = await renderFile(path.join(HOSTILE, 'prototype-keys.yaml'), { templateFile: path.join(HOSTILE, 'prototype.md.hbs') });
    expect(rendered.ok, JSON.stringify(rendered.diagnostics)).toBe(true);
    if (!rendered.ok) return;
    await toDocx(rendered.value);
    expect(rendered.value.markdown).toContain('proto=甲 constructor=乙 prototype=丙 nested=丁');
    expect(rendered.value.markdown).toContain('keys=\\_\\_proto\\_\\_;constructor;prototype;nested;');
    const extra = rendered.value.record.extra;
    expect(Object.getPrototypeOf(extra)).toBeNull();
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor', 'prototype', 'nested']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('pollutes nothing in a fresh process that loads the record through the library API', () => {
    const script = `
      import { renderFile, toDocx } from ${JSON.stringify(path.join(ROOT, 'dist', 'index.js'))};
      const rendered = await renderFile(${JSON.stringify(path.join(HOSTILE, 'prototype-keys.yaml'))}, { templateFile: ${JSON.stringify(path.join(HOSTILE, 'prototype.md.hbs'))} });
      const docx = rendered.ok ? await toDocx(rendered.value) : undefined;
      console.log(JSON.stringify({ ok: rendered.ok, polluted: ({}).polluted ?? null, inherited: 'polluted' in {}, constructorPolluted: Object.polluted ?? null, markdown: rendered.ok ? rendered.value.markdown : '', docx: docx ? docx.bytes.length : 0 }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { ok: boolean; polluted: unknown; inherited: boolean; constructorPolluted: unknown; markdown: string; docx: number };
    expect(result).toMatchObject({ ok: true, polluted: null, inherited: false, constructorPolluted: null });
    expect(result.markdown).toContain('proto=甲 constructor=乙 prototype=丙 nested=丁');
    expect(result.docx).toBeGreaterThan(0);
  });
});

describe('output names', () => {
  it('are made portable: reserved device names, \\ / : * ? " < > |, trailing dots and spaces', () => {
    expect(portableName('CON')).toBe('CON_');
    expect(portableName('con.2024')).toBe('con_.2024');
    expect(portableName('Lpt9')).toBe('Lpt9_');
    expect(portableName('COM1.report.final')).toBe('COM1_.report.final');
    expect(portableName('nul ')).toBe('nul_');
    expect(portableName('console')).toBe('console');
    expect(portableName('a:b*c?d"e<f>g|h\\i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(portableName('tab\there')).toBe('tab_here');
    expect(portableName('trailing. . ')).toBe('trailing');
    expect(portableName('...')).toBe('_');
    expect(portableName('')).toBe('_');
    expect(portableName('2024年度工作总结')).toBe('2024年度工作总结');
    expect(Buffer.byteLength(portableName('长'.repeat(200)))).toBeLessThanOrEqual(200);
    expect(outputBase({ file: '/in/sub:dir/CON.yaml', root: '/in' }, '/out')).toBe(path.join('/out', 'sub_dir', 'CON_'));
    expect(outputBase({ file: '/in/.yaml' }, '/out')).toBe(path.join('/out', '_'));
  });

  it('come from file names, never from record text', () => {
    const names = ['CON.yaml', 'aux.2024.yaml', 'lpt9.yml', 'a:b*c?.yaml', 'q"<>|.yaml', 'back\\slash.yaml', 'trail. .yaml', '.yaml'];
    for (const name of names) write(`names/${name}`, VALID.replace('2024年度工作总结', '../../../etc/passwd'));
    const r = report(['build', ...names, '-o', 'out'], { cwd: path.join(dir, 'names') });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(readdirSync(path.join(dir, 'names', 'out')).filter((f) => !f.startsWith('.report-manifest')).sort()).toEqual(
      ['CON_.docx', 'aux_.2024.docx', 'lpt9_.docx', 'a_b_c_.docx', 'q____.docx', 'back_slash.docx', 'trail.docx', '_.docx'].sort(),
    );
    expect(existsSync(path.join(dir, 'etc'))).toBe(false);
  });
});

describe('the output folder and symbolic links', () => {
  let work = '';
  let outside = '';
  beforeAll(() => {
    const base = scratch('report-symlinks-');
    work = path.join(base, 'work');
    outside = path.join(base, 'outside');
    mkdirSync(work);
    mkdirSync(outside);
    writeFileSync(path.join(work, 'record.yaml'), VALID);
    symlinkSync(outside, path.join(work, 'link-out'));
    mkdirSync(path.join(work, 'inside'));
    symlinkSync(path.join(work, 'inside'), path.join(work, 'link-in'));
  });

  it('refuses -o through a link that leads out of the working folder, naming the real path', () => {
    const r = report(['build', 'record.yaml', '-o', 'link-out'], { cwd: work });
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toBe(`report: link-out: leads through a symbolic link to ${outside}, outside the working folder (to write there, give its real path: ${outside})\n`);
    const below = report(['build', 'record.yaml', '-o', 'link-out/sub'], { cwd: work });
    expect(below.status).toBe(EXIT.usage);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('writes outside when given the real path, or any path outside, and through links that stay inside', () => {
    expect(report(['build', 'record.yaml', '-o', outside], { cwd: work }).status).toBe(EXIT.ok);
    expect(existsSync(path.join(outside, 'record.docx'))).toBe(true);
    // Named outside the working folder: taken as meant, links included.
    symlinkSync(outside, path.join(path.dirname(work), 'alias-of-outside'));
    expect(report(['build', 'record.yaml', '-o', '../alias-of-outside/via-alias'], { cwd: work }).status).toBe(EXIT.ok);
    expect(existsSync(path.join(outside, 'via-alias', 'record.docx'))).toBe(true);
    expect(report(['build', 'record.yaml', '-o', 'link-in'], { cwd: work }).status).toBe(EXIT.ok);
    expect(existsSync(path.join(work, 'inside', 'record.docx'))).toBe(true);
  });

  it('does not follow a link planted inside the output folder', () => {
    mkdirSync(path.join(work, 'records', 'sub'), { recursive: true });
    writeFileSync(path.join(work, 'records', 'sub', 'x.yaml'), VALID);
    mkdirSync(path.join(work, 'planted'));
    symlinkSync(path.join(outside, 'sub-target'), path.join(work, 'planted', 'sub'));
    mkdirSync(path.join(outside, 'sub-target'));
    const r = report(['build', 'records', '-o', 'planted'], { cwd: work });
    expect(r.status).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/^records\/sub\/x\.yaml: cannot write x\.docx \(.*leads through a symbolic link to .*sub-target, outside the working folder/m);
    expect(readdirSync(path.join(outside, 'sub-target'))).toEqual([]);
  });

  it('replaces an output that is a link instead of writing through it', async () => {
    writeFileSync(path.join(outside, 'victim.txt'), 'keep me');
    mkdirSync(path.join(work, 'replaced'));
    symlinkSync(path.join(outside, 'victim.txt'), path.join(work, 'replaced', 'record.docx'));
    expect(report(['build', 'record.yaml', '-o', 'replaced'], { cwd: work }).status).toBe(EXIT.ok);
    expect(readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(path.join(work, 'replaced', 'record.docx')).subarray(0, 2).toString()).toBe('PK');
    await expect(writeFileAtomic(path.join(work, 'link-out', 'x.md'), 'x', { cwd: work })).rejects.toThrow(/leads through a symbolic link/);
  });
});

describe('a failed build', () => {
  const temps = (folder: string): string[] =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));

  it('leaves the earlier output untouched and no temporary file', () => {
    write('atomic/record.yaml', VALID);
    write('atomic/other.yaml', VALID.replace('滨河区', '河西区'));
    const cwd = path.join(dir, 'atomic');
    const first = report(['build', 'record.yaml', 'other.yaml', '-o', 'out', '--format', 'both'], { cwd });
    expect(first.status, first.stderr).toBe(EXIT.ok);
    const before = readFileSync(path.join(cwd, 'out', 'record.docx'));
    const beforeMd = readFileSync(path.join(cwd, 'out', 'record.md'), 'utf8');
    // Broken in every way a build can fail before writing.
    for (const broken of ['', 'kind: [', `${VALID}title: again\n`, nested('[', ']', 20_000), VALID.replace('2024-12-18', '2024-02-30')]) {
      write('atomic/record.yaml', broken);
      const r = report(['build', 'record.yaml', 'other.yaml', '-o', 'out', '--format', 'both'], { cwd });
      expect(r.status, r.stderr).toBe(EXIT.partial);
      expect(readFileSync(path.join(cwd, 'out', 'record.docx')).equals(before)).toBe(true);
      expect(readFileSync(path.join(cwd, 'out', 'record.md'), 'utf8')).toBe(beforeMd);
      expect(temps(path.join(cwd, 'out'))).toEqual([]);
    }
  });

  it('removes its temporary file when the write itself fails', () => {
    write('atomic2/record.yaml', VALID);
    write('atomic2/other.yaml', VALID);
    const cwd = path.join(dir, 'atomic2');
    // The output's place is taken by a folder that is not empty: the rename fails.
    mkdirSync(path.join(cwd, 'out', 'record.docx', 'x'), { recursive: true });
    const r = report(['build', 'record.yaml', 'other.yaml', '-o', 'out'], { cwd });
    expect(r.status, r.stderr).toBe(EXIT.partial);
    expect(r.stderr).toMatch(/^record\.yaml: cannot write record\.docx \(E[A-Z]+\) \(a folder has the output’s name: rename or remove it\)/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(cwd, 'out', 'other.docx'))).toBe(true);
    expect(temps(path.join(cwd, 'out'))).toEqual([]);
  });

  it('with --format both, writes both outputs or neither', async () => {
    write('atomic3/record.yaml', VALID);
    const cwd = path.join(dir, 'atomic3');
    const out = path.join(cwd, 'out');
    // An earlier .md, and the .docx's place taken by a folder: the new .md must not stay.
    expect(report(['preview', 'record.yaml', '-o', 'out/record.md'], { cwd }).status).toBe(EXIT.ok);
    const earlier = `${readFileSync(path.join(out, 'record.md'), 'utf8')}(earlier)\n`;
    writeFileSync(path.join(out, 'record.md'), earlier);
    mkdirSync(path.join(out, 'record.docx', 'x'), { recursive: true });
    write('atomic3/record.yaml', VALID.replace('滨河区', '河西区'));
    const r = report(['build', 'record.yaml', '-o', 'out', '--format', 'both'], { cwd });
    expect(r.status, r.stderr).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/^record\.yaml: cannot write record\.docx \(E[A-Z]+\) \(a folder has the output’s name: rename or remove it\)/m);
    expect(readFileSync(path.join(out, 'record.md'), 'utf8')).toBe(earlier);
    expect(temps(out)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['record.docx', 'record.md']);
    // No earlier output at all: neither file is left.
    const fresh = path.join(cwd, 'fresh');
    mkdirSync(path.join(fresh, 'record.docx', 'x'), { recursive: true });
    expect(report(['build', 'record.yaml', '-o', 'fresh', '--format', 'both'], { cwd }).status).toBe(EXIT.invalidInput);
    expect(readdirSync(fresh)).toEqual(['record.docx']);
    // An earlier .md that is a symbolic link comes back as that link, its target untouched.
    const linked = path.join(cwd, 'linked');
    mkdirSync(path.join(linked, 'record.docx', 'x'), { recursive: true });
    writeFileSync(path.join(cwd, 'elsewhere.md'), 'keep me');
    symlinkSync(path.join(cwd, 'elsewhere.md'), path.join(linked, 'record.md'));
    expect(report(['build', 'record.yaml', '-o', 'linked', '--format', 'both'], { cwd }).status).toBe(EXIT.invalidInput);
    expect(readlinkSync(path.join(linked, 'record.md'))).toBe(path.join(cwd, 'elsewhere.md'));
    expect(readFileSync(path.join(cwd, 'elsewhere.md'), 'utf8')).toBe('keep me');
    expect(readdirSync(linked).sort()).toEqual(['record.docx', 'record.md']);
    // The library function: a file whose folder cannot be made stops the others before any rename.
    writeFileSync(path.join(cwd, 'blocker'), '');
    await expect(writeFilesAtomic([[path.join(out, 'record.md'), 'new'], [path.join(cwd, 'blocker', 'x.docx'), 'new']], { cwd })).rejects.toThrow(/ENOTDIR/);
    expect(readFileSync(path.join(out, 'record.md'), 'utf8')).toBe(earlier);
    expect(temps(cwd)).toEqual([]);
  });
});

describe('exit codes', () => {
  it('the README table lists exactly the codes of src/cli/exit-codes.ts', () => {
    const readme = readFileSync(path.join(ROOT, 'README.en.md'), 'utf8');
    const section = /^### Exit codes\n([\s\S]*?)(?=^#)/m.exec(readme)?.[1] ?? '';
    const rows = [...section.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => [Number(m[1]), m[2]!] as const);
    expect(rows.map(([code]) => code)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
    const meaning = new Map(rows);
    expect(meaning.get(EXIT.invalidInput)).toMatch(/^invalid input/);
    expect(meaning.get(EXIT.usage)).toMatch(/^usage error/);
    expect(meaning.get(EXIT.partial)).toMatch(/^partial failure/);
    expect(meaning.get(EXIT.internal)).toMatch(/^internal error/);
    expect(meaning.get(EXIT.interrupted)).toMatch(/^interrupted/);
  });

  it('an internal error is one line, with the stack trace only under --debug', async () => {
    const io = (stderr: string[]): CliHost => ({
      stdout: () => {
        throw new Error('disk on fire');
      },
      stderr: (text: string) => void stderr.push(text),
      cwd: dir,
      env: {},
      now: () => new Date(),
      stdin: async () => new Uint8Array(),
      stderrIsTTY: false,
      onInterrupt: () => () => undefined,
    });
    const plain: string[] = [];
    expect(await run(['schema'], io(plain))).toBe(EXIT.internal);
    expect(plain.join('')).toBe('report: internal error: disk on fire (run again with --debug for details)\n');
    const debug: string[] = [];
    expect(await run(['--debug', 'schema'], io(debug))).toBe(EXIT.internal);
    expect(debug.join('')).toMatch(/^report: internal error: disk on fire\nError: disk on fire\n\s+at /);
  });

  it('a failed write is one line and exit 1, not an internal error', () => {
    const r = report(['preview', path.join(HOSTILE, 'prototype-keys.yaml'), '-o', '/proc/report-cannot-write-here/x.md'], { cwd: dir });
    expect(r.status).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/^report: .+ \(.+\)\n$/);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('timings', () => {
  it('prints how long each hostile input took', () => {
    console.log(timings.map(([label, status, ms]) => `${label}: exit ${status}, ${ms} ms`).join('\n'));
    expect(timings.length).toBeGreaterThan(0);
  });
});
