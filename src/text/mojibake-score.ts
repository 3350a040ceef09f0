/**
 * The plausibility model of the mojibake repair: how many "bits" a piece of text costs, as a
 * crude language model over characters and their classes.
 *
 * - Each character has a base cost: cheap for common Han characters (GB2312 level 1, Big5
 *   A440–C67E; the characters common to both lists cheapest), CJK punctuation, ASCII, letters of
 *   a living script, and accented letters by rough frequency (é ü ñ cheap, Ã Ð Þ dear); dear
 *   for rare ideographs, odd punctuation forms, Latin-1 symbols, controls, private use.
 *   (U+FFFD costs an ordinary character: it stands for one lost before; readings that would
 *   make one up are refused elsewhere.)
 * - Each pair of neighbours adds a penalty when it is unlikely in real text: a lowercase letter
 *   followed by an accented capital ("rÃ©"), dense runs of accented letters and Latin-1 symbols
 *   ("Äê´´½¨"), an opening quote glued after a letter, two scripts glued together ("Рґ",
 *   "年Ã"), a combining mark after a non-letter; and (exact scoring only) a lowercase accented
 *   letter closing a word of capitals ("NICIODATà").
 *
 * A repair is worth making when the repaired text costs clearly less than the text as it stood.
 * The same function scores both sides, so neither is favoured by construction.
 */
import { HAN_COMMON_SIMPLIFIED, HAN_COMMON_TRADITIONAL, HAN_LESS_COMMON, hanClassTable, isCp1252Special } from './charsets.js';

// ───────────────────────────── classes ─────────────────────────────

export const K_OTHER = 0;
export const K_LOWER = 1; // ASCII a–z
export const K_UPPER = 2; // ASCII A–Z
export const K_DIGIT = 3;
export const K_SPACE = 4; // space, tab and the other spaces (NBSP has its own class)
export const K_PUNCT = 5; // ASCII punctuation
export const K_CONTROL = 6; // C0 (but tab), DEL, C1, invisible format characters
export const K_XLOWER = 7; // accented / extended Latin lowercase
export const K_XUPPER = 8; // accented / extended Latin capitals
export const K_XODD = 9; // Latin letters hardly used in running text (IPA, most of Latin Extended-B)
export const K_SUFFIX = 10; // ™ ® ©: at home right after a word
export const K_SHY = 11; // soft hyphen
export const K_SYMBOL = 12; // Latin-1 and other symbols
export const K_OPENQ = 13; // “ ‘ « ‹
export const K_CLOSEQ = 14; // ” » ›
export const K_DASH = 15; // – — ‐
export const K_ELLIPSIS = 16; // …
export const K_GREEK_LOWER = 17;
export const K_GREEK_UPPER = 18;
export const K_CYR_LOWER = 19;
export const K_CYR_UPPER = 20;
export const K_SCRIPT = 21; // letters of other living scripts (Hebrew, Arabic, Indic, Thai, …)
export const K_RARE_SCRIPT = 22; // Syriac, Thaana, N'Ko, Samaritan, Runic, Yi, …
export const K_COMBINING = 23;
export const K_HAN_CORE = 24; // in both common lists
export const K_HAN = 25; // in one common list
export const K_HAN_MEDIUM = 26; // GB2312 level 2, GBK/3, Big5 level 2, HKSCS
export const K_HAN_RARE = 27; // other BMP unified ideographs
export const K_HAN_EXT = 28; // Extension A, compatibility ideographs, radicals, supplementary planes
export const K_CJK_PUNCT = 29; // 、。「」《》（），：；！？ …
export const K_CJK_ODDPUNCT = 30; // small and vertical forms, 〄〒〓〠, Hangzhou numerals, ￠￡￥
export const K_FULLWIDTH = 31; // full-width letters and digits, half-width katakana
export const K_KANA_HANGUL = 32;
export const K_MISC_SYMBOL = 33; // arrows, maths, box drawing, shapes, dingbats, emoji
export const K_BAD = 34; // private use, U+FFFD, noncharacters, lone surrogates
export const K_APOS = 35; // ’ ʼ (apostrophes)
export const K_ASCII_ODD = 36; // @ # $ ^ _ ` | ~ \ * + = < > [ ] { }: not found next to accented letters
export const K_LOWQ = 37; // „ ‚ (low quotes: German, Polish, …)
export const K_NBSP = 38; // no-break space: a space, but not between CJK characters
export const K_SMALL_KANA = 39; // ぁぃぅぇぉっゃゅょゎ ァィゥ…: only ever after another kana
export const K_ACUTE = 40; // ´ (used as a quote in Latin text; never next to CJK)
export const K_OVERLAY = 41; // combining overlays and lines (strike-through, underline "fancy text"): after any character
const CLASS_COUNT = 42;

