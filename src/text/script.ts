/**
 * Simplified ⇄ traditional conversion at phrase level with OpenCC's dictionaries (opencc-js),
 * plus mixed-script normalisation and user dictionaries.
 *
 * - simplified = OpenCC t2s, traditional = s2t, tw = s2twp, hk = s2hk, each with OpenCC's own
 *   chain (normalisation, segmentation, phrase then character tables).
 * - Mixed input (traditional text with stray simplified characters, as careless conversions
 *   leave them): a sentence that holds a traditional-only character is converted through a
 *   simplified pivot (t2s, then s2t), which gives the strays their phrase context
 *   (聯系 → 联系 → 聯繫); only characters that s2t would touch take the pivot's result, every
 *   other character stays as written (乾淨, 後來, 皇后, 著作 do not change).
 * - User dictionary entries win over OpenCC: their sources are set aside before conversion and
 *   their targets put in after.
 * Dictionaries load on first use, only those a target needs, once per process.
 */

export const SCRIPTS = ['simplified', 'traditional', 'tw', 'hk'] as const;
export type Script = (typeof SCRIPTS)[number];

export type Converter = (text: string) => string;
type Dictionary = string;
type Core = typeof import('opencc-js/core');

const load = async (name: string): Promise<Dictionary> => ((await import(`opencc-js/dict/${name}`)) as { default: Dictionary }).default;

interface Chain {
  segmentation?: string[];
  stages: string[][];
}

