/**
 * bytes → text, for every file the tool reads: a byte-order mark is honoured and removed
 * (UTF-8, UTF-16 LE/BE); valid UTF-8 is taken as it is; anything else is decoded as GB18030 or
 * Big5, whichever fits the bytes better, with a note saying which was assumed.
 *
 * A UTF-8 file with a few stray bytes (a Word smart quote saved as Windows-1252, one word pasted
 * from a GBK file) is still a UTF-8 file: decoding all of it as GB18030 would garble every
 * clean line. When at least four of every five bytes above 0x7F form valid UTF-8 — a GBK or
 * Big5 file manages one in two at most, by chance — the valid parts are read as UTF-8 and each
 * stray byte as the Latin-1 character of the same value, which loses nothing: the mojibake
 * repair then reads those characters back as what they were (0x93 → “, ÖÐÐÄ → 中心), and a
 * warning names where the first one is.
 */
import { open, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Diagnostic, Result } from '../diagnostics.js';
import { detectLegacyEncoding } from './detect-encoding.js';
import { say, type Args, type DiagnosticCode } from '../messages/index.js';

/**
 * Records larger than this are refused before they are read (REPORT_MAX_INPUT_BYTES overrides).
 * 1 MiB is ten times the longest real record; the YAML parser needs about a second and 200 MB
 * of memory per MiB of the worst-shaped input, so the limit is what bounds time and memory.
 */
export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;

export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env['REPORT_MAX_INPUT_BYTES']);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_INPUT_BYTES;
}

export interface DecodedText {
  text: string;
  /** What the bytes were read as: UTF-8, UTF-8 with BOM, UTF-16LE, UTF-16BE, GB18030, Big5. */
  encoding: string;
  /** True when the encoding was guessed (no BOM, not UTF-8): worth a note to the user. */
  assumed: boolean;
  /** UTF-8 with bytes that are not: how many, and where the first is in `text` (UTF-16 offset). */
  stray?: { count: number; offset: number };
}

export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    return decodeWith('utf-8', body, 'UTF-8 with BOM') ?? decodeUtf8WithStrayBytes(body, 'UTF-8 with BOM', 0);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'UTF-16BE');
  // NUL bytes are valid UTF-8 but never in text: with them, only UTF-16 without a BOM can fit.
  if (bytes.includes(0)) return decodeUtf16WithoutBom(bytes);
  return decodeWith('utf-8', bytes, 'UTF-8') ?? decodeUtf8WithStrayBytes(bytes, 'UTF-8', 4) ?? decodeLegacy(bytes);
}

/**
 * UTF-8 with stray bytes, when at least `share` bytes above 0x7F form valid UTF-8 for every one
 * that does not (0: whatever the share, as after a UTF-8 byte-order mark), and some do.
 */
function decodeUtf8WithStrayBytes(bytes: Uint8Array, encoding: string, share: number): DecodedText | undefined {
  // Each byte: 0 a stray, else the length of the sequence it starts (continuations: -1).
  const lengths = new Int8Array(bytes.length);
  let valid = 0;
  let strayCount = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) {
      strayCount++;
      i++;
      continue;
    }
    lengths[i] = length;
    lengths.fill(-1, i + 1, i + length);
    if (length > 1) valid += length;
    i += length;
  }
  if (strayCount === 0 || valid === 0 || valid < share * strayCount) return undefined;
  // A sequence touching a stray byte that reads as nothing a Chinese text holds is most likely
  // more of its bytes (GBK's 组织 is D7 E9 D6 AF, and D6 AF is valid UTF-8, U+05AF; 领导 is
  // C1 EC B5 BC, and EC B5 BC is U+D57C): it joins them, until none is left.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < bytes.length; i++) {
      const length = lengths[i]!;
      if (length < 2 || !((i > 0 && lengths[i - 1] === 0) || (i + length < bytes.length && lengths[i + length] === 0))) continue;
      if (length > 2 && isLikelyText(bytes, i, length)) continue;
      lengths.fill(0, i, i + length);
      changed = true;
    }
  }
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let from = 0;
  let offset = -1;
  let count = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (lengths[at] !== 0) continue;
    text += decoder.decode(bytes.subarray(from, at));
    if (offset < 0) offset = text.length;
    text += String.fromCharCode(bytes[at]!);
    from = at + 1;
    count++;
  }
  text += decoder.decode(bytes.subarray(from));
  return { text, encoding, assumed: false, stray: { count, offset } };
}

/**
 * Whether the UTF-8 sequence at `i` is a character of Chinese text: a Han character, CJK or
 * general punctuation, full-width forms, kana, an emoji.
 */
