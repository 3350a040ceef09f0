/**
 * Mojibake repair (src/text/mojibake.ts) against a generated corpus: clean sentences garbled
 * with iconv-lite in each wrong way — whole lines, a garbled clause inside a clean line, a
 * dropped 0xAD byte, bytes lost to U+FFFD — plus negative controls that must come through
 * unchanged (every line of the clean seeds, Japanese, Korean, European text, …) and seed 003,
 * whose second copy of the document is GBK read as Latin-1 with soft hyphens stripped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairLine } from '../src/text/mojibake.js';
import { charBonus, wordBonus } from '../src/text/mojibake-words.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'mojibake');

// ───────────────────────────── clean sentences ─────────────────────────────

const SIMPLIFIED = [
  '关于做好2024年度文明单位创建工作的通知',
  '各科室要高度重视，认真组织，确保各项工作落到实处。',
  '会议由办公室主任主持，全体干部职工参加。',
  '请于3月15日前将材料报送至综合科，联系电话：0531-88886666。',
  '我们要坚持以人民为中心的发展思想，不断增强群众的获得感、幸福感、安全感。',
  '本季度共受理业务1286件，办结率达到99.6%。',
  '他说：“明天上午九点在三楼会议室开会。”',
  '进一步提高服务质量和工作效率，树立良好的窗口形象。',
  '经研究决定，成立创建工作领导小组，负责统筹协调。',
  '附件：1. 实施方案 2. 考核细则',
  '今天天气很好，我们去公园散步吧。',
  '这个问题需要大家共同努力才能解决。',
  '请登录http://www.example.gov.cn查询办理进度。',
  '全年完成固定资产投资12.5亿元，同比增长8.3%。',
  '以新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神。',
  '报告期内，中心窗口工作人员无一例投诉。',
  '使用Python和Excel处理统计数据，效率提高了一倍。',
  '积极开展“学雷锋”志愿服务活动，弘扬奉献、友爱、互助、进步的志愿精神。',
  '第一条 为了规范政务服务行为，制定本办法。',
  '联系人：张伟，邮箱：zhangwei@example.com。',
  '负责人：赵珺，副组长：钱琛。',
  '文化内涵丰富，群众满意度高。',
  '这是一个测试……请稍候——马上就好。',
  '二〇二三年十二月三十一日',
  '（一）加强组织领导；（二）明确工作职责；（三）强化督促检查。',
  '中华人民共和国',
  '创建文明单位',
  '年终总结',
  // Characters whose GBK trail byte is 0xAD, for the dropped-byte cases.
  '江苏省经济发展迅速，协调推进各项工作。',
  '原则上不予批准，特殊情况另行研究。',
  '谁来负责这项工作？请尽快确定人选。',
  '热烈欢迎各位领导莅临指导！',
  '凯旋归来，拉开新的序幕。',
  '翻译、编辑和校对工作由办公室负责。',
  '这一问题成为制约发展的障碍。',
  '铜陵市董事会召开会议。',
  '一杯茶，一本书，循序渐进。',
  '严禁骗取补贴，违者依法处理。',
];

const TRADITIONAL = [
  '關於做好年度精神文明創建工作的通知',
  '我們要堅持以人民為中心，不斷提高服務水平。',
  '會議由辦公室主任主持，全體幹部職工參加。',
  '請於三月十五日前將材料報送至綜合科。',
  '這個問題需要大家共同努力才能解決。',
  '中心窗口工作人員熱情接待每一位辦事群眾。',
  '臺灣地區的朋友歡迎來訪，聯絡電話：02-2345-6789。',
  '本年度共受理業務1200件，辦結率達到99%。',
  '歡迎閱讀，希望對大家有所幫助。',
  '積極推動各項精神文明建設工作深入開展。',
  '嚴格按照《文明單位管理辦法》七項標準的規定。',
  '資訊與電腦系統的維護工作由專人負責。',
  '歷史與傳統',
  '精神文明',
];

function seedSentences(file: string, every: number): string[] {
  const text = readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8');
  const sentences = text.split(/(?<=[。！？；])|\n/).map((s) => s.trim()).filter((s) => s.length >= 6 && s.length <= 60);
  return sentences.filter((_, i) => i % every === 0);
}

// A line with a single Chinese character ("20xx年1...") carries too little evidence to be
// repaired on its own: the corpus keeps sentences with two or more.
const chinese = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length >= 2;
const simplified = [...SIMPLIFIED, ...seedSentences('000_be800517be09ffe6.txt', 3), ...seedSentences('002_54170532e29f76f1.txt', 3)].filter(chinese);
const traditional = [...TRADITIONAL, ...seedSentences('001_21a06dd7d360571c.txt', 4), ...seedSentences('004_01aafdc2e9ee2e15.txt', 3)].filter(
  (s) => chinese(s) && roundTrips(s, 'big5') && roundTrips(s, 'gb18030'),
);

function roundTrips(s: string, encoding: string): boolean {
  return iconv.decode(iconv.encode(s, encoding), encoding) === s;
}

// ───────────────────────────── the wrong ways ─────────────────────────────

/** WHATWG Windows-1252, 0x80–0x9F (undefined bytes stay C1 controls): independent of the module's table. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const asLatin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const asCp1252 = (bytes: Uint8Array) => [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const GARBLERS: Record<string, (s: string) => string> = {
  'gbk-as-latin1': (s) => asLatin1(iconv.encode(s, 'gb18030')),
  'gbk-as-cp1252': (s) => asCp1252(iconv.encode(s, 'gb18030')),
  'big5-as-latin1': (s) => asLatin1(iconv.encode(s, 'big5')),
  'big5-as-cp1252': (s) => asCp1252(iconv.encode(s, 'big5')),
  'utf8-as-cp1252': (s) => asCp1252(utf8(s)),
  'utf8-as-latin1': (s) => asLatin1(utf8(s)),
  'utf8-as-cp1252-twice': (s) => asCp1252(utf8(asCp1252(utf8(s)))),
  'utf8-as-gbk': (s) => iconv.decode(utf8(s), 'gb18030'),
  'utf8-as-big5': (s) => iconv.decode(utf8(s), 'big5'),
};

/** The garblers that lose nothing: repaired text must be exact. */
const EXACT = ['gbk-as-latin1', 'gbk-as-cp1252', 'big5-as-latin1', 'big5-as-cp1252', 'utf8-as-cp1252', 'utf8-as-latin1', 'utf8-as-cp1252-twice'];

