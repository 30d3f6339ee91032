/**
 * A minimal zip reader/writer for .xlsx packages. Writing copies every unchanged entry as raw bytes (local
 * header, compressed data, data descriptor), so a fix never re-encodes parts it did not touch.
 */
import { Inflate, deflateSync } from "fflate";
import { xlsxText } from "../../i18n/xlsx";
import { Budget } from "./limits";

/** Why a zip could not be read: the caller maps these to a WorkbookError. */
export class ZipError extends Error {
  constructor(
    message: string,
    readonly reason: "corrupt" | "zip64" | "encrypted"
  ) {
    super(message);
    this.name = "ZipError";
  }
}

/** One entry, as its central-directory record describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  localOffset: number;
  /** Offset of the compressed bytes. */
  dataStart: number;
  /** End (exclusive) of the local record, data descriptor included. */
  rawEnd: number;
  /** The raw central-directory record (kept for extra fields, comments and attributes). */
  central: Uint8Array;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  /** The end-of-central-directory record, comment included. */
  eocd: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const utf8 = new TextDecoder("utf-8");

function corrupt(detail: string): ZipError {
  return new ZipError(detail, "corrupt");
}

function findEocd(b: Uint8Array, view: DataView): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && view.getUint32(i, true) === SIG_EOCD) {
      if (i + 22 + view.getUint16(i + 20, true) <= b.length) return i;
    }
  }
  throw corrupt("找不到压缩包目录");
}

/** Parses a zip's central directory. Throws ZipError on damaged, zip64 or encrypted archives. */
export function parseZip(input: Uint8Array): ZipArchive {
  // A plain Uint8Array view: a Node Buffer's slice() shares memory, and writeZip must copy, never alias.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw corrupt("文件过短");
  const e = findEocd(bytes, view);
  if (e >= 20 && view.getUint32(e - 20, true) === SIG_ZIP64_LOCATOR)
    throw new ZipError(xlsxText.zip64, "zip64");
  const count = view.getUint16(e + 10, true);
  const cdSize = view.getUint32(e + 12, true);
  const cdOffset = view.getUint32(e + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ZipError(xlsxText.zip64, "zip64");
  if (view.getUint16(e + 4, true) !== 0 || view.getUint16(e + 6, true) !== 0) throw corrupt("分卷压缩包");
  if (cdOffset + cdSize > e) throw corrupt("压缩包目录越界");
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  // Part names are case-insensitive (OPC): two entries that differ only in case are the same part.
  const lowerNames = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > e || view.getUint32(p, true) !== SIG_CENTRAL) throw corrupt("压缩包目录损坏");
    const flags = view.getUint16(p + 8, true);
    const nameLen = view.getUint16(p + 28, true);
    const recLen = 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (p + recLen > e) throw corrupt("压缩包目录损坏");
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const localOffset = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError(xlsxText.zip64, "zip64");
    }
    if (flags & 1) throw new ZipError(xlsxText.zipEncrypted, "encrypted");
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== SIG_LOCAL) {
      throw corrupt(`${name} 的数据位置错误`);
    }
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    let rawEnd = dataStart + compressedSize;
    if (rawEnd > cdOffset) throw corrupt(`${name} 的数据不完整`);
    if (flags & 8)
      rawEnd += rawEnd + 4 <= cdOffset && view.getUint32(rawEnd, true) === SIG_DESCRIPTOR ? 16 : 12;
    const entry: ZipEntry = {
      name,
      method: view.getUint16(p + 10, true),
      flags,
      crc: view.getUint32(p + 16, true),
      compressedSize,
      size,
      localOffset,
      dataStart,
      rawEnd: Math.min(rawEnd, cdOffset),
      central: bytes.subarray(p, p + recLen),
    };
    // A name present twice: which copy a reader takes is anyone's guess, and a fix would patch one and
    // copy the other. Such a package is refused.
    if (lowerNames.has(name.toLowerCase())) throw corrupt(xlsxText.duplicateEntry(name));
    lowerNames.add(name.toLowerCase());
    entries.push(entry);
    byName.set(name, entry);
    p += recLen;
  }
  return { bytes, entries, byName, eocd: bytes.subarray(e, e + 22 + view.getUint16(e + 20, true)) };
}

/** Compressed bytes handed to the inflater at a time: one push inflates to at most ~1032 times this. */
const INPUT_CHUNK = 16 * 1024;

/**
 * Inflates one entry piece by piece, handing each piece to `sink` and counting the bytes against `budget`
 * as they come: a part that inflates past a limit is stopped there (LimitError), whatever its directory
 * record declares. Throws ZipError when the data cannot be read.
 */