const BASE = new Float64Array(CLASS_COUNT);
BASE[K_OTHER] = 7;
BASE[K_LOWER] = 1;
BASE[K_UPPER] = 1.5;
BASE[K_DIGIT] = 1.5;
BASE[K_SPACE] = 1;
BASE[K_PUNCT] = 2;
BASE[K_CONTROL] = 13;
BASE[K_XLOWER] = 3.75;
BASE[K_XUPPER] = 4.5;
BASE[K_XODD] = 8;
BASE[K_SUFFIX] = 4;
BASE[K_SHY] = 7;
BASE[K_SYMBOL] = 5;
BASE[K_OPENQ] = 2.5;
BASE[K_CLOSEQ] = 2.5;
BASE[K_APOS] = 2.5;
BASE[K_ASCII_ODD] = 2.5;
BASE[K_LOWQ] = 3;
BASE[K_NBSP] = 3;
BASE[K_SMALL_KANA] = 5;
BASE[K_ACUTE] = 4.5;
BASE[K_OVERLAY] = 6;
BASE[K_DASH] = 2.5;
BASE[K_ELLIPSIS] = 3;
BASE[K_GREEK_LOWER] = 2.5;
BASE[K_GREEK_UPPER] = 3;
BASE[K_CYR_LOWER] = 2.5;
BASE[K_CYR_UPPER] = 3;
BASE[K_SCRIPT] = 3;
BASE[K_RARE_SCRIPT] = 10;
BASE[K_COMBINING] = 9;
BASE[K_HAN_CORE] = 4.5;
BASE[K_HAN] = 5.25;
BASE[K_HAN_MEDIUM] = 8;
BASE[K_HAN_RARE] = 10.5;
BASE[K_HAN_EXT] = 13;
BASE[K_CJK_PUNCT] = 3;
BASE[K_CJK_ODDPUNCT] = 7;
BASE[K_FULLWIDTH] = 6;
BASE[K_KANA_HANGUL] = 4.5;
BASE[K_MISC_SYMBOL] = 6;
BASE[K_BAD] = 14;

let classes: Uint8Array | undefined;
let costs: Float32Array | undefined;