function repair(line: string): string {
  return repairLine(line).text;
}

interface Tally {
  total: number;
  exact: number;
  failures: string[];
}

function tally(cases: Array<{ input: string; expected: string }>): Tally {
  const t: Tally = { total: 0, exact: 0, failures: [] };
  for (const { input, expected } of cases) {
    t.total++;
    const got = repair(input);
    if (got === expected) t.exact++;
    else t.failures.push(`${JSON.stringify(input)}\n    expected ${JSON.stringify(expected)}\n    got      ${JSON.stringify(got)}`);
  }
  return t;
}

const report: string[] = [];
function record(name: string, t: Tally): void {
  report.push(`${name.padEnd(34)} ${String(t.exact).padStart(4)}/${String(t.total).padEnd(4)} ${(100 * t.exact / Math.max(1, t.total)).toFixed(1)}%`);
}

/** Sentences a garbler can take: GBK ones everything GB18030 has, Big5 ones the traditional set. */
function sentencesFor(kind: string): string[] {
  if (kind.startsWith('big5')) return traditional;
  return [...simplified, ...traditional];
}

describe('generated corpus: whole lines', () => {
  for (const kind of EXACT) {
    it(`${kind}: every line repaired exactly`, () => {
      const t = tally(sentencesFor(kind).map((s) => ({ input: GARBLERS[kind]!(s), expected: s })));
      record(`${kind} (whole line)`, t);
      expect(t.failures.slice(0, 5)).toEqual([]);
      expect(t.exact).toBe(t.total);
    });
  }

  it('short lines garbled whole: GBK and Big5 readings told apart by the words they make', () => {
    // A clause of 3–10 characters alone on its line: read as GBK or as Big5 both give common
    // characters (µßµ¹±È½Ï → 颠倒比较 / 菌給掀誕); the reading whose neighbours make words wins.
    const results: Record<string, Tally> = {};
    for (const kind of ['gbk-as-latin1', 'gbk-as-cp1252', 'big5-as-latin1', 'big5-as-cp1252']) {
      const clauses = new Set<string>();
      for (const s of sentencesFor(kind)) for (const c of s.split(/[，、：；。！？]/)) if (c.length >= 3 && c.length <= 10 && /^\p{Script=Han}+$/u.test(c)) clauses.add(c);
      const t = tally([...clauses].map((c) => ({ input: GARBLERS[kind]!(c), expected: c })));
      record(`${kind} (short line)`, t);
      results[kind] = t;
    }
    for (const [kind, t] of Object.entries(results)) {
      expect(t.total, kind).toBeGreaterThan(kind.startsWith("big5") ? 5 : 50);
      expect(t.failures.slice(0, 5), kind).toEqual([]);
    }
    expect(repair('µßµ¹±È½ÏµÄ½á¹û.')).toBe('颠倒比较的结果.');
    expect(repair('Åã¥Ü ª©¥»¸ê°T.')).toBe('顯示 版本資訊.');
    // 的 alone reads as well as 腔; the rest of the line decides.
    expect(repair('µÄ ·ûºÅÁ¬½Ó.')).toBe('的 符号连接.');
  });

  it('Big5 pairs whose trail byte is an ASCII letter, between Latin letters or at the end', () => {
    const big5AsLatin1 = GARBLERS['big5-as-latin1']!;
    for (const line of ['這樣dos和windows客戶端', 'Samba支援"名稱修正",這樣dos和windows客戶端', '美元符(``$\'\')則 Tcl 進行變數替換', '生成 檔案 , 若 檔案 已經 存在 , 則']) {
      expect(repair(big5AsLatin1(line)), line).toBe(line);
    }
  });

  it('utf8-as-gbk: lines that lost no byte are repaired exactly', () => {
    const cases = sentencesFor('utf8-as-gbk')
      .map((s) => ({ input: GARBLERS['utf8-as-gbk']!(s), expected: s }))
      .filter((c) => !c.input.includes('\ufffd'));
    const t = tally(cases);
    record('utf8-as-gbk (whole line, no loss)', t);
    expect(t.failures.slice(0, 5)).toEqual([]);
    expect(t.exact).toBe(t.total);
  });
});

// ───────────────────────────── partial, dropped bytes ─────────────────────────────

