/**
 * Chinese numerals and the numbering markers of official documents (一、 （一） 1． （1） 一是).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PLACES = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 10010 → 一万零一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`cannot write ${n} as a Chinese numeral`);
  if (n === 0) return DIGITS[0]!;
  const text = groupsOf(n);
  // A leading 一十 is said 十: 十一, 十五万 — but 一百一十 keeps its 一.
  return text.startsWith('一十') ? text.slice(1) : text;
}

function groupsOf(n: number): string {
  const units = ['', '万', '亿'];
  let out = '';
  let needZero = false;
  for (let g = 2; g >= 0; g--) {
    const group = Math.floor(n / 10000 ** g) % 10000;
    if (group === 0) {
      if (out) needZero = true;
      continue;
    }
    if (out && (needZero || group < 1000)) out += DIGITS[0];
    out += belowTenThousand(group) + units[g];
    needZero = false;
  }
  return out;
}

function belowTenThousand(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += DIGITS[0];
    out += DIGITS[digit]! + PLACES[place]!;
    zero = false;
  }
  return out;
}

/**
 * Numbering marker styles, named by how the first one looks. `marker("（一）", 2)` → "（三）".
 */
export const MARKER_STYLES: Record<string, (n: number) => string> = {
  '一、': (n) => `${chineseNumeral(n)}、`,
  '（一）': (n) => `（${chineseNumeral(n)}）`,
  '1．': (n) => `${n}．`,
  '1.': (n) => `${n}.`,
  '1、': (n) => `${n}、`,
  '（1）': (n) => `（${n}）`,
  '一是': (n) => `${chineseNumeral(n)}是`,
  '第一': (n) => `第${chineseNumeral(n)}`,
};

/** The marker of the item at a 0-based index. */
export function marker(style: string, index: number): string {
  const make = MARKER_STYLES[style];
  if (!make) throw new Error(`unknown numbering style "${style}" (expected one of ${Object.keys(MARKER_STYLES).join(' ')})`);
  return make(index + 1);
}
