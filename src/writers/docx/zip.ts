/**
 * The zip container of a Word file, written from entries that may already be compressed: the
 * parts every document shares (styles, theme, footers…) are deflated once per process, only
 * word/document.xml and docProps/core.xml once per document.
 *
 * The layout is fflate's `zipSync` byte for byte (local headers, central directory, no extra
 * fields, version 2.0, DOS time of the given date), and the data is fflate's `deflateSync` at
 * the same level, so a package written here is the one `zipSync` would write.
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface ZipEntry {
  /** The path inside the package (ASCII). */
  name: string;
  /** CRC-32 of the uncompressed data. */
  crc: number;
  /** Uncompressed size in bytes. */
  size: number;
  /** The deflated data. */
  data: Uint8Array;
}

/** The compression level of every part (fflate's default, 6). */
export const ZIP_LEVEL = 6;

/** One part, deflated. */
export function zipEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, crc: crc32(bytes) >>> 0, size: bytes.length, data: deflateSync(bytes, { level: ZIP_LEVEL }) };
}

/** Zip timestamps are local-time DOS dates; a fixed one keeps builds byte-identical. */
export const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** [Content_Types].xml first and the package relationships next, as Word writes them; then by name. */
export function partOrder(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

export const byPartOrder = (a: string, b: string): number => partOrder(a) - partOrder(b) || (a < b ? -1 : a > b ? 1 : 0);

/** The MS-DOS date and time of a zip header, from the local time of `date` (as fflate reads it). */
export function dosTime(date: Date): number {
  const years = date.getFullYear() - 1980;
  if (years < 0 || years > 119) throw new RangeError('zip dates must be between 1980 and 2099');
  return ((years << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}

const LOCAL = 30;
const CENTRAL = 46;
const END = 22;

/** The entries, in the order given, as one zip file. */
export function zipEntries(entries: readonly ZipEntry[], time: number): Uint8Array {
  const names = entries.map((e) => Buffer.from(e.name, 'latin1'));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((e, i) => {
    localSize += LOCAL + names[i]!.length + e.data.length;
    centralSize += CENTRAL + names[i]!.length;
  });
  const out = new Uint8Array(localSize + centralSize + END);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  /** The fields local and central headers share, from "version needed" on. */
  const common = (at: number, e: ZipEntry, nameLength: number) => {
    view.setUint16(at, 20, true); // version needed: 2.0
    view.setUint16(at + 2, 0, true); // flags
    view.setUint16(at + 4, 8, true); // deflate
    view.setUint32(at + 6, time, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, nameLength, true);
    view.setUint16(at + 24, 0, true); // extra field length
  };
  let at = 0;
  let central = localSize;
  entries.forEach((e, i) => {
    const name = names[i]!;
    const offset = at;
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, e, name.length);
    out.set(name, at + LOCAL);
    out.set(e.data, at + LOCAL + name.length);
    at += LOCAL + name.length + e.data.length;

    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true); // version made by: 2.0, MS-DOS
    common(central + 6, e, name.length);
    // comment length, disk number, internal and external attributes: 0
    view.setUint32(central + 42, offset, true);
    out.set(name, central + CENTRAL);
    central += CENTRAL + name.length;
  });
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}
