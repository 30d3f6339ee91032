import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Patch } from "../../src/core/types";
import { parseA1 } from "../../src/core/address";
import { PatchError, applyPatches, readWorkbook } from "../../src/hosts/xlsx";
import { parseZip } from "../../src/hosts/xlsx/zip";
import { at, sameBytes } from "./helpers";
import { CHART_PARTS, richWorkbook } from "./rich-book";

function patch(cell: string, value: number | string): Patch {
  const { row, col } = parseA1(cell);
  return { sheet: "自评", row, col, cell, old: null, value, what: "score" };
}

describe("a workbook with validation, formatting, an image, comments and a chart", () => {
  let bytes: Uint8Array;
  let out: Uint8Array;
  beforeAll(async () => {
    bytes = await richWorkbook();
    // A styled number (B2), a number replaced by text (B3), new cells in existing rows (D2, C3), a new row (A7).
    out = applyPatches(bytes, [
      patch("B2", 9.25),
      patch("B3", "不适用"),
      patch("D2", 1),
      patch("C3", "良"),
      patch("A7", "备注"),
    ]);
  });

  it("keeps every part but the patched sheet byte-identical, chart parts included", () => {
    const a = parseZip(bytes);
    const b = parseZip(out);
    expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
    const names = a.entries.map((e) => e.name);
    for (const p of [
      ...CHART_PARTS,
      "xl/comments1.xml",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
      "xl/styles.xml",
    ]) {
      expect(names).toContain(p);
    }
    const sheetPath = readWorkbook(bytes).sheets[0].path;
    for (const e of a.entries) {
      if (e.name === sheetPath) continue;
      const f = b.byName.get(e.name);
      expect(
        f && sameBytes(out.subarray(f.localOffset, f.rawEnd), bytes.subarray(e.localOffset, e.rawEnd)),
        e.name
      ).toBe(true);
    }
  });

  it("keeps the sheet's validation, formatting, drawing and comment references as they were", () => {
    const path = readWorkbook(bytes).sheets[0].path;
    const before = strFromU8(unzipSync(bytes)[path]);
    const after = strFromU8(unzipSync(out)[path]);
    const tail = (s: string) => s.slice(s.indexOf("</sheetData>"));
    expect(tail(after)).toBe(tail(before));
    expect(tail(after)).toMatch(
      /<dataValidations[^]*<conditionalFormatting|<conditionalFormatting[^]*<dataValidations/
    );
    expect(tail(after)).toContain("<drawing r:id=");
    expect(tail(after)).toContain("<legacyDrawing r:id=");
  });

  it("reads back the new values, the kept styles and the untouched formula", () => {
    const g = readWorkbook(out).sheets[0].grid;
    expect(at(g, "B2")).toEqual({ value: 9.25, formula: null, format: "0.00" });
    expect(at(g, "B3")).toEqual({ value: "不适用", formula: null, format: "0.00" });
    expect(at(g, "D2").value).toBe(1);
    expect(at(g, "C3").value).toBe("良");
    expect(at(g, "A7").value).toBe("备注");
    expect(at(g, "B4")).toMatchObject({ value: 15.5, formula: "=SUM(B2:B3)" });
    expect(at(g, "A3").value).toBe("指标二");
    expect(() => applyPatches(bytes, [patch("B4", 1)])).toThrow(PatchError);
  });

  it("opens in exceljs with values, bold red font, validation, note and image in place", async () => {
    const wb = new ExcelJS.Workbook();
    // exceljs types its own Buffer interface; a Node Buffer is what it reads at run time.
    await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("自评");
    expect(ws?.getCell("B2").value).toBe(9.25);
    expect(ws?.getCell("B2").font?.bold).toBe(true);
    expect(ws?.getCell("B3").value).toBe("不适用");
    expect(ws?.getCell("A7").value).toBe("备注");
    expect(ws?.getCell("C3").dataValidation?.type).toBe("list");
    expect(ws?.getCell("A2").note).toBeTruthy();
    expect(ws?.getImages()).toHaveLength(1);
    expect(wb.getWorksheet("数据")?.getCell("B2").value).toBe(5);
  });
});