/** Class of every BMP code unit (built once). */
export function classTable(): Uint8Array {
  if (classes) return classes;
  const t = new Uint8Array(65536);
  const set = (from: number, to: number, k: number) => t.fill(k, from, to + 1);
  const each = (chars: string, k: number) => {
    for (const c of chars) t[c.charCodeAt(0)] = k;
  };
  set(0x21, 0x7e, K_PUNCT);
  set(0x61, 0x7a, K_LOWER);
  set(0x41, 0x5a, K_UPPER);
  set(0x30, 0x39, K_DIGIT);
  each('@#$^_`|~\\*+=<>[]{}', K_ASCII_ODD);
  set(0x00, 0x1f, K_CONTROL);
  set(0x7f, 0x9f, K_CONTROL);
  each(' \t', K_SPACE);
  t[0xa0] = K_NBSP;
  t[0xad] = K_SHY;
  set(0xa1, 0xbf, K_SYMBOL);
  set(0xc0, 0xde, K_XUPPER);
  set(0xdf, 0xff, K_XLOWER);
  each('×÷', K_SYMBOL);
  // Latin Extended-A: alternating capital/small, with a few exceptions.
  for (let c = 0x100; c <= 0x17f; c++) t[c] = c % 2 === 0 ? K_XUPPER : K_XLOWER;
  for (let c = 0x139; c <= 0x148; c++) t[c] = c % 2 === 1 ? K_XUPPER : K_XLOWER;
  for (let c = 0x179; c <= 0x17e; c++) t[c] = c % 2 === 1 ? K_XUPPER : K_XLOWER;
  each('ĸſ', K_XODD);
  each('ıŉ', K_XLOWER);
  each('İŸ', K_XUPPER);
  set(0x180, 0x24f, K_XODD);
  for (let c = 0x1cd; c <= 0x1dc; c++) t[c] = c % 2 === 1 ? K_XUPPER : K_XLOWER; // Ǎ ǎ … (pinyin)
  set(0x1c4, 0x1cc, K_XLOWER); // Croatian digraphs ǆ ǉ ǌ
  for (let c = 0x218; c <= 0x21b; c++) t[c] = c % 2 === 0 ? K_XUPPER : K_XLOWER; // Ș ș Ț ț
  set(0x250, 0x2af, K_XODD); // IPA
  set(0x2b0, 0x2ff, K_SYMBOL); // spacing modifiers
  t[0x2bc] = K_APOS; // modifier apostrophe
  set(0x300, 0x36f, K_COMBINING);
  set(0x332, 0x333, K_OVERLAY); // ̲ ̳ (underline)
  set(0x334, 0x338, K_OVERLAY); // ̴ ̵ ̶ ̷ ̸ (strike-through, slash)
  set(0x370, 0x3ff, K_GREEK_LOWER);
  set(0x386, 0x3ab, K_GREEK_UPPER);
  each('\u0384\u0385\u0387\u037e', K_SYMBOL); // Greek tonos, ano teleia, question mark
  set(0x3e2, 0x3ff, K_XODD);
  set(0x400, 0x40f, K_CYR_UPPER);
  set(0x410, 0x42f, K_CYR_UPPER);
  set(0x430, 0x45f, K_CYR_LOWER);
  set(0x460, 0x52f, K_RARE_SCRIPT); // historic and non-Slavic Cyrillic
  each('ҐҒҚҢҮҰҲҺӘӨ', K_CYR_UPPER);
  each('ґғқңүұҳһәө', K_CYR_LOWER);
  set(0x530, 0x58f, K_SCRIPT); // Armenian
  set(0x591, 0x5c7, K_COMBINING); // Hebrew points
  set(0x5d0, 0x5f4, K_SCRIPT); // Hebrew
  set(0x600, 0x6ff, K_SCRIPT); // Arabic
  set(0x610, 0x61a, K_COMBINING);
  set(0x64b, 0x65f, K_COMBINING);
  set(0x700, 0x8ff, K_RARE_SCRIPT); // Syriac, Thaana, N'Ko, Samaritan, Mandaic, …
  set(0x900, 0xdff, K_SCRIPT); // Indic
  set(0xe00, 0xeff, K_SCRIPT); // Thai, Lao
  set(0xf00, 0xfff, K_RARE_SCRIPT); // Tibetan
  set(0x1000, 0x109f, K_SCRIPT); // Myanmar
  set(0x10a0, 0x10ff, K_SCRIPT); // Georgian
  set(0x1100, 0x11ff, K_KANA_HANGUL); // Hangul jamo
  set(0x1200, 0x139f, K_SCRIPT); // Ethiopic
  set(0x13a0, 0x1cff, K_RARE_SCRIPT); // Cherokee … Sundanese
  set(0x1d00, 0x1dbf, K_RARE_SCRIPT); // phonetic extensions
  set(0x1dc0, 0x1dff, K_COMBINING);
  for (let c = 0x1e00; c <= 0x1eff; c++) t[c] = c % 2 === 0 ? K_XUPPER : K_XLOWER; // Vietnamese …
  set(0x1f00, 0x1fff, K_GREEK_LOWER);
  set(0x2000, 0x206f, K_SYMBOL);
  set(0x2000, 0x200a, K_SPACE);
  each('\u202f\u205f', K_SPACE);
  each('“‘«‹', K_OPENQ);
  each('»›', K_CLOSEQ);
  each('„‚', K_LOWQ);
  each('”', K_CLOSEQ);
  each('’', K_APOS);
  each('–—‐‑', K_DASH);
  t[0x2026] = K_ELLIPSIS;
  set(0x2028, 0x202e, K_CONTROL);
  set(0x200b, 0x200f, K_CONTROL);
  set(0x2060, 0x206f, K_CONTROL);
  set(0x2070, 0x209f, K_SYMBOL); // super/subscripts
  set(0x20a0, 0x20cf, K_SYMBOL); // currency
  set(0x20d0, 0x20ff, K_COMBINING);
  set(0x2100, 0x2bff, K_MISC_SYMBOL); // letterlike, numbers, arrows, maths, technical, boxes, shapes, dingbats
  set(0x2c00, 0x2dff, K_RARE_SCRIPT);
  set(0x2e00, 0x2e7f, K_SYMBOL);
  set(0x2e80, 0x2fdf, K_HAN_EXT); // radicals
  set(0x3000, 0x303f, K_CJK_ODDPUNCT);
  for (let c = 0x3000; c <= 0x3011; c++) if (c !== 0x3004 && c !== 0x3006) t[c] = K_CJK_PUNCT; // 　、。〃々〇〈〉《》「」『』【】
  set(0x3014, 0x3017, K_CJK_PUNCT); // 〔〕〖〗
  set(0x3040, 0x30ff, K_KANA_HANGUL);
  each('ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ', K_SMALL_KANA);
  set(0x3100, 0x318f, K_KANA_HANGUL); // bopomofo, compatibility jamo
  set(0x3190, 0x33ff, K_MISC_SYMBOL); // kanbun, enclosed CJK, compatibility
  set(0x3400, 0x4dbf, K_HAN_EXT);
  set(0x4dc0, 0x4dff, K_MISC_SYMBOL);
  set(0x4e00, 0x9fff, K_HAN_RARE);
  set(0xa000, 0xabff, K_RARE_SCRIPT); // Yi, Lisu, Vai, …
  set(0xac00, 0xd7a3, K_KANA_HANGUL);
  set(0xd7b0, 0xd7ff, K_RARE_SCRIPT);
  set(0xd800, 0xf8ff, K_BAD); // surrogates, private use
  set(0xf900, 0xfaff, K_HAN_EXT);
  set(0xfb00, 0xfb06, K_XLOWER); // ligatures ﬁ ﬂ
  set(0xfb1d, 0xfdff, K_RARE_SCRIPT); // presentation forms
  set(0xfdd0, 0xfdef, K_BAD);
  set(0xfe00, 0xfe0f, K_COMBINING); // variation selectors
  set(0xfe10, 0xfe6f, K_CJK_ODDPUNCT);
  set(0xfe20, 0xfe2f, K_COMBINING);
  set(0xfe70, 0xfefe, K_RARE_SCRIPT);
  t[0xfeff] = K_CONTROL;
  set(0xff01, 0xff5e, K_CJK_PUNCT);
  set(0xff10, 0xff19, K_FULLWIDTH);
  set(0xff21, 0xff3a, K_FULLWIDTH);
  set(0xff41, 0xff5a, K_FULLWIDTH);
  set(0xff5f, 0xff60, K_CJK_ODDPUNCT);
  set(0xff61, 0xffdc, K_FULLWIDTH); // half-width katakana and jamo
  set(0xffe0, 0xffe6, K_CJK_ODDPUNCT); // ￠￡￢￣￤￥
  set(0xfff0, 0xffff, K_BAD);
  t[0xfffc] = K_MISC_SYMBOL;
  // Windows-1252 letters above U+00FF
  for (let c = 0x100; c < 0x2200; c++) if (t[c] === K_OTHER && isCp1252Special(c)) t[c] = K_SYMBOL;
  each('ŠŽŒŸ', K_XUPPER);
  each('šžœ', K_XLOWER);
  each('™®©', K_SUFFIX);
  each('°‰℃', K_SYMBOL);
  each('•†‡※‧′″', K_SYMBOL);
  each('´', K_ACUTE);
  each('○●■□▲△◆◇★☆→←↑↓√№', K_SYMBOL);
  t[0xb7] = K_CJK_PUNCT; // middle dot: 卡尔·马克思
  // Han by frequency
  const han = hanClassTable();
  const both = HAN_COMMON_SIMPLIFIED | HAN_COMMON_TRADITIONAL;
  for (let c = 0x3400; c <= 0xfaff; c++) {
    const bits = han[c]!;
    if ((bits & both) === both) t[c] = K_HAN_CORE;
    else if (bits & both) t[c] = K_HAN;
    else if (bits & HAN_LESS_COMMON) t[c] = K_HAN_MEDIUM;
  }
  classes = t;
  return t;
}

