/**
 * The plausibility model of the mojibake repair: how many "bits" a piece of text costs, as a
 * crude language model over character classes. Each character has a base cost by class
 * (common Han characters, letters in their own script and ordinary punctuation are cheap;
 * rare ideographs, symbols, controls, private-use characters and U+FFFD are dear), and each
 * pair of neighbours adds a penalty when it is unlikely in real text: a lowercase letter
 * followed by an accented capital ("rÃ©"), a dense run of Latin-1 letters and symbols with
 * no spaces ("Äê´´½¨"), a symbol inside a word, two scripts glued together ("Рґ", "年Ã").
 *
 * A repair is worth making when the repaired text costs clearly less than the text as it
 * stood; the same function scores both sides, so neither is favoured by construction.
 */
import { HAN_COMMON_SIMPLIFIED, HAN_COMMON_TRADITIONAL, HAN_LESS_COMMON, hanClassTable, isCp1252Special } from './charsets.js';

// Character classes.
export const K_OTHER = 0;
export const K_LOWER = 1; // ASCII a–z
export const K_UPPER = 2; // ASCII A–Z
export const K_DIGIT = 3;
export const K_SPACE = 4;
export const K_PUNCT = 5; // ASCII punctuation
export const K_CONTROL = 6; // C0 (but tab), DEL, C1
export const K_XLOWER = 7; // accented / extended Latin lowercase
export const K_XUPPER = 8; // accented / extended Latin capitals
export const K_XODD = 9; // Latin letters hardly used in running text (IPA, most of Latin Extended-B)
export const K_NBSP = 10;
export const K_SHY = 11; // soft hyphen
export const K_SYMBOL = 12; // symbols one does meet in text: © ® ° £ € ± × § ½ …
export const K_ODDSYMBOL = 13; // ¤ ¦ ¨ ¬ ¯ ´ ¸ ¶ ˆ ˜ ‰ ‡ ƒ ‹ › ‚ spacing accents
export const K_TYPO = 14; // “ ” ‘ ’ „ … – — • ′ ″
export const K_GREEK_LOWER = 15;
export const K_GREEK_UPPER = 16;
export const K_CYR_LOWER = 17;
export const K_CYR_UPPER = 18;
export const K_CYR_EXT = 19; // Ђ ђ Ѓ ѓ Є є Ѕ ѕ Ї ї Ј ј Љ љ Њ њ Ћ ћ Ќ ќ Ў ў Џ џ Ґ ґ (not Russian)
export const K_SCRIPT = 20; // letters of other living scripts (Hebrew, Arabic, Indic, Thai, …)
export const K_RARE_SCRIPT = 21; // Syriac, Thaana, N'Ko, Samaritan, Runic, Yi, …
export const K_COMBINING = 22;
export const K_HAN = 23; // common Han (GB2312 level 1 or Big5 A440–C67E)
export const K_HAN_MEDIUM = 24; // GB2312 level 2 or Big5 level 2
export const K_HAN_RARE = 25; // other BMP unified ideographs
export const K_HAN_EXT = 26; // Extension A, compatibility ideographs, supplementary planes
export const K_CJK_PUNCT = 27; // 、。「」《》（），：；！？ …
export const K_FULLWIDTH = 28; // full-width letters and digits, half-width katakana
export const K_KANA_HANGUL = 29;
export const K_MISC_SYMBOL = 30; // arrows, maths, box drawing, shapes, dingbats, emoji
export const K_BAD = 31; // private use, U+FFFD, noncharacters, lone surrogates
export const K_HAN_CORE = 32; // common in both lists (the shared core of everyday characters)
export const K_CJK_ODDPUNCT = 33; // small and vertical forms, Hangzhou numerals, 〄〒〓〠 …
const CLASS_COUNT = 34;