/** A clause of the sentence garbled (not the first), the rest clean. */
function partialCases(kind: string): Array<{ input: string; expected: string }> {
  const cases: Array<{ input: string; expected: string }> = [];
  for (const s of sentencesFor(kind)) {
    const parts = s.split(/(?<=[，、：；。！？])/).filter(Boolean);
    if (parts.length < 2) continue;
    for (let k = 1; k < parts.length; k++) {
      const clause = parts[k]!;
      if ([...clause].length < 3) continue;
      const garbled = GARBLERS[kind]!(clause);
      if (garbled.includes('\ufffd')) continue;
      cases.push({ input: parts.slice(0, k).join('') + garbled + parts.slice(k + 1).join(''), expected: s });
      break;
    }
  }
  return cases;
}

describe('generated corpus: a garbled clause inside a clean line', () => {
  for (const kind of [...EXACT, 'utf8-as-gbk']) {
    it(`${kind}: the clause is repaired and the rest left alone`, () => {
      const cases = partialCases(kind);
      const t = tally(cases);
      record(`${kind} (clause)`, t);
      expect(cases.length).toBeGreaterThan(3);
      expect(t.failures.slice(0, 5)).toEqual([]);
      expect(t.exact).toBe(t.total);
    });
  }

  it('reports the span at its column in the original line', () => {
    const line = `通知：${GARBLERS['gbk-as-latin1']!('请各单位按时报送')}，谢谢。`;
    const { text, changes } = repairLine(line);
    expect(text).toBe('通知：请各单位按时报送，谢谢。');
    expect(changes).toEqual([{ column: 4, before: GARBLERS['gbk-as-latin1']!('请各单位按时报送'), after: '请各单位按时报送', kind: 'gbk-as-latin1' }]);
  });
});

/** Positions of 0xAD trail bytes of two-byte characters in GB18030 bytes. */
function adTrails(bytes: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! >= 0x81 && i + 1 < bytes.length) {
      if (bytes[i + 1] === 0xad) out.push(i + 1);
      i += 2;
    } else i++;
  }
  return out;
}

describe('garbled text among other text', () => {
  const gbk = GARBLERS['gbk-as-latin1']!;
  const u8 = GARBLERS['utf8-as-cp1252']!;
  const u8gbk = GARBLERS['utf8-as-gbk']!;
  it.each([
    [gbk('2021年10月19日'), '2021年10月19日'],
    [`日期：${gbk('2021年10月19日')}`, '日期：2021年10月19日'],
    [`Meeting notes: ${gbk('会议纪要')} (draft)`, 'Meeting notes: 会议纪要 (draft)'],
    [`会议纪要 ${u8('第一次会议')} 完毕`, '会议纪要 第一次会议 完毕'],
    // Punctuation Chinese is typed with (——, “”, …) is no byte of a pair, near a GBK clause read
    // as Windows-1252 or not ("——" is 97 97 there, which GBK reads as 棗).
    [`中文 ——测试 ${GARBLERS['gbk-as-cp1252']!('但是')}。`, '中文 ——测试 但是。'],
    [`他说——${GARBLERS['gbk-as-cp1252']!('但是')}`, '他说——但是'],
    [`——${GARBLERS['gbk-as-cp1252']!('但是好')}`, '——但是好'],
    [`${GARBLERS['gbk-as-cp1252']!('但是')}——${GARBLERS['gbk-as-cp1252']!('很好')}……“${GARBLERS['gbk-as-cp1252']!('对')}”`, '但是——很好……“对”'],
    [`他说：“${u8('你好')}”`, '他说：“你好”'],
    [`附件：${u8gbk('实施方案')}.docx`, '附件：实施方案.docx'],
    [gbk('Python开发者大会'), 'Python开发者大会'],
    [gbk('《党政机关公文格式》GB/T 9704—2012'), '《党政机关公文格式》GB/T 9704—2012'],
    [gbk('电话：0531-88886666，传真：0531-88886667'), '电话：0531-88886666，传真：0531-88886667'],
    [GARBLERS['big5-as-latin1']!('臺北市信義區'), '臺北市信義區'],
    ['Ã©tÃ© 2021', 'été 2021'],
    ['â€œQuoteâ€\u009d', '“Quote”'],
  ])('%s → %s', (input, expected) => {
    expect(repair(input)).toBe(expected);
  });

  it('names how the text was misread', () => {
    expect(repairLine(gbk('中华人民共和国')).changes[0]!.kind).toBe('gbk-as-latin1');
    expect(repairLine(GARBLERS['gbk-as-cp1252']!('各部門負責人')).changes[0]!.kind).toBe('gbk-as-cp1252');
    expect(repairLine(GARBLERS['big5-as-latin1']!('臺北市信義區')).changes[0]!.kind).toBe('big5-as-latin1');
    expect(repairLine(u8('中华人民共和国')).changes[0]!.kind).toBe('utf8-as-cp1252');
    expect(repairLine(GARBLERS['utf8-as-cp1252-twice']!('中华人民共和国')).changes[0]!.kind).toBe('utf8-as-cp1252-twice');
    expect(repairLine(u8gbk('中华人民共和国')).changes[0]!.kind).toBe('utf8-as-gbk');
    expect(repairLine(iconv.decode(utf8('中华人民共和国成立了'), 'big5')).changes[0]!.kind).toBe('utf8-as-big5');
  });

  it('leaves a lone garbled character without context alone (too little evidence)', () => {
    expect(repair(gbk('年'))).toBe(gbk('年'));
  });
});

