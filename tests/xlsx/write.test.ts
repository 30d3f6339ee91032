import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Patch } from "../../src/core/types";
import { analyzeSheet } from "../../src/core";
import { parseA1 } from "../../src/core/address";
import { PatchError, applyPatches, readWorkbook } from "../../src/hosts/xlsx";
import { parseZip } from "../../src/hosts/xlsx/zip";
import { at, fixture, handWorkbook, sameBytes, worksheet } from "./helpers";

function patch(sheet: string, cell: string, value: number | string): Patch {
  const { row, col } = parseA1(cell);
  return { sheet, row, col, cell, old: null, value, what: "score" };
}

/** Raw local records and inflated bytes of every entry. */
function entries(bytes: Uint8Array) {
  const zip = parseZip(bytes);
  const inflated = unzipSync(bytes);
  return new Map(
    zip.entries.map((e) => [e.name, { raw: bytes.slice(e.localOffset, e.rawEnd), data: inflated[e.name] }])
  );
}

const BOOK = "forms-2023-putuo-taopu-001-070.xlsx";

describe("applyPatches on a real workbook", () => {
  const bytes = fixture(BOOK);
  const before = readWorkbook(bytes);
  const target = before.sheets[4];
  const patches = [
    patch(target.name, "H13", 4.5),
    patch(target.name, "H6", 97.25),
    patch(target.name, "I14", "原因：<已核实> & “整改”"),
    patch(target.name, "K13", 1),
    patch(target.name, "B40", "新行"),
  ];
  const out = applyPatches(bytes, patches);

  it("leaves every other entry byte-identical, raw and inflated", () => {
    const a = entries(bytes);
    const b = entries(out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, e] of a) {
      if (name === target.path) continue;
      expect(sameBytes(b.get(name)?.raw, e.raw), name).toBe(true);
      expect(sameBytes(b.get(name)?.data, e.data), name).toBe(true);
    }
    expect(sameBytes(b.get(target.path)?.data, a.get(target.path)?.data)).toBe(false);
  });

  it("reads back the new values with the cells' styles, every other cell unchanged", () => {
    const after = readWorkbook(out);
    const g = after.sheets[4].grid;
    const old = target.grid;
    expect(at(g, "H13")).toEqual({ value: 4.5, formula: null, format: at(old, "H13").format });
    expect(at(g, "H6")).toEqual({ value: 97.25, formula: null, format: "0.00" });
    expect(at(g, "I14").value).toBe("原因：<已核实> & “整改”");
    expect(at(g, "K13").value).toBe(1);
    expect(at(g, "B40").value).toBe("新行");
    const changed = new Set(patches.map((p) => `${p.row},${p.col}`));
    // Sparse grids: rows and cells that hold nothing are holes on both sides.
    for (let r = 0; r < old.values.length; r++) {
      for (let c = 0; c < (old.values[r]?.length ?? 0); c++) {
        if (changed.has(`${r},${c}`)) continue;
        expect(g.values[r]?.[c], `${r},${c}`).toEqual(old.values[r]?.[c]);
        expect(g.formats?.[r]?.[c], `${r},${c}`).toEqual(old.formats?.[r]?.[c]);
      }
    }
    expect(g.merges).toEqual(old.merges);
    for (const [i, s] of after.sheets.entries()) if (i !== 4) expect(s.grid).toEqual(before.sheets[i].grid);
  });

  it("splices the XML: new cells in column order, new rows in row order, dimension widened", () => {
    const xml = strFromU8(unzipSync(out)[target.path]);
    expect(xml).toMatch(/<c r="H13" s="\d+"><v>4.5<\/v><\/c><c r="I13"[^>]*\/?>/);
    expect(xml).toMatch(/<c r="I13"[^]*?<c r="K13"><v>1<\/v><\/c><\/row>/);
    expect(xml).toContain(
      't="inlineStr"><is><t xml:space="preserve">原因：&lt;已核实&gt; &amp; “整改”</t></is>'
    );
    expect(xml).toMatch(/<\/row><row r="40"><c r="B40" t="inlineStr">/);
    expect(xml).toMatch(/<dimension ref="A1:K40"\/>/);
    const old = strFromU8(unzipSync(bytes)[target.path]);
    // Outside the patched cells the text is the same.
    expect(xml.slice(0, xml.indexOf("<sheetData"))).toBe(
      old.slice(0, old.indexOf("<sheetData")).replace(/ref="[^"]*"/, 'ref="A1:K40"')
    );
    expect(xml.slice(xml.indexOf("</sheetData>"))).toBe(old.slice(old.indexOf("</sheetData>")));
  });

  it("never touches sharedStrings, styles or workbook parts", () => {
    const a = unzipSync(bytes);
    const b = unzipSync(out);
    for (const name of ["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]) {
      expect(sameBytes(b[name], a[name]), name).toBe(true);
    }
  });

  it("writes the last patch of a cell and leaves the input bytes alone", () => {
    const copy = bytes.slice();
    const twice = applyPatches(copy, [patch(target.name, "H13", 1), patch(target.name, "H13", 2)]);
    expect(sameBytes(copy, bytes)).toBe(true);
    expect(at(readWorkbook(twice).sheets[4].grid, "H13").value).toBe(2);
  });
});

