/**
 * Each class of hostile file, fixed as a class: built from a real form with one change at the zip or XML
 * level, then read (check) and written (fix) in-process. Speed is `npm run bench -- files`; here a case
 * that went quadratic would run for minutes and fail by the test's time-out, not by an assertion on time.
 */
import { describe, expect, it } from "vitest";
import { WorkbookError, readWorkbook, writePatches } from "../../src/hosts/xlsx";
import { crc32, parseZip } from "../../src/hosts/xlsx/zip";
import { formSheet, workbookWith } from "./hostile";
import { at, fixture } from "./helpers";
import {
  SHEET,
  STRINGS,
  duplicateEntry,
  entries,
  fixBytes,
  outcome,
  partBinary,
  repack,
  sheetXml,
  streamedBomb,
  withoutCells,
} from "./classes";

const base = fixture("single/2023-taopu-003.xlsx");
const form = formSheet(base);
const expected = outcome(readWorkbook(base));

/** The WorkbookError a read throws (null when it reads). */
function readFailure(bytes: Uint8Array): WorkbookError | null {
  try {
    readWorkbook(bytes, { file: "表.xlsx" });
    return null;
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw err;
  }
}

/**
 * The WorkbookError a fix throws (null when it writes): `zpb fix` reads the workbook first, then writes
 * a patch; the writer must never refuse what the reader read.
 */
function fixFailure(bytes: Uint8Array): WorkbookError | null {
  const read = readFailure(bytes);
  if (read) return read;
  const patches = [
    { sheet: form.name, row: 22, col: 7, cell: "H23", old: 2, value: 0, what: "score" as const },
  ];
  try {
    writePatches(bytes, patches, "表.xlsx");
    return null;
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw err;
  }
}

/** Check and fix give the same verdict: both read it, or both refuse it as damaged. */
function expectSameVerdict(bytes: Uint8Array): WorkbookError | null {
  const check = readFailure(bytes);
  const fix = fixFailure(bytes);
  expect(fix?.reason ?? null).toBe(check?.reason ?? null);
  return check;
}

