/**
 * Custom templates through the binary, as a clerk uses them: listing and ejecting templates,
 * editing one (the worked example of docs/templates.md), choosing one with -t or `template:`,
 * the project config's template folder, output folder and fonts, partials and user helpers,
 * template errors at TEMPLATE:LINE:COL, missing fields as warnings, and records that try to
 * inject Markdown.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpers } from '../src/template/helpers.js';
import { EXAMPLES, ROOT, paragraphTexts, readDocx, report, scratch } from './support.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'templates');
const BRIEFING = EXAMPLES[2]!;

function folderWith(files: Record<string, string>): string {
  const dir = scratch('report-templates-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const documentXml = (file: string) => readDocx(file)['word/document.xml']!;

/** The East Asian font of the run that holds `text`. */
function fontOfRun(xml: string, text: string): string | undefined {
  const runs = xml.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/g) ?? [];
  const run = runs.find((r) => r.includes(`>${text}`));
  return run ? /w:eastAsia="([^"]+)"/.exec(run)?.[1] : undefined;
}

/** The two ```hbs blocks of the worked example in docs/templates.md: before and after. */
function workedExample(): { before: string; after: string } {
  const docs = readFileSync(path.join(ROOT, 'docs', 'templates.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Worked example'));
  const blocks = [...section.matchAll(/```hbs\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  return { before: blocks[0]!, after: blocks[1]! };
}

describe('report templates', () => {
  it('lists the built-in templates with their kind and file, then the project\'s', () => {
    const dir = folderWith({ 'templates/notice.md.hbs': '{{!-- 情况汇报 for notices --}}\n# {{title}}\n' });
    const r = report(['templates'], { cwd: dir });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+KIND\s+SOURCE\s+FILE$/);
    for (const [name, kind] of [['summary', '工作总结'], ['plan', '实施意见'], ['briefing', '情况汇报']]) {
      expect(lines.find((l) => l.startsWith(`${name} `))).toMatch(new RegExp(`^${name}\\s+${kind}\\s+built-in\\s+.*templates[/\\\\]${name}\\.md\\.hbs$`));
    }
    expect(lines).toContain('notice    情况汇报  project   templates/notice.md.hbs');
    expect(r.stdout).toContain('template folder: templates\n');
    expect(r.stdout).toContain('partials: paragraphs, point, results, signature');
  });

  it('ejects a built-in template with the partials it uses, and will not overwrite it', () => {
    const dir = scratch('report-templates-');
    const r = report(['templates', 'eject', 'briefing'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'templates/briefing.md.hbs',
      'templates/partials/paragraphs.hbs',
      'templates/partials/point.hbs',
      'templates/partials/results.hbs',
      'templates/partials/signature.hbs',
    ]);
    expect(readFileSync(path.join(dir, 'templates', 'briefing.md.hbs'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'templates', 'briefing.md.hbs'), 'utf8'));
    expect(r.stderr).toContain('every 情况汇报 of this project uses it');
    // Listed as the project's, replacing the built-in.
    const listed = report(['templates'], { cwd: dir });
    expect(listed.stdout).toMatch(/briefing\s+情况汇报\s+built-in\s+.*\(replaced by the project's\)/);
    expect(listed.stdout).toContain('briefing  情况汇报  project   templates/briefing.md.hbs');
    // A second eject refuses; --force replaces.
    const again = report(['templates', 'eject', '情况汇报'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('templates/briefing.md.hbs already exists (--force replaces it)');
    expect(report(['templates', 'eject', 'briefing', '--force'], { cwd: dir }).status).toBe(0);
    // Into another folder, and an unknown name.
    const elsewhere = report(['templates', 'eject', 'plan', 'my-templates'], { cwd: dir });
    expect(elsewhere.status).toBe(0);
    expect(existsSync(path.join(dir, 'my-templates', 'plan.md.hbs'))).toBe(true);
    expect(elsewhere.stderr).toContain('use it with -t my-templates/plan.md.hbs');
    const unknown = report(['templates', 'eject', 'letter'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no built-in template named `letter` (built-in: briefing, plan, summary)');
  });

  it('the worked example of docs/templates.md holds: an ejected briefing edited to （一） builds with 楷体 run-in leads', () => {
    const dir = folderWith({ 'records/briefing.yaml': readFileSync(BRIEFING, 'utf8') });
    expect(report(['build', 'records'], { cwd: dir }).status).toBe(0);
    const builtIn = documentXml(path.join(dir, 'out', 'briefing.docx'));
    expect(paragraphTexts(builtIn).some((t) => t.startsWith('一是政风行风监督员明察暗访机制'))).toBe(true);

    expect(report(['templates', 'eject', 'briefing'], { cwd: dir }).status).toBe(0);
    const file = path.join(dir, 'templates', 'briefing.md.hbs');
    const { before, after } = workedExample();
    const template = readFileSync(file, 'utf8');
    expect(template).toContain(before);
    writeFileSync(file, template.replace(before, after));

    const r = report(['build', 'records'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const xml = documentXml(path.join(dir, 'out', 'briefing.docx'));
    const texts = paragraphTexts(xml);
    expect(texts.some((t) => t.startsWith('一是'))).toBe(false);
    for (const lead of ['（一）政风行风监督员明察暗访机制', '（二）服务对象评议机制', '（三）中心内部考核机制']) {
      expect(texts.some((t) => t.startsWith(lead))).toBe(true);
      expect(fontOfRun(xml, lead)).toBe('楷体_GB2312');
    }
  });
});

describe('choosing a template', () => {
  const record = (extra: string) =>
    `kind: 情况汇报\ntitle: 关于开展自查的情况汇报\nunit: 示例中心\ndate: 2024-12-18\n${extra}sections:\n  - heading: 基本情况\n    points:\n      - {title: 抓组织, text: 成立领导小组。}\nextra:\n  contact: 张三\n  phone: '12345'\n`;

  it('-t PATH and -t NAME win over the record and the project; the template\'s own partials and helpers come first', () => {
    const dir = folderWith({ 'a.yaml': record('template: summary\n') });
    cpSync(path.join(FIXTURES, 'custom'), path.join(dir, 'mine'), { recursive: true });
    const byPath = report(['preview', '-t', 'mine/notice.md.hbs', 'a.yaml'], { cwd: dir });
    expect(byPath.status, byPath.stderr).toBe(0);
    expect(byPath.stderr).toBe('');
    expect(byPath.stdout).toContain('联系人：张三，电话：12345');
    // helpers.mjs beside the template, and its partials/signature.hbs instead of the built-in one.
    expect(byPath.stdout).toContain('（本件由示例中心印发）');
    expect(byPath.stdout).toContain('示例中心（盖章）');
    expect(byPath.stdout).toContain('**（一）抓组织**。成立领导小组。');

    // By name: the project's template folder (templates/ beside the config) comes first.
    cpSync(path.join(FIXTURES, 'custom'), path.join(dir, 'templates'), { recursive: true });
    const byName = report(['build', '-t', 'notice', 'a.yaml', '--format', 'md'], { cwd: dir });
    expect(byName.status, byName.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out', 'a.md'), 'utf8')).toBe(byPath.stdout);

    const unknown = report(['build', '-t', 'notise', 'a.yaml'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('report: -t notise: no template named `notise` (available: notice, briefing, plan, summary;');
  });

  it('`template:` in a record: a name, or a path relative to the record; an unknown one is an error at its position', () => {
    const dir = folderWith({
      'records/by-path.yaml': record('template: ../custom/notice.md.hbs\n'),
      'records/by-name.yaml': record('template: summary\n'),
      'records/wrong.yaml': record('template: noticee\n'),
    });
    cpSync(path.join(FIXTURES, 'custom'), path.join(dir, 'custom'), { recursive: true });
    const r = report(['build', 'records', '--format', 'md'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('records/wrong.yaml:5:11: `template`: no template named `noticee` (available: briefing, plan, summary;');
    expect(readFileSync(path.join(dir, 'out', 'by-path.md'), 'utf8')).toContain('（本件由示例中心印发）');
    // A 情况汇报 record in the 工作总结 template: its points are numbered （一）, its results 工作成效.
    const byName = readFileSync(path.join(dir, 'out', 'by-name.md'), 'utf8');
    expect(byName).not.toContain('现将');
    expect(byName).toContain('**（一）抓组织**。');
  });

  it('report.config.yaml: template folder, output folder and fonts, found from a subfolder; unknown keys at their position', () => {
    const dir = folderWith({
      'report.config.yaml': 'templates: layouts\noutput: dist\nfonts:\n  body: 仿宋\n  heading2: 华文楷体\n',
      'records/2024/a.yaml': record(''),
    });
    cpSync(path.join(FIXTURES, 'custom', 'notice.md.hbs'), path.join(dir, 'layouts', 'briefing.md.hbs'));
    cpSync(path.join(FIXTURES, 'custom', 'helpers.mjs'), path.join(dir, 'layouts', 'helpers.mjs'));
    const cwd = path.join(dir, 'records', '2024');
    const r = report(['build', 'a.yaml'], { cwd });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(path.join(dir, 'dist', 'a.docx'));
    const parts = readDocx(path.join(dir, 'dist', 'a.docx'));
    // The project's briefing template replaced the built-in one (its partials stay built-in).
    expect(paragraphTexts(parts['word/document.xml']!)).toContain('联系人：张三，电话：12345');
    expect(fontOfRun(parts['word/document.xml']!, '（一）抓组织')).toBe('华文楷体');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="华文楷体"><w:altName w:val="楷体"/>');
    expect(parts['word/styles.xml']).toContain('w:eastAsia="仿宋"');
    expect(parts['word/styles.xml']).not.toContain('仿宋_GB2312');
    // -o still wins.
    expect(report(['build', 'a.yaml', '-o', 'here'], { cwd }).stdout.trim()).toBe('here/a.docx');

    writeFileSync(path.join(dir, 'report.config.yaml'), 'templates: layouts\nfonts:\n  bdy: 仿宋\n');
    const bad = report(['build', 'a.yaml'], { cwd });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('report.config.yaml:3:3: unknown field `fonts.bdy` (did you mean `body`?)');
  });

  it('a partial in the project\'s template folder replaces the built-in one for the built-in templates too', () => {
    const dir = folderWith({ 'templates/partials/signature.hbs': '<!-- signature -->\n{{unit}}办公室\n{{date}}\n' });
    const r = report(['preview', BRIEFING], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/<!-- signature -->\n滨河区丰乐镇社区事务受理服务中心办公室\n2025年11月24日\n$/);
  });

  it('user helpers: a helpers.mjs function replaces a built-in one of its name; a helper that throws is reported where it is called', () => {
    const dir = folderWith({
      'templates/helpers.mjs': 'export function cn(n) { return `第${n}`; }\nexport const fail = () => { throw new Error("no stamp configured"); };\n',
      'templates/t.md.hbs': '# {{title}}\n\n{{cn 3}}\n\n{{#if extra.stamp}}{{fail unit}}{{/if}}\n',
      'a.yaml': record('').replace('extra:\n', 'extra:\n  stamp: yes\n'),
    });
    const r = report(['preview', '-t', 't', 'a.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('templates/t.md.hbs:5:20: `fail`: no stamp configured');
    writeFileSync(path.join(dir, 'templates', 't.md.hbs'), '# {{title}}\n\n{{cn 3}}\n');
    const ok = report(['preview', '-t', 't', 'a.yaml'], { cwd: dir });
    expect(ok.stdout).toContain('第3');
    writeFileSync(path.join(dir, 'templates', 'helpers.mjs'), 'export function cn(n) {\n  return n +;\n}\n');
    const broken = report(['preview', '-t', 't', 'a.yaml'], { cwd: dir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^templates\/helpers\.mjs:2:\d+: cannot load the helpers: Unexpected token/m);
  });
});

describe('template errors and warnings', () => {
  const BROKEN = 'test/fixtures/templates/broken/';
  const cases: Array<[string, string]> = [
    ['unclosed.md.hbs', 'unclosed.md.hbs:3:1: `{{#each}}` is never closed (close it with {{/each}})'],
    ['unknown-helper.md.hbs', 'unknown-helper.md.hbs:4:28: unknown helper `headingText`'],
    ['missing-partial.md.hbs', 'missing-partial.md.hbs:4:5: partial `signatur` not found (did you mean `signature`?)'],
    ['syntax.md.hbs', 'syntax.md.hbs:1:10: syntax error: unexpected "}" (expected }}'],
    // An error inside a partial is reported in the partial's file.
    ['uses-bad-partial.md.hbs', 'partials/bad.hbs:2:11: unknown helper `frob`'],
    ['runtime.md.hbs', 'runtime.md.hbs:3:2: `cn`: expected a number, got "滨河区丰乐镇社区事务受理服务中心" (check what the template passes to it)'],
  ];
  it.each(cases)('%s is reported as TEMPLATE:LINE:COL', (name, message) => {
    const r = report(['build', '-t', `${BROKEN}${name}`, BRIEFING, '-o', scratch()]);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain(`${BROKEN}${message}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a field the template prints but the record lacks is a warning naming the field and the record file', () => {
    const out = scratch();
    const r = report(['build', '-t', path.join(FIXTURES, 'custom', 'notice.md.hbs'), BRIEFING, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      'examples/briefing.yaml: warning: `extra.contact` is missing: test/fixtures/templates/custom/notice.md.hbs:5:5 printed nothing (add it to the record, or wrap it in {{#if extra.contact}}…{{/if}})',
    );
    expect(r.stderr).toContain('`extra.phone` is missing: test/fixtures/templates/custom/notice.md.hbs:5:26');
    // Inside a loop the warning says where the field lives, and how often it was missing.
    const dir = folderWith({
      't.md.hbs': '# {{title}}\n\n{{#each activities}}{{title}}{{category}}\n\n{{/each}}\n',
      'r.yaml': 'kind: 工作总结\ntitle: 标题\nunit: 单位\nactivities:\n  - {title: 甲}\n  - {title: 乙, category: 培训}\n  - {title: 丙}\n',
    });
    const loop = report(['preview', '-t', 't.md.hbs', 'r.yaml'], { cwd: dir });
    expect(loop.status).toBe(0);
    expect(loop.stderr).toBe('r.yaml: warning: `activities[].category` is missing: t.md.hbs:3:30 printed nothing (2 times) (add it to the record, or wrap it in {{#if category}}…{{/if}})\n');
  });

  it('a list or a group of fields printed as text is an error that says what to do', () => {
    const dir = folderWith({ 't.md.hbs': '# {{title}}\n\n{{intro}}\n' });
    const r = report(['preview', '-t', 't.md.hbs', BRIEFING], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('t.md.hbs:3:1: `intro` is a list, not text (go through it with {{#each intro}}…{{/each}})');
  });
});

describe('a record cannot inject Markdown through a custom template', () => {
  it('keeps headings, tables, lists, a signature mark and keys of extra: as plain text', () => {
    const out = scratch();
    const r = report(['build', '-t', path.join(FIXTURES, 'inject.md.hbs'), path.join(FIXTURES, 'inject.yaml'), '-o', out, '--format', 'both']);
    expect(r.status, r.stderr).toBe(0);
    const xml = documentXml(path.join(out, 'inject.docx'));
    // One title, one heading (the section), no table, one signature.
    expect(xml.match(/w:val="Title"/g)).toHaveLength(1);
    expect(xml.match(/w:val="Heading1"/g)).toHaveLength(1);
    expect(xml).not.toContain('<w:tbl>');
    const texts = paragraphTexts(xml);
    for (const literal of ['# 伪造标题', '## 伪造章节', '| a | b ||---|---|| 1 | 2 |', '<!-- signature -->', 'contact：### 联系人标题', 'phone：| 表格 |', '# 键名：1. 有序列表', '一、**加粗**', '（一）- 列表。> 引用']) {
      expect(texts, literal).toContain(literal);
    }
    expect(texts.filter((t) => t === '**单位**')).toHaveLength(1);
    expect(readdirSync(out).sort()).toEqual(['.report-manifest.json', 'inject.docx', 'inject.md']);
  });
});

describe('docs/templates.md', () => {
  it('lists every helper', () => {
    const docs = readFileSync(path.join(ROOT, 'docs', 'templates.md'), 'utf8');
    const table = docs.slice(docs.indexOf('## Helpers'));
    const documented = new Set([...table.matchAll(/^\| (`[^|]+)\|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(\w+)`/g)].map((n) => n[1]!)));
    for (const name of [...Object.keys(helpers), 'if', 'unless', 'each', 'with', 'lookup']) expect(documented, name).toContain(name);
  });
});
