/**
 * The annual roll-up (issue 9): data files named by a document's `data:` merged into it —
 * order, period filter, undated items, duplicates, metric aggregates and previous-period values,
 * the statistics templates get, diagnostics that point into the right data file — through the
 * library and through the binary, and the examples/annual/ example built end to end with its
 * figures checked against values computed here from the YAML files themselves.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import { loadRecord } from '../src/records/load.js';
import type { DocumentRecord } from '../src/records/record.js';
import { periodSpan, previousSpan, spanLabel } from '../src/records/periods.js';
import { approxCount, groupDigits, templateContext } from '../src/template/context.js';
import { helpers } from '../src/template/helpers.js';
import { findInputs } from '../src/input/find-inputs.js';
import { findTools } from '../src/verify/tools.js';
import { ROOT, report, scratch } from './support.js';

const HEAD = 'kind: 工作总结\ntitle: 2024年度工作总结\nunit: 滨河区政务服务中心\ndate: 2024-12-30\n';

function folderWith(files: Record<string, string>): string {
  const dir = scratch('report-rollup-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Loads doc.yaml of a folder through the library; messages relative to that folder. */
async function load(files: Record<string, string>): Promise<{ dir: string; record?: DocumentRecord; diagnostics: Diagnostic[]; lines: string[] }> {
  const dir = folderWith(files);
  const result = await loadRecord(path.join(dir, 'doc.yaml'), { cwd: dir });
  const lines = result.diagnostics.map((d) => formatDiagnostic({ ...d, file: path.relative(dir, d.file) }));
  return { dir, ...(result.ok ? { record: result.value } : {}), diagnostics: result.diagnostics, lines };
}

const yamlList = (key: string, items: string[]) => `${key}:\n${items.map((i) => `  - ${i}\n`).join('')}`;

