/**
 * Nothing a user has is lost by a slip on the command line: an input is never taken for an
 * output, a failed run leaves an earlier output as it was, devices stay devices, and a record
 * put back from a backup is built again. Through the real binary.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/cli/exit-codes.js';
import { report, scratch } from './support.js';

const record = (title: string, date = '\ndate: 2024-12-18') => `kind: 工作总结\ntitle: ${title}\nunit: 滨河区政务服务中心${date}\nintro: 今年以来，中心扎实推进各项工作。\n`;
const EN = { LANG: 'C' };

describe('an input is never taken for an output', () => {
  it('build --json followed by record files keeps them all as inputs', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'a.yaml'), record('甲'));
    writeFileSync(path.join(dir, 'b.yaml'), record('乙'));
    const r = report(['build', '--json', 'a.yaml', 'b.yaml', '-o', 'out'], { cwd: dir, env: EN });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe(record('甲'));
    expect(JSON.parse(r.stdout)).toMatchObject({ built: 2, failed: 0 });
    expect(existsSync(path.join(dir, 'out', 'a.docx')) && existsSync(path.join(dir, 'out', 'b.docx'))).toBe(true);
    // A folder after --json is an input too.
    mkdirSync(path.join(dir, 'records'));
    writeFileSync(path.join(dir, 'records', 'c.yaml'), record('丙'));
    const folder = report(['build', '--json', 'records', '-o', 'out2'], { cwd: dir, env: EN });
    expect(folder.status, folder.stderr).toBe(EXIT.ok);
    expect(JSON.parse(folder.stdout.slice(folder.stdout.indexOf('{')))).toMatchObject({ built: 1 });
  });

  it('preview -o refuses the record itself and a Word or YAML name', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'r.yaml'), record('甲'));
    const self = report(['preview', 'r.yaml', '-o', 'r.yaml'], { cwd: dir, env: EN });
    expect(self.status).toBe(EXIT.usage);
    expect(self.stderr).toBe('report: -o r.yaml is the record itself: the preview would replace it (name the preview .md)\n');
    expect(readFileSync(path.join(dir, 'r.yaml'), 'utf8')).toBe(record('甲'));
    const docx = report(['preview', 'r.yaml', '-o', 'r.docx', '--lang', 'zh'], { cwd: dir });
    expect(docx.status).toBe(EXIT.usage);
    expect(docx.stderr).toBe('report: -o r.docx：预览是 Markdown 文本，请用 .md 文件名（Word 文件由 report build 生成）\n');
    expect(existsSync(path.join(dir, 'r.docx'))).toBe(false);
  });
});

describe('a failed run leaves an earlier output as it was', () => {
  it('fix -o FILE: a missing, unreadable or (with --strict) lossy input writes nothing', () => {
    const dir = scratch();
    const keep = path.join(dir, 'keep.txt');
    writeFileSync(path.join(dir, 'garbled.txt'), 'Äê´´½¨¾«ÉñÎÄÃ÷µ¥Î»\n');
    writeFileSync(path.join(dir, 'lost.txt'), '常\uFFFD务委员会\n');
    for (const args of [['nope.txt'], ['garbled.txt', 'nope.txt'], ['--strict', 'garbled.txt', 'lost.txt']]) {
      writeFileSync(keep, 'precious\n');
      const r = report(['fix', ...args, '-o', 'keep.txt'], { cwd: dir, env: EN });
      expect(r.status, args.join(' ')).toBe(EXIT.invalidInput);
      expect(readFileSync(keep, 'utf8'), args.join(' ')).toBe('precious\n');
    }
    // All inputs fine: written.
    expect(report(['fix', 'garbled.txt', '-o', 'keep.txt'], { cwd: dir }).status).toBe(EXIT.ok);
    expect(readFileSync(keep, 'utf8')).toBe('年创建精神文明单位\n');
  });
});

describe('devices stay devices', () => {
  it('writes the preview and the fixed text to /dev/null and to standard output by name', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'r.yaml'), record('甲'));
    expect(report(['preview', 'r.yaml', '-o', '/dev/null'], { cwd: dir }).status).toBe(EXIT.ok);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const fixed = report(['fix', '-o', '/dev/stdout'], { cwd: dir, input: 'Äê´´½¨¾«ÉñÎÄÃ÷µ¥Î»\n' });
    expect(fixed.status, fixed.stderr).toBe(EXIT.ok);
    expect(fixed.stdout).toBe('年创建精神文明单位\n');
    const json = report(['build', 'r.yaml', '-o', 'out', '--json', '/dev/stdout'], { cwd: dir });
    expect(json.status, json.stderr).toBe(EXIT.ok);
    expect(JSON.parse(json.stdout.slice(json.stdout.indexOf('{')))).toMatchObject({ built: 1 });
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });
});

describe('incremental builds', () => {
  it('build again a record put back from a backup with an older time', () => {
    const dir = scratch();
    const file = path.join(dir, 'r.yaml');
    writeFileSync(file, record('新标题'));
    expect(report(['build', 'r.yaml', '-o', 'out', '--format', 'md'], { cwd: dir }).status).toBe(EXIT.ok);
    // `cp -p backup.yaml r.yaml`: other content, a time older than the output's.
    writeFileSync(file, record('旧标题'));
    const past = new Date(Date.now() - 86_400_000);
    utimesSync(file, past, past);
    const again = report(['build', 'r.yaml', '-o', 'out', '--format', 'md'], { cwd: dir, env: EN });
    expect(again.status, again.stderr).toBe(EXIT.ok);
    expect(again.stderr).not.toContain('up to date');
    expect(readFileSync(path.join(dir, 'out', 'r.md'), 'utf8')).toContain('# 旧标题');
    // Nothing changed since: skipped.
    expect(report(['build', 'r.yaml', '-o', 'out', '--format', 'md'], { cwd: dir, env: EN }).stderr).toContain('skipped 1 up to date');
  });
});

describe('fix --in-place', () => {
  it('keeps the permissions, repairs the file a link leads to, and keeps an earlier backup', () => {
    const dir = scratch();
    const file = path.join(dir, 'private.txt');
    writeFileSync(file, 'Äê´´½¨¾«ÉñÎÄÃ÷µ¥Î»\n');
    chmodSync(file, 0o600);
    expect(report(['fix', '--in-place', 'private.txt'], { cwd: dir }).status).toBe(EXIT.ok);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('年创建精神文明单位\n');

    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'text.txt'), 'Äê´´½¨¾«ÉñÎÄÃ÷µ¥Î»\n');
    symlinkSync(path.join(dir, 'real', 'text.txt'), path.join(dir, 'link.txt'));
    writeFileSync(path.join(dir, 'link.txt.bak'), 'my precious notes\n');
    const r = report(['fix', '--in-place', 'link.txt'], { cwd: dir, env: EN });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toBe('link.txt.bak: note: an earlier backup, kept as it was (it holds an older original)\n');
    expect(readlinkSync(path.join(dir, 'link.txt'))).toBe(path.join(dir, 'real', 'text.txt'));
    expect(readFileSync(path.join(dir, 'real', 'text.txt'), 'utf8')).toBe('年创建精神文明单位\n');
    expect(readFileSync(path.join(dir, 'link.txt.bak'), 'utf8')).toBe('my precious notes\n');
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('stands for today in a record without a date, and must be a number of seconds', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'r.yaml'), record('甲', ''));
    const dated = report(['preview', 'r.yaml'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(dated.status, dated.stderr).toBe(EXIT.ok);
    expect(dated.stdout).toContain('2023年11月14日');
    for (const value of ['99999999999999', 'yesterday', '-5']) {
      const bad = report(['build', 'r.yaml', '-o', 'out'], { cwd: dir, env: { ...EN, SOURCE_DATE_EPOCH: value } });
      expect(bad.status, value).toBe(EXIT.usage);
      expect(bad.stderr).toBe(`report: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (found "${value}")\n`);
    }
  });
});

describe('report doctor', () => {
  it('judges the output folder as a build does, and creates nothing', () => {
    const dir = scratch();
    const outside = scratch();
    symlinkSync(outside, path.join(dir, 'out'));
    const linked = report(['doctor'], { cwd: dir, env: EN });
    expect(linked.status).toBe(1);
    expect(linked.stdout).toContain(`✗ ${path.join(dir, 'out')}: leads through a symbolic link to ${outside}, outside the working folder`);
    const fresh = report(['doctor', '-o', 'new/out'], { cwd: dir, env: EN });
    expect(fresh.stdout).toContain(`✓ output folder ${path.join(dir, 'new', 'out')} is writable`);
    expect(existsSync(path.join(dir, 'new'))).toBe(false);
  });
});

describe('commands printed for copying', () => {
  it('quote a folder or template path with spaces', () => {
    const dir = scratch();
    const init = report(['init', '办 公室'], { cwd: dir, env: EN });
    expect(init.status, init.stderr).toBe(EXIT.ok);
    expect(init.stderr).toContain("next: cd '办 公室' && report build records");
    const eject = report(['templates', 'eject', 'summary', 'my templates'], { cwd: dir, env: EN });
    expect(eject.status, eject.stderr).toBe(EXIT.ok);
    expect(eject.stderr).toMatch(/use it with -t 'my templates\/summary\.md\.hbs', or `template: my templates\/summary\.md\.hbs`/);
  });
});

describe('settings from the environment', () => {
  it('REPORT_MAX_INPUT_BYTES must be a number of bytes', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'r.yaml'), record('甲'));
    for (const value of ['abc', '-1', '0', '1MB']) {
      const r = report(['build', 'r.yaml', '-o', 'out'], { cwd: dir, env: { ...EN, REPORT_MAX_INPUT_BYTES: value } });
      expect(r.status, value).toBe(EXIT.usage);
      expect(r.stderr).toBe(`report: REPORT_MAX_INPUT_BYTES must be a whole number of bytes, 1 or more (found "${value}")\n`);
    }
    expect(report(['build', 'r.yaml', '-o', 'out'], { cwd: dir, env: { REPORT_MAX_INPUT_BYTES: '100' } }).status).toBe(EXIT.invalidInput);
    expect(report(['build', 'r.yaml', '-o', 'out'], { cwd: dir, env: { REPORT_MAX_INPUT_BYTES: '2000000' } }).status).toBe(EXIT.ok);
  });
});

describe('templates eject --force', () => {
  it('keeps an edited partial it replaces as .bak, and says so', () => {
    const dir = scratch();
    expect(report(['templates', 'eject', 'summary'], { cwd: dir }).status).toBe(EXIT.ok);
    const point = path.join(dir, 'templates', 'partials', 'point.hbs');
    const edited = `${readFileSync(point, 'utf8')}{{!-- edited --}}\n`;
    writeFileSync(point, edited);
    const r = report(['templates', 'eject', 'plan', '--force'], { cwd: dir, env: EN });
    expect(r.status, r.stderr).toBe(EXIT.ok);
    expect(r.stderr).toContain('replaced templates/partials/point.hbs, which had been edited: that version is kept as templates/partials/point.hbs.bak');
    expect(readFileSync(`${point}.bak`, 'utf8')).toBe(edited);
    expect(readFileSync(point, 'utf8')).not.toContain('edited');
  });
});

describe('--lang', () => {
  it('takes zh or en only', () => {
    const r = report(['--lang', 'fr', 'schema'], { env: EN });
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr).toContain("option '--lang <lang>' argument 'fr' is invalid: choose one of zh, en");
  });
});
