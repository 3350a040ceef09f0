/**
 * Generated record files for layout and batch tests: realistic Chinese prose assembled from
 * phrases, every kind, long or short, with or without metrics, honors and activities.
 */
import { stringify } from 'yaml';

const PHRASES = [
  '坚持以人民为中心的发展思想', '紧紧围绕中心工作', '持续深化政务服务改革', '不断提升群众满意度',
  '健全完善各项规章制度', '扎实开展主题教育活动', '切实加强干部队伍建设', '积极营造文明和谐氛围',
  '推动创建工作走深走实', '把精神文明建设融入日常工作', '强化窗口服务规范', '落实首问责任和限时办结制度',
  '广泛开展志愿服务活动', '深入推进作风建设', '全面提高服务质量和效率', '形成了比学赶超的良好局面',
];

/** A deterministic pseudo-random sequence, so generated records are the same on every run. */
function sequence(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next, clauses) {
  const parts = Array.from({ length: clauses }, () => PHRASES[Math.floor(next() * PHRASES.length)]);
  return `${parts.join('，')}。`;
}


/** @param {import('./generate-records.d.mts').GenerateOptions} options */
export function generateRecord(options) {
  const next = sequence(options.seed ?? 7);
  const paragraph = () => Array.from({ length: options.length }, () => sentence(next, 3 + Math.floor(next() * 3))).join('');
  const record = {
    kind: options.kind,
    title: { 工作总结: '2024年度精神文明建设工作总结', 实施意见: '关于2025年创建文明单位的实施意见', 情况汇报: '创建市级文明单位工作情况汇报' }[options.kind],
    unit: '滨河区政务服务中心',
    date: '2024-12-18',
    period: 2024,
    intro: paragraph(),
    sections: Array.from({ length: options.sections }, (_, i) => ({
      heading: `${PHRASES[i % PHRASES.length]}，${PHRASES[(i + 5) % PHRASES.length]}`,
      text: paragraph(),
      points: Array.from({ length: options.pointsPerSection }, (_, j) => ({ title: PHRASES[(i + j) % PHRASES.length], text: paragraph() })),
    })),
    closing: paragraph(),
  };
  if (options.data) {
    record['activities'] = Array.from({ length: 8 }, (_, i) => ({
      date: `2024-${String(i + 2).padStart(2, '0')}-1${i}`,
      title: `${['学雷锋志愿服务', '道德讲堂', '理论学习会', '文明交通劝导'][i % 4]}活动`,
      category: ['志愿服务', '道德讲堂', '理论学习', '志愿服务'][i % 4],
      participants: 20 + i * 5,
    }));
    record['honors'] = [{ date: '2024-05', title: '市级文明单位', by: '市文明委', level: '市级' }];
    record['metrics'] = [
      { name: '服务窗口', value: 90, unit: '个', previous: 45 },
      { name: '服务项目', value: 194, unit: '项', previous: 95 },
      { name: '群众满意率', value: 99.2, unit: '%', previous: 97.5 },
    ];
  }
  const text = stringify(record, { lineWidth: 0 });
  return options.traditional ? toTraditionalSample(text) : text;
}

/** A handful of character swaps: enough to put traditional glyphs through the layout tests. */
const TRADITIONAL = { 区: '區', 务: '務', 设: '設', 开: '開', 动: '動', 质: '質', 规: '規', 范: '範', 单: '單', 员: '員', 创: '創' };

function toTraditionalSample(text) {
  return text.replace(/[区务设开动质规范单员创]/g, (ch) => TRADITIONAL[ch]);
}
