/**
 * Boilerplate stripping (`--strip-boilerplate`). Text copied from content farms (范文网, 文库)
 * and blogs brings the site along: "来源：某某网 1.1W", "热门标签", "百度搜索“…”", "欢迎转载：
 * http://…", editor's notes ("下面是小编整理的…，欢迎阅读"), view counters, related-article
 * teasers. This removes such lines and says why, so the clerk can check.
 *
 * Each rule describes a kind of residue, in simplified and traditional characters, and nearly all
 * of them match only a whole short line, never a phrase inside a paragraph:
 * - source/attribution: "来源：…网", "文章出处", "转载自…" (a bare label, or a site as the value);
 * - tags, navigation and page furniture: "热门标签", "全站热搜", "上一篇：…", "相关推荐",
 *   "文章列表", "…的头像", icon names ("arrow");
 * - calls to share: "欢迎转载", "转载请注明", "百度搜索“…”", "分享到", "版权所有";
 * - editor's notes: a line speaking as 小编, or "下面是…整理…，欢迎阅读/希望对大家有所帮助";
 * - counters: "阅读(123)", "留言(0) 人气()";
 * - a line that is only a URL, or a few words and a URL ("不含病毒。www.avast.com"; not "网址：…",
 *   "请登录…");
 * - a title repeating the line kept before it;
 * - related-article teasers: an excerpt ending in "..." or "…" (not "……") right after a title
 *   line; both go;
 * - page furniture: "当前位置：首页 > …", "责任编辑：", "发布时间：", "原文链接：", "【打印本页】",
 *   "字号：大 中 小", "Copyright ©", "京ICP备…", "全文共3256字";
 * - the page footer: once the text ends in residue, short fragments between residue lines there
 *   (the blogger's name, the blog's name) go too; a signature before the first of them stays,
 *   and so do a date there and the line before it (the signature under a pasted source line).
 * What is never residue: a numbered line (一、 （二） 3. 第四条: the document's headings and
 * points), a whole sentence for the calls to share that can sit inside prose ("版权所有人的合法
 * 权益受法律保护。"), an editor's note in the unit's own voice ("以下是我中心的几点做法，供大家
 * 参考。"), a source that is a public body ("资料来源：区统计局网站"), an address under "…地址：".
 * Blank lines around a removed line merge, so removal leaves the spacing as it was.
 */

export interface RemovedLine {
  /** 1-based input line. */
  line: number;
  text: string;
  reason: string;
}

