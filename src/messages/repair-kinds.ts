/**
 * How garbled text had been misread, in words: the repair engine names it `gbk-as-latin1`,
 * `utf8-as-cp1252+utf8-as-latin1`, `utf8-as-cp1252-twice`; English messages keep that name,
 * Chinese ones say it (“GBK 文字被当作 Latin-1 读取”).
 */
import type { Phrase } from './format.js';

const ENCODINGS: Record<string, string> = {
  gbk: 'GBK',
  gb18030: 'GB18030',
  big5: 'Big5',
  utf8: 'UTF-8',
  latin1: 'Latin-1',
  cp1252: 'Windows-1252',
  cp1250: 'Windows-1250',
  cp1251: 'Windows-1251',
  cp1257: 'Windows-1257',
  cp437: 'CP437',
  macroman: 'MacRoman',
  iso88592: 'ISO-8859-2',
};

const name = (encoding: string) => ENCODINGS[encoding] ?? encoding;

export function repairKind(kind: string): Phrase {
  const steps = kind.split('+').map((step) => {
    const twice = step.endsWith('-twice');
    const m = /^([a-z0-9]+)-as-([a-z0-9]+)/.exec(twice ? step.slice(0, -'-twice'.length) : step);
    if (!m) return step === 'replacement-character' ? '丢失的字符' : step;
    return `${name(m[1]!)} 文字被当作 ${name(m[2]!)} 读取${twice ? '（两次）' : ''}`;
  });
  return { en: kind, zh: steps.join('，然后 ') };
}
