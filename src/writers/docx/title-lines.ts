/**
 * Where a long title breaks (GB/T 9704 7.3.3: "回行时，要做到词意完整，排列对称，长短适宜"):
 * a title wider than one 22 pt line (20 characters in the 156 mm block) is broken at the
 * place that leaves both lines fitting and closest in length, among places that do not split
 * a word: after 的 or 、, after a unit name's last word (中心, 委员会, 办公室…), before 关于, or
 * before the genre (情况汇报, 实施意见, 工作总结…). Without such a place the processor wraps it.
 */
import { textWidth } from './signature.js';

/** Title characters per line: 156 mm / 22 pt. */
export const TITLE_LINE_CHARS = 20;

const BREAK_AFTER = /(?<=的|、|中心|委员会|办公室|人民政府|管理局|服务站|事务所|街道办事处)/g;
const BREAK_BEFORE = /(?=关于|工作总结|实施意见|情况汇报|情况报告|工作报告|工作方案|工作要点)/g;

export function titleLines(title: string): string[] {
  if (textWidth(title) <= TITLE_LINE_CHARS) return [title];
  const places = new Set<number>();
  for (const pattern of [BREAK_AFTER, BREAK_BEFORE]) for (const m of title.matchAll(pattern)) if (m.index > 0 && m.index < title.length) places.add(m.index);
  let best: { at: number; imbalance: number } | undefined;
  for (const at of places) {
    const first = textWidth(title.slice(0, at));
    const second = textWidth(title.slice(at));
    if (first > TITLE_LINE_CHARS || second > TITLE_LINE_CHARS) continue;
    const imbalance = Math.abs(first - second);
    if (!best || imbalance < best.imbalance) best = { at, imbalance };
  }
  return best ? [title.slice(0, best.at), title.slice(best.at)] : [title];
}