describe('generated corpus: dropped 0xAD bytes (soft hyphens stripped)', () => {
  const sentences = [...simplified, ...traditional].filter((s) => adTrails([...iconv.encode(s, 'gb18030')]).length > 0);

  for (const which of ['the first', 'every'] as const) {
    it(`resynchronises GBK read as Latin-1 after losing ${which} 0xAD`, () => {
      const cases = sentences.map((s) => {
        const bytes = [...iconv.encode(s, 'gb18030')];
        const drop = new Set(which === 'every' ? adTrails(bytes) : adTrails(bytes).slice(0, 1));
        return { input: asLatin1(Uint8Array.from(bytes.filter((_, i) => !drop.has(i)))), expected: s };
      });
      const t = tally(cases);
      record(`gbk-as-latin1 (${which} 0xAD dropped)`, t);
      expect(cases.length).toBeGreaterThan(10);
      expect(t.exact).toBeGreaterThanOrEqual(DROPPED_FLOOR[which]!);
    });
  }

  it.each([
    ['the first', '一杯茶，一本书，循序渐进。'],
    ['every', '一杯茶，一本书，循序渐进。'],
    ['the first', '凯旋归来，拉开新的序幕。'],
    ['every', '这一问题成为制约发展的障碍。'],
    ['the first', '翻译、编辑和校对工作由办公室负责。'],
    // Word frequencies (jieba's word list) tell these from readings out of step made of
    // common characters: "死喘", "拳攘一队", "迫〔弓", "歡觼碓L".
    ['the first', '谁来负责这项工作？请尽快确定人选。'],
    ['the first', '热烈欢迎各位领导莅临指导！'],
    ['the first', '严禁骗取补贴，违者依法处理。'],
    ['the first', '臺灣地區的朋友歡迎來訪，聯絡電話：02-2345-6789。'],
    // More bytes put back than the first reading left without their pair, paid for by words:
    // "剿帐【济", "芬搿⒈嗉", "土晔卸".
    ['every', '江苏省经济发展迅速，协调推进各项工作。'],
    ['every', '翻译、编辑和校对工作由办公室负责。'],
    ['every', '铜陵市董事会召开会议。'],
  ] as const)('puts back %s dropped 0xAD of "%s" (the words decide where)', (which, s) => {
    const bytes = [...iconv.encode(s, 'gb18030')];
    const drop = new Set(which === 'every' ? adTrails(bytes) : adTrails(bytes).slice(0, 1));
    expect(repair(asLatin1(Uint8Array.from(bytes.filter((_, i) => !drop.has(i)))))).toBe(s);
  });

  it('puts back a dropped 0xAD whose pairs out of step leave no byte alone, only uncommon characters', () => {
    // 迎 is D3 AD: without its 0xAD the pairs run on out of step to the "x" of 讀 (D7 78),
    // "歡娱喿x": no stray byte, but 喿 is not a common character.
    for (const s of ['歡迎閱讀，希望對大家有所幫助。', '下面是小編蒐集整理的年度精神文明創建工作總結,歡迎閱讀,希望對大家有所幫助。']) {
      const bytes = [...iconv.encode(s, 'gb18030')];
      const drop = new Set(adTrails(bytes).slice(0, 1));
      expect(repair(asLatin1(Uint8Array.from(bytes.filter((_, i) => !drop.has(i)))))).toBe(s);
    }
  });

  it('puts back a dropped 0xAD of Big5 whose pairs out of step run on to an ASCII trail byte', () => {
    // 平 is A5 AD, 。 A1 43: without the 0xAD they read "央C"; 五、 (A4 AD, A1 42) read "丑B".
    for (const s of ['我們要堅持以人民為中心，不斷提高服務水平。', '【摘 要】海陽市政務服務中心是行政服務局的前身。']) {
      const bytes = [...iconv.encode(s, 'big5')];
      const drop = new Set(adTrails(bytes).slice(0, 1));
      expect(repair(asLatin1(Uint8Array.from(bytes.filter((_, i) => !drop.has(i)))))).toBe(s);
    }
  });

  it('reads the word frequencies (han-pairs.data.ts), simplified and traditional', () => {
    const cp = (c: string) => c.codePointAt(0)!;
    expect(wordBonus(cp('欢'), cp('迎'))).toBeGreaterThan(wordBonus(cp('骗'), cp('取')));
    expect(wordBonus(cp('骗'), cp('取'))).toBeGreaterThan(0);
    expect(wordBonus(cp('歡'), cp('迎'))).toBeGreaterThan(0);
    expect(wordBonus(cp('死'), cp('喘'))).toBe(0);
    expect(wordBonus(cp('a'), cp('b'))).toBe(0);
    expect(charBonus(cp('来'))).toBeGreaterThan(charBonus(cp('喘')));
  });

  it('puts back no byte where common characters merely replace an uncommon one', () => {
    // 赵珺: "：赵珺" could read "－赫袁B" with a 0xAD put back after A3, but makes no word.
    const s = '负责人：赵珺，副组长：钱琛。';
    expect(repair(GARBLERS['gbk-as-latin1']!(s))).toBe(s);
  });

  it('resynchronises UTF-8 read as Windows-1252 after a lost 0xAD (中 = E4 B8 AD)', () => {
    expect(repair(asCp1252(utf8('中国特色社会主义')).replace('\u00ad', ''))).toBe('中国特色社会主义');
    expect(repair(asCp1252(utf8('集中精力办大事')).replace('\u00ad', ''))).toBe('集中精力办大事');
  });
});

