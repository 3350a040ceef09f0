/** The binary as a user runs it: every command, good and bad input, exit codes, no lost files. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, report, scratch } from './support.js';

/** The files of a folder, without the build manifest and other hidden files. */
const listed = (dir: string) => readdirSync(dir).filter((name) => !name.startsWith('.')).sort();

const BROKEN = 'kind: 工作总结\ntitle: 标题\nunit: 单位\nmetrics:\n  - name: 窗口\n    value: 很多\n';
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

function folderWith(files: Record<string, string>): string {
  const dir = scratch();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('report --help / --version', () => {
  it('prints the version', () => {
    const r = report(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
  it('lists the commands, and each command has help', () => {
    const r = report(['--help']);
    expect(r.status).toBe(0);
    for (const command of ['build', 'preview', 'check', 'schema']) expect(r.stdout).toContain(command);
    const build = report(['build', '--help']);
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('--format');
  });
  it('exits 2 on a usage error', () => {
    const r = report(['build', '--no-such-option', 'x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
    expect(report(['frobnicate']).status).toBe(2);
    expect(report(['build']).status).toBe(2);
  });
});

describe('report build', () => {
  it('builds each example into out/<name>.docx', () => {
    const cwd = scratch();
    const r = report(['build', ...EXAMPLES], { cwd });
    expect(r.status).toBe(0);
    // Built in parallel: the lines come in the order the files finish.
    expect(r.stdout.trim().split('\n').sort()).toEqual(['out/briefing.docx', 'out/plan.docx', 'out/summary.docx']);
    expect(r.stderr).toMatch(/^built 3, failed 0, [\d.]+ s\n$/);
    for (const name of ['summary', 'plan', 'briefing']) {
      const bytes = readFileSync(path.join(cwd, 'out', `${name}.docx`));
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('builds a folder recursively, with -o and --format both', () => {
    const dir = folderWith({
      'records/a.yaml': readFileSync(EXAMPLES[0]!, 'utf8'),
      'records/sub/b.yml': readFileSync(EXAMPLES[1]!, 'utf8'),
      'records/notes.txt': 'not a record',
    });
    const r = report(['build', 'records', '-o', 'dist-docs', '--format', 'both'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(listed(path.join(dir, 'dist-docs'))).toEqual(['a.docx', 'a.md', 'sub']);
    expect(listed(path.join(dir, 'dist-docs', 'sub'))).toEqual(['b.docx', 'b.md']);
  });

  it('writes only Markdown with --format md, the same text preview prints', () => {
    const cwd = scratch();
    const r = report(['build', EXAMPLES[2]!, '--format', 'md'], { cwd });
    expect(r.status).toBe(0);
    expect(listed(path.join(cwd, 'out'))).toEqual(['briefing.md']);
    expect(readFileSync(path.join(cwd, 'out', 'briefing.md'), 'utf8')).toBe(report(['preview', EXAMPLES[2]!]).stdout);
  });

  it('builds what it can, reports each failure in one line and exits 3', () => {
    const dir = folderWith({ 'good.yaml': readFileSync(EXAMPLES[0]!, 'utf8'), 'bad.yaml': BROKEN });
    const r = report(['build', 'good.yaml', 'bad.yaml'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(r.stderr.split('\n')).toContain('bad.yaml:6:12: `metrics[0].value` must be a number (found "很多") (write a number here)');
    expect(r.stderr).toMatch(/built 1, failed 1/);
    expect(existsSync(path.join(dir, 'out', 'good.docx'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'bad.docx'))).toBe(false);
    noStackTrace(r.stderr);
  });

  it('leaves an earlier output untouched when the input turns bad, and no temp files', () => {
    const dir = folderWith({ 'doc.yaml': readFileSync(EXAMPLES[0]!, 'utf8') });
    expect(report(['build', 'doc.yaml'], { cwd: dir }).status).toBe(0);
    const before = readFileSync(path.join(dir, 'out', 'doc.docx'));
    writeFileSync(path.join(dir, 'doc.yaml'), BROKEN);
    const r = report(['build', 'doc.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(path.join(dir, 'out', 'doc.docx'))).toEqual(before);
    // No temp files: only the output and the build manifest.
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['.report-manifest.json', 'doc.docx']);
  });

  it('refuses two inputs that would write the same output', () => {
    const dir = folderWith({ 'a/doc.yaml': readFileSync(EXAMPLES[0]!, 'utf8'), 'b/doc.yaml': readFileSync(EXAMPLES[1]!, 'utf8') });
    const r = report(['build', 'a/doc.yaml', 'b/doc.yaml'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('b/doc.yaml: its output would overwrite the output of a/doc.yaml');
  });

  it('says which input does not exist', () => {
    const cwd = scratch();
    const r = report(['build', 'missing.yaml'], { cwd });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.yaml: no such file or folder (check the path)');
    expect(existsSync(path.join(cwd, 'out'))).toBe(false);
  });

  it('accepts UTF-8 with a BOM and CRLF line ends', () => {
    const text = readFileSync(EXAMPLES[1]!, 'utf8').replace(/\n/g, '\r\n');
    const dir = folderWith({});
    writeFileSync(path.join(dir, 'crlf.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const r = report(['build', 'crlf.yaml'], { cwd: dir });
    expect(r.stderr).toMatch(/built 1, failed 0/);
    expect(r.status).toBe(0);
  });
});

describe('report preview', () => {
  it('prints the Markdown, or writes it with -o', () => {
    const r = report(['preview', EXAMPLES[0]!]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('# ')).toBe(true);
    const dir = scratch();
    const w = report(['preview', EXAMPLES[0]!, '-o', 'draft.md'], { cwd: dir });
    expect(w.status).toBe(0);
    expect(w.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'draft.md'), 'utf8')).toBe(r.stdout);
  });
  it('fails on a broken record with a positioned message and no output', () => {
    const dir = folderWith({ 'bad.yaml': BROKEN });
    const r = report(['preview', 'bad.yaml', '-o', 'draft.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('bad.yaml:6:12: `metrics[0].value` must be a number (found "很多") (write a number here)');
    expect(existsSync(path.join(dir, 'draft.md'))).toBe(false);
  });
});

describe('report check', () => {
  it('passes the examples', () => {
    const r = report(['check', 'examples']);
    expect(r.status).toBe(0);
    // Every example document, the annual roll-up in examples/annual/ included; its _data/ is skipped.
    expect(r.stderr).toMatch(/checked (\d+): \1 ok, 0 with errors/);
  });
  it('lists every problem as FILE:LINE:COL: message', () => {
    const dir = folderWith({
      'a.yaml': 'kind: 工作总结报告\ntitel: 标题\nunit: 单位\ndate: 2024-02-30\n',
      'b.yaml': 'kind: plan\ntitle: [oops\n',
      'c.yaml': readFileSync(EXAMPLES[2]!, 'utf8'),
    });
    const r = report(['check', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('a.yaml:1:7: `kind` is "工作总结报告", expected one of 工作总结, 实施意见, 情况汇报, summary, plan, briefing (did you mean 工作总结?)');
    expect(lines).toContain('a.yaml:2:1: unknown field `titel` (did you mean `title`?)');
    expect(lines).toContain('a.yaml:1:1: missing required field `title` (add `title:`)');
    expect(lines).toContain('a.yaml:4:7: `date` is not a real date (found "2024-02-30") (write YYYY-MM-DD, YYYY-MM or YYYY)');
    expect(lines.some((l) => /^b\.yaml:\d+:\d+: .+/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('checked 3: 1 ok, 2 with errors');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[abc]\.yaml:\d+:\d+: /);
    noStackTrace(r.stderr);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
  });
  it('refuses empty, binary and non-record files', () => {
    const dir = folderWith({ 'empty.yaml': '', 'list.yaml': '- a\n' });
    copyFileSync(process.execPath, path.join(dir, 'binary.yaml'));
    const r = report(['check', 'empty.yaml', 'list.yaml', 'binary.yaml'], { cwd: dir, env: { REPORT_MAX_INPUT_BYTES: String(1024 ** 3) } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('empty.yaml:1:1: the file is empty');
    expect(r.stderr).toContain('list.yaml:1:1: the file holds a list, not a record');
    expect(r.stderr).toMatch(/binary\.yaml: the file (is not valid UTF-8 text|looks binary)/);
  });
  it('refuses files above the size limit before reading them', () => {
    const dir = folderWith({ 'big.yaml': `kind: plan\nintro: ${'字'.repeat(2000)}\n` });
    const r = report(['check', 'big.yaml'], { cwd: dir, env: { REPORT_MAX_INPUT_BYTES: '1000' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^big\.yaml: file is \d+ bytes, more than the limit of 1000 \(split it, or raise REPORT_MAX_INPUT_BYTES\)$/m);
  });
});

describe('report schema', () => {
  it('prints the published JSON Schema', () => {
    const r = report(['schema']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, 'schema', 'record.schema.json'), 'utf8'));
  });
});

describe('characters a Word file cannot hold', () => {
  it('are stripped with a warning, and the docx stays well-formed', async () => {
    const { XMLValidator } = await import('fast-xml-parser');
    const { readDocx } = await import('./support.js');
    const dir = folderWith({
      'odd.yaml': 'kind: 工作总结\ntitle: "标题\\x01"\nunit: 单位\ndate: 2024-12-18\nintro: "控制\\x07字符与孤立代理\\uD800项“引号”"\n',
    });
    const r = report(['build', 'odd.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('odd.yaml: warning: 3 characters not allowed in a Word file were removed (they are control characters; delete them from the record)');
    const parts = readDocx(path.join(dir, 'out', 'odd.docx'));
    for (const [name, xml] of Object.entries(parts)) if (name.endsWith('.xml')) expect(XMLValidator.validate(xml), name).toBe(true);
    expect(parts['word/document.xml']).toContain('控制字符与孤立代理项“引号”');
    expect(parts['word/document.xml']).toMatch(/<w:rFonts w:hint="eastAsia"\/><\/w:rPr><w:t xml:space="preserve">控制/);
  });
});

describe('reading records in other encodings', () => {
  it('builds UTF-16 with a BOM, and GBK and Big5 without one, saying what it assumed', async () => {
    const iconv = (await import('iconv-lite')).default;
    const text = readFileSync(EXAMPLES[0]!, 'utf8');
    const traditional = 'kind: 工作总结\ntitle: 二〇二四年度精神文明創建工作總結\nunit: 北戴河區政務服務中心\ndate: 2024-12-18\nintro: 兩年來，在區委、區政府的正確領導下，中心緊緊圍繞精神文明建設工作的統一部署和要求，積極推動各項工作深入開展。\n';
    const dir = folderWith({});
    writeFileSync(path.join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(path.join(dir, 'gbk.yaml'), iconv.encode(text, 'gbk'));
    // Big5 has no 总: the kind is written with its English alias.
    writeFileSync(path.join(dir, 'big5.yaml'), iconv.encode(traditional.replace('kind: 工作总结', 'kind: summary'), 'big5'));
    const r = report(['build', 'utf16.yaml', 'gbk.yaml', 'big5.yaml', '--format', 'md'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('gbk.yaml: note: not UTF-8; read as GB18030');
    expect(r.stderr).toContain('big5.yaml: note: not UTF-8; read as Big5');
    expect(r.stderr).not.toContain('utf16.yaml: note');
    const golden = report(['preview', EXAMPLES[0]!]).stdout;
    expect(readFileSync(path.join(dir, 'out', 'utf16.md'), 'utf8')).toBe(golden);
    expect(readFileSync(path.join(dir, 'out', 'gbk.md'), 'utf8')).toBe(golden);
    expect(readFileSync(path.join(dir, 'out', 'big5.md'), 'utf8')).toContain('兩年來，在區委、區政府的正確領導下');
  });
});

describe('reproducible output', () => {
  it('gives byte-identical Word files for the same input, built at different times', async () => {
    const a = scratch();
    const b = scratch();
    expect(report(['build', ...EXAMPLES], { cwd: a }).status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(report(['build', ...EXAMPLES], { cwd: b }).status).toBe(0);
    for (const name of ['summary', 'plan', 'briefing']) {
      expect(readFileSync(path.join(a, 'out', `${name}.docx`)).equals(readFileSync(path.join(b, 'out', `${name}.docx`))), name).toBe(true);
    }
  });
});

describe('report doctor', () => {
  it('checks the machine in English or Chinese, and fails on an unwritable output folder', () => {
    const en = report(['doctor', '-o', scratch()], { env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' } });
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^✓ Node\.js \d+\.\d+\.\d+$/m);
    expect(en.stdout).toMatch(/is writable/);
    expect(en.stdout.trim().split('\n').pop()).toBe('ready to build');
    const zh = report(['doctor', '-o', scratch()], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', REPORT_LANG: '' } });
    expect(zh.stdout).toMatch(/可写/);
    expect(zh.stdout.trim().split('\n').pop()).toBe('可以生成文档');
    const flag = report(['--lang', 'zh', 'doctor', '-o', '/proc/report-doctor/out'], { env: { LANG: 'C' } });
    expect(flag.status).toBe(1);
    expect(flag.stdout).toMatch(/^✗ 输出文件夹 .+ 不可写/m);
  });
});
