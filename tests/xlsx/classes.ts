/**
 * Hostile variants of a real form, built at the byte level (each one change to the fixture's package), and
 * the invariants a fix must keep. Shared by the class tests and the seeded fuzz test.
 */
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import * as zlib from "node:zlib";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { analyzeSheet } from "../../src/core/index";
import { readWorkbook, writePatches, type WorkbookSnapshot } from "../../src/hosts/xlsx";
import { parseZip, readEntry } from "../../src/hosts/xlsx/zip";
import { bytesToBinary, maskMarkup } from "../../src/hosts/xlsx/xml";
import { scanSheetData } from "../../src/hosts/xlsx/cells";
import { columnName } from "../../src/core/address";

export const SHEET = "xl/worksheets/sheet1.xml";
export const STRINGS = "xl/sharedStrings.xml";

/** The package's entries, inflated. */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** The package with some entries replaced (and the sheet part stored uncompressed when `store`). */
export function repack(
  base: Uint8Array,
  replace: Record<string, Uint8Array | string>,
  options: { store?: string[] } = {}
): Uint8Array {
  const parts = entries(base);
  const out: Zippable = {};
  for (const [name, data] of Object.entries({ ...parts, ...replace })) {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    out[name] = options.store?.includes(name) ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(out);
}

/** The sheet part's XML as text. */
export function sheetXml(bytes: Uint8Array, part = SHEET): string {
  return new TextDecoder().decode(entries(bytes)[part]);
}

/** A part's bytes as one character per byte (invalid UTF-8 kept as it is). */
export function partBinary(bytes: Uint8Array, part = SHEET): string {
  const zip = parseZip(bytes);
  const entry = zip.byName.get(part);
  if (!entry) throw new Error(`no ${part}`);
  return bytesToBinary(readEntry(zip, entry));
}

/** Every offset of `needle` in `bytes`. */
function offsets(bytes: Uint8Array, needle: Uint8Array): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    out.push(i);
  }
  return out;
}

/**
 * The package with a second entry of the same name: an entry named like `name` with its last letter
 * changed (added by repack) is renamed to `name` in its local header and central record.
 */
export function duplicateEntry(base: Uint8Array, name: string, data: string): Uint8Array {
  const twin = `${name.slice(0, -1)}Q`;
  const bytes = repack(base, { [twin]: data });
  const from = new TextEncoder().encode(twin);
  const to = new TextEncoder().encode(name);
  for (const at of offsets(bytes, from)) bytes.set(to, at);
  return bytes;
}

/** What the core makes of a snapshot: each form's findings and patches, as text. */
export function outcome(book: WorkbookSnapshot): string[] {
  return book.sheets.flatMap((s) =>
    analyzeSheet(s.grid).forms.map(
      (f) =>
        `${s.name}: ${f.report.findings.map((x) => `${x.code}@${x.cell}`).join(" ")} | ${f.patches.map((p) => `${p.cell}=${p.value}`).join(" ")}`
    )
  );
}

/** Errors found by the core in every form of a snapshot. */
export function errorCount(book: WorkbookSnapshot): number {
  return book.sheets
    .flatMap((s) => analyzeSheet(s.grid).forms)
    .reduce((n, f) => n + f.report.findings.filter((x) => x.severity === "error").length, 0);
}

/**
 * A sheet part with the cells at `refs` and what a patch may widen taken out: the elements of those
 * cells, the rows left empty by that, <dimension>'s ref and the rows' spans. Two parts equal after this
 * differ only in the patched cells.
 */
export function withoutCells(xml: string, refs: readonly string[]): string {
  const wanted = new Set(refs);
  // Cells found as the reader finds them (a damaged tag may have lost its r: it is then the next column),
  // in every row: a damaged row tag may leave a cell inside the row element before its own.
  const data = scanSheetData(maskMarkup(xml));
  const cuts = (data?.rows ?? [])
    .flatMap((r) => r.cells)
    .filter((c) => wanted.has(`${columnName(c.col)}${c.row + 1}`))
    .sort((a, b) => a.start - b.start);
  let s = "";
  let at = 0;
  for (const c of cuts) {
    s += xml.slice(at, c.start);
    at = c.end;
  }
  s += xml.slice(at);
  return s
    .replace(/<row r="\d+"><\/row>/g, "")
    .replace(/(<dimension ref=")[^"]*"/, '$1"')
    .replace(/ spans="[^"]*"/g, "");
}

/** Plans and writes the fix of every form (what `zpb fix` does, in-process). */
export function fixBytes(bytes: Uint8Array): { out: Uint8Array; cells: Map<string, string[]> } {
  const book = readWorkbook(bytes);
  const patches = book.sheets.flatMap((s) => analyzeSheet(s.grid).forms.flatMap((f) => f.patches));
  const cells = new Map<string, string[]>();
  for (const p of patches) cells.set(p.sheet, [...(cells.get(p.sheet) ?? []), p.cell]);
  const written = patches.length ? writePatches(bytes, patches).bytes : bytes;
  return { out: written, cells };
}

/** One entry of zipRaw: its name, its raw-deflated bytes, and the CRC and size of what they inflate to. */
interface RawEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  size: number;
}

/** A zip of already-deflated entries (method 8), written by hand. */
function zipRaw(list: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of list) {
    const name = enc.encode(e.name);
    const head = new Uint8Array(30 + name.length);
    const h = new DataView(head.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(8, 8, true);
    h.setUint32(14, e.crc, true);
    h.setUint32(18, e.data.length, true);
    h.setUint32(22, e.size, true);
    h.setUint16(26, name.length, true);
    head.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, 8, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, e.data.length, true);
    c.setUint32(24, e.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(head, e.data);
    centrals.push(central);
    offset += head.length + e.data.length;
  }
  const cdSize = centrals.reduce((n, x) => n + x.length, 0);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, list.length, true);
  v.setUint16(10, list.length, true);
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true);
  const all = [...locals, ...centrals, eocd];
  const out = new Uint8Array(all.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of all) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/**
 * The zip bomb of the reports, built quickly with Node's zlib as a stream: the form, then `mb` MB of
 * empty styled rows, deflated at level 9 (a 396 MB part takes about 1.2 MB).
 */
export async function streamedBomb(base: Uint8Array, mb: number): Promise<Uint8Array> {
  const parts = entries(base);
  const xml = new TextDecoder().decode(parts[SHEET]);
  const [head, tail] = xml.split("</sheetData>");
  const row = `<row>${'<c s="1"/>'.repeat(100)}</row>`;
  const chunk = Buffer.from(row.repeat(Math.ceil((1 << 20) / row.length)));
  const pieces = [
    Buffer.from(head),
    ...Array.from({ length: mb }, () => chunk),
    Buffer.from(`</sheetData>${tail}`),
  ];
  const crcOf = (zlib as unknown as { crc32: (d: Uint8Array, v?: number) => number }).crc32;
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    crc = crcOf(p, crc);
    size += p.length;
  }
  const packed: Buffer[] = [];
  await pipeline(
    Readable.from(pieces),
    zlib.createDeflateRaw({ level: 9 }),
    new Writable({
      write(c: Buffer, _e, done) {
        packed.push(c);
        done();
      },
    })
  );
  const list: RawEntry[] = Object.entries(parts).map(([name, data]) =>
    name === SHEET
      ? { name, data: Buffer.concat(packed), crc, size }
      : { name, data: zlib.deflateRawSync(data), crc: crcOf(data), size: data.length }
  );
  return zipRaw(list);
}
