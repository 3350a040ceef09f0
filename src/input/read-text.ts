/**
 * bytes → text, for every file the tool reads: a byte-order mark is honoured and removed
 * (UTF-8, UTF-16 LE/BE); valid UTF-8 is taken as it is; anything else is decoded as GB18030 or
 * Big5, whichever fits the bytes better, with a note saying which was assumed.
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
}

export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3), 'UTF-8 with BOM');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'UTF-16BE');
  // NUL bytes are valid UTF-8 but never in text: with them, only UTF-16 without a BOM can fit.
  if (bytes.includes(0)) return decodeUtf16WithoutBom(bytes);
  return decodeWith('utf-8', bytes, 'UTF-8') ?? decodeLegacy(bytes);
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
  const encoding = detectLegacyEncoding(bytes);
  const iconv = require('iconv-lite') as typeof import('iconv-lite');
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return { text, encoding: encoding === 'big5' ? 'Big5' : 'GB18030', assumed: true };
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
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('io/not-found');
    return fail('io/read', { reason: code ?? 'unknown error' });
  }
  const decoded = decodeText(bytes);
  if (bytes.length > 0 && looksBinary(bytes) && !decoded?.encoding.startsWith('UTF-16')) return fail('io/binary');
  if (!decoded) return fail('io/encoding');
  if (decoded.assumed && looksLikeNoise(decoded.text)) return fail('io/binary');
  if (decoded.text.includes('\u0000')) return fail('io/binary');
  const notes: Diagnostic[] = decoded.assumed
    ? [{ file, severity: 'note', ...say('io/encoding-assumed', { encoding: decoded.encoding }) }]
    : [];
  return { ok: true, value: decoded.text, diagnostics: notes };
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
