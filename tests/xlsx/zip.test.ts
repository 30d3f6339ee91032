import { Zip, ZipDeflate, ZipPassThrough, strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ZipError, crc32, parseZip, readEntry, writeZip } from "../../src/hosts/xlsx/zip";
import { fixture, sameBytes } from "./helpers";

/** A zip written as a stream: entries carry data descriptors (flag bit 3), one stored, one deflated. */
function streamedZip(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const a = new ZipDeflate("xl/a.xml", { level: 9 });
  z.add(a);
  a.push(strToU8("<a>" + "甲".repeat(500) + "</a>"), true);
  const b = new ZipPassThrough("docProps/b.bin");
  z.add(b);
  b.push(new Uint8Array([1, 2, 3, 4, 5]), true);
  const c = new ZipDeflate("xl/c.xml");
  z.add(c);
  c.push(strToU8("<c/>"), true);
  z.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function raw(bytes: Uint8Array, name: string): Uint8Array {
  const zip = parseZip(bytes);
  const e = zip.byName.get(name);
  if (!e) throw new Error(`no ${name}`);
  return bytes.subarray(e.localOffset, e.rawEnd);
}

describe("zip directory and entries", () => {
  it("reads every entry of a real workbook as unzip does", () => {
    const bytes = fixture("single/2023-taopu-029.xlsx");
    const zip = parseZip(bytes);
    const ref = unzipSync(bytes);
    expect(zip.entries.map((e) => e.name).sort()).toEqual(Object.keys(ref).sort());
    for (const e of zip.entries) expect(sameBytes(readEntry(zip, e), ref[e.name]), e.name).toBe(true);
  });

  it("copies a real workbook unchanged when nothing is replaced", () => {
    const bytes = fixture("forms-2022-minhang-wujing.xlsx");
    expect(sameBytes(writeZip(parseZip(bytes), new Map()), bytes)).toBe(true);
  });

  it("reads and rewrites entries with data descriptors, copying them raw", () => {
    const bytes = streamedZip();
    const zip = parseZip(bytes);
    expect(zip.entries.every((e) => (e.flags & 8) === 8)).toBe(true);
    expect(zip.byName.get("docProps/b.bin")?.method).toBe(0);
    const out = writeZip(zip, new Map([["xl/c.xml", strToU8("<c>新</c>")]]));
    expect(raw(out, "xl/a.xml")).toEqual(raw(bytes, "xl/a.xml"));
    expect(raw(out, "docProps/b.bin")).toEqual(raw(bytes, "docProps/b.bin"));
    const back = unzipSync(out);
    expect(strFromU8(back["xl/c.xml"])).toBe("<c>新</c>");
    expect(back["docProps/b.bin"]).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
    const again = parseZip(out);
    const c = again.byName.get("xl/c.xml");
    expect(c && c.flags & 8).toBe(0);
    expect(c?.crc).toBe(crc32(strToU8("<c>新</c>")));
    expect(again.entries.map((e) => e.name)).toEqual(zip.entries.map((e) => e.name));
  });

  it("keeps extra fields, comments, timestamps and the archive's order in the rebuilt directory", () => {
    const mtime = new Date(2021, 5, 7, 8, 9, 10);
    const bytes = zipSync({
      "z.xml": [strToU8("<z/>"), { extra: { 0x7075: new Uint8Array([1, 2, 3]) }, comment: "注释", mtime }],
      "a.xml": [strToU8("<a/>"), { mtime }],
    });
    const zip = parseZip(bytes);
    const out = writeZip(zip, new Map([["z.xml", strToU8("<z>2</z>")]]));
    const again = parseZip(out);
    expect(again.entries.map((e) => e.name)).toEqual(["z.xml", "a.xml"]);
    const [before, after] = [zip.entries[0].central, again.entries[0].central];
    // Everything but flags/method/CRC/sizes/offset is the same: times, lengths, attributes, extra, comment.
    expect(after.subarray(12, 16)).toEqual(before.subarray(12, 16));
    expect(after.subarray(28, 42)).toEqual(before.subarray(28, 42));
    expect(after.subarray(46)).toEqual(before.subarray(46));
    expect(again.entries[1].central.subarray(46)).toEqual(zip.entries[1].central.subarray(46));
  });

  it("refuses zip64 and encrypted entries with named errors, and damaged archives as corrupt", () => {
    const bytes = zipSync({ "a.xml": strToU8("<a/>") });
    const zip = parseZip(bytes);
    const cd = zip.entries[0].central.byteOffset - bytes.byteOffset;
    const encrypted = bytes.slice();
    encrypted[cd + 8] |= 1;
    expect(() => parseZip(encrypted)).toThrow(expect.objectContaining({ reason: "encrypted" }));
    const big = bytes.slice();
    big.fill(0xff, cd + 20, cd + 28);
    expect(() => parseZip(big)).toThrow(expect.objectContaining({ reason: "zip64" }));
    const eocd = bytes.length - 22;
    const many = bytes.slice();
    many.fill(0xff, eocd + 8, eocd + 12);
    expect(() => parseZip(many)).toThrow(expect.objectContaining({ reason: "zip64" }));
    expect(() => parseZip(bytes.subarray(0, bytes.length - 5))).toThrow(ZipError);
    const badData = bytes.slice();
    badData[30 + 5] ^= 0xff;
    const badZip = parseZip(badData);
    expect(() => {
      const out = readEntry(badZip, badZip.entries[0]);
      if (strFromU8(out) !== "<a/>") throw new ZipError("changed", "corrupt");
    }).toThrow(ZipError);
  });

  it("computes the zip CRC-32", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
