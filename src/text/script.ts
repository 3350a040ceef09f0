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

/** Each dictionary module loads once per process (its text is shared by every chain using it). */
const dictionaries = new Map<string, Promise<Dictionary>>();
function load(name: string): Promise<Dictionary> {
  let dictionary = dictionaries.get(name);
  if (!dictionary) {
    dictionary = import(`opencc-js/dict/${name}`).then((m: { default: Dictionary }) => m.default);
    dictionaries.set(name, dictionary);
  }
  return dictionary;
}

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

/** A chain's code and dictionaries, loaded: everything it needs to be built without waiting. */
interface LoadedChain {
  name: keyof typeof CHAINS;
  core: Core;
  dictionaries: ReadonlyMap<string, Dictionary>;
}

const loadedChains = new Map<string, Promise<LoadedChain>>();

function loadChain(name: keyof typeof CHAINS): Promise<LoadedChain> {
  let loaded = loadedChains.get(name);
  if (!loaded) {
    corePromise ??= import('opencc-js/core');
    const chain = CHAINS[name];
    const names = [...new Set(['CJK_Compatibility_Ideographs', ...chain.stages.flat(), ...(chain.segmentation ?? [])])];
    loaded = Promise.all([corePromise, Promise.all(names.map(load))]).then(([core, texts]) => ({
      name,
      core,
      dictionaries: new Map(names.map((n, i) => [n, texts[i]!])),
    }));
    loadedChains.set(name, loaded);
  }
  return loaded;
}

/**
 * Built converters and segmenters, by the dictionaries they are made of: building one (a trie
 * of every phrase) is the expensive part — STPhrases alone takes some 90 ms — and s2t, s2twp
 * and s2hk share their first stage and segmentation.
 */
const factories = new Map<string, Converter>();
const segmenters = new Map<string, InstanceType<Core['Trie']>>();
const builtChains = new Map<string, Converter>();

/** A loaded chain's converter, built on first use (synchronously: its dictionaries are there). */
function buildChain({ name, core, dictionaries }: LoadedChain): Converter {
  const built = builtChains.get(name);
  if (built) return built;
  const { ConverterFactory, Trie } = core;
  const dictionary = (n: string) => dictionaries.get(n)!;
  const factory = (names: string[]): Converter => {
    const key = names.join('+');
    let converter = factories.get(key);
    if (!converter) {
      converter = ConverterFactory(names.map(dictionary));
      factories.set(key, converter);
    }
    return converter;
  };
  const chain = CHAINS[name];
  const normalize = factory(['CJK_Compatibility_Ideographs']);
  const stages = chain.stages.map(factory);
  let segmenter: InstanceType<typeof Trie> | undefined;
  if (chain.segmentation) {
    const key = chain.segmentation.join('+');
    segmenter = segmenters.get(key);
    if (!segmenter) {
      segmenter = new Trie();
      segmenter.loadDictGroup(chain.segmentation.map(dictionary));
      segmenters.set(key, segmenter);
    }
  }
  const converter: Converter = (text) => {
    const segments = segmenter ? segmenter.segment(normalize(text)) : [normalize(text)];
    return segments.map((segment) => stages.reduce((s, stage) => stage(s), segment)).join('');
  };
  builtChains.set(name, converter);
  return converter;
}

async function chainConverter(name: keyof typeof CHAINS): Promise<Converter> {
  return buildChain(await loadChain(name));
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
}

let tables: Promise<CharacterTables> | undefined;

/** What tells traditional text from simplified: needed for every text converted to a traditional script. */
function characterTables(): Promise<CharacterTables> {
  tables ??= Promise.all([load('TSCharacters'), load('STCharacters')]).then(([ts, st]) => ({ traditionalOnly: changingKeys(ts), simplifiedOnly: changingKeys(st) }));
  return tables;
}

let simplifiableSet: Set<string> | undefined;

/** Characters s2t may change, alone or inside a phrase: needed only for mixed text. */
function simplifiable(tables: CharacterTables, phrases: Dictionary): Set<string> {
  simplifiableSet ??= phraseChangingCharacters(phrases, new Set(tables.simplifiedOnly));
  return simplifiableSet;
}

/** A sentence ends after 。！？；, a line break, or their full stops in other scripts. */
const SENTENCES = /[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)/g;

async function traditionalConverter(script: Exclude<Script, 'simplified'>): Promise<Converter> {
  // Only the target's chain and the detection tables are built now. What mixed text needs —
  // the s2t and t2s chains of the pivot and the phrase-derived character set — is loaded now
  // but built on the first sentence that needs it: plain simplified text, the usual input,
  // never pays for it.
  const [toTarget, s2tLoaded, t2sLoaded, characters, phrases] = await Promise.all([
    chainConverter(CHAIN_OF[script]),
    loadChain('s2t'),
    loadChain('t2s'),
    characterTables(),
    load('STPhrases'),
  ]);
  const { traditionalOnly, simplifiedOnly } = characters;
  const s2t: Converter = (text) => buildChain(s2tLoaded)(text);
  const t2s: Converter = (text) => buildChain(t2sLoaded)(text);
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
    const changeable = simplifiable(characters, phrases);
    return original.map((ch, i) => (changeable.has(ch) ? pivot[i]! : ch)).join('');
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