const BASE_COST: number[] = [];
BASE_COST[K_OTHER] = 7;
BASE_COST[K_LOWER] = 1;
BASE_COST[K_UPPER] = 1.5;
BASE_COST[K_DIGIT] = 1.5;
BASE_COST[K_SPACE] = 1;
BASE_COST[K_PUNCT] = 2;
BASE_COST[K_CONTROL] = 13;
BASE_COST[K_XLOWER] = 3;
BASE_COST[K_XUPPER] = 3.5;
BASE_COST[K_XODD] = 8;
BASE_COST[K_NBSP] = 3;
BASE_COST[K_SHY] = 7;
BASE_COST[K_SYMBOL] = 4.5;
BASE_COST[K_ODDSYMBOL] = 6.5;
BASE_COST[K_TYPO] = 2.5;
BASE_COST[K_GREEK_LOWER] = 2.5;
BASE_COST[K_GREEK_UPPER] = 3;
BASE_COST[K_CYR_LOWER] = 2.5;
BASE_COST[K_CYR_UPPER] = 3;
BASE_COST[K_CYR_EXT] = 5;
BASE_COST[K_SCRIPT] = 3;
BASE_COST[K_RARE_SCRIPT] = 10;
BASE_COST[K_COMBINING] = 6;
BASE_COST[K_HAN] = 5.25;
BASE_COST[K_HAN_CORE] = 4.5;
BASE_COST[K_CJK_ODDPUNCT] = 7;
BASE_COST[K_HAN_MEDIUM] = 8;
BASE_COST[K_HAN_RARE] = 10.5;
BASE_COST[K_HAN_EXT] = 13;
BASE_COST[K_CJK_PUNCT] = 3;
BASE_COST[K_FULLWIDTH] = 6;
BASE_COST[K_KANA_HANGUL] = 4.5;
BASE_COST[K_MISC_SYMBOL] = 6;
BASE_COST[K_BAD] = 14;
const BASE = Float64Array.from(BASE_COST);

let classes: Uint8Array | undefined;

