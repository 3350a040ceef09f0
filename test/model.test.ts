import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/model/parse-markdown.js';
import { writeMarkdown } from '../src/writers/markdown.js';
import { escapeMarkdown } from '../src/template/escape.js';
import { renderRecord } from '../src/pipeline.js';
import { parseRecordText } from '../src/records/load.js';

describe('Markdown → document model', () => {
  it('maps headings to 公文 levels and reads run-in headings by their marker', () => {
    const model = parseMarkdown(
      [
        '# 标题',
        '## 一、一级',
        '### （一）二级',
        '#### 1．三级',
        '##### （1）四级',
        '**（一）健全领导机构**。成立领导小组。',
        '**一、指导思想**：坚持……',
        '**1．加强学习**。建立制度。',
        '普通段落，*强调*与**加粗**。',
      ].join('\n\n'),
    );
    expect(model.blocks).toEqual([
      { type: 'title', text: '标题' },
      { type: 'heading', level: 1, text: '一、一级' },
      { type: 'heading', level: 2, text: '（一）二级' },
      { type: 'heading', level: 3, text: '1．三级' },
      { type: 'heading', level: 4, text: '（1）四级' },
      { type: 'paragraph', lead: { level: 2, text: '（一）健全领导机构。' }, inlines: [{ kind: 'text', text: '成立领导小组。' }] },
      { type: 'paragraph', lead: { level: 1, text: '一、指导思想：' }, inlines: [{ kind: 'text', text: '坚持……' }] },
      { type: 'paragraph', lead: { level: 3, text: '1．加强学习。' }, inlines: [{ kind: 'text', text: '建立制度。' }] },
      {
        type: 'paragraph',
        inlines: [
          { kind: 'text', text: '普通段落，' },
          { kind: 'text', text: '强调', emphasis: true },
          { kind: 'text', text: '与' },
          { kind: 'text', text: '加粗', strong: true },
          { kind: 'text', text: '。' },
        ],
      },
    ]);
  });

  it('reads tables and the signature block', () => {
    const model = parseMarkdown('| 指标 | 本期 |\n|:---|:---:|\n| 窗口 | 90个 |\n\n<!-- signature -->\n滨河区政务服务中心\n2024年12月18日\n');
    expect(model.blocks).toEqual([
      { type: 'table', header: ['指标', '本期'], rows: [['窗口', '90个']], align: ['left', 'center'] },
      { type: 'signature', lines: ['滨河区政务服务中心', '2024年12月18日'] },
    ]);
  });

  it('joins soft line breaks without spaces in Chinese, keeps them between Latin words', () => {
    const model = parseMarkdown('第一行\n第二行 word\nnext');
    expect(model.blocks).toEqual([{ type: 'paragraph', inlines: [{ kind: 'text', text: '第一行第二行 word next' }] }]);
  });

  it('never drops text: lists, quotes, code and HTML become paragraphs', () => {
    const model = parseMarkdown('- 甲\n- 乙\n\n> 引文\n\n```\n代码\n```\n\n<div>块</div>\n\n<!-- a comment -->');
    const texts = model.blocks.map((b) => (b.type === 'paragraph' ? b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('') : ''));
    expect(texts).toEqual(['甲', '乙', '引文', '代码', '<div>块</div>']);
  });
});

describe('document model → Markdown', () => {
  it('parses back to the same model', () => {
    const source = [
      '# 2024年度工作总结',
      '开头 *强调* 与 **加粗**，含 # 号、| 竖线、\\* 星号和 1. 序号。',
      '## 一、强化领导',
      '**（一）健全机构**。成立小组。',
      '**（二）如何开展**？逐步推进。',
      '| 指标 | 上期 | 本期 |\n|:---|:---:|---:|\n| 窗口\\|数 | 45个 | 90个 |',
      '<!-- signature -->\n滨河区政务服务中心\n2024年12月18日',
    ].join('\n\n');
    const model = parseMarkdown(source);
    expect(parseMarkdown(writeMarkdown(model))).toEqual(model);
    expect(writeMarkdown(parseMarkdown(writeMarkdown(model)))).toBe(writeMarkdown(model));
  });
});

describe('record text cannot inject Markdown', () => {
  it('escapes every special', () => {
    expect(parseMarkdown(escapeMarkdown('# 标题')).blocks).toEqual([{ type: 'paragraph', inlines: [{ kind: 'text', text: '# 标题' }] }]);
    expect(parseMarkdown(escapeMarkdown('1. 列表')).blocks).toEqual([{ type: 'paragraph', inlines: [{ kind: 'text', text: '1. 列表' }] }]);
    expect(parseMarkdown(escapeMarkdown('- 项目')).blocks).toEqual([{ type: 'paragraph', inlines: [{ kind: 'text', text: '- 项目' }] }]);
    expect(parseMarkdown(escapeMarkdown('a **b** _c_ `d` <e> [f](g) &amp; | h \\ i')).blocks).toEqual([
      { type: 'paragraph', inlines: [{ kind: 'text', text: 'a **b** _c_ `d` <e> [f](g) &amp; | h \\ i' }] },
    ]);
  });

  it('keeps a record that tries to add headings, tables or a signature as plain text', async () => {
    const record = parseRecordText(
      'r.yaml',
      [
        'kind: 工作总结',
        'title: "# 伪造标题"',
        'unit: 单位',
        'date: 2024-12-18',
        'intro: |',
        '  ## 伪造章节',
        '',
        '  | a | b |',
        '  |---|---|',
        '  | 1 | 2 |',
        '',
        '  <!-- signature -->',
        'sections:',
        '  - heading: "**加粗**"',
      ].join('\n'),
    );
    if (!record.ok) throw new Error('record should be valid');
    const rendered = await renderRecord(record.value);
    if (!rendered.ok) throw new Error('record should render');
    const blocks = rendered.value.model.blocks;
    expect(blocks[0]).toEqual({ type: 'title', text: '# 伪造标题' });
    expect(blocks.filter((b) => b.type === 'table')).toEqual([]);
    expect(blocks.filter((b) => b.type === 'signature')).toHaveLength(1);
    expect(blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.text)).toEqual(['一、**加粗**']);
    expect(blocks.filter((b) => b.type === 'paragraph').map((b) => b.type === 'paragraph' && b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join(''))).toEqual([
      '## 伪造章节',
      '| a | b ||---|---|| 1 | 2 |',
      '<!-- signature -->',
    ]);
  });
});
