/**
 * Half-width punctuation in Chinese prose (`--punct`): text pasted from web pages and old word
 * processors often has "中心,2023年(一)" where an official document needs "中心，2023年（一）".
 *
 * One line at a time, only where the context is Chinese:
 * - , ; : ? ! become ，；：？！ when the nearest character before them (looking through spaces,
 *   quotes and ASCII closing brackets) is Chinese, full-width brackets included — so "（附件1）,"
 *   changes but not "iPhone 15,售价", "1,000" or "12:30", nor where English follows after a
 *   space ("北京, it is").
 * - a ( ) pair becomes （ ） when it encloses Chinese, follows Chinese, or encloses no Latin
 *   letters and is followed by Chinese ("(1)加强"); a lone parenthesis only after Chinese.
 * - a straight quote pair "…" or '…' enclosing Chinese becomes “…” or ‘…’ (a ' between Latin
 *   letters is an apostrophe and never opens or closes a pair).
 * URLs, e-mail addresses and `code spans` are left alone, and so is a whole line that looks like
 * code (braces, operators, `name("…")` calls, a statement ending in ";"). Nothing full-width is
 * ever turned into ASCII. Every change replaces one UTF-16 unit by one, so columns (1-based
 * UTF-16) are the same in the input and the output.
 */

export interface PunctuationChange {
  column: number;
  before: string;
  after: string;
}

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const HAN = /\p{Script=Han}/u;
/** Han, CJK symbols and punctuation (、。〈〉「」【】…), full-width forms (，：（）…). */
const CHINESE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u;
/** Looked through when deciding what a mark follows: spaces, quotes, ASCII closing brackets, ?!. */
const TRANSPARENT = /[\s"'”’)\]?!]/;
const LATIN_LETTER = /[A-Za-z]/;

const CODE_LINE = new RegExp(
  [
    '[{}]', // blocks, objects
    '=>|[=!<>]=|&&|\\|\\||::|->', // operators
    '\\s=\\s', // assignment
    '[\\w)\\]\'"]\\s*;\\s*$', // a statement ending in ;
    '[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*\\((?:\\s*["\'`]|\\)|[A-Za-z_$][\\w$]*\\s*[,)])', // name("…"), f(x, y), f()
    '</?[A-Za-z][\\w-]*[\\s>/]', // markup tags
  ].join('|'),
);
const PROTECTED = [
  /`[^`]*`/g, // code spans
  /\b(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]+/g, // URLs
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
];

/**
 * What surrounds each UTF-16 index, in two passes over the code points (so astral Han counts):
 * whether the nearest character before it that is not TRANSPARENT is Chinese, whether the next
 * non-space character after it is, and running counts of Han characters and Latin letters.
 */
function surroundings(line: string) {
  const chineseBefore = new Array<boolean>(line.length).fill(false);
  const chineseAfter = new Array<boolean>(line.length).fill(false);
  const han = new Array<number>(line.length + 1).fill(0);
  const latin = new Array<number>(line.length + 1).fill(0);
  const points: Array<{ index: number; ch: string }> = [];
  for (let i = 0; i < line.length; ) {
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    points.push({ index: i, ch });
    han[i + ch.length] = han[i]! + (HAN.test(ch) ? 1 : 0);
    latin[i + ch.length] = latin[i]! + (LATIN_LETTER.test(ch) ? 1 : 0);
    if (ch.length === 2) [han[i + 1], latin[i + 1]] = [han[i]!, latin[i]!];
    i += ch.length;
  }
  let context = false;
  for (const { index, ch } of points) {
    chineseBefore[index] = context;
    if (!TRANSPARENT.test(ch)) context = CHINESE.test(ch);
  }
  context = false;
  for (const { index, ch } of points.reverse()) {
    chineseAfter[index] = context;
    if (!/\s/.test(ch)) context = CHINESE.test(ch);
  }
  /** Han characters / Latin letters strictly between two indices. */
  const hanBetween = (from: number, to: number) => han[to]! - han[from + 1]! > 0;
  const latinBetween = (from: number, to: number) => latin[to]! - latin[from + 1]! > 0;
  return { chineseBefore, chineseAfter, hanBetween, latinBetween };
}

/** Marks every UTF-16 index inside a URL, e-mail address or code span. */
function protectedIndices(line: string): boolean[] {
  const mask = new Array<boolean>(line.length).fill(false);
  for (const pattern of PROTECTED) {
    for (const match of line.matchAll(pattern)) {
      let text = match[0];
      // Sentence punctuation right after a URL is not part of it; nor is a ")" it did not open.
      while (/[.,;:!?'"]$/.test(text) || (text.endsWith(')') && !text.includes('('))) text = text.slice(0, -1);
      mask.fill(true, match.index, match.index + text.length);
    }
  }
  return mask;
}

export function normalizePunctuation(line: string): { text: string; changes: PunctuationChange[] } {
  if (!/[,;:?!()"']/.test(line) || CODE_LINE.test(line)) return { text: line, changes: [] };
  const isProtected = protectedIndices(line);
  const { chineseBefore, chineseAfter, hanBetween, latinBetween } = surroundings(line);
  const out = line.split('');
  const changes: PunctuationChange[] = [];
  const replace = (index: number, after: string) => {
    changes.push({ column: index + 1, before: line.charAt(index), after });
    out[index] = after;
  };

  // Parentheses: match pairs first so both halves change together.
  const open: number[] = [];
  const lone: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (isProtected[i]) continue;
    if (line[i] === '(') open.push(i);
    else if (line[i] === ')') {
      const o = open.pop();
      if (o === undefined) lone.push(i);
      else if (hanBetween(o, i) || chineseBefore[o] || (!latinBetween(o, i) && chineseAfter[i])) {
        replace(o, '（');
        replace(i, '）');
      }
    }
  }
  for (const i of [...open, ...lone]) if (chineseBefore[i]) replace(i, FULL_WIDTH[line.charAt(i)]!);

  // Quote pairs around Chinese. A ' touching Latin letters or digits on its outer side is an apostrophe.
  const quotePairs = [
    { pattern: /"([^"]*)"/g, left: '“', right: '”' },
    { pattern: /(?<![A-Za-z0-9])'([^']*)'(?![A-Za-z0-9])/g, left: '‘', right: '’' },
  ];
  for (const { pattern, left, right } of quotePairs) {
    for (const match of line.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length - 1;
      if (isProtected[start] || isProtected[end] || !hanBetween(start, end)) continue;
      replace(start, left);
      replace(end, right);
    }
  }

  // , ; : ? ! after Chinese (now including the brackets just made full-width, as in "（附件1）,"),
  // unless English follows after a space.
  const converted = out.join('');
  const context = converted === line ? chineseBefore : surroundings(converted).chineseBefore;
  const englishNext = /\s+[A-Za-z]/y;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (isProtected[i] || !',;:?!'.includes(ch) || !context[i]) continue;
    englishNext.lastIndex = i + 1;
    if (!englishNext.test(line)) replace(i, FULL_WIDTH[ch]!);
  }

  changes.sort((a, b) => a.column - b.column);
  return { text: out.join(''), changes };
}