const SITE = /[网網站]|https?:|www\.|\.(?:com|cn|net|org)\b|博客|部落格|公众号|公眾號|\d(?:\.\d+)?\s*[wW万萬kK](?![A-Za-z])/;
const SOURCE = /^(?:文章|本文|信息|資訊|资料|資料|新闻|新聞)?(?:[来來]源|出[处處]|[转轉][载載]自|[转轉]自|摘自)\s*(?:[:：]\s*(.*))?$/;
const NAVIGATION = new RegExp(
  '^(?:' +
    [
      '[上下]一(?:篇|[页頁]|章)(?:文章)?(?:\\s*[:：].{0,60})?',
      '(?:[当當]前|您的|你的)位置\\s*[:：].{0,60}|收藏本文|[举舉][报報]|最新文章|精[选選](?:范文|範文|文章)|全文共?\\d+字.{0,20}',
      '(?:【(?:打印本[页頁]|[关關]闭[窗視]口|[关關]閉[窗視]口|收藏|返回[顶頂]部)】\\s*)+|字[号號]\\s*[:：]?\\s*大\\s*中\\s*小',
      '(?:[责責]任[编編][辑輯]|[发發]布[时時][间間]|[发發]布日期|原文[链鏈]接|本文[链鏈]接|原文地址|本文地址)\\s*[:：].{0,80}',
      '相[关關](?:推[荐薦]|文章|[阅閱][读讀]|[资資]料|[内內]容|[专專][题題])',
      '推[荐薦](?:[阅閱][读讀]|文章)|延伸[阅閱][读讀]|猜你喜[欢歡]|更多(?:精彩|[内內]容|推[荐薦]|文章)?',
      '[热熱][门門](?:推[荐薦]|文章|[阅閱][读讀]|搜索|排行)|全站[热熱]搜|文章列表|文章分[类類]',
      '返回(?:[顶頂]部|首[页頁]|列表|目[录錄])|[阅閱][读讀]全文|展[开開]全文|查看(?:更多|全文)',
      '[点點][击擊](?:查看|[阅閱][读讀]|下[载載]|[进進]入).{0,20}',
      '(?:[创創]作者|作者)介[绍紹]|.{0,20}的(?:[头頭]像|[个個]人[资資]料)',
      'arrow|top|more|menu|share|close|prev|previous|next|loading\\.*',
    ].join('|') +
    ')\\s*[:：>»›]?$',
  'i',
);
const TAGS = /^(?:[热熱][门門]|相[关關]|文章|本文)?(?:[标標][签籤簽]|tags?)\s*(?:[:：].{0,80})?$/i;
/** Calls to share that are residue even in a whole sentence ("百度搜索“看文倉”，…，您的在線圖書館！"). */
const SHARE_ALWAYS = [/^[欢歡]迎(?:[转轉][载載]|分享|[关關][注註])/, /^[请請]?(?:百度|谷歌|Google\s*)?搜索\s*[“"「『]/i];
/** Calls to share only in a line that is no sentence ("版权所有人的合法权益受法律保护。" is one). */
const SHARE_OUTSIDE_PROSE = [
  /[转轉][载載][请請]?[注註]明|未[经經].{0,8}[许許]可.{0,8}[转轉][载載]|版[权權]所有|版[权權][声聲]明|免[责責][声聲]明|[侵][权權].{0,8}(?:删除|刪除)|^copyright\b|^©|ICP[备備]/i,
  /^(?:分享到|[扫掃][码碼]|[扫掃]一[扫掃]|[扫掃]描二[维維][码碼]|[长長]按[识識][别別]|[关關][注註](?:我[们們]|微信|公众号|公眾號))/,
];
const EDITOR_VOICE = /小[编編]/;
const EDITOR_DEED = /整理|[搜蒐收]集|精心|[为為给給]大家|[带帶]来|分享|推[荐薦]|[欢歡]迎[阅閱][读讀]/;
const INTRO = /^(?:下面|以下)(?:是|为|為)/;
const READER_WISH = /[欢歡]迎[阅閱][读讀]|希望.{0,12}[帮幫]助|供大家[参參]考|[欢歡]迎[借]?[鉴鑒]/;
const COUNTER =
  /(?<![网網站博户戶号號台臺务務])(?:[阅閱][读讀]|[浏瀏][览覽]|[点點][击擊]|[评評][论論]|留言|人[气氣]|[赞讚]|收藏|[转轉][发發])(?:量|[数數]|次[数數])?\s*(?:[(（]\s*[\d.,]*\s*[wW万萬kK+]?\s*[)）]|[:：]?\s*\d[\d.,]*\s*[wW万萬kK+]?\s*次?)/;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
const WORDS_AND_URL = /^(.{1,12}?)\s*(?:https?:\/\/|www\.)[\w./?=&%#~:-]+$/i;
/** Words that introduce an address in a document: "网址：", "请登录", "详见". */
const ADDRESS_CUE = /(?:网址|網址|网站|網站|主页|主頁|官网|官網|[邮郵]箱|[电電][话話]|地址|e-?mail|[链鏈]接|[访訪][问問]|登[录錄陆陸]|[见見]|查[询詢]|下[载載])\s*[:：]?$/i;
const TEASER_END = /(?:\.{3}|(?<!…)…)$/;

/** A date alone on its line, as a signature writes it: 2023年2月1日, 二〇二三年二月一日. */
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

const isTitle = (s: string) => s.length > 0 && s.length <= 40 && !/[，,；;。！？!?]/.test(s) && !TEASER_END.test(s);
const isFragment = (s: string) => s.length <= 24 && !/[，,；;。！？!?：:]/.test(s);

/** A line that opens with a heading or list number (一、 （二） 3. 第四): the document's own. */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d０-９]+[）)]|[\d０-９]+[、．.](?!\d)|第[一二三四五六七八九十\d]+[条條章节節部分])/;
/** A sentence: it has a full stop, question or exclamation mark before its end, or ends in 。 after a clause. */
const SENTENCE = /[。！？](?!$)|[，；].*[。！？]$/;
/** Speaking as the unit ("我中心", "我局"): a document's own words, not an editor's. */
const OWN_VOICE = /我(?:中心|局|[单單]位|[区區]|市|[县縣]|[处處]|科|院|校|委|[办辦]|所|站|[馆館]|街道|[镇鎮]|[乡鄉]|公司)/;

/** A public body named as a source ("区统计局网站", "市政府门户网站"): a document cites it. */
const OFFICIAL = /[局委厅廳院署]|部(?!落)|政府|人大|政协|政協|[办辦]公[室厅廳]|[统統][计計]|年[鉴鑑]|公[报報]/;