/** Class of every BMP code unit (built once). */
export function classTable(): Uint8Array {
  if (classes) return classes;
  const t = new Uint8Array(65536);
  const set = (from: number, to: number, k: number) => t.fill(k, from, to + 1);
  set(0x20, 0x7e, K_PUNCT);
  set(0x61, 0x7a, K_LOWER);
  set(0x41, 0x5a, K_UPPER);
  set(0x30, 0x39, K_DIGIT);
  t[0x20] = K_SPACE;
  t[0x09] = K_SPACE;
  set(0x00, 0x08, K_CONTROL);
  set(0x0a, 0x1f, K_CONTROL);
  set(0x7f, 0x9f, K_CONTROL);
  t[0xa0] = K_NBSP;
  t[0xad] = K_SHY;
  set(0xa1, 0xbf, K_SYMBOL);
  for (const c of '¤¦¨¬¯´¸¶') t[c.charCodeAt(0)] = K_ODDSYMBOL;
  set(0xc0, 0xde, K_XUPPER);
  set(0xdf, 0xff, K_XLOWER);
  t[0xd7] = K_SYMBOL;
  t[0xf7] = K_SYMBOL;
  // Latin Extended-A: alternating capital/small, with a few exceptions.
  for (let c = 0x100; c <= 0x17f; c++) t[c] = c % 2 === 0 ? K_XUPPER : K_XLOWER;
  for (let c = 0x139; c <= 0x148; c++) t[c] = c % 2 === 1 ? K_XUPPER : K_XLOWER;
  for (let c = 0x179; c <= 0x17e; c++) t[c] = c % 2 === 1 ? K_XUPPER : K_XLOWER;
  t[0x138] = K_XODD; // ĸ
  t[0x149] = K_XLOWER; // ŉ (Afrikaans)
  t[0x17f] = K_XODD; // ſ
  t[0x131] = K_XLOWER; // ı (Turkish)
  t[0x130] = K_XUPPER; // İ
  t[0x178] = K_XUPPER; // Ÿ
  set(0x180, 0x24f, K_XODD);
  for (let c = 0x1cd; c <= 0x1dc; c++) t[c] = c % 2 === 1 ? K_XUPPER : K_XLOWER; // Ǎ ǎ … pinyin
  for (let c = 0x1c4; c <= 0x1cc; c++) t[c] = K_XLOWER; // Croatian digraphs ǆ ǉ ǌ
  for (let c = 0x218; c <= 0x21b; c++) t[c] = c % 2 === 0 ? K_XUPPER : K_XLOWER; // Ș ș Ț ț
  t[0x192] = K_ODDSYMBOL; // ƒ
  set(0x250, 0x2af, K_XODD); // IPA
  set(0x2b0, 0x2ff, K_ODDSYMBOL); // spacing modifiers
  t[0x2bc] = K_TYPO; // modifier apostrophe
  set(0x300, 0x36f, K_COMBINING);
  set(0x370, 0x3ff, K_GREEK_LOWER);
  set(0x391, 0x3a9, K_GREEK_UPPER);
  set(0x386, 0x38f, K_GREEK_UPPER);
  set(0x3e2, 0x3ff, K_XODD);
  set(0x400, 0x40f, K_CYR_EXT);
  set(0x410, 0x42f, K_CYR_UPPER);
  set(0x430, 0x44f, K_CYR_LOWER);
  set(0x450, 0x45f, K_CYR_EXT);
  set(0x460, 0x52f, K_CYR_EXT);
  t[0x401] = K_CYR_UPPER; // Ё
  t[0x451] = K_CYR_LOWER; // ё
  for (const c of 'ІіЇїЄєҐґ') t[c.charCodeAt(0)] = K_CYR_EXT;
  set(0x530, 0x58f, K_SCRIPT); // Armenian
  set(0x591, 0x5c7, K_COMBINING); // Hebrew points
  set(0x5d0, 0x5f4, K_SCRIPT); // Hebrew
  set(0x600, 0x6ff, K_SCRIPT); // Arabic
  set(0x610, 0x61a, K_COMBINING);
  set(0x64b, 0x65f, K_COMBINING);
  set(0x700, 0x8ff, K_RARE_SCRIPT); // Syriac, Thaana, N'Ko, Samaritan, Mandaic, Arabic ext
  set(0x900, 0xdff, K_SCRIPT); // Indic
  set(0xe00, 0xe7f, K_SCRIPT); // Thai
  set(0xe80, 0xeff, K_SCRIPT); // Lao
  set(0xf00, 0xfff, K_RARE_SCRIPT); // Tibetan
  set(0x1000, 0x109f, K_SCRIPT); // Myanmar
  set(0x10a0, 0x10ff, K_SCRIPT); // Georgian
  set(0x1100, 0x11ff, K_KANA_HANGUL); // Hangul jamo
  set(0x1200, 0x139f, K_SCRIPT); // Ethiopic
  set(0x13a0, 0x1cff, K_RARE_SCRIPT); // Cherokee … Sundanese
  set(0x1d00, 0x1dff, K_XODD); // phonetic extensions
  set(0x1dc0, 0x1dff, K_COMBINING);
  for (let c = 0x1e00; c <= 0x1eff; c++) t[c] = c % 2 === 0 ? K_XUPPER : K_XLOWER; // Vietnamese …
  set(0x1f00, 0x1fff, K_GREEK_LOWER);
  set(0x2000, 0x206f, K_ODDSYMBOL);
  set(0x2000, 0x200a, K_SPACE);
  for (const c of '‘’“”„…–—•′″‐‑') t[c.charCodeAt(0)] = K_TYPO;
  for (const c of '†‰※‧') t[c.charCodeAt(0)] = K_SYMBOL;
  t[0x2028] = K_CONTROL;
  t[0x2029] = K_CONTROL;
  set(0x200b, 0x200f, K_CONTROL);
  set(0x202a, 0x202e, K_CONTROL);
  set(0x2070, 0x209f, K_ODDSYMBOL); // super/subscripts
  set(0x20a0, 0x20cf, K_ODDSYMBOL); // currency
  t[0x20ac] = K_SYMBOL; // €
  set(0x20d0, 0x20ff, K_COMBINING);
  set(0x2100, 0x2bff, K_MISC_SYMBOL); // letterlike, numbers, arrows, maths, technical, boxes, shapes, dingbats
  for (const c of '™№℃') t[c.charCodeAt(0)] = K_SYMBOL;
  set(0x2c00, 0x2dff, K_RARE_SCRIPT);
  set(0x2e00, 0x2e7f, K_ODDSYMBOL);
  set(0x2e80, 0x2fdf, K_HAN_EXT); // radicals
  set(0x3000, 0x303f, K_CJK_ODDPUNCT);
  for (let c = 0x3000; c <= 0x3011; c++) if (c !== 0x3004 && c !== 0x3006) t[c] = K_CJK_PUNCT; // 　、。〃々〇〈〉《》「」『』【】
  for (let c = 0x3014; c <= 0x3017; c++) t[c] = K_CJK_PUNCT; // 〔〕〖〗
  set(0x3040, 0x30ff, K_KANA_HANGUL);
  set(0x3100, 0x312f, K_KANA_HANGUL); // bopomofo
  set(0x3130, 0x318f, K_KANA_HANGUL); // compatibility jamo
  set(0x3190, 0x33ff, K_MISC_SYMBOL); // kanbun, enclosed CJK, compatibility
  set(0x3400, 0x4dbf, K_HAN_EXT);
  set(0x4dc0, 0x4dff, K_MISC_SYMBOL);
  set(0x4e00, 0x9fff, K_HAN_RARE);
  set(0xa000, 0xabff, K_RARE_SCRIPT); // Yi, Lisu, Vai, …
  set(0xac00, 0xd7a3, K_KANA_HANGUL);
  set(0xd7b0, 0xd7ff, K_RARE_SCRIPT);
  set(0xd800, 0xdfff, K_BAD);
  set(0xe000, 0xf8ff, K_BAD);
  set(0xf900, 0xfaff, K_HAN_EXT);
  set(0xfb00, 0xfb06, K_XLOWER); // ligatures ﬁ ﬂ
  set(0xfb1d, 0xfdff, K_RARE_SCRIPT); // presentation forms
  set(0xfe00, 0xfe0f, K_COMBINING); // variation selectors
  set(0xfe10, 0xfe6f, K_CJK_ODDPUNCT);
  set(0xfe20, 0xfe2f, K_COMBINING);
  set(0xfe70, 0xfeff, K_RARE_SCRIPT);
  t[0xfeff] = K_CONTROL;
  set(0xff01, 0xff60, K_CJK_PUNCT);
  set(0xff10, 0xff19, K_FULLWIDTH);
  set(0xff21, 0xff3a, K_FULLWIDTH);
  set(0xff41, 0xff5a, K_FULLWIDTH);
  set(0xff61, 0xffdc, K_FULLWIDTH); // half-width katakana and jamo
  set(0xff5f, 0xff60, K_CJK_ODDPUNCT);
  set(0xffe0, 0xffe6, K_CJK_ODDPUNCT); // ￠￡￢￣￤￥
  set(0xfff0, 0xffff, K_BAD);
  t[0xfffc] = K_MISC_SYMBOL;
  // cp1252 specials not classed above
  for (let c = 0x100; c < 0x2200; c++) if (t[c] === K_OTHER && isCp1252Special(c)) t[c] = K_ODDSYMBOL;
  for (const c of 'ŠšŽžŒœŸ') t[c.charCodeAt(0)] = c === c.toUpperCase() ? K_XUPPER : K_XLOWER;
  for (const c of '©®°£¥§±×÷·µ¼½¾¹²³¿¡«»ªº¢') t[c.charCodeAt(0)] = K_SYMBOL;
  t[0xb4] = K_ODDSYMBOL;
  // Han by frequency
  const han = hanClassTable();
  for (let c = 0x3400; c <= 0xfaff; c++) {
    const bits = han[c]!;
    if ((bits & (HAN_COMMON_SIMPLIFIED | HAN_COMMON_TRADITIONAL)) === (HAN_COMMON_SIMPLIFIED | HAN_COMMON_TRADITIONAL)) t[c] = K_HAN_CORE;
    else if (bits & (HAN_COMMON_SIMPLIFIED | HAN_COMMON_TRADITIONAL)) t[c] = K_HAN;
    else if (bits & HAN_LESS_COMMON) t[c] = K_HAN_MEDIUM;
  }
  for (const c of '○●■□▲△◆◇★☆→←↑↓√×') if (t[c.charCodeAt(0)] === K_MISC_SYMBOL) t[c.charCodeAt(0)] = K_SYMBOL;
  classes = t;
  return t;
}