/** Base cost of every BMP code unit: the class cost, refined for accented letters. */
function costTable(): Float32Array {
  if (costs) return costs;
  const t = classTable();
  const c = new Float32Array(65536);
  for (let u = 0; u < 65536; u++) c[u] = BASE[t[u]!]!;
  const each = (chars: string, cost: number) => {
    for (const ch of chars) c[ch.charCodeAt(0)] = cost;
  };
  // Rough frequency tiers of accented letters in European text.
  for (let u = 0x100; u <= 0x17f; u++) if (c[u] === BASE[K_XLOWER] || c[u] === BASE[K_XUPPER]) c[u] = 6.5; // Ũ ĝ ŀ ŧ …
  each('éèàüöäçñáíóúêâôßãõ', 3);
  each('ëïîûùìòåøæýÿÉÜÖÄÇčćłńśźżąęįųřšžőűğşıāēīūė', 3.75);
  each('ÀÁÂÊËÍÎÏÑÓÔÚÛÙÒÌÈÅØÆÕÝðþČĆŁŃŚŹŻĄĘĮŲŘŠŽŐŰĞŞİĀĒĪŪĖ', 4.5);
  each('ÃÐÞ', 5.5);
  for (let u = 0x1c4; u <= 0x1cc; u++) c[u] = 6.5; // Croatian digraphs ǆ ǉ ǌ: real, but rare
  each('ĂăĎďĚěĹĺĽľŇňŔŕŤťŮůŢţĶķĻļŅņĢģŖŗ', 4.5);
  each('ſ', 11);
  // Symbols met in text, and the odd ones.
  each('£€¥$©®°±×÷§½¼¾·«»¿¡ªºµ¹²³¢%‰™℃', 4);
  each('¤¦¨¬¯¸ˆ˜†‡ƒ‹›', 6);
  each('´', 4.5);
  // Combining marks used in decomposed text are less surprising than the rest.
  for (const u of [0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x30a, 0x30b, 0x30c, 0x323, 0x327, 0x328]) c[u] = 6;
  each('\u3000', 3);
  // U+FFFD marks a character lost before we saw the text: it costs what an ordinary
  // character would (candidates that invent one are refused elsewhere).
  c[0xfffd] = 6;
  c.fill(8, 0x3100, 0x3130); // bopomofo: phonetic notation, seldom in running text
  c.fill(8, 0x31a0, 0x31c0);
  costs = c;
  return c;
}

