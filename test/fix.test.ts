/** `report fix` through the binary: repair, positions, line preservation, options, safety. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, report, scratch } from './support.js';

const seed = (name: string) => path.join(ROOT, 'test', 'fixtures', 'seeds', `${name}.txt`);

/** GBK bytes read as Latin-1: what a clerk pastes from an old file opened the wrong way. */
const gbkAsLatin1 = (s: string) => iconv.decode(iconv.encode(s, 'gbk'), 'latin1');

describe('report fix', () => {
  it('repairs a garbled clause inside a clean line, keeping every line', () => {
    const input = `第一行保持不变。\n会议要求${gbkAsLatin1('进一步提高工作效率和服务水平')}，彰显良好形象。\nCafé Müller €12.50\n`;
    const r = report(['fix'], { input });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('第一行保持不变。\n会议要求进一步提高工作效率和服务水平，彰显良好形象。\nCafé Müller €12.50\n');
  });

  it('reads a UTF-8 file with a few stray bytes as UTF-8, repairing the strays and saying where the first is', () => {
    const dir = scratch();
    const clean = '这是一段正常的中文文字，没有任何问题。\n';
    const bytes = Buffer.concat([
      Buffer.from(clean),
      Buffer.from('词：'),
      iconv.encode('中心组织领导', 'gbk'),
      Buffer.from('，还有 caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait\n'),
      Buffer.from('他说'),
      Buffer.from([0x93]),
      Buffer.from('好'),
      Buffer.from([0x94]),
      Buffer.from('。\n'),
    ]);
    writeFileSync(path.join(dir, 'mixed.txt'), bytes);
    const r = report(['fix', 'mixed.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${clean}词：中心组织领导，还有 café au lait\n他说“好”。\n`);
    expect(r.stderr).toMatch(/^mixed\.txt:2:3: warning: \d+ byte\(s\) here and after are not UTF-8 \(the rest of the file is\)/m);
    expect(r.stderr).not.toMatch(/GB18030/);
  });

  it('refuses a binary file, a missing file and a folder in plain words, and names the target of a failed write', () => {
    const dir = scratch();
    // Bytes without a NUL that decode "successfully" as GB18030 into noise.
    writeFileSync(path.join(dir, 'noise.dat'), Buffer.from(Array.from({ length: 3000 }, (_, i) => 1 + ((i * 7919) % 254))));
    writeFileSync(path.join(dir, 'ok.txt'), '正常\n');
    mkdirSync(path.join(dir, 'folder'));
    const noise = report(['fix', 'noise.dat', '--in-place'], { cwd: dir });
    expect(noise.status).toBe(1);
    expect(noise.stderr).toBe('noise.dat: the file looks binary, not text (give a text file)\n');
    expect(existsSync(path.join(dir, 'noise.dat.bak'))).toBe(false);
    expect(report(['fix', 'nosuch.txt'], { cwd: dir }).stderr).toBe('nosuch.txt: no such file or folder (check the path)\n');
    expect(report(['fix', 'folder'], { cwd: dir }).stderr).toMatch(/^folder: not a file/);
    const intoFolder = report(['fix', 'ok.txt', '-o', 'folder'], { cwd: dir });
    expect(intoFolder.status).toBe(1);
    expect(intoFolder.stderr).toBe('report: cannot write folder (EISDIR)\n');
  });

  it('this session\'s repairs, through the binary: —— beside a garbled clause, boilerplate kept and removed, page numbers, C1 controls escaped', () => {
    const gbkAsCp1252 = (text: string) => new TextDecoder('windows-1252').decode(iconv.encode(text, 'gbk'));
    const dash = report(['fix'], { input: `他说——${gbkAsCp1252('但是')}。\n` });
    expect(dash.stdout).toBe('他说——但是。\n');

    const farm = report(['fix', '--strip-boilerplate'], {
      input: '我社区全年开展活动36场。\n（四）开展版权保护宣传。版权所有人的合法权益受法律保护。\n来源：范文先生网\n当前位置：首页 > 工作总结\nXX社区居委会\n2023年1月3日\n京ICP备12345678号-1\n',
    });
    expect(farm.stdout).toBe('我社区全年开展活动36场。\n（四）开展版权保护宣传。版权所有人的合法权益受法律保护。\nXX社区居委会\n2023年1月3日\n');
    expect(farm.stderr.trim().split('\n')).toHaveLength(3);

    const pdf = report(['fix', '--unwrap'], { input: '在全市村（社区）部署自助终端，实现高频事项就近可办，群众在\n—1—\n\n\f家门口即可办理。\n３．加强督查\n' });
    expect(pdf.stdout).toBe('在全市村（社区）部署自助终端，实现高频事项就近可办，群众在家门口即可办理。\n３．加强督查\n');

    const c1 = report(['fix', '--report'], { input: '他说\u0093好\u0094。\n' });
    expect(c1.stdout).toBe('他说“好”。\n');
    expect(c1.stderr).toContain('"\\u0093" → "“"');
    expect(c1.stderr).not.toMatch(/[\u0080-\u009f]/);
  });

  it('reports each change with its position', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'in.txt'), `标题\n按照${gbkAsLatin1('全区精神文明建设会议')}要求\n`);
    const r = report(['fix', 'in.txt', '--report'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^in\.txt:2:3: mojibake \([a-z0-9-]+\): ".+" → "全区精神文明建设会议"$/m);
  });

  it('writes with -o, or in place keeping a .bak', () => {
    const dir = scratch();
    const garbled = `${gbkAsLatin1('创建文明单位')}\n`;
    writeFileSync(path.join(dir, 'a.txt'), garbled);
    expect(report(['fix', 'a.txt', '-o', 'b.txt'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('创建文明单位\n');
    expect(report(['fix', 'a.txt', '--in-place'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('创建文明单位\n');
    expect(readFileSync(path.join(dir, 'a.txt.bak'), 'utf8')).toBe(garbled);
    expect(report(['fix', '-', '--in-place'], { cwd: dir, input: 'x' }).status).toBe(2);
  });

  it('reads GBK and Big5 files, saying which it assumed', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'gbk.txt'), iconv.encode('关于创建精神文明单位的实施意见\n', 'gbk'));
    const r = report(['fix', 'gbk.txt'], { cwd: dir });
    expect(r.stdout).toBe('关于创建精神文明单位的实施意见\n');
    expect(r.stderr).toContain('gbk.txt: note: not UTF-8; read as GB18030');
    // Short traditional text saved as GBK: Big5 cannot read all of it, so it is GB18030.
    writeFileSync(path.join(dir, 'gbk-tc.txt'), iconv.encode('老舊，設備更\n', 'gbk'));
    const tc = report(['fix', 'gbk-tc.txt'], { cwd: dir });
    expect(tc.stdout).toBe('老舊，設備更\n');
    expect(tc.stderr).toBe('gbk-tc.txt: note: not UTF-8; read as GB18030 (save it as UTF-8 to be sure)\n');
    writeFileSync(path.join(dir, 'big5.txt'), iconv.encode('推動工作，成效顯著\n', 'big5'));
    expect(report(['fix', 'big5.txt'], { cwd: dir }).stdout).toBe('推動工作，成效顯著\n');
  });

  it('warns about lost characters, and fails on them with --strict', () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'lost.txt'), '正常\n工作常\uFFFDR开展\n锟斤拷锟斤拷\n');
    const r = report(['fix', 'lost.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^lost\.txt:2:4: warning: lost characters "\uFFFD" cannot be restored/m);
    expect(r.stderr).toMatch(/^lost\.txt:3:1: warning: lost characters "锟斤拷锟斤拷"/m);
    const strict = report(['fix', 'lost.txt', '--strict', '-o', 'out.txt'], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/^lost\.txt:2:4: lost characters/m);
  });

  it('normalises punctuation with --punct only', () => {
    const input = '我们认为,这项工作很重要;请于12:30前提交(附件1),详见 https://a.cn/x,y\n';
    expect(report(['fix'], { input }).stdout).toBe(input);
    expect(report(['fix', '--punct'], { input }).stdout).toBe('我们认为，这项工作很重要；请于12:30前提交（附件1），详见 https://a.cn/x,y\n');
  });

  it('never touches clean text', () => {
    const input = '“文明单位”——创建工作（一）：全面推进！\nCafé, São Paulo, Müller, €12.50 © ®\n日本語のテキスト。한국어 문장입니다.\nΗ ¨ανατροφή¨ δυστυχώς\n';
    const r = report(['fix', '--report'], { input });
    expect(r.stdout).toBe(input);
    expect(r.stderr).toBe('');
  });
});

describe('report fix on the seeds', () => {
  it('leaves the clean seeds line for line unchanged', () => {
    for (const name of ['000_be800517be09ffe6', '002_54170532e29f76f1']) {
      const text = readFileSync(seed(name), 'utf8');
      const r = report(['fix', seed(name)]);
      expect(r.stdout, name).toBe(text);
    }
  });

  it('repairs the garbled second copy of seed 003 and joins its hard-wrapped lines', () => {
    const text = readFileSync(seed('003_7cb5e989d0bd88e9'), 'utf8');
    const split = text.indexOf('济南市章丘区政务服务中心2021-10-19');
    const clean = text.slice(0, split);
    const r = report(['fix', '--unwrap', seed('003_7cb5e989d0bd88e9')]);
    expect(r.status).toBe(0);
    const fixed = r.stdout.slice(r.stdout.indexOf('济南市章丘区政务服务中心2021-10-19') + '济南市章丘区政务服务中心2021-10-19'.length);
    const squash = (s: string) => s.replace(/\s+/g, '');
    // The garbled copy stops partway: every sentence of the clean copy up to that length must
    // be found in the repaired copy.
    let budget = squash(fixed).length;
    const sentences = squash(clean)
      .split(/(?<=[。；])/)
      .filter((s) => s.length > 6)
      .filter((s) => (budget -= s.length) >= 0);
    const found = sentences.filter((s) => squash(fixed).includes(s));
    expect(sentences.length).toBeGreaterThan(10);
    expect(found.length / sentences.length).toBeGreaterThanOrEqual(0.9);
    // No Latin-1 mojibake is left.
    expect(fixed).not.toMatch(/[\u00C0-\u00FF]{2}/);
    // Paragraphs: the hard-wrapped lines are joined.
    expect(fixed.split('\n').filter((l) => l.trim()).length).toBeLessThan(clean.split('\n').filter((l) => l.trim()).length + 10);
  });

  it('strips the web boilerplate of seed 001 and lists each removed line', () => {
    const r = report(['fix', '--strip-boilerplate', seed('001_21a06dd7d360571c')]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('來源:瑞文範文網');
    expect(r.stderr).toMatch(/001_21a06dd7d360571c\.txt:\d+: removed .+: "來源:瑞文範文網 1\.1W"/);
    expect(r.stdout).toContain('一、健全保障體系,暢通運行機制');
  });
});