describe("applyPatches guards and edge cases", () => {
  const sheetXml = worksheet(
    `<row r="2" spans="2:3"><c r="B2"><f>1+1</f><v>2</v></c><c r="C2" s="1"><v>5</v></c></row>` +
      `<row r="3" spans="2:3"/><row r="4"><c r="B4"><f t="array" ref="B4:C5">A1:B2</f><v>0</v></c></row>` +
      `<row r="6"><c r="B6"><f t="shared" ref="B6:B7" si="0">A6</f><v>0</v></c></row><row r="7"><c r="B7"><f t="shared" si="0"/><v>0</v></c></row>`
  );
  const bytes = handWorkbook([{ name: "S", path: "xl/worksheets/sheet1.xml", xml: sheetXml }]);

  it("refuses formula cells, shared-formula dependents and array-formula ranges", () => {
    for (const cell of ["B2", "B4", "C5", "B6", "B7"]) {
      expect(() => applyPatches(bytes, [patch("S", cell, 1)]), cell).toThrow(PatchError);
    }
    expect(() => applyPatches(bytes, [patch("S", "B2", 1)])).toThrow(/公式/);
  });

  it("refuses text that could run as a formula, unknown sheets and non-finite numbers", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(A1)"]) {
      expect(() => applyPatches(bytes, [patch("S", "D2", v)])).toThrow(
        expect.objectContaining({ reason: "unsafe-text" })
      );
    }
    expect(() => applyPatches(bytes, [patch("无", "A1", 1)])).toThrow(
      expect.objectContaining({ reason: "no-sheet" })
    );
    expect(() => applyPatches(bytes, [patch("S", "A1", Number.NaN)])).toThrow(PatchError);
  });

  it("fills self-closed rows and sheetData, widens spans, keeps number precision", () => {
    const out = applyPatches(bytes, [
      patch("S", "E3", 0.1 + 0.2),
      patch("S", "A3", "前"),
      patch("S", "C2", -0),
    ]);
    const xml = strFromU8(unzipSync(out)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain('<row r="3" spans="1:5"><c r="A3" t="inlineStr">');
    expect(xml).toContain('<c r="C2" s="1"><v>0</v></c>');
    const g = readWorkbook(out).sheets[0].grid;
    expect(at(g, "E3").value).toBe(0.1 + 0.2);
    expect(at(g, "A3").value).toBe("前");
    const empty = handWorkbook([
      {
        name: "E",
        path: "xl/worksheets/sheet1.xml",
        xml: worksheet("").replace("<sheetData></sheetData>", "<sheetData/>"),
      },
    ]);
    const filled = readWorkbook(
      applyPatches(empty, [patch("E", "B3", 2), patch("E", "A1", "x_x0041_\u0001")])
    ).sheets[0].grid;
    // A sparse grid: the rows and cells that hold nothing are holes, which read as empty.
    expect(["A1", "B1", "A2", "B2", "A3", "B3"].map((a) => at(filled, a).value)).toEqual([
      "x_x0041_\u0001",
      null,
      null,
      null,
      null,
      2,
    ]);
    expect(filled.values.length).toBe(3);
    expect(filled.values[1]).toBeUndefined();
  });

  it("gives new cells their row's or column's style, as Excel does for a typed cell", () => {
    const xml = worksheet(
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2" s="2" customFormat="1"><c r="A2"><v>1</v></c></row>`
    ).replace(
      "<sheetData>",
      '<cols><col min="2" max="3" width="9" style="1" customWidth="1"/></cols><sheetData>'
    );
    const book = handWorkbook([{ name: "C", path: "xl/worksheets/sheet1.xml", xml }]);
    const out = strFromU8(
      unzipSync(
        applyPatches(book, [
          patch("C", "B1", 1),
          patch("C", "D1", 1),
          patch("C", "B2", 1),
          patch("C", "C5", 1),
        ])
      )["xl/worksheets/sheet1.xml"]
    );
    expect(out).toContain('<c r="B1" s="1"><v>1</v></c><c r="D1"><v>1</v></c>');
    expect(out).toContain('<c r="B2" s="2">');
    expect(out).toContain('<row r="5"><c r="C5" s="1">');
  });
});

