/** Protected sheets as Excel sees them: locked cells are not written, unlocked ones are. */
import { describe, expect, it } from "vitest";
import type { Patch } from "../../src/core/types";
import { parseA1 } from "../../src/core/address";
import { PatchError, applyPatches, readWorkbook, writePatches } from "../../src/hosts/xlsx";
import { parseCellLocks } from "../../src/hosts/xlsx/styles";
import { at, fixture, handWorkbook, worksheet } from "./helpers";
import { protectedForm } from "./hostile";

function patch(sheet: string, cell: string, value: number | string): Patch {
  const { row, col } = parseA1(cell);
  return { sheet, row, col, cell, old: null, value, what: "score" };
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="0" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="0" applyProtection="1"><protection locked="1" hidden="1"/></xf><xf numFmtId="0" applyProtection="0"><protection locked="0"/></xf></cellXfs></styleSheet>`;

function book(protection: string, cols = "", rows = ""): Uint8Array {
  const data = `<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row>${rows}`;
  const xml = worksheet(data, protection).replace("<sheetData>", `${cols}<sheetData>`);
  return handWorkbook([{ name: "S", path: "xl/worksheets/sheet1.xml", xml }], { "xl/styles.xml": STYLES });
}

describe("cell locks from styles.xml", () => {
  it('locks every format unless it says <protection locked="0"/> with protection applied', () => {
    expect(parseCellLocks(STYLES)).toEqual([true, false, true, true]);
    expect(parseCellLocks(null)).toEqual([]);
  });
});

describe("writing into a protected sheet", () => {
  const on = '<sheetProtection sheet="1" objects="1"/>';

  it("writes the unlocked cells and returns the locked ones untouched", () => {
    const bytes = book(on);
    const { bytes: out, locked } = writePatches(bytes, [patch("S", "A1", 10), patch("S", "B1", 20)]);
    expect(locked.map((p) => p.cell)).toEqual(["A1"]);
    const grid = readWorkbook(out).sheets[0].grid;
    expect([at(grid, "A1").value, at(grid, "B1").value]).toEqual([1, 20]);
  });

  it("applyPatches refuses a locked cell and writes nothing", () => {
    const bytes = book(on);
    let error: unknown;
    try {
      applyPatches(bytes, [patch("S", "B1", 20), patch("S", "A1", 10)]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PatchError);
    expect((error as PatchError).reason).toBe("protected");
    expect((error as PatchError).message).toContain("A1");
  });

  it("gives a new cell the lock of its row's style, else its column's, else the first format's", () => {
    const cols = '<cols><col min="3" max="3" style="1"/></cols>';
    const rows = '<row r="2" s="1" customFormat="1"><c r="A2"><v>1</v></c></row>';
    const { locked } = writePatches(book(on, cols, rows), [
      patch("S", "C1", 1), // column C is unlocked
      patch("S", "D1", 1), // no style: the first format, locked
      patch("S", "E2", 1), // row 2's style: unlocked
      patch("S", "A5", 1), // no row, no column: locked
    ]);
    expect(locked.map((p) => p.cell)).toEqual(["D1", "A5"]);
  });

  it("writes everything when the protection is off", () => {
    const off = writePatches(book('<sheetProtection sheet="0"/>'), [patch("S", "A1", 10)]);
    expect(off.locked).toEqual([]);
    expect(applyPatches(book(""), [patch("S", "A1", 10)]).length).toBeGreaterThan(0);
  });

  it("on a real form: only the score cell made unlocked is written", () => {
    const form = protectedForm(fixture("single/2023-taopu-003.xlsx"), ["H23"]);
    const name = readWorkbook(form).sheets[0].name;
    const { locked } = writePatches(form, [patch(name, "H23", 0), patch(name, "H30", 9.38)]);
    expect(locked.map((p) => p.cell)).toEqual(["H30"]);
  });
});