export function classOf(cp: number): number {
  if (cp < 0x10000) return (classes ?? classTable())[cp]!;
  if (cp >= 0x20000 && cp <= 0x3ffff) return K_HAN_EXT;
  if (cp >= 0x1f000 && cp <= 0x1faff) return K_MISC_SYMBOL; // emoji
  if (cp >= 0xf0000) return K_BAD;
  return K_RARE_SCRIPT;
}

export function baseCost(k: number): number {
  return BASE[k]!;
}

// Groups used by the pair penalties.
const G_NONE = 0;
const G_LATIN = 1; // ASCII letters
const G_XLATIN = 2; // accented Latin letters
const G_HIGHSYM = 3; // Latin-1 / cp1252 symbols, NBSP, soft hyphen, controls
const G_GREEK = 4;
const G_CYR = 5;
const G_SCRIPT = 6;
const G_CJK = 7;
const GROUP = new Uint8Array(CLASS_COUNT);
GROUP[K_LOWER] = G_LATIN;
GROUP[K_UPPER] = G_LATIN;
GROUP[K_XLOWER] = G_XLATIN;
GROUP[K_XUPPER] = G_XLATIN;
GROUP[K_XODD] = G_XLATIN;
GROUP[K_SYMBOL] = G_HIGHSYM;
GROUP[K_ODDSYMBOL] = G_HIGHSYM;
GROUP[K_NBSP] = G_HIGHSYM;
GROUP[K_SHY] = G_HIGHSYM;
GROUP[K_CONTROL] = G_HIGHSYM;
GROUP[K_GREEK_LOWER] = G_GREEK;
GROUP[K_GREEK_UPPER] = G_GREEK;
GROUP[K_CYR_LOWER] = G_CYR;
GROUP[K_CYR_UPPER] = G_CYR;
GROUP[K_CYR_EXT] = G_CYR;
GROUP[K_SCRIPT] = G_SCRIPT;
GROUP[K_RARE_SCRIPT] = G_SCRIPT;
GROUP[K_HAN] = G_CJK;
GROUP[K_HAN_CORE] = G_CJK;
GROUP[K_CJK_ODDPUNCT] = G_CJK;
GROUP[K_HAN_MEDIUM] = G_CJK;
GROUP[K_HAN_RARE] = G_CJK;
GROUP[K_HAN_EXT] = G_CJK;
GROUP[K_CJK_PUNCT] = G_CJK;
GROUP[K_KANA_HANGUL] = G_CJK;
GROUP[K_FULLWIDTH] = G_CJK;