function isLikelyText(bytes: Uint8Array, i: number, length: number): boolean {
  // The code point of a valid three- or four-byte sequence, from its bits.
  let cp = bytes[i]! & (length === 3 ? 0x0f : 0x07);
  for (let k = 1; k < length; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
  return (
    (cp >= 0x2000 && cp <= 0x206f) ||
    (cp >= 0x3000 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/** The length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  const second = bytes[i + 1]!;
  // Overlong forms, surrogates and code points past U+10FFFF.
  if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
  return length;
}

/** The note or warning a decoding deserves: the encoding assumed, or where stray bytes are. */
export function decodingNotes(file: string, decoded: DecodedText): Diagnostic[] {
  if (decoded.stray) {
    const { line, column } = positionOf(decoded.text, decoded.stray.offset);
    return [{ file, line, column, severity: 'warning', ...say('io/stray-bytes', { count: decoded.stray.count }) }];
  }
  return decoded.assumed ? [{ file, severity: 'note', ...say('io/encoding-assumed', { encoding: decoded.encoding }) }] : [];
}

/** 1-based line and column (UTF-16 units, as every position the tool prints) of an offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * UTF-16 saved without a byte-order mark (Notepad's "Unicode" in some set-ups): most ASCII
 * characters leave a NUL byte on the same side of every pair.
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  const [label, encoding] = odd > pairs * 0.3 && even === 0 ? ['utf-16le', 'UTF-16LE'] : even > pairs * 0.3 && odd === 0 ? ['utf-16be', 'UTF-16BE'] : [];
  if (!label || !encoding) return undefined;
  const decoded = decodeWith(label, bytes, encoding);
  return decoded && !decoded.text.includes('\u0000') && !looksLikeNoise(decoded.text) ? { ...decoded, encoding: `${encoding} without BOM`, assumed: true } : undefined;
}

/**
 * Text no one typed: control characters (other than tab, line feed, carriage return and form
 * feed), replacement characters and private-use characters make up more than 1% of it. A
 * binary file without NUL bytes decodes "successfully" as GB18030 into exactly that.
 */
function looksLikeNoise(text: string): boolean {
  const sample = text.slice(0, 65536);
  // eslint-disable-next-line no-control-regex
  const odd = sample.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD\uE000-\uF8FF]/g)?.length ?? 0;
  return odd >= 3 && odd > sample.length / 100;
}

/** iconv-lite is loaded only for files that need it. */
const require = createRequire(import.meta.url);

function decodeLegacy(bytes: Uint8Array): DecodedText | undefined {
  // NUL bytes mean binary data (or UTF-16 without a BOM): no legacy encoding applies.
  if (bytes.includes(0)) return undefined;
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Bytes one encoding cannot read at all (U+FFFD) and the other reads whole decide it:
  // traditional text saved as GBK has few of Big5's "common" characters, but Big5 cannot read
  // all of its pairs. Otherwise the detector weighs how common the characters are.
  const gb = iconv.decode(buffer, 'gb18030');
  const big5 = iconv.decode(buffer, 'big5');
  const gbClean = !gb.includes('\ufffd');
  const big5Clean = !big5.includes('\ufffd');
  const encoding = gbClean !== big5Clean ? (gbClean ? 'gb18030' : 'big5') : detectLegacyEncoding(bytes);
  return { text: encoding === 'big5' ? big5 : gb, encoding: encoding === 'big5' ? 'Big5' : 'GB18030', assumed: true };
}

/** NUL bytes without a UTF-16 byte-order mark: an executable, an image, an archive. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 8192).includes(0);
}

function decodeWith(label: string, bytes: Uint8Array, encoding: string): DecodedText | undefined {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding, assumed: false };
  } catch {
    return undefined;
  }
}

export async function readText(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Result<string>> {
  const fail = (code: DiagnosticCode, args: Args = {}): Result<string> => ({
    ok: false,
    diagnostics: [{ file, severity: 'error', ...say(code, args) } satisfies Diagnostic],
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('io/not-a-file');
    const limit = maxInputBytes(env);
    if (info.size > limit) {
      return fail('io/too-large', { size: info.size, limit });
    }
    // Read at most limit + 1 bytes: a file that grew since stat() cannot take more memory.
    bytes = await readAtMost(file, limit + 1);
    if (bytes.length > limit) {
      return fail('io/too-large', { size: bytes.length, limit });
    }
  } catch (error) {
    const { code, args } = readFailure(error);
    return fail(code, args);
  }
  const decoded = decodeText(bytes);
  const refused = notText(bytes, decoded);
  if (refused || !decoded) return fail(refused ?? 'io/encoding');
  return { ok: true, value: decoded.text, diagnostics: decodingNotes(file, decoded) };
}

/** Why bytes are no text file (binary data, no known encoding), or undefined when they are. */
export function notText(bytes: Uint8Array, decoded: DecodedText | undefined): DiagnosticCode | undefined {
  if (bytes.length > 0 && looksBinary(bytes) && !decoded?.encoding.startsWith('UTF-16')) return 'io/binary';
  if (!decoded) return 'io/encoding';
  if (decoded.assumed && looksLikeNoise(decoded.text)) return 'io/binary';
  if (decoded.text.includes('\u0000')) return 'io/binary';
  return undefined;
}

/** The message code of a failed read: no such file, a folder, or the system's reason. */
export function readFailure(error: unknown): { code: DiagnosticCode; args: Args } {
  const errno = (error as NodeJS.ErrnoException).code;
  if (errno === 'ENOENT') return { code: 'io/not-found', args: {} };
  if (errno === 'EISDIR') return { code: 'io/not-a-file', args: {} };
  return { code: 'io/read', args: { reason: errno ?? 'unknown error' } };
}

async function readAtMost(file: string, max: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(65536, max - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total >= max) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