/** OpenCC's configurations, as opencc-js 1.4 ships them (preset/full.js `configs`). */
const CHAINS: Record<'s2t' | 's2twp' | 's2hk' | 't2s', Chain> = {
  s2t: { stages: [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters']] },
  s2twp: {
    segmentation: ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'],
    stages: [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'], ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']],
  },
  s2hk: {
    segmentation: ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'],
    stages: [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'], ['HKVariantsPhrases', 'HKVariants']],
  },
  t2s: { stages: [['TSPhrases', 'TSCharacters']] },
};

const CHAIN_OF: Record<Script, keyof typeof CHAINS> = { simplified: 't2s', traditional: 's2t', tw: 's2twp', hk: 's2hk' };

let corePromise: Promise<Core> | undefined;
const chains = new Map<string, Promise<Converter>>();

async function buildChain(name: keyof typeof CHAINS): Promise<Converter> {
  corePromise ??= import('opencc-js/core');
  const { ConverterFactory, Trie } = await corePromise;
  const chain = CHAINS[name];
  const normalize = ConverterFactory([await load('CJK_Compatibility_Ideographs')]);
  const stages = await Promise.all(chain.stages.map(async (names) => ConverterFactory(await Promise.all(names.map(load)))));
  let segmenter: InstanceType<typeof Trie> | undefined;
  if (chain.segmentation) {
    segmenter = new Trie();
    segmenter.loadDictGroup(await Promise.all(chain.segmentation.map(load)));
  }
  return (text) => {
    const segments = segmenter ? segmenter.segment(normalize(text)) : [normalize(text)];
    return segments.map((segment) => stages.reduce((s, stage) => stage(s), segment)).join('');
  };
}

function chainConverter(name: keyof typeof CHAINS): Promise<Converter> {
  let converter = chains.get(name);
  if (!converter) {
    converter = buildChain(name);
    chains.set(name, converter);
  }
  return converter;
}

/** Keys of a character table whose conversion can change them. */
function changingKeys(dictionary: Dictionary): Set<string> {
  const keys = new Set<string>();
  for (const entry of dictionary.split('|')) {
    const [key, ...values] = entry.split(' ');
    if (key && values.some((v) => v !== key)) keys.add(key);
  }
  return keys;
}

/**
 * Characters that a phrase changes: 系 in 联系 → 聯繫. opencc-js keeps only one target per
 * character in STCharacters (系 stays 系), so the phrase table is where 系, 干, 面… show that
 * they may be simplified forms.
 */
function phraseChangingCharacters(dictionary: Dictionary, into: Set<string>): Set<string> {
  for (const entry of dictionary.split('|')) {
    const [key, value] = entry.split(' ');
    if (!key || !value) continue;
    const source = [...key];
    const target = [...value];
    if (source.length !== target.length) continue;
    source.forEach((ch, i) => {
      if (target[i] !== ch) into.add(ch);
    });
  }
  return into;
}

interface CharacterTables {
  /** Characters t2s changes: traditional forms. */
  traditionalOnly: Set<string>;
  /** Characters s2t changes on their own: simplified forms. */
  simplifiedOnly: Set<string>;
  /** Characters s2t may change, alone or inside a phrase. */
  simplifiable: Set<string>;
}

let tables: Promise<CharacterTables> | undefined;

function characterTables(): Promise<CharacterTables> {
  tables ??= Promise.all([load('TSCharacters'), load('STCharacters'), load('STPhrases')]).then(([ts, st, phrases]) => {
    const simplifiedOnly = changingKeys(st);
    return { traditionalOnly: changingKeys(ts), simplifiedOnly, simplifiable: phraseChangingCharacters(phrases, new Set(simplifiedOnly)) };
  });
  return tables;
}

/** A sentence ends after 。！？；, a line break, or their full stops in other scripts. */
const SENTENCES = /[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)/g;

async function traditionalConverter(script: Exclude<Script, 'simplified'>): Promise<Converter> {
  const [toTarget, s2t, t2s, { traditionalOnly, simplifiedOnly, simplifiable }] = await Promise.all([
    chainConverter(CHAIN_OF[script]),
    chainConverter('s2t'),
    chainConverter('t2s'),
    characterTables(),
  ]);
  /**
   * Traditional text with strays has more traditional forms than simplified ones; simplified
   * text may hold a few characters t2s would change (麽, 皁) and must not be treated as mixed.
   */
  const isTraditional = (text: string) => {
    let traditional = 0;
    let simplified = 0;
    for (const ch of text) {
      if (traditionalOnly.has(ch)) traditional++;
      else if (simplifiedOnly.has(ch)) simplified++;
    }
    return traditional > 0 && traditional >= simplified;
  };
  /** Standard traditional text for a sentence that is already (mostly) traditional. */
  const normalizeSentence = (sentence: string): string => {
    const direct = s2t(sentence);
    const viaPivot = s2t(t2s(sentence));
    const original = [...sentence];
    const pivot = [...viaPivot];
    if (pivot.length !== original.length) return direct;
    return original.map((ch, i) => (simplifiable.has(ch) ? pivot[i]! : ch)).join('');
  };
  return (text) => {
    // Plain simplified text takes OpenCC's chain unchanged (its goldens stay byte for byte).
    if (!isTraditional(text)) return toTarget(text);
    const normalized = (text.match(SENTENCES) ?? [text]).map((s) => (isTraditional(s) ? normalizeSentence(s) : s2t(s))).join('');
    return script === 'traditional' ? normalized : toTarget(normalized);
  };
}

/** A user dictionary: source → target, applied before OpenCC and taking priority over it. */
export type UserDictionary = ReadonlyArray<readonly [string, string]>;

/** The first code point of the Private Use Area: placeholders OpenCC leaves alone. */
const PLACEHOLDER_BASE = 0xe000;

function withUserDictionary(convert: Converter, dictionary: UserDictionary): Converter {
  if (dictionary.length === 0) return convert;
  const entries = [...dictionary].filter(([source]) => source !== '').sort((a, b) => b[0].length - a[0].length);
  const pattern = new RegExp(entries.map(([source]) => source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const index = new Map(entries.map(([source], i) => [source, i]));
  return (text) => {
    const protectedText = text.replace(pattern, (source) => String.fromCharCode(PLACEHOLDER_BASE + index.get(source)!));
    return convert(protectedText).replace(/[\uE000-\uF8FF]/g, (ch) => entries[ch.charCodeAt(0) - PLACEHOLDER_BASE]?.[1] ?? ch);
  };
}

/** The converter for a target script, loading only the dictionaries it needs. */
export async function scriptConverter(script: Script, dictionary: UserDictionary = []): Promise<Converter> {
  const base = script === 'simplified' ? await chainConverter('t2s') : await traditionalConverter(script);
  return withUserDictionary(base, dictionary);
}