describe('dropped 0xAD bytes over every sentence of the seeds', () => {
  const sentences = new Set([...simplified, ...traditional]);
  for (const file of readdirSync(path.join(FIXTURES, 'seeds'))) {
    let text = readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8');
    if (file.startsWith('003')) text = text.split('\n').filter((l) => !/[\u0080-\u00ff]/.test(l)).join('\n'); // the garbled copy
    for (const s of text.split(/(?<=[。！？；])|\n/).map((x) => x.trim())) if (s.length >= 4 && s.length <= 80 && chinese(s)) sentences.add(s);
  }
  const dropped = (bytes: number[], which: 'the first' | 'every') => {
    const drop = new Set(which === 'every' ? adTrails(bytes) : adTrails(bytes).slice(0, 1));
    return Uint8Array.from(bytes.filter((_, i) => !drop.has(i)));
  };

  it('GBK and Big5 read as Latin-1 or Windows-1252, the first or every 0xAD lost', () => {
    const cases: Array<{ input: string; expected: string }> = [];
    for (const s of sentences) {
      for (const encoding of ['gb18030', 'big5']) {
        if (!roundTrips(s, encoding)) continue;
        const bytes = [...iconv.encode(s, encoding)];
        const trails = adTrails(bytes).length;
        for (const which of ['the first', 'every'] as const) {
          if (trails === 0 || (which === 'every' && trails < 2)) continue;
          for (const view of [asLatin1, asCp1252]) cases.push({ input: view(dropped(bytes, which)), expected: s });
        }
      }
    }
    const t = tally(cases);
    record('seeds, 0xAD dropped (whole line)', t);
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(t.exact).toBeGreaterThanOrEqual(SEED_DROPPED_FLOOR.whole);
  });

  it('a clause garbled so inside a clean line', () => {
    const cases: Array<{ input: string; expected: string }> = [];
    for (const s of sentences) {
      const parts = s.split(/(?<=[，、：；。！？,])/).filter(Boolean);
      for (let k = 1; k < parts.length; k++) {
        for (const encoding of ['gb18030', 'big5']) {
          if (!roundTrips(parts[k]!, encoding)) continue;
          const bytes = [...iconv.encode(parts[k]!, encoding)];
          if (adTrails(bytes).length === 0) continue;
          cases.push({ input: parts.slice(0, k).join('') + asLatin1(dropped(bytes, 'the first')) + parts.slice(k + 1).join(''), expected: s });
        }
      }
    }
    const t = tally(cases);
    record('seeds, 0xAD dropped (clause)', t);
    expect(cases.length).toBeGreaterThanOrEqual(15);
    expect(t.exact).toBeGreaterThanOrEqual(SEED_DROPPED_FLOOR.clause);
  });

  it('the same sentences garbled without loss are repaired exactly, clean ones left alone', () => {
    const wrong: string[] = [];
    for (const s of sentences) {
      if (repair(s) !== s) wrong.push(`clean: ${s}`);
      for (const encoding of ['gb18030', 'big5']) {
        if (!roundTrips(s, encoding) || /[\u0080-\u00ff]/.test(s)) continue; // Latin-1 letters of their own: not only mojibake
        for (const view of [asLatin1, asCp1252]) {
          const got = repair(view(Uint8Array.from(iconv.encode(s, encoding))));
          if (got !== s) wrong.push(`${encoding}: ${s} → ${got}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

// ───────────────────────────── lossy ─────────────────────────────

/**
 * What can be restored from UTF-8 read as a double-byte code page by iconv-lite, which turns
 * each byte it cannot decode into one U+FFFD: every character none of whose bytes was lost.
 */
function restorable(s: string, encoding: string): { garbled: string; expected: string } {
  const garbled = iconv.decode(utf8(s), encoding);
  const lost: boolean[] = [];
  for (const ch of garbled) {
    if (ch === '\ufffd') lost.push(true);
    else if (ch === '€' && encoding === 'gb18030') lost.push(false); // a lone 0x80
    else for (const _ of iconv.encode(ch, encoding)) lost.push(false);
  }
  let expected = '';
  let at = 0;
  for (const ch of s) {
    const width = utf8(ch).length;
    expected += lost.slice(at, at + width).some(Boolean) ? '\ufffd' : ch;
    at += width;
  }
  return { garbled, expected: expected.replace(/\ufffd+/g, '\ufffd') };
}

/**
 * Characters of `expected` (U+FFFD aside) found, in order, in `got`; and characters of `got`
 * that are neither found nor left over from `garbled` (wrong characters the repair made up).
 */
function restoredShare(expected: string, got: string, garbled = ''): { found: number; wanted: number; wrong: number } {
  const want = [...expected];
  const have = [...got];
  // Longest common subsequence.
  const dp: number[][] = Array.from({ length: want.length + 1 }, () => new Array<number>(have.length + 1).fill(0));
  for (let i = 1; i <= want.length; i++) {
    for (let j = 1; j <= have.length; j++) {
      dp[i]![j] = want[i - 1] === have[j - 1] && want[i - 1] !== '\ufffd' ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    }
  }
  const found = dp[want.length]![have.length]!;
  const wanted = want.filter((c) => c !== '\ufffd').length;
  const leftover = new Set(garbled);
  const matched = new Set(want);
  const wrong = have.filter((c) => c !== '\ufffd' && !matched.has(c) && !leftover.has(c)).length;
  return { found, wanted, wrong };
}

describe('generated corpus: lossy cases (bytes lost to U+FFFD)', () => {
  for (const encoding of ['gb18030', 'big5']) {
    const kind = encoding === 'big5' ? 'utf8-as-big5' : 'utf8-as-gbk';
    it(`${kind}: restores what can be restored and leaves U+FFFD where bytes were lost`, () => {
      let found = 0;
      let wanted = 0;
      let wrong = 0;
      let exact = 0;
      let total = 0;
      for (const s of [...simplified, ...traditional]) {
        const { garbled, expected } = restorable(s, encoding);
        if (!garbled.includes('\ufffd')) continue;
        total++;
        const got = repair(garbled).replace(/\ufffd+/g, '\ufffd');
        if (got === expected) exact++;
        const share = restoredShare(expected, got, garbled);
        if (process.env['MOJIBAKE_DEBUG'] && share.wrong > 0) console.log(`${JSON.stringify(s)}\n  ${JSON.stringify(garbled)}\n  → ${JSON.stringify(got)}`);
        found += share.found;
        wanted += share.wanted;
        wrong += share.wrong;
      }
      report.push(`${`${kind} (lossy)`.padEnd(34)} ${exact}/${total} exact, restorable characters restored ${(100 * found / wanted).toFixed(1)}%, wrong characters ${wrong}`);
      expect(total).toBeGreaterThan(10);
      expect(found / wanted).toBeGreaterThan(LOSSY_FLOOR[kind]!);
      expect(wrong).toBeLessThanOrEqual(LOSSY_WRONG[kind]!);
    });
  }

  it('gbk-as-cp1252 through iconv-lite (0x81 0x8D 0x8F 0x90 0x9D became U+FFFD): the rest is restored', () => {
    const s = '歡迎來訪，資訊中心'; // 來 is 0x81 0xED and 訊 0xD3 0x8D in GBK
    const garbled = iconv.decode(iconv.encode(s, 'gb18030'), 'cp1252');
    expect(garbled).toContain('\ufffd');
    const got = repair(garbled);
    expect(got).not.toBe(garbled);
    expect(restoredShare(s, got).wrong).toBe(0);
  });

  it('reads € as GB18030\'s pair A2 E3 where UTF-8 put a character ending in A2 before one starting with E3', () => {
    // 面。 = E9 9D A2 E3 80 82 reads 闈€€…: the first € is A2 E3, the second the byte 0x80.
    expect(iconv.decode(utf8('在页面。这里是说明'), 'gb18030')).toBe('鍦ㄩ〉闈€€傝繖閲屾槸璇存槑');
    expect(repair('鍦ㄩ〉闈€€傝繖閲屾槸璇存槑')).toBe('在页面。这里是说明');
    // Every common character whose UTF-8 ends in A2, before 。 、 and 《 (E3 80 82 / 81 / 8A).
    const endingInA2 = [...iconv.decode(Buffer.from(Array.from({ length: (0xd7 - 0xb0 + 1) * 94 }, (_, k) => [0xb0 + Math.floor(k / 94), 0xa1 + (k % 94)]).flat()), 'gbk')].filter(
      (c) => c !== '\ufffd' && utf8(c).at(-1) === 0xa2,
    );
    expect(endingInA2.length).toBeGreaterThan(20);
    let exact = 0;
    let total = 0;
    for (const c of endingInA2) {
      for (const line of [`工作${c}。这里是说明`, `工作${c}、这里是说明`, `学习${c}《条例》精神`]) {
        const garbled = iconv.decode(utf8(line), 'gb18030');
        if (garbled.includes('\ufffd')) continue;
        total++;
        if (repair(garbled) === line) exact++;
      }
    }
    expect(total).toBeGreaterThan(40);
    expect(exact).toBe(total);
  });

  it('keeps U+FFFD where UTF-8 read as GBK lost the byte before ASCII', () => {
    const { garbled, expected } = restorable('中 2021年度总结', 'gb18030');
    expect(garbled).toBe('涓\ufffd 2021骞村害鎬荤粨');
    expect(expected).toBe('\ufffd 2021年度总结');
    expect(repair(garbled)).toBe(expected);
  });
});

// Exact repairs reached with dropped bytes (of the cases printed in the report). Readings out
// of step are told apart by how often the words they make and their characters occur
// (mojibake-words.ts, from jieba's word list). Not reached: "……" with both 0xAD lost reads
// "　" (A1 A1), a character of its own that no word can tell from the ellipsis.
const DROPPED_FLOOR: Record<string, number> = { 'the first': 16, every: 15 };
// The same over every sentence of the seeds and of the corpus, GBK and Big5 read as Latin-1
// and as Windows-1252 (see the report), and with a clause of a clean line garbled so.
const SEED_DROPPED_FLOOR = { whole: 77, clause: 19 };

// Restored share and wrong characters reached on this corpus (see the report printed below).
const LOSSY_FLOOR: Record<string, number> = { 'utf8-as-gbk': 0.9, 'utf8-as-big5': 0.5 };
const LOSSY_WRONG: Record<string, number> = { 'utf8-as-gbk': 0, 'utf8-as-big5': 0 };

// ───────────────────────────── European mojibake, damaged ─────────────────────────────

/** UTF-8 read as a single-byte code page, undefined bytes kept as C1 controls (like the module). */
function sloppy(s: string, encoding: string): string {
  return [...utf8(s)].map((b) => (b < 0x80 ? String.fromCharCode(b) : iconv.decode(Buffer.from([b]), encoding).replace('\ufffd', String.fromCharCode(b)))).join('');
}

describe('UTF-8 read as a single-byte code page, with NBSPs turned into spaces', () => {
  const nbspLost = (s: string) => s.replace(/\u00a0/g, ' ');
  it.each([
    // Combining overlays (strike-through) follow digits and symbols, not only letters.
    [asCp1252(utf8('Prix barré : 1̶2̶0̶ € seulement 99 €')), 'Prix barré : 1̶2̶0̶ € seulement 99 €'],
    [asCp1252(utf8('Stary cennik 4̶5̶ zł, nowy 39 zł')), 'Stary cennik 4̶5̶ zł, nowy 39 zł'],
    // The 0xA0 inside a three-byte sequence (U+2800 is E2 A0 80), and "à" before a lone "s".
    [nbspLost(asCp1252(utf8('⠀ Sorteio válido até às 18h ⠀'))), '⠀ Sorteio válido até às 18h ⠀'],
    // A letter the first reading leaves ("Г" for "à") in a line believed misread.
    [nbspLost(sloppy('Il habite à Paris depuis l’été dernier', 'windows-1251')), 'Il habite à Paris depuis l’été dernier'],
    [nbspLost(sloppy('Rendez-vous à Lyon, près de la gare', 'windows-1251')), 'Rendez-vous à Lyon, près de la gare'],
    [nbspLost(sloppy('Šovasar Rīgā notika koncerts', 'windows-1257')), 'Šovasar Rīgā notika koncerts'],
    // A GBK reading spanning two UTF-8 segments does not outweigh them both.
    [asCp1252(utf8('Komut çalıştırma istemini göster')), 'Komut çalıştırma istemini göster'],
    [asCp1252(utf8('Dosya açılamadı; ayrıştırma başarısız')), 'Dosya açılamadı; ayrıştırma başarısız'],
    // NBSPs turned into spaces one for one (not collapsed): "à escola" left two spaces, so the
    // single space after the other "Ã" was its 0xA0, and the word goes on ("àquele", "àquela").
    [nbspLost(asCp1252(utf8('Vou à escola, semelhante àquele observado'))), 'Vou à escola, semelhante àquele observado'],
    [nbspLost(asCp1252(utf8('Vou à escola e às vezes àquela praça'))), 'Vou à escola e às vezes àquela praça'],
  ])('%s → %s', (input, expected) => {
    expect(repair(input)).toBe(expected);
  });

  it.each([
    // Without that evidence a single space after "Ã" is "à" and a collapsed space (ftfy's
    // cases), and a capital never continues a word.
    ['Ã perturber la rÃ©flexion des thÃ©ologiens jusqu\'Ã nos jours', 'à perturber la réflexion des théologiens jusqu\'à nos jours'],
    ['Il va Ã  Paris et Ã Lyon, voilÃ ', 'Il va à Paris et à Lyon, voilà'],
    // French words after "à" that begin like a Portuguese contraction's remainder are words of their own.
    ['Ã quel point, Ã quelle heure, Ã quelques pas, Ã quoi bon', 'à quel point, à quelle heure, à quelques pas, à quoi bon'],
    ['Ã quelqu\'un, Ã qui la faute ? Ã€ lui, dÃ©jÃ ', 'à quelqu\'un, à qui la faute ? À lui, déjà'],
  ])('%s → %s (the space stays)', (input, expected) => {
    expect(repair(input)).toBe(expected);
  });

  it.each([
    // Portuguese glues "à" only to "s" and to the demonstratives (crase): before their
    // remainders the single space was the NBSP, with no other evidence in the line.
    [nbspLost(asCp1252(utf8('semelhante àquele observado nas lesões'))), 'semelhante àquele observado nas lesões'],
    [nbspLost(asCp1252(utf8('Refiro-me àquelas casas e àquilo que vi'))), 'Refiro-me àquelas casas e àquilo que vi'],
    [nbspLost(asCp1252(utf8('Entregue àqueles alunos, àquela turma'))), 'Entregue àqueles alunos, àquela turma'],
  ])('%s → %s (a Portuguese contraction)', (input, expected) => {
    expect(repair(input)).toBe(expected);
  });
});

// ───────────────────────────── negative controls ─────────────────────────────

const NEGATIVES = [
  // Japanese
  '日本語のテキストはそのまま残ります。',
  '東京都千代田区丸の内1-1-1、株式会社サンプル',
  'ありがとうございました。またお越しください。',
  'ｶﾀｶﾅの半角もそのまま',
  // Korean
  '한국어 텍스트도 그대로 유지됩니다.',
  '서울특별시 중구 세종대로 110',
  // European
  'Café', 'Müller', 'São Paulo', '€12.50', '© ®', '© 2024 Müller GmbH ®',
  'Crème brûlée à la française, déjà vu, naïve façade.',
  'Größenwahn und Übermut: Straße, Fußgänger, Äpfel, Öl.',
  '¿Dónde está el baño? ¡Olé! Niño, señor, año.',
  'Łódź, Kraków, Gdańsk — zażółć gęślą jaźń.',
  'Příliš žluťoučký kůň úpěl ďábelské ódy.',
  'Ærø, Ødegaard, Åland; smörgåsbord.',
  // Capitals that read as GBK pairs ("ÅÅ" is C5 C5, 排), beside a letter written right.
  'Førre passordendring (ÅÅÅÅ-MM-DD)',
  'Dato (ÅÅÅÅ-MM-DD) og klokkeslett',
  'Fødselsdato: ÅÅÅÅMMDD',
  'İstanbul’da ağaç, çiçek, ğüşöı.',
  'Tiếng Việt có dấu: Nguyễn, Trần, Lê.',
  'Price: £35 × 2 = £70 (±5%), 20°C, ½ kg, 10 µm',
  '“Quoted” ‘text’ — with dashes – and … ellipsis • bullets',
  'naïve café résumé fiancée',
  'HÔTEL DE VILLE, ÉCOLE, GARÇON',
  // Greek, Russian
  'Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.',
  'Съешь же ещё этих мягких французских булок, да выпей чаю.',
  'Україна, Київ, ґанок, їжак, є.',
  // Emoji, symbols
  'Great job 👍🎉 ❤️ 😀😁😂',
  '中文里的表情😀也不应改变',
  // Full-width punctuation must never turn into ASCII
  '“”‘’，。、：；！？（）【】《》——……',
  '他说：“好的！”然后走了……',
  'ＡＢＣ１２３，全角字母与数字。',
  // Pinyin, mixed
  'Zhōngguó Rénmín Yínháng (中国人民银行)',
  'GB/T 9704—2012《党政机关公文格式》',
  '单位：万元  ±0.5%  ≥90%  ≤10℃',
  '①②③④⑤ ⅠⅡⅢ ㈠㈡㈢',
];

describe('negative controls stay byte-identical', () => {
  it.each(NEGATIVES)('%s', (line) => {
    const result = repairLine(line);
    expect(result.text).toBe(line);
    expect(result.changes).toEqual([]);
  });

  it('Latin-1 symbols inside Latin words, in European and in Chinese text', () => {
    for (const line of ['Copyright©2024 Müller GmbH', 'Micro©soft and Ta®get', 'x²y + a±b = 50°C', '版权所有©2024滨河区政务服务中心', 'São Paulo©Rio de Janeiro', 'Ab©Cd Ef®Gh Ij±Kl', 'A«hB C«hD', 'Preis: 12,50€ inkl. MwSt©', '¡Hola! ¿Qué tal?']) {
      expect(repair(line), line).toBe(line);
    }
  });

  it('every clean sentence of the corpus', () => {
    const changed = [...simplified, ...traditional].filter((s) => repair(s) !== s);
    expect(changed).toEqual([]);
  });

  it('every line of the clean seeds (and of the clean part of seed 003)', () => {
    const changed: string[] = [];
    let lines = 0;
    for (const file of readdirSync(path.join(FIXTURES, 'seeds'))) {
      for (const line of readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8').split('\n')) {
        if (file.startsWith('003') && /[\u0080-\u00ff]/.test(line)) continue; // the garbled copy
        lines++;
        const result = repairLine(line);
        if (result.text !== line || result.changes.length > 0) changed.push(`${file}: ${line}`);
      }
    }
    expect(lines).toBeGreaterThan(250);
    expect(changed).toEqual([]);
  });

  it('returns the very same string for clean text', () => {
    const line = '按照全区精神文明建设会议要求，为建设高素质的政务服务干部职工队伍';
    expect(repairLine(line).text).toBe(line);
  });
});

// ───────────────────────────── seed 003 ─────────────────────────────

describe('seed 003: the garbled second copy', () => {
  const lines = readFileSync(path.join(FIXTURES, 'seeds', '003_7cb5e989d0bd88e9.txt'), 'utf8').split('\n');
  const split = lines.findIndex((l) => l.startsWith('济南市章丘区政务服务中心2021-10-19'));
  const clean = lines.slice(0, split + 1).join('').replace(/\s/g, '');
  const garbled = lines.slice(split + 1).filter((l) => /[\u0080-\u00ff]/.test(l));

  it('every garbled line is repaired, as GBK read as Latin-1, to text of the clean copy', () => {
    expect(garbled.length).toBeGreaterThanOrEqual(40);
    const notInClean: string[] = [];
    for (const line of garbled) {
      const { text, changes } = repairLine(line);
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((c) => c.kind === 'gbk-as-latin1')).toBe(true);
      expect(text).not.toMatch(/[\u0080-\u00ff]/);
      if (!clean.includes(text.replace(/\s/g, ''))) notInClean.push(text);
    }
    expect(notInClean).toEqual([]);
  });

  it('the repaired copy, joined, matches the clean copy', () => {
    const repaired = lines.slice(split + 1).map(repair).join('').replace(/\s/g, '');
    const start = clean.indexOf(repaired.slice(0, 8));
    const reference = clean.slice(start, start + repaired.length);
    const { found } = restoredShare(reference, repaired);
    const similarity = (2 * found) / (reference.length + repaired.length);
    report.push(`${'seed 003 second copy'.padEnd(34)} similarity ${(100 * similarity).toFixed(2)}% (${repaired.length} characters)`);
    expect(similarity).toBeGreaterThan(0.999);
  });
});

describe('report', () => {
  it('prints the scores', () => {
    console.log(`\nmojibake repair, generated corpus (${simplified.length} simplified, ${traditional.length} traditional sentences)\n${report.join('\n')}`);
  });
});