describe('merging data files', () => {
  it('merges every list, sorted by date (a month before its days), then source file, then line', async () => {
    const { dir, record, lines } = await load({
      'doc.yaml': `${HEAD}period: 2024\ndata: [_data/*.yaml]\n${yamlList('activities', ['{date: 2024-03-05, title: 文档里的活动}'])}`,
      '_data/b.yaml': yamlList('activities', ['{date: 2024-03-05, title: B1}', '{date: 2024-02, title: B二月}', '{date: 2024-02-01, title: B二月一日}']),
      '_data/a.yaml': yamlList('activities', ['{date: 2024-03-05, title: A1}', '{date: 2024-01-02, title: A0}', '{date: 2024-03-05, title: A2}']),
      '_data/notes.txt': 'not YAML: not matched',
    });
    expect(lines).toEqual([]);
    expect(record!.activities.map((a) => a.title)).toEqual(['A0', 'B二月', 'B二月一日', '文档里的活动', 'A1', 'A2', 'B1']);
    expect(record!.dataFiles).toEqual([path.join(dir, '_data', 'a.yaml'), path.join(dir, '_data', 'b.yaml')]);
    // Each item keeps where it was written.
    const b1 = record!.activities.find((a) => a.title === 'B1')!;
    expect(b1.source).toEqual({ file: path.join(dir, '_data', 'b.yaml'), line: 2, column: 5 });
    expect(record!.activities.find((a) => a.title === '文档里的活动')!.source).toMatchObject({ file: path.join(dir, 'doc.yaml'), line: 8 });
  });

  it('takes several patterns, a single string, a plain file name and a folder, each file once', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}data:\n  - honors.yaml\n  - _acts\n  - _acts/*.yml\n`,
      'honors.yaml': yamlList('honors', ['{date: 2024-05, title: 市级文明单位, level: 市级}']),
      '_acts/q1.yml': yamlList('activities', ['{date: 2024-01-09, title: 一}']),
      '_acts/sub/q2.yaml': yamlList('activities', ['{date: 2024-04-09, title: 二}']),
    });
    expect(lines).toEqual([]);
    expect(record!.activities.map((a) => a.title)).toEqual(['一', '二']);
    expect(record!.honors.map((h) => h.title)).toEqual(['市级文明单位']);
    expect(record!.dataFiles).toHaveLength(3);
    const single = await load({ 'doc.yaml': `${HEAD}data: x.yaml\n`, 'x.yaml': yamlList('activities', ['{title: 无日期}']) });
    expect(single.record!.activities.map((a) => a.title)).toEqual(['无日期']);
    expect(single.lines).toEqual([]); // no period: nothing to place an undated item in
  });

  it('never takes the document as its own data file', async () => {
    const { record, lines } = await load({ 'doc.yaml': `${HEAD}data: '*.yaml'\n`, 'more.yaml': yamlList('activities', ['{date: 2024-01-09, title: 一}']) });
    expect(lines).toEqual([]);
    expect(record!.dataFiles!.map((f) => path.basename(f))).toEqual(['more.yaml']);
  });
});

describe('period filter', () => {
  const files = {
    'doc.yaml': `${HEAD}period: 2024\ndata: [_data/*.yaml]\n`,
    '_data/acts.yaml': yamlList('activities', [
      '{date: 2023-12-31, title: 去年的}',
      '{date: 2024-01-01, title: 年初}',
      '{title: 没有日期的活动}',
      '{date: 2024-12-31, title: 年末}',
      '{date: 2025-01, title: 明年的}',
      '{date: 2025-03-01, title: 明年的二}',
    ]),
    '_data/honors.yaml': yamlList('honors', ['{date: 2023, title: 老荣誉}', '{date: 2024-06, title: 新荣誉}']),
  };

  it('leaves out what is dated outside the period, with a note at `period:`', async () => {
    const { record, lines } = await load(files);
    expect(record!.activities.map((a) => a.title)).toEqual(['年初', '年末', '没有日期的活动']);
    expect(record!.honors.map((h) => h.title)).toEqual(['新荣誉']);
    expect(lines).toContain('doc.yaml:5:9: note: 3 activities outside 2024 left out');
    expect(lines).toContain('doc.yaml:5:9: note: 1 honor outside 2024 left out');
  });

  it('keeps an undated item with a warning at its place in the data file', async () => {
    const { lines } = await load(files);
    expect(lines).toContain('_data/acts.yaml:4:5: warning: activity "没有日期的活动" has no date: kept in 2024 (add `date:` so it can be placed in the period)');
  });

  it('keeps an item whose date only partly overlaps the period, with a warning', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}period: {from: 2024-01, to: 2024-06}\ndata: a.yaml\n`,
      'a.yaml': yamlList('activities', ['{date: 2024, title: 全年活动}', '{date: 2024-07-01, title: 下半年}']),
    });
    expect(record!.activities.map((a) => a.title)).toEqual(['全年活动']);
    expect(lines).toContain('a.yaml:2:5: warning: activity "全年活动" dated 2024 is only partly inside 2024-01 to 2024-06: kept (give the date more precisely)');
    expect(lines).toContain('doc.yaml:5:9: note: 1 activity outside 2024-01 to 2024-06 left out');
  });

  it('leaves a document without `data:` exactly as written', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}period: 2024\n${yamlList('honors', ['{date: 2023-12, title: 去年的荣誉}', '{title: 无日期}', '{title: 无日期}'])}`,
    });
    expect(lines).toEqual([]);
    expect(record!.honors.map((h) => h.title)).toEqual(['去年的荣誉', '无日期', '无日期']);
  });
});

describe('duplicates', () => {
  it('keeps an activity recorded twice once, naming both places', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}period: 2024\ndata: [_data/*.yaml]\n`,
      '_data/a.yaml': yamlList('activities', ['{date: 2024-03-05, title: 学雷锋志愿服务, participants: 40}', '{date: 2024-03-06, title: 别的活动}']),
      '_data/b.yaml': `# 同一件事又记了一遍\n${yamlList('activities', ['{date: 2024-03-05, title: 学雷锋志愿服务, participants: 41}', '{date: 2024-04-05, title: 学雷锋志愿服务}'])}`,
    });
    expect(record!.activities.map((a) => `${a.title}/${a.participants ?? ''}`)).toEqual(['学雷锋志愿服务/40', '别的活动/', '学雷锋志愿服务/']);
    expect(lines).toEqual([
      '_data/b.yaml:3:5: warning: activity "学雷锋志愿服务" on 2024-03-05 is recorded twice (_data/a.yaml:2:5 and _data/b.yaml:3:5): kept the first (remove one of them)',
    ]);
  });

  it('finds a duplicate between the document and a data file; honors to different recipients are not duplicates', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}data: h.yaml\n${yamlList('honors', ['{date: 2024-05, title: 服务标兵, recipient: 张敏}'])}`,
      'h.yaml': yamlList('honors', ['{date: 2024-05, title: 服务标兵, recipient: 李华}', '{date: 2024-05, title: 服务标兵, recipient: 张敏}']),
    });
    expect(record!.honors.map((h) => h.recipient)).toEqual(['张敏', '李华']);
    expect(lines).toEqual(['h.yaml:3:5: warning: honor "服务标兵" on 2024-05 is recorded twice (doc.yaml:7:5 and h.yaml:3:5): kept the first (remove one of them)']);
  });
});

describe('metrics over time', () => {
  /** Four quarters of 2023 and of 2024 for one metric, one file per quarter. */
  function quarters(name: string, aggregate: string | undefined, v2023: number[], v2024: number[], unit = '件'): Record<string, string> {
    const files: Record<string, string> = {};
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    for (const [year, values] of [[2023, v2023], [2024, v2024]] as const) {
      values.forEach((value, q) => {
        const agg = aggregate ? `, aggregate: ${aggregate}` : '';
        files[`_m/${year}-q${q + 1}.yaml`] = yamlList('metrics', [`{name: ${name}, value: ${value}, unit: '${unit}', date: ${year}-${ends[q]}${agg}}`]);
      });
    }
    return files;
  }
  const doc = `${HEAD}period: 2024\ndata: _m/*.yaml\n`;
  const metricOf = async (files: Record<string, string>) => {
    const { record, lines } = await load({ 'doc.yaml': doc, ...files });
    expect(lines).toEqual([]);
    expect(record!.metrics).toHaveLength(1);
    const { name, value, unit, previous } = record!.metrics[0]!;
    return { name, value, unit, previous };
  };

  it('sum adds the values in the period; the year before gives `previous`', async () => {
    expect(await metricOf(quarters('办件量', 'sum', [10, 20, 30, 40], [15, 25, 35, 45]))).toEqual({ name: '办件量', value: 120, unit: '件', previous: 100 });
  });
  it('last takes the latest value — also the default', async () => {
    expect(await metricOf(quarters('服务窗口', 'last', [40, 42, 45, 45], [45, 60, 80, 90], '个'))).toEqual({ name: '服务窗口', value: 90, unit: '个', previous: 45 });
    expect(await metricOf(quarters('服务窗口', undefined, [40, 42, 45, 44], [45, 60, 95, 90], '个'))).toEqual({ name: '服务窗口', value: 90, unit: '个', previous: 44 });
  });
  it('max takes the largest value', async () => {
    expect(await metricOf(quarters('单日最高办件量', 'max', [1120, 1310, 1180, 1240], [1280, 1860, 1420, 1350]))).toEqual({ name: '单日最高办件量', value: 1860, unit: '件', previous: 1310 });
  });
  it('average takes the mean', async () => {
    const m = await metricOf(quarters('群众满意率', 'average', [98, 99, 99, 100], [99, 99.5, 99.5, 100], '%'));
    expect(m.value).toBeCloseTo(99.5, 10);
    expect(m.previous).toBeCloseTo(99, 10);
  });

  it('takes `previous` from the half-year before a half-year period, and leaves older values out with a note', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}period: {from: 2024-01-01, to: 2024-06-30}\ndata: m.yaml\n`,
      'm.yaml': yamlList('metrics', [
        '{name: 办件量, value: 5, date: 2023-03, aggregate: sum}',
        '{name: 办件量, value: 7, date: 2023-09}',
        '{name: 办件量, value: 8, date: 2023-12}',
        '{name: 办件量, value: 11, date: 2024-02}',
        '{name: 办件量, value: 13, date: 2024-06-30}',
        '{name: 办件量, value: 99, date: 2024-07}',
      ]),
    });
    expect(record!.metrics.map(({ name, value, previous }) => ({ name, value, previous }))).toEqual([{ name: '办件量', value: 24, previous: 15 }]);
    expect(lines).toEqual(['doc.yaml:5:9: note: 2 metric values outside 2024-01 to 2024-06 and 2023-07 to 2023-12 left out']);
  });

  it('without data for the period before, uses the entries’ own `previous` rolled up the same way', async () => {
    const { record } = await load({
      'doc.yaml': `${HEAD}period: 2024\ndata: m.yaml\n`,
      'm.yaml': yamlList('metrics', ['{name: 志愿服务时长, value: 100, previous: 80, date: 2024-06, aggregate: sum}', '{name: 志愿服务时长, value: 120, previous: 90, date: 2024-12}']),
    });
    expect(record!.metrics[0]).toMatchObject({ name: '志愿服务时长', value: 220, previous: 170 });
  });

  it('keeps the plain {name, value, unit, previous} form as it is, and a single value wins over dated ones', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}period: 2024\ndata: m.yaml\n${yamlList('metrics', ['{name: 服务窗口, value: 90, unit: 个, previous: 45}', '{name: 服务项目, value: 194, unit: 项}'])}`,
      'm.yaml': yamlList('metrics', ['{name: 服务窗口, value: 80, date: 2024-12}']),
    });
    expect(record!.metrics.map(({ name, value, unit, previous }) => ({ name, value, unit, previous }))).toEqual([
      { name: '服务窗口', value: 90, unit: '个', previous: 45 },
      { name: '服务项目', value: 194, unit: '项', previous: undefined },
    ]);
    expect(lines).toEqual(['doc.yaml:8:5: warning: metric "服务窗口" is given as a single value here and as dated values (m.yaml:2:5): the single value is used (remove one of them)']);
  });

  it('rolls up dated metrics in a document without `data:` too', async () => {
    const { record } = await load({
      'doc.yaml': `${HEAD}period: 2024\n${yamlList('metrics', ['{name: 办件量, value: 3, date: 2023-06, aggregate: sum}', '{name: 办件量, value: 4, date: 2024-03}', '{name: 办件量, value: 5, date: 2024-09}'])}`,
    });
    expect(record!.metrics.map(({ name, value, previous }) => ({ name, value, previous }))).toEqual([{ name: '办件量', value: 9, previous: 3 }]);
  });

  it('warns about a value recorded twice for one date, a second unit and a second aggregate', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}period: 2024\ndata: m.yaml\n`,
      'm.yaml': yamlList('metrics', [
        '{name: 办件量, value: 5, unit: 件, date: 2024-03, aggregate: sum}',
        '{name: 办件量, value: 6, unit: 件, date: 2024-03}',
        '{name: 办件量, value: 7, unit: 次, date: 2024-06, aggregate: max}',
      ]),
    });
    expect(record!.metrics[0]).toMatchObject({ value: 12, unit: '件' });
    expect(lines).toEqual([
      'm.yaml:4:5: warning: metric "办件量" has `aggregate: max` here but `sum` elsewhere: using sum (give every entry of a metric the same aggregate, or only the first)',
      'm.yaml:4:5: warning: metric "办件量" is in 次 here but in 件 elsewhere: using 件 (give every entry the same unit)',
      'm.yaml:3:5: warning: metric "办件量" for 2024-03 with different values (5 and 6) is recorded twice (m.yaml:2:5 and m.yaml:3:5): kept the first (remove one of them)',
    ]);
  });

  it('computes the period before of equal length', () => {
    const label = (from: string, to: string) => {
      const [fy, fm, fd] = from.split('-').map(Number);
      const [ty, tm, td] = to.split('-').map(Number);
      const span = periodSpan({ from: { year: fy!, month: fm!, day: fd! }, to: { year: ty!, month: tm!, day: td! } });
      return spanLabel(previousSpan(span));
    };
    expect(label('2024-01-01', '2024-12-31')).toBe('2023');
    expect(label('2024-01-01', '2024-06-30')).toBe('2023-07 to 2023-12');
    expect(label('2024-04-01', '2024-06-30')).toBe('2024-01 to 2024-03');
    expect(label('2024-03-01', '2024-03-31')).toBe('2024-02');
    expect(label('2024-03-11', '2024-03-20')).toBe('2024-03-01 to 2024-03-10');
  });
});

describe('statistics for templates', () => {
  it('counts activities by category and month, participants, honors by level, first and last dates', async () => {
    const { record } = await load({
      'doc.yaml': `${HEAD}period: 2024\ndata: [a.yaml, h.yaml]\n`,
      'a.yaml': yamlList('activities', [
        '{date: 2024-03-05, title: 一, category: 志愿服务, participants: 40}',
        '{date: 2024-01-21, title: 二, category: 理论学习, participants: 96}',
        '{date: 2024-03-20, title: 三, category: 志愿服务, participants: 12}',
        '{date: 2024-11, title: 四, category: 文体活动}',
        '{date: 2024-12, title: 五, category: 志愿服务, participants: 2}',
        '{title: 六, category: 志愿服务}',
      ]),
      'h.yaml': yamlList('honors', ['{date: 2024-05, title: 甲, level: 市级}', '{date: 2024-06, title: 乙, level: 国家级}', '{date: 2024-07, title: 丙, level: 市级}', '{date: 2024-08, title: 丁}']),
    });
    const { stats } = templateContext(record!);
    expect(stats.activityCount).toBe(6);
    expect(stats.participants).toBe(150);
    expect(stats.byCategory).toEqual([{ name: '志愿服务', count: 4 }, { name: '理论学习', count: 1 }, { name: '文体活动', count: 1 }]);
    expect(stats.byMonth).toEqual([
      { year: 2024, month: 1, label: '1月', count: 1, participants: 96 },
      { year: 2024, month: 3, label: '3月', count: 2, participants: 52 },
      { year: 2024, month: 11, label: '11月', count: 1, participants: 0 },
      { year: 2024, month: 12, label: '12月', count: 1, participants: 2 },
    ]);
    expect(stats.honorCount).toBe(4);
    expect(stats.byLevel).toEqual([{ name: '国家级', count: 1 }, { name: '市级', count: 2 }]);
    expect(stats.firstDate).toBe('2024年1月21日');
    expect(stats.lastDate).toBe('2024年12月');
  });

  it('states totals with 余: two significant digits, cut down, exact below 100', () => {
    expect([0, 48, 99, 100, 105, 199, 721, 3200, 3245, 3459, 12345, 100000].map(approxCount)).toEqual([
      '0', '48', '99', '100', '100余', '190余', '720余', '3,200', '3,200余', '3,400余', '12,000余', '100,000',
    ]);
    expect(groupDigits(3200)).toBe('3,200');
    expect(groupDigits(1234567.5)).toBe('1,234,567.5');
    expect(groupDigits(999)).toBe('999');
  });

  it('has helpers: approx, grouped, countOf, sumOf', () => {
    const list = [{ category: '志愿服务', participants: 40 }, { category: '理论学习', participants: 96 }, { category: '志愿服务' }];
    expect(helpers['approx']!(3245)).toBe('3,200余');
    expect(helpers['grouped']!(3200)).toBe('3,200');
    expect(helpers['countOf']!(list)).toBe(3);
    expect(helpers['countOf']!(list, 'category', '志愿服务')).toBe(2);
    expect(helpers['sumOf']!(list, 'participants')).toBe(136);
    expect(helpers['countOf']!(undefined)).toBe(0);
  });
});

describe('diagnostics in data files', () => {
  it('points a bad value at its line and column in the data file, and fails the build', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}data: [_data/*.yaml]\n`,
      '_data/a.yaml': yamlList('activities', ['{date: 2024-03-05, title: 好的}']),
      '_data/b.yaml': 'activities:\n  - date: 2024-02-30\n    title: 日期不存在\n    participants: 很多\n',
    });
    expect(record).toBeUndefined();
    expect(lines).toEqual([
      '_data/b.yaml:2:11: `activities[0].date` is not a real date (found "2024-02-30") (write YYYY-MM-DD, YYYY-MM or YYYY)',
      '_data/b.yaml:4:19: `activities[0].participants` must be a number (found "很多") (write a number here)',
    ]);
  });

  it('reports YAML syntax, unknown fields and a data file that is not a mapping, each in its file', async () => {
    const { lines } = await load({
      'doc.yaml': `${HEAD}data: _d/*.yaml\n`,
      '_d/1.yaml': 'activities:\n  - title: [oops\n',
      '_d/2.yaml': 'activites:\n  - title: 拼错了\n',
      '_d/3.yaml': 'kind: 工作总结\nactivities: []\n',
      '_d/4.yaml': '- title: 只是一个列表\n',
      '_d/5.yaml': 'metrics:\n  - {name: 办件量, value: 3, aggregate: total}\n',
    });
    expect(lines.some((l) => /^_d\/1\.yaml:2:12: the \[ that starts here has no matching \]/.test(l)), lines.join('\n')).toBe(true);
    expect(lines).toContain('_d/2.yaml:1:1: unknown field `activites` (a data file holds only activities, honors and metrics; did you mean `activities`?)');
    expect(lines).toContain('_d/3.yaml:1:1: unknown field `kind` (a data file holds only activities, honors and metrics)');
    expect(lines).toContain('_d/4.yaml:1:1: the data file holds a list, not a mapping (start the file with `activities:`, `honors:` or `metrics:`, each a list)');
    expect(lines).toContain('_d/5.yaml:2:38: `metrics[0].aggregate` is "total", expected one of sum, last, max, average');
  });

  it('warns at the `data:` entry when a pattern matches nothing, and an empty data file', async () => {
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}data:\n  - _data/*.yaml\n  - honors.yaml\n`,
      '_data/empty.yaml': '# nothing yet\n',
    });
    expect(record).toBeDefined();
    expect(lines).toEqual([
      "doc.yaml:7:5: warning: `data` pattern \"honors.yaml\" matches no file (patterns are relative to doc.yaml's folder)",
      '_data/empty.yaml:1:1: warning: the data file is empty (add `activities:`, `honors:` or `metrics:`)',
    ]);
  });

  it('repairs garbled text in a data file like in a record, with the warning in that file', async () => {
    const garbled = Buffer.from('志愿服务', 'utf8').toString('latin1');
    const { record, lines } = await load({
      'doc.yaml': `${HEAD}data: a.yaml\n`,
      'a.yaml': `activities:\n  - {date: 2024-03-05, title: 学雷锋, category: ${garbled}}\n`,
    });
    expect(record!.activities[0]!.category).toBe('志愿服务');
    expect(lines.some((l) => /^a\.yaml:2:\d+: warning: repaired garbled text/.test(l))).toBe(true);
  });

  it('report check: a malformed data file is an error naming that file with line:col; exit 1', () => {
    const dir = folderWith({
      'doc.yaml': `${HEAD}data: [_data/*.yaml]\n`,
      '_data/metrics.yaml': 'metrics:\n  - name: 办件量\n    value: 很多\n',
    });
    const r = report(['check', 'doc.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('_data/metrics.yaml:3:12: `metrics[0].value` must be a number (found "很多")');
    expect(r.stderr).toContain('checked 1: 0 ok, 1 with errors');
  });

  it('report check: a glob without a match is a warning, not an error; exit 0', () => {
    const dir = folderWith({ 'doc.yaml': `${HEAD}data: [_data/2024-*.yaml]\n` });
    const r = report(['check', 'doc.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('doc.yaml:5:8: warning: `data` pattern "_data/2024-*.yaml" matches no file');
  });

  it('a folder build skips folders and files starting with _, and a data file built as a document says what it is', async () => {
    const dir = folderWith({
      'doc.yaml': `${HEAD}data: [_data/*.yaml]\n`,
      '_data/a.yaml': yamlList('activities', ['{date: 2024-03-05, title: 一}']),
      'sub/_draft.yaml': 'not: a document',
      'sub/other.yaml': `${HEAD}`,
    });
    const found = await findInputs([dir]);
    expect(found.files.map((f) => path.relative(dir, f.file))).toEqual(['doc.yaml', path.join('sub', 'other.yaml')]);
    const r = report(['check', '_data/a.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('_data/a.yaml:1:1: this is a data file (only `activities`, `honors`, `metrics`), not a document');
  });
});

describe('a year of records laid out as the issue writes it (no _ folders)', () => {
  it('builds the folder: data files are recognised by their content and not built as documents', () => {
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const files: Record<string, string> = {
      'records/summary.yaml': `${HEAD}period: 2024\ndata: [activities/2024-*.yaml, honors.yaml, metrics/*.yaml]\n`,
      'records/honors.yaml': yamlList('honors', ['{date: 2024-05, title: 市级文明单位, level: 市级}', '{date: 2023-11, title: 旧荣誉, level: 区级}']),
      'records/metrics/2023.yaml': yamlList('metrics', ['{name: 办件量, value: 1000, unit: 件, date: 2023-12, aggregate: sum}']),
      'records/metrics/2024.yaml': yamlList('metrics', ['{name: 办件量, value: 600, unit: 件, date: 2024-06, aggregate: sum}', '{name: 办件量, value: 650, unit: 件, date: 2024-12, aggregate: sum}']),
    };
    for (const m of months) {
      const mm = String(m).padStart(2, '0');
      files[`records/activities/2024-${mm}.yaml`] = yamlList('activities', [
        `{date: 2024-${mm}-03, title: 第${m}月志愿服务, category: 志愿服务, participants: ${m * 10}}`,
        `{date: 2024-${mm}-17, title: 第${m}月理论学习, category: 理论学习, participants: ${m * 7}}`,
      ]);
    }
    const dir = folderWith(files);
    const r = report(['build', 'records', '--format', 'md'], { cwd: dir });
    expect(r.stderr).toMatch(/built 1, failed 0/);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['out/summary.md']);
    const md = readFileSync(path.join(dir, 'out', 'summary.md'), 'utf8');
    const participants = months.reduce((s, m) => s + m * 17, 0); // 1,326
    expect(participants).toBe(1326);
    expect(md).toContain('全年共开展各类活动24次，参与1,300余人次，其中志愿服务12次、理论学习12次。从月份分布看，1月2次、2月2次');
    expect(md).toContain('办件量由1000件增加到1250件，增长25%');
    expect(md).toContain('共获得各类荣誉1项（市级1项）');
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped example, end to end, against figures computed here from its YAML files.

const ANNUAL = path.join(ROOT, 'examples', 'annual');
const tools = await findTools(process.env);

interface Raw {
  activities?: Array<{ date?: string; title: string; category?: string; participants?: number }>;
  honors?: Array<{ date?: string; title: string; level?: string }>;
  metrics?: Array<{ name: string; value: number; unit?: string; date?: string; aggregate?: string }>;
}

function readData(): Raw[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(ANNUAL, '_data'));
  return files.map((f) => parseYamlText(readFileSync(f, 'utf8'), { schema: 'core' }) as Raw);
}

/** Two significant digits, cut down, 余 when anything was cut; exact below 100 — computed afresh. */
function expectedApprox(n: number): string {
  const withCommas = (x: number) => x.toLocaleString('en-US');
  if (n < 100) return String(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  const cut = n - (n % magnitude);
  return cut === n ? withCommas(n) : `${withCommas(cut)}余`;
}

describe('examples/annual', () => {
  it('builds with no diagnostics, and its figures match the data files', () => {
    const cwd = scratch('report-annual-');
    const r = report(['build', path.join(ANNUAL, 'summary-2024.yaml'), '--format', 'both', '-o', path.join(cwd, 'out')], { cwd });
    expect(r.stderr).toMatch(/^built 1, failed 0, [\d.]+ s\n$/);
    expect(r.status).toBe(0);
    const markdown = readFileSync(path.join(cwd, 'out', 'summary-2024.md'), 'utf8');
    expect(readFileSync(path.join(cwd, 'out', 'summary-2024.docx')).subarray(0, 2).toString()).toBe('PK');

    const data = readData();
    const in2024 = (d: unknown) => String(d).startsWith('2024');
    const activities = data.flatMap((d) => d.activities ?? []).filter((a) => in2024(a.date));
    const participants = activities.reduce((s, a) => s + (a.participants ?? 0), 0);
    const byCategory = new Map<string, number>();
    for (const a of activities) byCategory.set(a.category!, (byCategory.get(a.category!) ?? 0) + 1);
    expect(activities.length).toBeGreaterThan(40);
    expect(markdown).toContain(`全年共开展各类活动${activities.length}次，参与${expectedApprox(participants)}人次，其中`);
    for (const [category, count] of byCategory) expect(markdown).toContain(`${category}${count}次`);
    const byMonth = new Map<number, number>();
    for (const a of activities) byMonth.set(Number(String(a.date).slice(5, 7)), (byMonth.get(Number(String(a.date).slice(5, 7))) ?? 0) + 1);
    const months = [...byMonth].sort(([a], [b]) => a - b).map(([m, n]) => `${m}月${n}次`);
    expect(markdown).toContain(`从月份分布看，${months.join('、')}。`);

    const honors = data.flatMap((d) => d.honors ?? []).filter((h) => in2024(h.date));
    const levels = ['国家级', '省级', '市级', '区级'].map((l) => [l, honors.filter((h) => h.level === l).length] as const).filter(([, n]) => n > 0);
    expect(markdown).toContain(`共获得各类荣誉${honors.length}项（${levels.map(([l, n]) => `${l}${n}项`).join('、')}）：`);

    // Metrics: each name's quarterly values rolled up per its aggregate, 2023 for the comparison.
    const entries = data.flatMap((d) => d.metrics ?? []);
    const names = [...new Set(entries.map((m) => m.name))];
    expect(names.length).toBeGreaterThanOrEqual(4);
    const roll = (values: number[], aggregate: string) =>
      aggregate === 'sum' ? values.reduce((a, b) => a + b, 0)
      : aggregate === 'max' ? Math.max(...values)
      : aggregate === 'average' ? values.reduce((a, b) => a + b, 0) / values.length
      : values[values.length - 1]!;
    const show = (n: number) => String(Math.round(n * 100) / 100);
    for (const name of names) {
      const of = entries.filter((m) => m.name === name).sort((a, b) => String(a.date).localeCompare(String(b.date)));
      const aggregate = of.find((m) => m.aggregate)?.aggregate ?? 'last';
      const unit = of[0]!.unit ?? '';
      const value = roll(of.filter((m) => String(m.date).startsWith('2024')).map((m) => m.value), aggregate);
      const previous = roll(of.filter((m) => String(m.date).startsWith('2023')).map((m) => m.value), aggregate);
      let phrase: string;
      if (unit === '%') phrase = `由${show(previous)}%提高到${show(value)}%，提高${show(value - previous)}个百分点`;
      else {
        const pct = ((value - previous) / previous) * 100;
        const digits = pct >= 100 ? 0 : 1;
        phrase = `由${show(previous)}${unit}增加到${show(value)}${unit}，增长${Number(pct.toFixed(digits))}%`;
      }
      expect(value).toBeGreaterThan(previous);
      expect(markdown).toContain(`${name}${phrase}`);
    }
  });

  it.skipIf(!tools.ok && !process.env['CI'])('passes render-check in LibreOffice, its text checked against the rolled-up record', () => {
    const cwd = scratch('report-annual-');
    const record = path.join(ANNUAL, 'summary-2024.yaml');
    expect(report(['build', record, '-o', 'out'], { cwd }).status).toBe(0);
    const r = report(['render-check', 'out/summary-2024.docx', '--record', record], { cwd });
    expect(r.stdout).toContain('ok no text lost');
    expect(r.stdout).toContain('ok signature and date at the end: 滨河区政务服务中心 / 2024年12月30日');
    expect(r.status, r.stdout).toBe(0);
  });

  it('is built by `report build examples` next to the other examples, its _data/ left alone', () => {
    const cwd = scratch('report-annual-');
    const r = report(['build', path.join(ROOT, 'examples'), '-o', path.join(cwd, 'out')], { cwd });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain('out/annual/summary-2024.docx');
    expect(existsSync(path.join(cwd, 'out', 'annual', '_data'))).toBe(false);
    expect(r.stderr).not.toMatch(/_data/);
  });
});
