/**
 * The Excel diagnostics: every call the add-in makes, tried on a hidden scratch sheet that is deleted
 * afterwards; the user's sheets unchanged; on an old Excel the calls it lacks are listed as failed with
 * Excel's code, and the sheet is still removed.
 */
import { describe, expect, it } from "vitest";
import { createExcelHost } from "../../src/hosts/excel";
import { runExcelCalls, SCRATCH_PREFIX } from "../../src/hosts/excel/diagnose";
import { EXCEL_API_MEMBERS } from "../../src/hosts/excel/requirements";
import { fakeFromXlsx } from "../fakes/excel/xlsx";
import { fakeOffice } from "../fakes/excel/office";
import { singleForm } from "./helpers";

/** The calls the text must name: every Excel call the host makes. */
const CALLS = [
  "getActiveWorksheet",
  "protection",
  "worksheets.add",
  "visibility",
  "values",
  "formulas",
  "numberFormat",
  "getUsedRangeOrNullObject",
  "getRangeByIndexes",
  "getMergedAreasOrNullObject",
  "getCellProperties",
  "getItemOrNullObject",
  "format.fill",
  "clear",
  "写入并撤销",
  "Worksheet.delete",
  "onActivated / onChanged",
];

async function fakeWithOffice(apiVersion = "1.17") {
  const fake = await fakeFromXlsx(singleForm("2023-taopu-003"));
  fake.model.apiVersion = apiVersion;
  const office = fakeOffice(fake);
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Office = office.Office;
  return { fake, done: () => delete globals.Office };
}

function snapshot(fake: Awaited<ReturnType<typeof fakeFromXlsx>>) {
  return fake.model.sheets.map((s) => ({
    name: s.name,
    cells: [...s.cells.entries()],
    merges: [...s.merges],
  }));
}

describe("Excel diagnostics", () => {
  it("lists every call with its result, host and requirement sets, and removes its scratch sheet", async () => {
    const { fake, done } = await fakeWithOffice();
    try {
      const before = snapshot(fake);
      const text = (await createExcelHost(fake.run).diagnose!()) as string;
      expect(typeof text).toBe("string");
      for (const call of CALLS) expect(text).toContain(call);
      for (const member of Object.keys(EXCEL_API_MEMBERS)) expect(text).toContain(member);
      expect(text).toContain("宿主：Excel；平台：PC；版本：16.0.18025.20000");
      expect(text).toContain("支持 ExcelApi 最高 1.17");
      expect(text).not.toContain("[失败]");
      expect(text).toContain('"removed":true');
      expect(text).toContain('"same":true');
      expect(snapshot(fake)).toEqual(before);
      expect(fake.model.sheets.some((s) => s.name.startsWith(SCRATCH_PREFIX))).toBe(false);
    } finally {
      done();
    }
  });

  it("each call in its own sync: one refused call does not stop the others", async () => {
    const { fake, done } = await fakeWithOffice("1.8");
    try {
      const results = await runExcelCalls(fake.run);
      const failed = results.filter((r) => !r.ok).map((r) => r.call);
      expect(failed).toEqual([
        expect.stringContaining("getMergedAreasOrNullObject"),
        expect.stringContaining("getMergedAreasOrNullObject"),
        expect.stringContaining("getCellProperties"),
      ]);
      expect(results.find((r) => r.call.includes("getCellProperties"))?.result).toContain("ApiNotFound");
      expect(results.at(-1)).toMatchObject({ call: expect.stringContaining("Worksheet.delete"), ok: true });
      expect(fake.model.sheets.some((s) => s.name.startsWith(SCRATCH_PREFIX))).toBe(false);
      const text = (await createExcelHost(fake.run).diagnose!()) as string;
      expect(text).toContain("需要 ExcelApi 1.13：不满足");
      expect(text).toContain("getMergedAreasOrNullObject（ExcelApi 1.13）：不支持");
    } finally {
      done();
    }
  });

  it("on a workbook whose structure is protected, says the scratch sheet could not be added", async () => {
    const { fake, done } = await fakeWithOffice();
    fake.model.structureProtected = true;
    try {
      const results = await runExcelCalls(fake.run);
      expect(results.map((r) => r.ok)).toEqual([true, false]);
      expect(results[1].result).toContain("AccessDenied");
    } finally {
      done();
    }
  });
});
