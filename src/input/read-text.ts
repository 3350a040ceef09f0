/**
 * bytes → text. Records and templates are read as UTF-8 (a byte-order mark is honoured and
 * removed, UTF-16 included); anything that does not decode is refused with a hint.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic, Result } from '../diagnostics.js';

/** Records larger than this are refused before they are read (REPORT_MAX_INPUT_BYTES overrides). */
export const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;

export function maxInputBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env['REPORT_MAX_INPUT_BYTES']);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_INPUT_BYTES;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeWith('utf-8', bytes.subarray(3), 'UTF-8 with BOM');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2), 'UTF-16BE');
  return decodeWith('utf-8', bytes, 'UTF-8');
}

function decodeWith(label: string, bytes: Uint8Array, encoding: string) {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
  } catch {
    return undefined;
  }
}

export async function readText(file: string, env: NodeJS.ProcessEnv = process.env): Promise<Result<string>> {
  const fail = (code: string, message: string, hint?: string): Result<string> => ({
    ok: false,
    diagnostics: [{ file, severity: 'error', code, message, ...(hint ? { hint } : {}) } satisfies Diagnostic],
  });
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('io/not-a-file', 'not a file');
    const limit = maxInputBytes(env);
    if (info.size > limit) {
      return fail('io/too-large', `file is ${info.size} bytes, more than the limit of ${limit}`, 'split it, or raise REPORT_MAX_INPUT_BYTES');
    }
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('io/not-found', 'no such file', 'check the path');
    return fail('io/read', `cannot read the file (${code ?? 'unknown error'})`);
  }
  const decoded = decodeText(bytes);
  if (!decoded) return fail('io/encoding', 'the file is not valid UTF-8 text', 'save it as UTF-8');
  if (decoded.text.includes('\u0000')) return fail('io/binary', 'the file looks binary (it contains NUL characters)', 'give a YAML record file');
  return { ok: true, value: decoded.text, diagnostics: [] };
}
