import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostics.js';
import { parseRecordText } from '../src/records/load.js';
import { recordJsonSchema } from '../src/records/json-schema.js';
import { toParagraphs } from '../src/records/validate.js';
import { ROOT } from './support.js';

const VALID = `kind: 工作总结
title: 2024年度文明单位创建工作总结
unit: 滨河区政务服务中心
date: 2024-12-18
`;

/** The one-line messages a record text produces. */
function problems(text: string): string[] {
  const result = parseRecordText('r.yaml', text);
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d));
}

describe('record validation', () => {
  it('accepts a minimal record and fills in defaults', () => {
    const result = parseRecordText('r.yaml', VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kind).toBe('summary');
    expect(result.value.date).toEqual({ year: 2024, month: 12, day: 18 });
    expect(result.value.sections).toEqual([]);
  });

  it('accepts the English aliases of the kinds', () => {
    for (const [alias, kind] of [['summary', 'summary'], ['plan', 'plan'], ['briefing', 'briefing'], ['实施意见', 'plan'], ['情况汇报', 'briefing']]) {
      const result = parseRecordText('r.yaml', VALID.replace('工作总结', alias!));
      expect(result.ok && result.value.kind).toBe(kind);
    }
  });

  it('defaults the date to today', () => {
    const result = parseRecordText('r.yaml', VALID.replace('date: 2024-12-18\n', ''), { now: new Date(2025, 0, 7) });
    expect(result.ok && result.value.date).toEqual({ year: 2025, month: 1, day: 7 });
  });

  it('points at a missing required field', () => {
    expect(problems(VALID.replace('unit: 滨河区政务服务中心\n', ''))).toEqual(['r.yaml:1:1: missing required field `unit` (add `unit:`)']);
  });

  it('points at an unknown kind and suggests the close one', () => {
    expect(problems(VALID.replace('kind: 工作总结', 'kind: 工作总结报告'))).toEqual([
      'r.yaml:1:7: `kind` is "工作总结报告", expected one of 工作总结, 实施意见, 情况汇报, summary, plan, briefing (did you mean 工作总结?)',
    ]);
  });

  it('points at an unknown key, with a suggestion', () => {
    expect(problems(`${VALID}titel: x\n`)).toEqual(['r.yaml:5:1: unknown field `titel` (did you mean `title`?)']);
    expect(problems(`${VALID}sections:\n  - heading: 甲\n    pionts: []\n`)).toEqual([
      'r.yaml:7:5: unknown field `sections[0].pionts` (did you mean `points`?)',
    ]);
  });

  it('allows anything under extra:', () => {
    expect(problems(`${VALID}extra:\n  anything: [1, 2]\n  nested: {a: b}\n`)).toEqual([]);
  });

  it('points at wrong types with what was found', () => {
    const text = `${VALID}metrics:\n  - name: 服务窗口\n    value: 很多\n`;
    expect(problems(text)).toEqual(['r.yaml:7:12: `metrics[0].value` must be a number (found "很多") (write a number here)']);
    expect(problems(`${VALID}sections: 文字\n`)).toEqual(['r.yaml:5:11: `sections` must be a list (found "文字") (write a list here)']);
    expect(problems(`${VALID}activities:\n  - title: 甲\n    participants: 3.5\n`)).toEqual([
      'r.yaml:7:19: `activities[0].participants` must be a whole number (found 3.5) (write a whole number here)',
    ]);
  });

  it('rejects negative metrics and dates that do not exist', () => {
    expect(problems(`${VALID}metrics:\n  - {name: 甲, value: -3}\n`)).toEqual(['r.yaml:6:22: `metrics[0].value` must be 0 or more (found -3) (correct the number)']);
    expect(problems(VALID.replace('2024-12-18', '2024-02-30'))).toEqual([
      'r.yaml:4:7: `date` is not a real date (found "2024-02-30") (write YYYY-MM-DD, YYYY-MM or YYYY)',
    ]);
    expect(problems(VALID.replace('2024-12-18', '18/12/2024'))).toEqual([
      'r.yaml:4:7: `date` is not a real date (found "18/12/2024") (write YYYY-MM-DD, YYYY-MM or YYYY)',
    ]);
  });

  it('reports the point branch of a union by its own fields', () => {
    expect(problems(`${VALID}sections:\n  - heading: 甲\n    points:\n      - title: 3\n`)).toEqual([
      'r.yaml:8:16: `sections[0].points[0].title` must be text (found 3) (write text here)',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with positions', () => {
    expect(problems(`${VALID}title: again\n`)).toEqual(['r.yaml:5:1: the field `title` appears twice in this mapping (remove or rename one of the keys)']);
    const syntax = problems(`${VALID}sections: [a, b\n`);
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]).toMatch(/^r\.yaml:\d+:\d+: .+\(fix the YAML syntax\)$/);
  });

  it('refuses a file that is not a record', () => {
    expect(problems('')).toEqual(['r.yaml:1:1: the file is empty (write a record: kind:, title:, unit:, …)']);
    expect(problems('- a\n- b\n')).toEqual(['r.yaml:1:1: the file holds a list, not a record (start the file with fields such as `kind:` and `title:`)']);
    expect(problems('just text\n')).toEqual(['r.yaml:1:1: the file holds a single value, not a record (start the file with fields such as `kind:` and `title:`)']);
  });

  it('caps alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10).fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`).join(', ')}]`);
    const result = parseRecordText('r.yaml', `${bomb.join('\n')}\n`);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.code).toBe('yaml/aliases');
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and joins hard-wrapped lines', () => {
    expect(toParagraphs('第一段\n接续。\n\n第二段。')).toEqual(['第一段接续。', '第二段。']);
    expect(toParagraphs('Word\nwrap 2024\n年')).toEqual(['Word wrap 2024年']);
    expect(toParagraphs(['甲。', '', '乙。'])).toEqual(['甲。', '乙。']);
    expect(toParagraphs(undefined)).toEqual([]);
  });
});

describe('published schema', () => {
  it('is up to date with the validator (regenerate with `report schema > schema/record.schema.json`)', () => {
    expect(readFileSync(path.join(ROOT, 'schema', 'record.schema.json'), 'utf8')).toBe(recordJsonSchema());
  });
});
