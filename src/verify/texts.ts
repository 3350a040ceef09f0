/**
 * The words of the render checks in both languages. Results keep their English text (the data
 * tests and library users read) and carry a Phrase beside it, which `report render-check` prints
 * in the chosen language. The texts themselves are in src/messages/cli-texts.ts (`verify.*`).
 */
import { t, type Args, type CliTextKey, type Phrase } from '../messages/index.js';

/** A catalogue text with its arguments, in English and Chinese. */
export const both = (key: CliTextKey, args: Args = {}): Phrase => ({ en: t(key, 'en', args), zh: t(key, 'zh', args) });

/** Phrases joined with a catalogue separator (', ' / '、', '; ' / '；'). */
export function joined(items: readonly Phrase[], separator: CliTextKey): Phrase {
  const sep = both(separator);
  return { en: items.map((p) => p.en).join(sep.en), zh: items.map((p) => p.zh).join(sep.zh) };
}

/** runTool's reason a program did not run ("not found", "exit code 1", "timed out or killed (…)"). */
export function toolError(error: string | undefined): Phrase {
  if (error === undefined) return { en: '', zh: '' };
  if (error === 'not found') return both('verify.tool.notFound');
  const exit = /^exit code (.+)$/.exec(error);
  if (exit) return both('verify.tool.exitCode', { code: exit[1]! });
  const killed = /^timed out or killed \((.*)\)$/.exec(error);
  if (killed) return both('verify.tool.timedOut', { signal: killed[1]! });
  return { en: error, zh: error };
}
