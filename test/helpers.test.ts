import { describe, expect, it } from 'vitest';
import { chineseNumeral, marker } from '../src/template/numerals.js';
import { briefChange, changePhrase, formatPercent, joinChinese, runInHeading } from '../src/template/phrases.js';
import { chineseDate, parsePartialDate } from '../src/records/dates.js';
import { helpers } from '../src/template/helpers.js';

describe('chineseNumeral', () => {
  it.each([
    [0, '零'], [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
    [99, '九十九'], [100, '一百'], [101, '一百零一'], [105, '一百零五'], [110, '一百一十'], [111, '一百一十一'],
    [1000, '一千'], [1005, '一千零五'], [1050, '一千零五十'], [2024, '二千零二十四'], [10000, '一万'],
    [10010, '一万零一十'], [100000, '十万'], [150000, '十五万'], [1000001, '一百万零一'], [100000000, '一亿'],
  ])('%i → %s', (n, text) => expect(chineseNumeral(n)).toBe(text));

  it('refuses what it cannot write', () => {
    expect(() => chineseNumeral(-1)).toThrow();
    expect(() => chineseNumeral(1.5)).toThrow();
  });
});

describe('marker', () => {
  it.each([
    ['一、', 0, '一、'], ['一、', 9, '十、'], ['（一）', 1, '（二）'], ['（一）', 10, '（十一）'], ['1．', 2, '3．'],
    ['1、', 0, '1、'], ['（1）', 4, '（5）'], ['一是', 1, '二是'], ['一是', 11, '十二是'], ['第一', 2, '第三'],
  ])('%s at %i → %s', (style, index, text) => expect(marker(style, index)).toBe(text));

  it('names the styles it knows when given another', () => {
    expect(() => marker('A.', 0)).toThrow(/unknown numbering style "A\." \(expected one of 一、/);
  });
});

describe('dates', () => {
  it('writes 成文日期 without leading zeros', () => {
    expect(chineseDate(parsePartialDate('2024-12-18')!)).toBe('2024年12月18日');
    expect(chineseDate(parsePartialDate('2024-03-05')!)).toBe('2024年3月5日');
    expect(chineseDate(parsePartialDate('2024-05')!)).toBe('2024年5月');
    expect(chineseDate(parsePartialDate(2024)!)).toBe('2024年');
  });
  it('is the dateText helper', () => {
    const options = { hash: {}, data: {} } as never;
    expect(helpers.dateText!('2024-12-18', options)).toBe('2024年12月18日');
    expect(helpers.dateText!('2024-05', options)).toBe('2024年5月');
    expect(() => helpers.dateText!('2024-02-30', options)).toThrow(/dateText: expected/);
  });
  it('rejects dates that do not exist', () => {
    expect(parsePartialDate('2024-02-30')).toBeUndefined();
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2024-13')).toBeUndefined();
    expect(parsePartialDate('24-1-1')).toBeUndefined();
  });
});

describe('joinChinese', () => {
  it('joins with 、 and 和', () => {
    expect(joinChinese([])).toBe('');
    expect(joinChinese(['甲'])).toBe('甲');
    expect(joinChinese(['甲', '乙'])).toBe('甲和乙');
    expect(joinChinese(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(joinChinese(['甲', '乙', '丙'], '及')).toBe('甲、乙及丙');
  });
  it('is the join helper, with a field of objects', () => {
    const options = { hash: {}, data: {} };
    expect(helpers.join!([{ t: '甲' }, { t: '乙' }], 't', options as never)).toBe('甲和乙');
  });
});

describe('metric change phrasing', () => {
  it('goes up, down or stays', () => {
    expect(changePhrase({ value: 36, previous: 33, unit: '个' })).toBe('由33个增加到36个，增长9.1%');
    expect(changePhrase({ value: 40, previous: 45, unit: '个' })).toBe('由45个减少到40个，下降11.1%');
    expect(changePhrase({ value: 36, previous: 36, unit: '个' })).toBe('保持在36个，与上期持平');
  });
  it('has no percentage from zero and no comparison without a previous value', () => {
    expect(changePhrase({ value: 36, previous: 0, unit: '个' })).toBe('由0个增加到36个');
    expect(changePhrase({ value: 36, unit: '个' })).toBe('为36个');
  });
  it('counts percentage points for rates', () => {
    expect(changePhrase({ value: 92, previous: 85, unit: '%' })).toBe('由85%提高到92%，提高7个百分点');
    expect(changePhrase({ value: 85, previous: 92.5, unit: '%' })).toBe('由92.5%下降到85%，下降7.5个百分点');
  });
  it('has a short form for table cells', () => {
    expect(briefChange({ value: 36, previous: 33 })).toBe('增长9.1%');
    expect(briefChange({ value: 3, previous: 5 })).toBe('下降40%');
    expect(briefChange({ value: 5, previous: 5 })).toBe('持平');
    expect(briefChange({ value: 5 })).toBe('—');
    expect(briefChange({ value: 5, previous: 0 })).toBe('新增');
  });
});

describe('formatPercent', () => {
  it.each([
    [9.0909, '9.1%'], [100, '100%'], [104.4, '104%'], [250.6, '251%'], [12, '12%'], [0.04, '0.04%'], [0.5, '0.5%'], [-11.11, '11.1%'], [0, '0%'],
  ])('%f → %s', (p, text) => expect(formatPercent(p)).toBe(text));
});

describe('runInHeading', () => {
  it('puts the closing punctuation outside the bold', () => {
    expect(runInHeading('（一）', '健全领导机构')).toBe('**（一）健全领导机构**。');
    expect(runInHeading('（一）', '如何开展？')).toBe('**（一）如何开展**？');
    expect(runInHeading('一是', '提升素养，提高意识。')).toBe('**一是提升素养，提高意识**。');
  });
});