const LOWERCASE = new Uint8Array(CLASS_COUNT);
LOWERCASE[K_LOWER] = 1;
LOWERCASE[K_XLOWER] = 1;
LOWERCASE[K_GREEK_LOWER] = 1;
LOWERCASE[K_CYR_LOWER] = 1;
const NONASCII_UPPER = new Uint8Array(CLASS_COUNT);
NONASCII_UPPER[K_XUPPER] = 1;
NONASCII_UPPER[K_GREEK_UPPER] = 1;
NONASCII_UPPER[K_CYR_UPPER] = 1;
const LETTER = new Uint8Array(CLASS_COUNT);
for (const k of [K_LOWER, K_UPPER, K_XLOWER, K_XUPPER, K_XODD, K_GREEK_LOWER, K_GREEK_UPPER, K_CYR_LOWER, K_CYR_UPPER, K_CYR_EXT, K_SCRIPT, K_RARE_SCRIPT]) LETTER[k] = 1;

/**
 * Penalty for class a directly followed by class b. Symmetric situations are penalised on
 * both sides of a character, so a symbol inside a word pays twice.
 */
export function pairCost(a: number, b: number): number {
  const ga = GROUP[a]!;
  const gb = GROUP[b]!;
  let cost = 0;
  if (LOWERCASE[a] && NONASCII_UPPER[b]) cost += 3;
  // Dense runs of accented letters and Latin-1 symbols: typical of mojibake, rare in prose.
  if ((ga === G_XLATIN || ga === G_HIGHSYM) && (gb === G_XLATIN || gb === G_HIGHSYM)) cost += 1.5;
  if (ga !== gb && ga !== G_NONE && gb !== G_NONE) {
    // Two scripts glued together.
    const pair = ga < gb ? ga * 8 + gb : gb * 8 + ga;
    switch (pair) {
      case G_LATIN * 8 + G_XLATIN:
        break;
      case G_LATIN * 8 + G_HIGHSYM:
      case G_XLATIN * 8 + G_HIGHSYM:
        cost += a === K_CONTROL || b === K_CONTROL ? 0 : 1;
        break;
      case G_LATIN * 8 + G_CJK:
        cost += 0.5;
        break;
      case G_HIGHSYM * 8 + G_CJK:
        cost += 2.5;
        break;
      default:
        cost += 4;
    }
  }
  if (b === K_COMBINING && !LETTER[a]) cost += 3;
  if (a === K_KANA_HANGUL && b === K_KANA_HANGUL) cost -= 0.5;
  return cost;
}

/** Exact cost of `text` between the code points `left` and `right` (-1: line edge). */
export function textCost(text: string, left: number, right: number): number {
  let cost = 0;
  let prev = left < 0 ? -1 : classOf(left);
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
    cost += BASE[k]!;
    if (prev >= 0) cost += pairCost(prev, k);
    prev = k;
  }
  if (right >= 0 && prev >= 0) cost += pairCost(prev, classOf(right));
  return cost;
}

/**
 * Class of each UTF-16 unit of a line (a surrogate pair: the class of the code point on the
 * high unit, and on the low unit too).
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