describe("a rate that takes its neighbour's number format (2022-wujing-006: H7 under H6 in 0.00%)", () => {
  const bytes = fixture("single/2022-wujing-006.xlsx");
  const before = readWorkbook(bytes);
  const sheet = before.sheets[0];
  const patches = analyzeSheet(sheet.grid).forms.flatMap((f) => f.patches);
  const out = applyPatches(bytes, patches);

  it("writes the number with the neighbour's style, every other byte of the part as it was", () => {
    expect(patches.map((p) => [p.cell, p.value, p.formatFrom])).toEqual([
      ["H6", 0.7778, undefined],
      ["H7", 0.7778, { row: 5, col: 7 }],
    ]);
    const old = strFromU8(unzipSync(bytes)[sheet.path]);
    const xml = strFromU8(unzipSync(out)[sheet.path]);
    const h6 = /<c r="H6" s="(\d+)"><v>0.7777<\/v><\/c>/.exec(old);
    expect(h6).not.toBeNull();
    const s = h6![1];
    expect(old).toContain('<c r="H7" s="5"/>');
    expect(s).not.toBe("5");
    const expected = old
      .replace(h6![0], `<c r="H6" s="${s}"><v>0.7778</v></c>`)
      .replace('<c r="H7" s="5"/>', `<c r="H7" s="${s}"><v>0.7778</v></c>`);
    expect(xml).toBe(expected);
    const a = entries(bytes);
    const b = entries(out);
    for (const [name, e] of a) {
      if (name === sheet.path) continue;
      expect(sameBytes(b.get(name)?.raw, e.raw), name).toBe(true);
    }
  });

  it("reads back as the number 0.7778 in 0.00%, and the form checks clean", () => {
    const after = readWorkbook(out).sheets[0].grid;
    expect(at(after, "H7")).toEqual({ value: 0.7778, formula: null, format: "0.00%" });
    expect(at(after, "H6")).toEqual({ value: 0.7778, formula: null, format: "0.00%" });
    const again = analyzeSheet(after);
    expect(again.forms[0].report.findings).toEqual([]);
    expect(again.forms[0].patches).toEqual([]);
  });

  it("gives a new cell the style too, and writes percent units where the source cell has no style", () => {
    const xml = worksheet(
      `<row r="1"><c r="A1" s="3"><v>0.5</v></c><c r="B1"><v>0.5</v></c></row><row r="2"><c r="C2"><v>1</v></c></row>`
    );
    const book = handWorkbook([{ name: "R", path: "xl/worksheets/sheet1.xml", xml }]);
    const rate = (cell: string, from: string): Patch => {
      const f = parseA1(from);
      return {
        ...patch("R", cell, 0.7778),
        what: "rate",
        numberFormat: "0.00%",
        formatFrom: f,
        oldFormat: "General",
      };
    };
    const text = strFromU8(
      unzipSync(applyPatches(book, [rate("A2", "A1"), rate("B2", "B1"), rate("D2", "Z9")]))[
        "xl/worksheets/sheet1.xml"
      ]
    );
    expect(text).toContain(
      '<row r="2"><c r="A2" s="3"><v>0.7778</v></c><c r="B2"><v>77.78</v></c><c r="C2"><v>1</v></c><c r="D2"><v>77.78</v></c></row>'
    );
  });
});
