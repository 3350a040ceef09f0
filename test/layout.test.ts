/** Layout decisions of the docx writer that need no word processor: title breaks, signature placement. */
import { describe, expect, it } from 'vitest';
import { titleLines } from '../src/writers/docx/title-lines.js';
import { placeSignature } from '../src/writers/docx/signature.js';

describe('title lines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('关于2024年创建精神文明单位的实施意见')).toEqual(['关于2024年创建精神文明单位的实施意见']);
  });
  it('breaks a long title between words, balancing the two lines', () => {
    expect(titleLines('滨河区丰乐镇社区事务受理服务中心创建市级文明单位情况汇报')).toEqual(['滨河区丰乐镇社区事务受理服务中心', '创建市级文明单位情况汇报']);
    expect(titleLines('滨河区政务服务中心2024年度精神文明建设工作总结')).toEqual(['滨河区政务服务中心', '2024年度精神文明建设工作总结']);
    expect(titleLines('关于深化政务服务改革优化营商环境的实施意见')).toEqual(['关于深化政务服务改革优化营商环境的', '实施意见']);
  });
  it('leaves a title without a good break to the word processor', () => {
    expect(titleLines('一二三四五六七八九十一二三四五六七八九十一二三')).toEqual(['一二三四五六七八九十一二三四五六七八九十一二三']);
  });
});

describe('signature placement (GB/T 9704 7.3.5.2)', () => {
  it('right-spaces the signature 2 characters and starts the date 2 characters further in', () => {
    expect(placeSignature(['滨河区政务服务中心', '2024年12月18日'])).toEqual([
      { align: 'left', indent: 28 - 2 - 9 },
      { align: 'left', indent: 28 - 2 - 9 + 2 },
    ]);
  });
  it('right-spaces a date longer than that 2 characters and moves the signature left', () => {
    expect(placeSignature(['单位', '2024年12月18日'])).toEqual([
      { align: 'left', indent: 28 - 2 - 7 - 2 },
      { align: 'right', indent: 2 },
    ]);
  });
});