describe("1. two sheets with the same name", () => {
  it("is refused by check and fix alike, naming the sheet: no sheet's cells can land in the other", () => {
    const other = form.xml.replace("<v>91</v>", "<v>10</v>");
    const bytes = workbookWith(base, [
      { name: form.name, xml: form.xml },
      { name: form.name, xml: other },
    ]);
    const err = expectSameVerdict(bytes);
    expect(err?.reason).toBe("corrupt");
    expect(err?.message).toContain(`两个名为“${form.name}”的工作表`);
  });

  it("refuses names that differ only in case, and two sheets sharing one part", () => {
    const cased = workbookWith(base, [
      { name: "Sheet", xml: form.xml },
      { name: "SHEET", xml: form.xml },
    ]);
    expect(expectSameVerdict(cased)?.reason).toBe("corrupt");
    const parts = repack(base, {
      "xl/workbook.xml": new TextDecoder()
        .decode(entries(base)["xl/workbook.xml"])
        .replace(/(<sheet [^>]*\/>)/, '$1<sheet name="副本" sheetId="9" r:id="rId1x"/>'),
      "xl/_rels/workbook.xml.rels": new TextDecoder()
        .decode(entries(base)["xl/_rels/workbook.xml.rels"])
        .replace(
          "</Relationships>",
          '<Relationship Id="rId1x" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
    });
    const err = expectSameVerdict(parts);
    expect(err?.message).toContain("共用 xl/worksheets/sheet1.xml");
  });
});

describe("2. reading is linear in the input", () => {
  const big = 200_000;

  it("reads one cell of 200,000 <f> runs, and one unclosed, as a formula cell", () => {
    const runs = "<f>1+1</f>".repeat(big);
    const xml = form.xml.replace('<c r="I30" s="4" t="s"><v>84</v></c>', `<c r="I30">${runs}<v>2</v></c>`);
    const grid = readWorkbook(workbookWith(base, [{ name: form.name, xml }])).sheets[0].grid;
    expect(at(grid, "I30").formula).toBe("=1+1");
    const open = form.xml.replace(
      '<c r="I30" s="4" t="s"><v>84</v></c>',
      `<c r="I30">${"<f>1".repeat(big)}</c>`
    );
    const cell = at(readWorkbook(workbookWith(base, [{ name: form.name, xml: open }])).sheets[0].grid, "I30");
    expect(cell.formula).not.toBeNull();
  });

  it("reads one shared string of 200,000 <t> runs, and 200,000 unclosed <si", () => {
    const strings = new TextDecoder().decode(entries(base)[STRINGS]);
    const runs = "<r><t>字</t></r>".repeat(big);
    const many = strings.replace(/<si>/, `<si>${runs}</si><si>`).replace(/count="\d+"/, "");
    const bytes = repack(workbookWith(base, [{ name: form.name, xml: form.xml }]), { [STRINGS]: many });
    // The new first string shifts every index by one: the form no longer reads the same, but it reads.
    expect(readFailure(bytes)).toBeNull();
    // 200,000 tags never closed before the end: junk passed over once, the form read as it is.
    const broken = repack(base, { [STRINGS]: strings.replace("</sst>", `${"<si".repeat(big)}</sst>`) });
    expect(outcome(readWorkbook(broken))).toEqual(expected);
  });

  it("refuses a row of 3.2 million cells without r attributes at its 16,385th column, at once", () => {
    const row = `<row r="40">${"<c><v>1</v></c>".repeat(3_200_000)}</row>`;
    const xml = form.xml.replace("</sheetData>", `${row}</sheetData>`);
    const bytes = workbookWith(base, [{ name: form.name, xml, level: 1 }]);
    const err = expectSameVerdict(bytes);
    expect(err?.reason).toBe("corrupt");
  });

  it("reads 16,384 cells without r in one row, and 200,000 attribute-less tags in the workbook part", () => {
    const row = `<row r="40">${"<c><v>1</v></c>".repeat(16_384)}</row>`;
    const xml = form.xml.replace("</sheetData>", `${row}</sheetData>`);
    const grid = readWorkbook(workbookWith(base, [{ name: form.name, xml }])).sheets[0].grid;
    expect(at(grid, "XFD40").value).toBe(1);
    const wb = new TextDecoder().decode(entries(base)["xl/workbook.xml"]);
    const noisy = wb.replace("<sheets>", `<sheets>${"<x aaaaaaaaaa".repeat(big)}>`);
    expect(readFailure(repack(base, { "xl/workbook.xml": noisy }))).not.toBe(undefined);
  });
});

describe("6. check and fix agree", () => {
  it("reads the cells of an array formula as formula cells: kept (FORMULA_KEPT), the rest written", () => {
    // G30 holds an array formula over G30:H30: H30 (a score the fix would change) has no <f> of its own.
    const xml = form.xml.replace(
      '<c r="G30" s="6"><v>10</v></c>',
      '<c r="G30" s="6"><f t="array" ref="G30:H30">{10,8}</f><v>10</v></c>'
    );
    const bytes = workbookWith(base, [{ name: form.name, xml }]);
    const book = readWorkbook(bytes);
    expect(at(book.sheets[0].grid, "H30").formula).toBe("={10,8}");
    const lines = outcome(book);
    expect(lines[0]).toContain("FORMULA_KEPT@H30");
    // The total that sums it is held (FIX_HELD) rather than written around it; nothing is refused.
    expect(lines[0]).toContain("FIX_HELD@H31");
    const { out, cells } = fixBytes(bytes);
    expect(cells.get(form.name) ?? []).not.toContain("H30");
    expect(at(readWorkbook(out).sheets[0].grid, "H30").value).toBe(8);
    // Over a cell the fix does write (H23), the array's cells are kept and the others written.
    const other = form.xml.replace(
      '<c r="G31" s="3"><v>100</v></c>',
      '<c r="G31" s="3"><f t="array" ref="G31:G32">{100;0}</f><v>100</v></c>'
    );
    const written = fixBytes(workbookWith(base, [{ name: form.name, xml: other }]));
    expect(written.cells.get(form.name)).toEqual(["H23", "H30", "H31"]);
    expect(at(readWorkbook(written.out).sheets[0].grid, "H31").value).toBe(90.38);
  });

  it("refuses a nested <sheetData> in both", () => {
    const xml = form.xml.replace('<row r="31"', '<sheetData><row r="31"');
    const err = expectSameVerdict(workbookWith(base, [{ name: form.name, xml }]));
    expect(err?.reason).toBe("corrupt");
  });

  it("passes over comments and processing instructions holding <c> and <row> between rows and cells", () => {
    const xml = form.xml
      .replace(
        '<row r="31"',
        '<!-- <row r="31"><c r="H31"><v>5</v></c></row> --><?pi <c r="A1"/> ?><row r="31"'
      )
      .replace('<c r="H30" s="6">', '<!-- </c></row> --><c r="H30" s="6">');
    const bytes = workbookWith(base, [{ name: form.name, xml }]);
    expect(expectSameVerdict(bytes)).toBeNull();
    expect(outcome(readWorkbook(bytes))).toEqual(expected);
    const { out, cells } = fixBytes(bytes);
    const after = partBinary(out);
    expect(after).toContain('<!-- <row r="31"><c r="H31"><v>5</v></c></row> -->');
    expect(withoutCells(after, cells.get(form.name) ?? [])).toBe(
      withoutCells(xml, cells.get(form.name) ?? [])
    );
  });
});

describe("7. every byte outside the patched cells is kept", () => {
  it("keeps the sheet part's byte-order mark and a stray invalid UTF-8 byte in header text", () => {
    const text = form.xml.replace(
      '<c r="I30" s="4" t="s"><v>84</v></c>',
      '<c r="I30" t="inlineStr"><is><t>说明@</t></is></c>'
    );
    const raw = new TextEncoder().encode(`\uFEFF${text}`);
    const at0 = raw.indexOf(0x40); // the "@" becomes a lone continuation byte
    raw[at0] = 0x80;
    const bytes = repack(workbookWith(base, [{ name: form.name, xml: form.xml }]), { [SHEET]: raw });
    const { out, cells } = fixBytes(bytes);
    const refs = cells.get(form.name) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    const before = partBinary(bytes);
    const after = partBinary(out);
    expect(after.slice(0, 3)).toBe("\xEF\xBB\xBF");
    expect(after).toContain("\x80");
    expect(withoutCells(after, refs)).toBe(withoutCells(before, refs));
  });

  it("refuses a package holding an entry twice, in check and fix", () => {
    const bytes = duplicateEntry(base, SHEET, sheetXml(base).replace("<v>91</v>", "<v>10</v>"));
    expect(parseZip.bind(null, bytes)).toThrow(/出现了两次/);
    expect(expectSameVerdict(bytes)?.reason).toBe("corrupt");
  });
});

describe("8. CRCs are verified", () => {
  it("refuses a stored sheet part with a flipped digit and a deflated one with a wrong CRC", () => {
    const stored = repack(base, {}, { store: [SHEET] });
    const zip = parseZip(stored);
    const entry = zip.byName.get(SHEET);
    if (!entry) throw new Error("no sheet");
    const data = stored.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const digit = new TextDecoder().decode(data).indexOf("<v>91</v>") + 4;
    expect(readFailure(stored)).toBeNull();
    data[digit] = "0".charCodeAt(0); // 91 → 90: same length, same deflate, wrong CRC
    const err = expectSameVerdict(stored);
    expect(err?.reason).toBe("corrupt");
    expect(err?.message).toContain("校验码");

    const deflated = new Uint8Array(base);
    const z = parseZip(deflated);
    const e = z.byName.get(SHEET);
    if (!e) throw new Error("no sheet");
    const central = deflated.subarray(e.central.byteOffset - deflated.byteOffset);
    new DataView(central.buffer, central.byteOffset).setUint32(16, (e.crc ^ 1) >>> 0, true);
    expect(parseZip(deflated).byName.get(SHEET)?.crc).not.toBe(crc32(new Uint8Array()));
    expect(expectSameVerdict(deflated)?.reason).toBe("corrupt");
  });
});

describe("10. the zip bomb", () => {
  it("refuses a 396 MB sheet part (hundreds of times its compressed size) as it streams, in check and fix", async () => {
    const bytes = await streamedBomb(base, 396);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const zip = parseZip(bytes);
    expect(zip.byName.get(SHEET)?.size).toBeGreaterThan(396 * 1024 * 1024);
    const err = expectSameVerdict(bytes);
    expect(err?.reason).toBe("too-large");
    expect(err?.message).toContain("压缩炸弹");
  });
});