export function inflateEntry(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: Budget,
  sink: (chunk: Uint8Array) => void
): number {
  const raw = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let total = 0;
  let crc = 0;
  // Compressed bytes handed to the inflater so far: the ratio is checked as it goes, so a bomb is stopped
  // after its first megabytes, not at the end of what its size would allow.
  let consumed = 0;
  // What the budget or the sink threw passes through as it is; only the inflater's own errors mean damage.
  let failure: { error: unknown } | null = null;
  const take = (chunk: Uint8Array): void => {
    if (chunk.length === 0) return;
    total += chunk.length;
    try {
      budget.inflate(entry.name, chunk.length, total, consumed);
      crc = crcUpdate(crc, chunk);
      sink(chunk);
    } catch (error) {
      failure = { error };
      throw error;
    }
  };
  if (entry.method === 0) {
    for (let at = 0; at < raw.length; at += INPUT_CHUNK * 64) {
      consumed = Math.min(raw.length, at + INPUT_CHUNK * 64);
      take(raw.subarray(at, consumed));
    }
  } else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => take(chunk));
    try {
      if (raw.length === 0) inflater.push(raw, true);
      for (let at = 0; at < raw.length; at += INPUT_CHUNK) {
        consumed = Math.min(raw.length, at + INPUT_CHUNK);
        inflater.push(raw.subarray(at, consumed), consumed === raw.length);
      }
    } catch {
      if (failure !== null) throw (failure as { error: unknown }).error;
      throw corrupt(`${entry.name} 解压失败`);
    }
  } else throw corrupt(xlsxText.zipMethod(entry.method));
  if (total !== entry.size) throw corrupt(`${entry.name} 解压后长度不符`);
  if (crc !== entry.crc) throw corrupt(xlsxText.badCrc(entry.name));
  return total;
}

/** The inflated bytes of one entry, counted against `budget` (a fresh default one when not given). */
export function readEntry(zip: ZipArchive, entry: ZipEntry, budget: Budget = new Budget()): Uint8Array {
  if (entry.method === 0) {
    budget.inflate(entry.name, entry.compressedSize, entry.compressedSize, entry.compressedSize);
    if (entry.compressedSize !== entry.size) throw corrupt(`${entry.name} 解压后长度不符`);
    const stored = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    if (crcUpdate(0, stored) !== entry.crc) throw corrupt(xlsxText.badCrc(entry.name));
    return stored;
  }
  const chunks: Uint8Array[] = [];
  const total = inflateEntry(zip, entry, budget, (c) => chunks.push(c));
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A raw-deflate function (Node's native zlib is many times faster than fflate's; the browser keeps fflate). */
export type Deflater = (data: Uint8Array) => Uint8Array;
let deflater: Deflater = (data) => deflateSync(data, { level: 6 });

/** Uses `fn` to deflate the parts a write replaces (the Node host sets its native zlib). */
export function useDeflater(fn: Deflater): void {
  deflater = fn;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE) of `data` continuing from the CRC `prev` of what came before it (0 at the start). */
export type CrcFunction = (prev: number, data: Uint8Array) => number;

const jsCrc: CrcFunction = (prev, data) => {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let c = (prev ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
let crcUpdate: CrcFunction = jsCrc;

/** Uses `fn` for CRC-32 (the Node host sets its native zlib.crc32 where Node has one). */
export function useCrc(fn: CrcFunction): void {
  crcUpdate = fn;
}

/** CRC-32 (IEEE) of some bytes, as zip stores it. */
export function crc32(data: Uint8Array): number {
  return crcUpdate(0, data);
}

/**
 * Writes a new zip: every entry not in `replace` is copied raw, in the original physical order; replaced
 * entries are deflated afresh with their CRC and sizes in the local header (no data descriptor). The central
 * directory keeps each record's extra fields, comment and attributes, with offsets rewritten.
 */
export function writeZip(zip: ZipArchive, replace: Map<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const centrals = new Map<ZipEntry, Uint8Array>();
  let offset = 0;
  const physical = [...zip.entries].sort((a, b) => a.localOffset - b.localOffset);
  for (const entry of physical) {
    const central = entry.central.slice();
    const cv = new DataView(central.buffer, central.byteOffset, central.byteLength);
    cv.setUint32(42, offset, true);
    const data = replace.get(entry.name);
    if (data === undefined) {
      const raw = zip.bytes.subarray(entry.localOffset, entry.rawEnd);
      chunks.push(raw);
      offset += raw.length;
    } else {
      const packed = deflater(data);
      const crc = crc32(data);
      const localHead = zip.bytes.slice(entry.localOffset, entry.dataStart);
      const flags = entry.flags & ~8;
      for (const [buf, base] of [
        [localHead, 6],
        [central, 8],
      ] as const) {
        const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        v.setUint16(base - 2, Math.max(20, v.getUint16(base - 2, true)), true);
        v.setUint16(base, flags, true);
        v.setUint16(base + 2, 8, true);
        v.setUint32(base + 8, crc, true);
        v.setUint32(base + 12, packed.length, true);
        v.setUint32(base + 16, data.length, true);
      }
      chunks.push(localHead, packed);
      offset += localHead.length + packed.length;
    }
    centrals.set(entry, central);
  }
  const cdOffset = offset;
  for (const entry of zip.entries) {
    const c = centrals.get(entry) as Uint8Array;
    chunks.push(c);
    offset += c.length;
  }
  const eocd = zip.eocd.slice();
  const ev = new DataView(eocd.buffer, eocd.byteOffset, eocd.byteLength);
  ev.setUint32(12, offset - cdOffset, true);
  ev.setUint32(16, cdOffset, true);
  chunks.push(eocd);
  const out = new Uint8Array(offset + eocd.length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