export function classOf(cp: number): number {
  if (cp < 0x10000) return (classes ?? classTable())[cp]!;
  if (cp >= 0x20000 && cp <= 0x3ffff) return K_HAN_EXT;
  if (cp >= 0x1f000 && cp <= 0x1faff) return K_MISC_SYMBOL; // emoji
  if (cp >= 0xf0000) return K_BAD;
  return K_RARE_SCRIPT;
}

/** Base cost of every BMP code unit, as a table (for loops over a line's code units). */
export function unitCosts(): Float32Array {
  return costs ?? costTable();
}

/** Base cost of a code point. */
export function charCost(cp: number): number {
  if (cp < 0x10000) return (costs ?? costTable())[cp]!;
  return BASE[classOf(cp)]!;
}

// ───────────────────────────── pairs ─────────────────────────────

const G_NONE = 0;
const G_LATIN = 1; // ASCII letters
const G_XLATIN = 2; // accented Latin letters
const G_HIGHSYM = 3; // Latin-1 / cp1252 symbols, soft hyphen, controls
const G_GREEK = 4;
const G_CYR = 5;
const G_SCRIPT = 6;
const G_CJK = 7;
const GROUP = new Uint8Array(CLASS_COUNT);
const LOWERCASE = new Uint8Array(CLASS_COUNT);
const UPPERCASE = new Uint8Array(CLASS_COUNT);
const LETTER = new Uint8Array(CLASS_COUNT);
for (const [k, g] of [
  [K_LOWER, G_LATIN], [K_UPPER, G_LATIN], [K_XLOWER, G_XLATIN], [K_XUPPER, G_XLATIN], [K_XODD, G_XLATIN],
  [K_SYMBOL, G_HIGHSYM], [K_SUFFIX, G_HIGHSYM], [K_SHY, G_HIGHSYM], [K_CONTROL, G_HIGHSYM],
  [K_GREEK_LOWER, G_GREEK], [K_GREEK_UPPER, G_GREEK], [K_CYR_LOWER, G_CYR], [K_CYR_UPPER, G_CYR],
  [K_SCRIPT, G_SCRIPT], [K_RARE_SCRIPT, G_SCRIPT],
  [K_HAN_CORE, G_CJK], [K_HAN, G_CJK], [K_HAN_MEDIUM, G_CJK], [K_HAN_RARE, G_CJK], [K_HAN_EXT, G_CJK],
  [K_CJK_PUNCT, G_CJK], [K_CJK_ODDPUNCT, G_CJK], [K_FULLWIDTH, G_CJK], [K_KANA_HANGUL, G_CJK], [K_SMALL_KANA, G_CJK],
] as const) GROUP[k] = g;
const TYPO = new Uint8Array(CLASS_COUNT);
for (const k of [K_OPENQ, K_LOWQ, K_CLOSEQ, K_APOS, K_ACUTE, K_DASH, K_ELLIPSIS]) TYPO[k] = 1;
for (const k of [K_LOWER, K_XLOWER, K_GREEK_LOWER, K_CYR_LOWER]) LOWERCASE[k] = 1;
for (const k of [K_UPPER, K_XUPPER, K_GREEK_UPPER, K_CYR_UPPER]) UPPERCASE[k] = 1;
for (const k of [K_LOWER, K_UPPER, K_XLOWER, K_XUPPER, K_XODD, K_GREEK_LOWER, K_GREEK_UPPER, K_CYR_LOWER, K_CYR_UPPER, K_SCRIPT, K_RARE_SCRIPT]) LETTER[k] = 1;

