/**
 * The code-page data stored in src/text/code-pages.data.ts (written by scripts/code-pages.mjs)
 * against the computation with iconv-lite: a stale data file fails here. To fix:
 * `npm run build && node scripts/code-pages.mjs`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import * as charsets from '../src/text/charsets.js';
import { SINGLE_BYTE_HIGH, decodeDoubleByteShapes } from '../src/text/code-pages.data.js';
import { utf8InDoubleByte } from '../src/text/mojibake-decoders.js';

const { SINGLE_BYTE_NAMES, computeDoubleByteShapes, computeSingleByteHigh, doubleByte, doubleByteShapes, singleByte } = charsets;
const ROOT = path.join(import.meta.dirname, '..');
const REGENERATE = 'src/text/code-pages.data.ts is stale: npm run build && node scripts/code-pages.mjs';

interface Generator {
  render(high: Record<string, string>, shapes: Record<string, Uint8Array>, iconvVersion: string): string;
  compute(module: typeof charsets): { high: Record<string, string>; shapes: Record<string, Uint8Array> };
  iconvVersion(): string;
  DATA_FILE: string;
}

/** utf8InDoubleByte() as it was, on iconv-lite's full table: the stored shapes must not change it. */
function utf8InDoubleByteReference(line: string, name: 'gbk' | 'big5', lost = true): boolean {
  const isCont = (b: number) => b >= 0x80 && b <= 0xbf;
  const { encodeBmp } = doubleByte(name);
  let b0 = 0;
  let b1 = 0;
  let at = 0;
  let lastEnd = -1;
  let foreign = 0;
  for (let i = 0; i < line.length; i++) {
    const u = line.charCodeAt(i);
    if (u === 0xfffd && lost) return true;
    const pair = u < 0x80 ? u : u === 0x20ac && name === 'gbk' ? 0x80 : encodeBmp[u]!;
    if (pair === 0 && ++foreign > 8 && foreign * 2 > i) return false;
    for (let k = pair > 0xff ? 1 : 0; k >= 0; k--) {
      const b = (pair >> (8 * k)) & 0xff;
      at++;
      if (b0 >= 0xe2 && b0 <= 0xef && isCont(b1) && isCont(b)) {
        if (lastEnd === at - 3) return true;
        lastEnd = at;
        b0 = 0;
        b1 = 0;
        continue;
      }
      b0 = b1;
      b1 = b;
    }
  }
  return false;
}

describe('code pages (code-pages.data.ts)', () => {
  it('single-byte pages: the stored high halves are what iconv-lite decodes', () => {
    for (const name of SINGLE_BYTE_NAMES) {
      const stored = SINGLE_BYTE_HIGH[name];
      const computed = computeSingleByteHigh(name);
      expect(stored.length).toBe(128);
      expect(stored === computed, `${name}: ${REGENERATE}`).toBe(true);
      const { decode, encode } = singleByte(name);
      for (let b = 0; b < 256; b++) {
        expect(decode[b]).toBe(b < 0x80 ? b : computed.charCodeAt(b - 0x80));
        expect(encode[decode[b]!]).toBeGreaterThanOrEqual(0);
      }
    }
    // The sloppy pages: undefined bytes are their C1 controls; cp1252 also takes all of Latin-1.
    expect(singleByte('cp1252').decode[0x81]).toBe(0x81);
    expect(singleByte('cp1252').encode[0x80]).toBe(0x80);
    expect(singleByte('cp1252').encode[0x20ac]).toBe(0x80);
    expect(singleByte('cp1251').decode[0xc0]).toBe('А'.charCodeAt(0));
  });

  for (const name of ['gbk', 'big5'] as const) {
    it(`${name}: the stored pair shapes are what iconv-lite's table gives`, () => {
      const computed = computeDoubleByteShapes(name);
      const stored = decodeDoubleByteShapes(name);
      const differs = stored.findIndex((value, cp) => value !== computed[cp]);
      expect(differs === -1 ? 'none' : `U+${differs.toString(16).toUpperCase()}: stored ${stored[differs]}, computed ${computed[differs]}`, REGENERATE).toBe('none');
      expect(Buffer.from(doubleByteShapes(name)).equals(Buffer.from(computed))).toBe(true);
      // Every pair has two bytes (lead 0x81 up), so a shape says all there is.
      const { encodeBmp } = doubleByte(name);
      for (let u = 0; u < 65536; u++) if (encodeBmp[u] !== 0) expect(encodeBmp[u]! > 0xff && computed[u]! >= 1 && computed[u]! <= 9).toBe(true);
    });
  }

  it('are the file scripts/code-pages.mjs writes, header included', async () => {
    const generator = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'code-pages.mjs')).href)) as Generator;
    const { high, shapes } = generator.compute(charsets);
    expect(readFileSync(generator.DATA_FILE, 'utf8') === generator.render(high, shapes, generator.iconvVersion()), REGENERATE).toBe(true);
  });

  it('utf8InDoubleByte() on the shapes answers as on the full tables', () => {
    // Garbled and clean lines: UTF-8 read as GBK / Big5, and text made of characters of both.
    const samples = ['开门纳谏，广开言路', '臺灣的資訊與電腦', 'Ａ€…——·“”', 'ab\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000c', '\uFFFD中文'];
    for (const text of [...samples]) for (const as of ['gbk', 'big5']) samples.push(iconv.decode(Buffer.from(text, 'utf8'), as));
    const alphabet = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xffff }),
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.constantFrom(0x20ac, 0xfffd, 0x3000, 0xff0c, 0x9225, 0x935f, 0x6d93, 0x7ecb),
    );
    const lines = fc.array(alphabet, { maxLength: 40 }).map((units) => String.fromCharCode(...units));
    for (const name of ['gbk', 'big5'] as const) {
      for (const line of samples) for (const lost of [true, false]) expect(utf8InDoubleByte(line, name, lost), `${name} ${line}`).toBe(utf8InDoubleByteReference(line, name, lost));
      fc.assert(
        fc.property(lines, fc.boolean(), (line, lost) => utf8InDoubleByte(line, name, lost) === utf8InDoubleByteReference(line, name, lost)),
        { numRuns: 3000 },
      );
      // Lines that hold GBK / Big5 misreadings of UTF-8 text: the same answer.
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 12 }), (units) => {
          const garbled = iconv.decode(Buffer.from(String.fromCharCode(...units), 'utf8'), name === 'gbk' ? 'gb18030' : 'big5');
          return utf8InDoubleByte(garbled, name) === utf8InDoubleByteReference(garbled, name) && utf8InDoubleByte(garbled, name, false) === utf8InDoubleByteReference(garbled, name, false);
        }),
        { numRuns: 1000 },
      );
    }
  });
});
