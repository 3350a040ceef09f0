/** The text-cleanup modules on the seeds and on made-up lines: unrecoverable characters,
 * boilerplate stripping, hard-wrap joining, punctuation. Pure functions, no CLI. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from '../src/text/boilerplate.js';
import { normalizePunctuation } from '../src/text/punctuation.js';
import { findUnrecoverable } from '../src/text/unrecoverable.js';
import { unwrap } from '../src/text/unwrap.js';
import { ROOT } from './support.js';

const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
const CLEANUP = path.join(ROOT, 'test', 'fixtures', 'cleanup');

function seed(prefix: string): string {
  const file = readdirSync(SEEDS).find((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS, file), 'utf8');
}
const linesOf = (text: string) => text.split(/\r\n|\n|\r/);
const nonBlank = (text: string) => linesOf(text).filter((line) => line.trim() !== '');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const squash = (text: string) => text.replace(/\s+/g, '');

describe('findUnrecoverable', () => {
  it('finds the lost character of seed 004 (常�R) and nothing in the other seeds', () => {
    expect(findUnrecoverable(seed('004'))).toEqual([{ line: 10, column: 211, offset: seed('004').indexOf('\uFFFD'), text: '\uFFFD', kind: 'replacement-character' }]);
    expect(linesOf(seed('004'))[9]!.slice(209, 212)).toBe('常\uFFFDR');
    for (const prefix of ['000', '001', '002', '003']) expect(findUnrecoverable(seed(prefix))).toEqual([]);
  });

  it('reports one entry per maximal run, with 1-based line and UTF-16 column', () => {
    const text = '好锟斤拷锟斤拷a\r\n斤拷锟斤拷锟\n烫烫的烫烫烫烫，屯田屯屯屯\r𠀀\uFFFD\uFFFDx';
    expect(findUnrecoverable(text)).toEqual([
      { line: 1, column: 2, offset: 1, text: '锟斤拷锟斤拷', kind: 'kunjinkao' },
      { line: 2, column: 1, offset: 10, text: '斤拷锟斤拷锟', kind: 'kunjinkao' },
      { line: 3, column: 4, offset: 20, text: '烫烫烫烫', kind: 'tangtang' },
      { line: 3, column: 11, offset: 27, text: '屯屯屯', kind: 'tuntun' },
      { line: 4, column: 3, offset: 33, text: '\uFFFD\uFFFD', kind: 'replacement-character' },
    ]);
    // The offset is where the text stands in the whole string, across CRLF, LF and CR.
    for (const found of findUnrecoverable(text)) expect(text.slice(found.offset, found.offset + found.text.length)).toBe(found.text);
  });

  it('orders findings on a line by column and accepts the halves 锟斤 and 斤拷', () => {
    expect(findUnrecoverable('屯屯屯 \uFFFD 锟斤').map((u) => [u.column, u.kind])).toEqual([
      [1, 'tuntun'],
      [5, 'replacement-character'],
      [7, 'kunjinkao'],
    ]);
  });

  it('leaves real words alone: 烫烫的, 屯田, 斤两, a lone 锟', () => {
    expect(findUnrecoverable('水烫烫的。屯田制度。三斤两。锟铻之剑。')).toEqual([]);
  });
});

describe('stripBoilerplate on the seeds', () => {
  const cases: Array<{ seed: string; removed: Array<[number, string]>; kept: number[] }> = [
    { seed: '000', removed: [], kept: range(1, 23) },
    {
      seed: '001',
      removed: [
        [3, 'source/attribution'],
        [5, "editor's note"],
        [7, 'repeated title'],
        [61, 'tags'],
      ],
      kept: [1, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53, 55, 57, 59],
    },
    {
      seed: '002',
      removed: [
        [20, 'teaser title'],
        [21, 'teaser'],
        [22, 'teaser title'],
        [23, 'teaser'],
        [24, 'teaser title'],
        [25, 'teaser'],
      ],
      kept: range(1, 19),
    },
    {
      seed: '004',
      removed: [
        [1, 'source/attribution'],
        [22, 'call to share'],
        [23, 'call to share'],
        [25, 'navigation'],
        [28, 'link'],
        [29, 'navigation'],
        [30, 'navigation'],
        [31, 'navigation'],
        [32, 'navigation'],
        [33, 'navigation'],
        [34, 'page footer'],
        [36, 'page footer'],
        [38, 'counter'],
      ],
      kept: [3, ...range(5, 21)],
    },
  ];

  for (const { seed: prefix, removed, kept } of cases) {
    it(`seed ${prefix}: removes lines ${removed.map(([line]) => line).join(', ') || 'none'} and keeps every other line`, () => {
      const text = seed(prefix);
      const lines = linesOf(text);
      const result = stripBoilerplate(text);
      expect(result.removed.map((r) => [r.line, r.reason])).toEqual(removed);
      for (const r of result.removed) expect(r.text).toBe(lines[r.line - 1]);
      expect(nonBlank(result.text)).toEqual(kept.map((line) => lines[line - 1]));
      // The two lists cover every non-blank line of the seed.
      const covered = [...kept, ...removed.map(([line]) => line)].sort((a, b) => a - b);
      expect(covered).toEqual(range(1, lines.length).filter((line) => lines[line - 1]!.trim() !== ''));
    });
  }

  it('seed 001 keeps its spacing: one blank line between paragraphs, none at the end', () => {
    const { text } = stripBoilerplate(seed('001'));
    expect(text.startsWith('年度精神文明創建工作總結\n\n精神文明創建工作總結\n\n兩年來,')).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.endsWith('良好局面。')).toBe(true);
  });

  it('seed 004 starts at the abstract and ends at the references', () => {
    const { text } = stripBoilerplate(seed('004'));
    expect(text.startsWith('【摘 要】')).toBe(true);
    expect(text.endsWith('2010(10).')).toBe(true);
  });

  it('seed 003 (garbled and repaired copies) loses nothing', () => {
    expect(stripBoilerplate(seed('003'))).toEqual({ text: seed('003'), removed: [] });
    const copy = readFileSync(path.join(CLEANUP, '003-pdf-copy.txt'), 'utf8');
    expect(stripBoilerplate(copy).removed).toEqual([]);
  });

  it('finds the same lines after punctuation normalisation (the order report fix uses)', () => {
    for (const prefix of ['001', '002', '004']) {
      const normalized = linesOf(seed(prefix))
        .map((line) => normalizePunctuation(line).text)
        .join('\n');
      expect(stripBoilerplate(normalized).removed.map((r) => r.line)).toEqual(stripBoilerplate(seed(prefix)).removed.map((r) => r.line));
    }
  });
});

describe('stripBoilerplate on made-up lines', () => {
  it.each([
    ['来源：某某范文网', 'source/attribution'],
    ['文章来源: www.example.com', 'source/attribution'],
    ['轉載自：某某部落格', 'source/attribution'],
    ['热门标签：工作总结 心得体会', 'tags'],
    ['Tags: 总结', 'tags'],
    ['上一篇：2022年工作总结', 'navigation'],
    ['下一篇', 'navigation'],
    ['相关推荐', 'navigation'],
    ['猜你喜欢：', 'navigation'],
    ['返回顶部', 'navigation'],
    ['张三的头像', 'navigation'],
    ['欢迎转载，转载请注明出处', 'call to share'],
    ['版权所有 © 某某网', 'call to share'],
    ['请百度搜索“某某文库”，更多资料', 'call to share'],
    ['下面是小编为大家整理的工作总结范文，供大家参考。', "editor's note"],
    ['以下是我们精选的述职报告，欢迎阅读，希望对您有所帮助。', "editor's note"],
    ['阅读(1234) 评论(5)', 'counter'],
    ['浏览次数：1.2万', 'counter'],
    ['https://example.com/a/b.html', 'URL'],
    ['更多范文 www.example.com', 'link'],
  ])('removes %s (%s)', (line, reason) => {
    const result = stripBoilerplate(`正文第一段。\n${line}\n正文第二段。\n`);
    expect(result.removed).toEqual([{ line: 2, text: line, reason }]);
    expect(result.text).toBe('正文第一段。\n正文第二段。\n');
  });

  it.each([
    '来源于群众，服务于群众。',
    '来源：国家统计局',
    '关键词：机关文化；建设',
    '【关键词】机关文化；建设；一站式',
    '网址：http://www.gov.cn',
    '请登录www.gov.cn',
    '联系电话：0531-12345678',
    '下一步工作打算',
    '他阅读了3本书，撰写心得(2篇)。',
    '标签化管理是这次改革的重点。',
    '一、加强领导，统一认识',
    '参考文献:',
    '欢迎各位领导莅临指导。',
    '以下是我们的三点做法：',
  ])('keeps the document line %s', (line) => {
    const text = `标题\n\n${line}\n\n正文。\n`;
    expect(stripBoilerplate(text)).toEqual({ text, removed: [] });
  });

  it('merges the blank lines around a removed line and drops those it leaves at either end', () => {
    expect(stripBoilerplate('甲。\n\n来源：某某网\n\n乙。\n').text).toBe('甲。\n\n乙。\n');
    expect(stripBoilerplate('甲。\n来源：某某网\n\n\n乙。').text).toBe('甲。\n\n\n乙。');
    expect(stripBoilerplate('文章出处\n\n甲。\n\n热门标签\n').text).toBe('甲。\n');
    expect(stripBoilerplate('甲。\r\n来源：某某网\r\n乙。\r\n').text).toBe('甲。\r\n乙。\r\n');
  });

  it('keeps a signature that comes before the page footer, removes fragments inside it', () => {
    const text = '正文。\n某某单位\n2023年5月6日\n热门标签\n工作总结\n心得体会\n';
    const result = stripBoilerplate(text);
    expect(result.removed.map((r) => [r.line, r.reason])).toEqual([
      [4, 'tags'],
      [5, 'page footer'],
      [6, 'page footer'],
    ]);
    expect(result.text).toBe('正文。\n某某单位\n2023年5月6日\n');
  });

  it('keeps the document\'s own lines that look like residue', () => {
    const real = [
      '（四）开展版权保护宣传。版权所有人的合法权益受法律保护。',
      '（五）合同中的免责声明条款须经法律顾问审核。',
      '三、存在的问题',
      '部分窗口人员服务意识不强，群众反映排队时间长、材料多...',
      '（二）完善工作人员的个人资料',
      '以下是我中心在优化服务方面的几点做法，供大家参考。',
      '点击进入“我的办件”栏目即可查询办理进度。',
      '扫码即可预约办理，无需排队。',
      '门户网站点击量：35万次，政务微博阅读量：120万次',
      '资料来源：区统计局网站',
      '网上申报地址：',
      'https://zwfw.example.gov.cn',
    ];
    expect(stripBoilerplate(`${real.join('\n')}\n`).removed).toEqual([]);
  });

  it('keeps a signature and date after a source line near the end', () => {
    const result = stripBoilerplate('我社区全年开展活动36场。\n来源：范文先生网\nXX社区居委会\n2023年1月3日\n上一篇：2022年工作计划\n');
    expect(result.removed.map((r) => r.line)).toEqual([2, 5]);
    expect(result.text).toBe('我社区全年开展活动36场。\nXX社区居委会\n2023年1月3日\n');
  });

  it.each([
    '本文标签：工作总结 范文',
    '上一篇文章：2022年工作总结',
    '扫描二维码，关注我们',
    '本文来源于网络，如有侵权请联系删除',
    '责任编辑：张三',
    '发布时间：2023-01-05 10:24:31',
    '当前位置：首页 > 工作总结 > 年度总结',
    'Copyright © 2023 example.com All Rights Reserved',
    '京ICP备12345678号-1',
    '原文链接：https://www.example.com/a/123.html',
    '【打印本页】【关闭窗口】',
    '字号：大 中 小',
    '阅读 1234',
    '全文共3256字，阅读约需9分钟',
    '收藏本文',
  ])('removes %s between two paragraphs', (line) => {
    const result = stripBoilerplate(`第一段正文。\n${line}\n第二段正文。\n`);
    expect(result.removed.map((r) => r.text)).toEqual([line]);
    expect(result.text).toBe('第一段正文。\n第二段正文。\n');
  });

  it('removes a repeated title only when it repeats the line kept before it', () => {
    expect(stripBoilerplate('工作总结\n工作总结\n正文。\n工作总结\n').removed).toEqual([{ line: 2, text: '工作总结', reason: 'repeated title' }]);
  });

  it('treats a line ending in …… as prose, not a teaser', () => {
    const text = '工作总结\n今年我们做了很多工作，取得了一定成绩，但也存在不足……\n';
    expect(stripBoilerplate(text).removed).toEqual([]);
  });
});

describe('unwrap', () => {
  const copy = readFileSync(path.join(CLEANUP, '003-pdf-copy.txt'), 'utf8');
  const firstCopy = linesOf(seed('003')).slice(0, 17);

  it("joins seed 003's PDF copy into the paragraphs of its clean first copy", () => {
    const { text, joins } = unwrap(copy);
    const paragraphs = text.trimEnd().split('\n\n');
    expect(paragraphs).toHaveLength(11);
    for (const paragraph of paragraphs) expect(paragraph).not.toContain('\n');
    paragraphs.slice(0, 10).forEach((paragraph, i) => expect(squash(paragraph)).toBe(squash(firstCopy[i]!)));
    // The copy stops in the middle of item 6.
    expect(squash(paragraphs[10]!)).toBe('6、进一步建设环境优美机关。积极开展机关“绿化”工程、机关“亮化”工程，做好室内室外的绿化、美化、亮化工作，使政务服务中心机关内外环境清洁整齐，杜绝脏、乱、差现象，为机关全体人员提供良好的工作生活环境。在机关中积极开展“三节”（即节水、节电、节约用纸）、');
    expect(squash(firstCopy[10]!).startsWith(squash(paragraphs[10]!))).toBe(true);
    expect(joins.length).toBe(nonBlank(copy).length - 11);
    expect(joins.slice(0, 3)).toEqual([{ line: 1 }, { line: 3 }, { line: 9 }]); // 关于 | 2021 | 按照
  });

  it('keeps the clean first copy line for line when both copies come together', () => {
    const whole = `${linesOf(seed('003')).slice(0, 20).join('\n')}\n${copy}`;
    const lines = linesOf(unwrap(whole).text);
    expect(lines.slice(0, 17)).toEqual(firstCopy);
    expect(lines.slice(17, 20)).toEqual(['', '关于2021年创建精神文明单位实施意见', '']);
  });

  it('joins the example from the issue', () => {
    expect(unwrap('关于\n\n2021\n\n年创建精神文明单位实施意见').text).toBe('关于2021年创建精神文明单位实施意见');
  });

  it('leaves seeds 001 and 002 as they are and joins the one broken line of seed 000', () => {
    for (const prefix of ['001', '002']) expect(unwrap(seed(prefix))).toEqual({ text: seed(prefix), joins: [] });
    const { text, joins } = unwrap(seed('000'));
    expect(joins).toEqual([{ line: 21 }]);
    const lines = linesOf(seed('000'));
    expect(linesOf(text)).toEqual([...lines.slice(0, 20), lines[20]! + lines[21]!, ...lines.slice(22)]);
  });

  it('keeps a paragraph break after 。！？；： and closing quotes, and joins anywhere else', () => {
    const text = ['他说：“工作要做好。”', '经过讨论，大家', '都同意！', '为什么？', '因为；', '具体如下：', '明确目标，落实', '责任'].join('\n');
    expect(unwrap(text).text).toBe(['他说：“工作要做好。”', '经过讨论，大家都同意！', '为什么？', '因为；', '具体如下：', '明确目标，落实责任'].join('\n'));
  });

  it.each(['一、总体要求', '（一）工作目标', '(二)工作目标', '1、加强学习', '2．提高认识', '3. 狠抓落实', '(1)明确责任', '①细化分工', '第一，统一思想', '第二条 适用范围', '一是加强领导', '[1]参考文献'])(
    'breaks before the heading marker of %s',
    (heading) => {
      expect(unwrap(`按照全区会议要求，我们要\n继续做好\n${heading}`).text).toBe(`按照全区会议要求，我们要继续做好\n${heading}`);
    },
  );

  it('does not take a decimal number for a heading marker', () => {
    expect(unwrap('全市生产总值比上年，增长了\n1.5个百分点。').text).toBe('全市生产总值比上年，增长了1.5个百分点。');
  });

  it('breaks before full-width and circled numbers, not before "3、4月"', () => {
    expect(unwrap('各单位要认真落实，切实做好各项工作\n３．加强督查工作，每月通报一次\n（２）完善制度\n⑵建立台账').text).toBe(
      '各单位要认真落实，切实做好各项工作\n３．加强督查工作，每月通报一次\n（２）完善制度\n⑵建立台账',
    );
    expect(unwrap('为做好迎检工作，我局计划在今年\n3、4月份开展专项检查，确保落实到位。').text).toBe('为做好迎检工作，我局计划在今年3、4月份开展专项检查，确保落实到位。');
  });

  it('drops page numbers and form feeds, and runs a paragraph on across the page break', () => {
    const text = '在全市村（社区）部署自助终端，实现高频事项就近可办，群众在\n—1—\n\n\f家门口即可办理，等候时间缩短。\n\n第2页\n下一段。\n- 3 -\n';
    expect(unwrap(text).text).toBe('在全市村（社区）部署自助终端，实现高频事项就近可办，群众在家门口即可办理，等候时间缩短。\n\n下一段。\n');
  });

  it('joins lines as wide as the printed lines even where they look like a heading or title', () => {
    // A 28-character layout (a paragraph's first line indented by two), digits set half-width.
    const text = [
      '（二）强化宣传，通过网站、微信公众号和宣传栏发布政策',
      '信息 260 余条，群众知晓率明显提升，网上办事的便利度与',
      '群众期盼相比还有差距。',
      '部分部门数据共享不够及时系统对接仍存在壁垒而且基层工',
      '作人员业务能力参差不齐个别站点服务质量有待提升同时网上办',
      '事的便利度与群众期盼相比还有差距特别是老年人等群体在使用',
      '智能设备方面还存在不少困难。',
      '三、下一步工作打算',
      '某某市政务服务中心',
    ].join('\n');
    expect(unwrap(text).text).toBe(
      '（二）强化宣传，通过网站、微信公众号和宣传栏发布政策信息 260 余条，群众知晓率明显提升，网上办事的便利度与群众期盼相比还有差距。\n' +
        '部分部门数据共享不够及时系统对接仍存在壁垒而且基层工作人员业务能力参差不齐个别站点服务质量有待提升同时网上办事的便利度与群众期盼相比还有差距特别是老年人等群体在使用智能设备方面还存在不少困难。\n' +
        '三、下一步工作打算\n某某市政务服务中心',
    );
  });

  it('keeps headings and titles on their own line', () => {
    const text = '2023年工作总结\n一、强化氛围营造，树立争先意识\n创建文明单位活动，是\n群众性活动。\n来源：某某网\n某某单位\n2023年12月31日';
    expect(unwrap(text).text).toBe('2023年工作总结\n一、强化氛围营造，树立争先意识\n创建文明单位活动，是群众性活动。\n来源：某某网\n某某单位\n2023年12月31日');
  });

  it('leaves one paragraph a line alone, short lines and footnote marks included', () => {
    const text = '第 一 条\n\n第 一 款 全部立法权均属于合众国国会。]*\n\n\n新罕布什尔州\n\n约翰·兰顿\n\n尼古拉斯·吉尔曼\n';
    expect(unwrap(text)).toEqual({ text: text.replace('\n\n\n', '\n\n'), joins: [] });
  });

  it('keeps blank lines between real paragraphs as one blank line', () => {
    expect(unwrap('甲段第一行，\n甲段第二行。\n\n\n\n乙段第一行，\n乙段第二行。\n').text).toBe('甲段第一行，甲段第二行。\n\n乙段第一行，乙段第二行。\n');
  });

  it('puts a space between Latin words, none between a number and Chinese', () => {
    expect(unwrap('The quick brown fox, as usual,\njumps over the lazy dog.').text).toBe('The quick brown fox, as usual, jumps over the lazy dog.');
    expect(unwrap('共计\n145\n项服务。').text).toBe('共计145项服务。');
  });

  it('keeps CRLF line ends', () => {
    const text = '按照全区会议要求，为建设高素质的\r\n干部职工队伍。\r\n\r\n下一段。\r\n';
    expect(unwrap(text).text).toBe('按照全区会议要求，为建设高素质的干部职工队伍。\r\n\r\n下一段。\r\n');
  });
});

describe('normalizePunctuation', () => {
  it.each([
    ['中心,2023年', '中心，2023年'],
    ['機關文化;建設;一站式', '機關文化；建設；一站式'],
    ['时间节点:4月下旬', '时间节点：4月下旬'],
    ['是吗?好!', '是吗？好！'],
    ['什么?!', '什么？！'],
    ['(一)实施扩容升级', '（一）实施扩容升级'],
    ['共建社区(行政村)的文明创建', '共建社区（行政村）的文明创建'],
    ['(1)明确责任', '（1）明确责任'],
    ['非典(SARS)疫情', '非典（SARS）疫情'],
    ['12个服务窗口(6个综合窗口,6个专项窗口)', '12个服务窗口（6个综合窗口，6个专项窗口）'],
    ['他说"你好"', '他说“你好”'],
    ["她说'好的'", '她说‘好的’'],
    ['“文明窗口”,评选', '“文明窗口”，评选'],
    ['中心 ,然后', '中心 ，然后'],
    ['使用微信,WeChat是', '使用微信，WeChat是'],
    ['时间:12:30', '时间：12:30'],
    ['网址:http://www.example.com/a?b=1,c=2', '网址：http://www.example.com/a?b=1,c=2'],
    ['邮箱:zhang.san@example.com', '邮箱：zhang.san@example.com'],
    ['𠀀,好', '𠀀，好'],
    ['登录www.gov.cn查询,然后', '登录www.gov.cn查询，然后'],
    ['请提交(附件1),详见通知', '请提交（附件1），详见通知'],
    ['请提交（附件1）,详见通知', '请提交（附件1），详见通知'],
  ])('%s → %s', (line, expected) => {
    expect(normalizePunctuation(line).text).toBe(expected);
  });

  it.each([
    '共计1,000人',
    '圆周率3.14',
    '会议12:30开始',
    'iPhone 15,售价5999元',
    'https://example.com/a?q=1,2&r=(3)',
    'zhang.san@example.com',
    'Hello, world! How are you? (fine)',
    "It's a 'test', isn't it?",
    'I love 北京, it is great.',
    'He said “hi”, then left.',
    'console.log("你好,世界");',
    'printf("你好,世界")',
    'x = foo(a, b) // 注释,说明',
    'if (a && b) { 返回(1); }',
    '用`a,b`表示',
    '2008(06). 2010(10).',
    'f(x)的值',
    '中心，2023年（一）“文明”：是吗？好！',
  ])('leaves %s alone', (line) => {
    expect(normalizePunctuation(line)).toEqual({ text: line, changes: [] });
  });

  it('reports each change with its 1-based UTF-16 column', () => {
    expect(normalizePunctuation('𠀀,好(一)"甲"').changes).toEqual([
      { column: 3, before: ',', after: '，' },
      { column: 5, before: '(', after: '（' },
      { column: 7, before: ')', after: '）' },
      { column: 8, before: '"', after: '“' },
      { column: 10, before: '"', after: '”' },
    ]);
  });

  it('never turns full-width punctuation into ASCII, and a second pass changes nothing', () => {
    const fullWidth = '，；：？！（）“”‘’、。《》【】';
    for (const prefix of ['001', '002', '004']) {
      for (const line of linesOf(seed(prefix))) {
        const { text, changes } = normalizePunctuation(line);
        for (const change of changes) expect(fullWidth).toContain(change.after);
        for (const ch of fullWidth) expect(text.split(ch).length).toBeGreaterThanOrEqual(line.split(ch).length);
        expect(normalizePunctuation(text).changes).toEqual([]);
      }
    }
  });

  it("normalises seed 001's half-width commas", () => {
    const line = linesOf(seed('001'))[12]!;
    expect(line).toBe('一、健全保障體系,暢通運行機制');
    expect(normalizePunctuation(line)).toEqual({ text: '一、健全保障體系，暢通運行機制', changes: [{ column: 9, before: ',', after: '，' }] });
  });
});