/**
 * Penalty for class a directly followed by class b. Situations that are odd on both sides of a
 * character (a symbol inside a word) pay on both sides.
 */
export function pairCost(a: number, b: number): number {
  return PAIRS[a * CLASS_COUNT + b]!;
}

function computePairCost(a: number, b: number): number {
  const ga = GROUP[a]!;
  const gb = GROUP[b]!;
  let cost = 0;
  if (LOWERCASE[a] && UPPERCASE[b] && !(a === K_LOWER && b === K_UPPER)) cost += 4;
  // Dense runs of accented letters and Latin-1 symbols: typical of mojibake, rare in prose
  // (but words in capitals are made of capitals).
  if ((ga === G_XLATIN || ga === G_HIGHSYM) && (gb === G_XLATIN || gb === G_HIGHSYM) && !(b === K_SUFFIX && LETTER[a])) {
    cost += UPPERCASE[a] && UPPERCASE[b] ? 0 : LOWERCASE[a] && LOWERCASE[b] ? 0.75 : 1.5;
  }
  if (ga !== gb && ga !== G_NONE && gb !== G_NONE) {
    const pair = ga < gb ? ga * 8 + gb : gb * 8 + ga;
    switch (pair) {
      case G_LATIN * 8 + G_XLATIN:
        break;
      case G_LATIN * 8 + G_HIGHSYM:
      case G_XLATIN * 8 + G_HIGHSYM:
        if (a !== K_CONTROL && b !== K_CONTROL && !(b === K_SUFFIX && LETTER[a])) cost += 2; // a symbol glued to a letter
        break;
      case G_LATIN * 8 + G_GREEK:
        cost += 1.5; // α-helix, IL2Rγ
        break;
      case G_LATIN * 8 + G_CJK:
        cost += a === K_LOWER || b === K_LOWER ? 1.5 : 0.5;
        break;
      case G_HIGHSYM * 8 + G_CJK:
        cost += 4;
        break;
      case G_HIGHSYM * 8 + G_GREEK:
      case G_HIGHSYM * 8 + G_CYR:
      case G_HIGHSYM * 8 + G_SCRIPT:
        cost += 1.5;
        break;
      default:
        cost += 4; // two scripts glued together
    }
  }
  // Letters of other scripts glued to digits.
  if ((a === K_DIGIT && (gb === G_GREEK || gb === G_CYR || gb === G_SCRIPT)) || (b === K_DIGIT && (ga === G_GREEK || ga === G_CYR || ga === G_SCRIPT))) cost += 1.5;
  // ASCII oddities next to accented letters, Latin-1 symbols, CJK.
  if ((a === K_ASCII_ODD && gb === G_XLATIN) || (b === K_ASCII_ODD && ga === G_XLATIN)) cost += 2;
  if ((a === K_ASCII_ODD && gb === G_HIGHSYM) || (b === K_ASCII_ODD && ga === G_HIGHSYM)) cost += 1;
  if ((a === K_ASCII_ODD && gb === G_CJK) || (b === K_ASCII_ODD && ga === G_CJK)) cost += 1;
  // Quotes, dashes and ellipses glued to letters the wrong way round; low quotes in CJK text.
  if (LETTER[a] && (b === K_OPENQ || b === K_LOWQ)) cost += 3;
  if ((a === K_OPENQ || a === K_LOWQ) && (b === K_OPENQ || b === K_LOWQ)) cost += 2;
  if ((a === K_LOWQ && gb === G_CJK) || (b === K_LOWQ && ga === G_CJK)) cost += 2;
  if (a === K_CLOSEQ && LETTER[b]) cost += 3;
  if ((a === K_ELLIPSIS || a === K_DASH) && LETTER[b]) cost += 2;
  if (TYPO[a] && GROUP[b] === G_HIGHSYM) cost += 2;
  if (GROUP[a] === G_HIGHSYM && TYPO[b]) cost += 2;
  if (b === K_COMBINING && !LETTER[a]) cost += 3;
  if ((a === K_NBSP && gb === G_CJK) || (b === K_NBSP && ga === G_CJK)) cost += 4;
  if ((a === K_ACUTE && gb === G_CJK) || (b === K_ACUTE && ga === G_CJK)) cost += 4; // ´ glued to CJK
  if (b === K_SMALL_KANA && a !== K_KANA_HANGUL && a !== K_SMALL_KANA) cost += 4;
  if (a === K_KANA_HANGUL && b === K_KANA_HANGUL) cost -= 0.5;
  return cost;
}