/** The reason a line on its own is residue, or undefined. `s` is trimmed. */
function residue(s: string): string | undefined {
  // Numbered lines are headings and points; whole sentences are prose. Only an address alone
  // on a numbered line would still be residue, and a document writes it after a cue.
  if (NUMBERED.test(s)) return undefined;
  const sentence = SENTENCE.test(s) || (s.endsWith('。') && s.length > 12);
  const source = SOURCE.exec(s);
  if (source && s.length <= 60 && (!source[1] || (SITE.test(source[1]) && !OFFICIAL.test(source[1])))) return 'source/attribution';
  if (/^作者[:：].{0,30}[来來]源[:：]/.test(s)) return 'source/attribution';
  if (TAGS.test(s)) return 'tags';
  if (NAVIGATION.test(s) && !s.endsWith('。')) return 'navigation';
  if (s.length <= 100 && (SHARE_ALWAYS.some((pattern) => pattern.test(s)) || (!sentence && SHARE_OUTSIDE_PROSE.some((pattern) => pattern.test(s))))) return 'call to share';
  if (s.length <= 300 && ((EDITOR_VOICE.test(s) && EDITOR_DEED.test(s)) || (INTRO.test(s) && READER_WISH.test(s) && !OWN_VOICE.test(s)))) return "editor's note";
  if (s.length <= 80 && !s.includes('。') && COUNTER.test(s)) return 'counter';
  if (URL_ONLY.test(s)) return 'URL';
  const link = WORDS_AND_URL.exec(s);
  if (link && !ADDRESS_CUE.test(link[1] ?? '')) return 'link';
  return undefined;
}

export function stripBoilerplate(text: string): { text: string; removed: RemovedLine[] } {
  const eol = text.match(/\r\n|\n|\r/)?.[0] ?? '\n';
  const lines = text.split(/\r\n|\n|\r/);
  const finalNewline = lines.length > 1 && lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  const trimmed = lines.map((line) => line.trim());
  const reasons: Array<string | undefined> = trimmed.map((s) => (s === '' ? undefined : residue(s)));
  // An address alone on its line under "…地址：" / "网址：" is the document's.
  trimmed.forEach((_, i) => {
    if (reasons[i] !== 'URL' && reasons[i] !== 'link') return;
    let j = i - 1;
    while (j >= 0 && trimmed[j] === '') j--;
    if (j >= 0 && ADDRESS_CUE.test(trimmed[j]!)) reasons[i] = undefined;
  });
  const content = (i: number) => trimmed[i] !== '' && reasons[i] === undefined;

  // Related-article teasers: a title line, then a truncated excerpt.
  let previous = -1;
  trimmed.forEach((s, i) => {
    if (!content(i)) return;
    if (previous >= 0 && TEASER_END.test(s) && s.length >= 20 && isTitle(trimmed[previous]!) && !NUMBERED.test(trimmed[previous]!)) {
      reasons[previous] = 'teaser title';
      reasons[i] = 'teaser';
    }
    previous = i;
  });

  // A title repeating the line kept before it.
  let last = '';
  trimmed.forEach((s, i) => {
    if (!content(i)) return;
    if (s === last && isTitle(s) && /\p{Script=Han}/u.test(s)) reasons[i] = 'repeated title';
    else last = s;
  });

  // The page footer: from the first residue line of a run of residue and short fragments that
  // ends the text, the fragments go too.
  let footer = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (trimmed[i] === '') continue;
    if (reasons[i] !== undefined) footer = i;
    else if (!isFragment(trimmed[i]!)) break;
  }
  if (footer >= 0) {
    let previousFragment = -1;
    for (let i = footer + 1; i < lines.length; i++) {
      if (!content(i)) continue;
      // A date there, and the line before it, are the document's signature (a source line
      // pasted above the signature must not take it along).
      if (DATE_LINE.test(trimmed[i]!)) {
        if (previousFragment >= 0 && reasons[previousFragment] === 'page footer') reasons[previousFragment] = undefined;
      } else reasons[i] = 'page footer';
      previousFragment = i;
    }
  }

  // Keep the rest; a gap of blank lines across removed lines becomes the widest of its parts.
  const removed: RemovedLine[] = [];
  const kept: string[] = [];
  let run: string[] = [];
  let gap: string[] = [];
  let removedSinceKept = false;
  const widest = () => (run.length > gap.length ? run : gap);
  lines.forEach((line, i) => {
    const reason = reasons[i];
    if (reason !== undefined) {
      removed.push({ line: i + 1, text: line, reason });
      gap = widest();
      run = [];
      removedSinceKept = true;
    } else if (trimmed[i] === '') run.push(line);
    else {
      const atStart = kept.length === 0 && removedSinceKept;
      if (!atStart) for (const blank of widest()) kept.push(blank);
      kept.push(line);
      run = [];
      gap = [];
      removedSinceKept = false;
    }
  });
  if (!removedSinceKept) for (const blank of run) kept.push(blank);
  const body = kept.join(eol);
  return { text: body + (finalNewline && kept.length > 0 ? eol : ''), removed };
}