const PAIRS = new Float64Array(CLASS_COUNT * CLASS_COUNT);
for (let a = 0; a < CLASS_COUNT; a++) for (let b = 0; b < CLASS_COUNT; b++) PAIRS[a * CLASS_COUNT + b] = computePairCost(a, b);

/**
 * Exact cost of `text` between the code points `left` and `right` (-1: line edge), with two
 * rules the class pairs cannot express: a lowercase non-ASCII letter right after two or more
 * capitals costs more; a symbol repeated costs less.
 */
export function textCost(text: string, left: number, right: number): number {
  let cost = 0;
  let prev = left < 0 ? -1 : classOf(left);
  let prevCp = left;
  let capitals = prev >= 0 && UPPERCASE[prev] ? 1 : 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    const k = classOf(cp);
    // A symbol repeated ("¿¿¿", "!!!") is half as surprising the second time.
    if (cp === prevCp && repeatsCheaply(k)) cost += charCost(cp) / 2;
    else {
      cost += charCost(cp);
      if (prev >= 0) cost += pairCost(prev, k);
    }
    if (LOWERCASE[k] && k !== K_LOWER && capitals >= 2) cost += 3;
    capitals = UPPERCASE[k] ? capitals + 1 : 0;
    prev = k;
    prevCp = cp;
  }
  if (right >= 0 && prev >= 0) {
    const k = classOf(right);
    cost += pairCost(prev, k);
    if (LOWERCASE[k] && k !== K_LOWER && capitals >= 2) cost += 3;
  }
  return cost;
}

/**
 * Class of each UTF-16 unit of a line (a surrogate pair: the class of the code point on both
 * units).
 */
export function lineClasses(line: string): Uint8Array {
  const n = line.length;
  const out = new Uint8Array(n);
  const t = classes ?? classTable();
  for (let i = 0; i < n; i++) {
    const u = line.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
      const lo = line.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const k = classOf(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
        out[i] = k;
        out[i + 1] = k;
        i++;
        continue;
      }
    }
    out[i] = t[u]!;
  }
  return out;
}

/** Han script bits of a code point: 1 simplified-common, 2 traditional-common (both may be set). */
export function hanScript(cp: number): number {
  return cp < 0x10000 ? hanClassTable()[cp]! & (HAN_COMMON_SIMPLIFIED | HAN_COMMON_TRADITIONAL) : 0;
}

export function isHanClass(k: number): boolean {
  return k === K_HAN_CORE || k === K_HAN || k === K_HAN_MEDIUM || k === K_HAN_RARE || k === K_HAN_EXT;
}

export function isLetterClass(k: number): boolean {
  return LETTER[k] === 1 || k === K_KANA_HANGUL || k === K_SMALL_KANA;
}

/** Whether a character of class k costs half when it repeats the one before ("!!!", "——"). */
export function repeatsCheaply(k: number): boolean {
  return !LETTER[k] && GROUP[k] !== G_CJK;
}

/** Quotes, apostrophes, dashes, the ellipsis: at home in any script. */
export function isTypoClass(k: number): boolean {
  return TYPO[k] === 1;
}

export function isCjkClass(k: number): boolean {
  return GROUP[k] === G_CJK;
}

/**
 * Punctuation of Windows-1252 that Chinese text typed right is full of (the dash ——, curly
 * quotes, the ellipsis, the bullet; bytes 0x80–0x9F, leads of rare GBK characters only): left
 * alone in a line read as GBK or Big5 it is no byte without its pair, and reading "——" as GBK
 * (97 97, 棗) would damage clean text. (Not the middle dot: B7 leads common characters.)
 */
export function isChinesePunctuation(cp: number): boolean {
  return cp === 0x2014 || cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d || cp === 0x2026 || cp === 0x2022;
}
