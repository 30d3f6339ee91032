/**
 * Excel's real limits, enforced by the fake, and the host's reads under them: 512 merged areas per
 * request, 5,000,000 cells per read (null values above), requirement sets per API; and every refusal
 * reaches the user in Chinese.
 */
import { describe, expect, it } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import type { Grid } from "../../src/core/grid";
import { createExcelHost } from "../../src/hosts/excel";
import { CELL_READ_LIMIT, MERGE_BAND_ROWS } from "../../src/hosts/excel/read";
import { HostError } from "../../src/hosts/types";
import { FakeExcel } from "../fakes/excel";
import { INVALID_OPERATION, MERGE_AREA_LIMIT } from "../fakes/excel/limits";
import { fakeFromXlsx } from "../fakes/excel/xlsx";
import { sheetPatches } from "../../src/taskpane/analysis";
import { SETTINGS } from "../taskpane/fakes";
import { openFixture, SINGLE_FORMS, singleForm, stackedForms, WORKBOOK_70 } from "./helpers";

const key = (g: Grid) => g.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
const HAN = /[\u4e00-\u9fff]/;
const ENGLISH = /[A-Za-z]{4,} [a-z]{2,}/; // a run of English words, as in Excel's messages

describe("the fake knows Excel's limits", () => {
  it("refuses getMergedAreasOrNullObject over 512 merged areas with Excel's own error", async () => {
    const sheet = await stackedForms(16);
    expect(sheet.merges.length).toBeGreaterThan(MERGE_AREA_LIMIT);
    const fake = FakeExcel.fromGrids([sheet]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getUsedRangeOrNullObject().getMergedAreasOrNullObject().load("areas/items/address");
      await expect(context.sync()).rejects.toMatchObject(INVALID_OPERATION);
    });
  });

  it("answers a read over 5 M cells with null values, and one at the limit with the cells", async () => {
    const fake = FakeExcel.fromGrids([{ name: "S", top: 0, left: 0, values: [[1]], merges: [] }]);
    fake.payloadLimit = Infinity;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      const over = ws
        .getRangeByIndexes(0, 0, CELL_READ_LIMIT / 5 + 1, 5)
        .load("values, formulas, numberFormat");
      const small = ws.getRangeByIndexes(0, 0, 2, 2).load("values");
      await context.sync();
      expect([over.values, over.formulas, over.numberFormat]).toEqual([null, null, null]);
      expect(small.values).toEqual([
        [1, ""],
        ["", ""],
      ]);
    });
  });

  it("an Excel with only ExcelApi 1.8 refuses the 1.9+ calls with ApiNotFound", async () => {
    const fake = FakeExcel.fromGrids([{ name: "S", top: 0, left: 0, values: [[1]], merges: [] }]);
    fake.model.apiVersion = "1.8";
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1").getCellProperties({ format: { protection: true } });
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      ws.getRangeByIndexes(0, 0, 1, 1).load("values"); // 1.7: fine
      await context.sync();
    });
  });

  it("every real form still reads under the limits, in one sync, with either merged-area reading", async () => {
    for (const id of SINGLE_FORMS) {
      for (const mergeReport of ["intersecting", "top-left"] as const) {
        const fake = await fakeFromXlsx(singleForm(id));
        fake.model.mergeReport = mergeReport;
        const grid = await createExcelHost(fake.run).readActiveSheet();
        expect(fake.syncCount).toBe(1);
        expect(analyzeSheet(grid, SETTINGS).forms.length).toBe(1);
      }
    }
  });
});

describe("reading a sheet of 16 stacked forms (over 512 merged areas)", () => {
  it.each(["intersecting", "top-left"] as const)(
    "reads every cell and merged area in 3 syncs (merged areas reported %s)",
    async (mergeReport) => {
      const sheet = await stackedForms(16);
      const fake = FakeExcel.fromGrids([sheet]);
      fake.model.mergeReport = mergeReport;
      const grid = await createExcelHost(fake.run).readActiveSheet();
      // The refused one-sync read, the used ranges' sizes, the cells with merged areas in bands.
      expect(fake.syncCount).toBe(3);
      expect(key(grid)).toEqual(key(sheet));
      expect(grid.values.length).toBe(sheet.values.length);
      expect(analyzeSheet(grid, SETTINGS).forms.length).toBe(16);
    }
  );

  it("on a protected sheet reads the locked flags in the bands: writes the unlocked cells, refuses the rest", async () => {
    const sheet = await stackedForms(16);
    const fake = FakeExcel.fromGrids([sheet]);
    const planned = sheetPatches(analyzeSheet(sheet, SETTINGS));
    const target = fake.sheet("汇总");
    target.protected = true;
    // The last form's cells are unlocked (far below the first 128-row band), the others locked.
    const lastTop = Math.max(...planned.map((p) => p.row)) - 40;
    const open = planned.filter((p) => p.row > lastTop);
    for (const p of open) fake.model.setCell(target, p.row, p.col, { unlocked: true });
    const host = createExcelHost(fake.run);
    await host.readActiveSheet();
    expect(fake.syncCount).toBe(3);
    const fix = await host.apply(planned);
    expect(fix.patches.map((p) => p.cell)).toEqual(open.map((p) => p.cell));
    expect(fix.refused?.length).toBe(planned.length - open.length);
    expect(target.unprotectCalls).toBe(0);
  });

  it("asks a band again in halves when Excel still refuses it", async () => {
    // 600 one-cell-high merged areas in 100 rows: more than 512 in one 128-row band.
    const values = Array.from({ length: 100 }, (_, r) => Array.from({ length: 12 }, (_, c) => `${r}-${c}`));
    const merges = values.flatMap((_, r) =>
      Array.from({ length: 6 }, (_, k) => ({ top: r, bottom: r, left: 2 * k, right: 2 * k + 1 }))
    );
    const fake = FakeExcel.fromGrids([{ name: "密", top: 0, left: 0, values, merges }]);
    expect(values.length).toBeLessThan(MERGE_BAND_ROWS);
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(grid.merges.length).toBe(600);
    expect(fake.syncCount).toBe(4); // refused, sizes, refused band, two half-bands in one sync
  });

  it("whole-workbook reads keep to 3 syncs for the 70 forms and read a 16-form sheet among them", async () => {
    const { fake } = await openFixture(WORKBOOK_70);
    const stacked = await stackedForms(16);
    const big = FakeExcel.fromGrids([stacked]);
    fake.model.sheets.push({ ...big.model.sheets[0], id: "{STACKED}" });
    const grids = await createExcelHost(fake.run).readAllSheets();
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(key(grids.at(-1)!)).toEqual(key(stacked));
  });
});

describe("reading a 5 M-cell formatted range", () => {
  it("reads the values first when formatting was dragged down a whole sheet", async () => {
    const fake = await fakeFromXlsx(singleForm("2023-taopu-003"));
    const name = fake.activeSheet;
    // Formatting dragged to the last row across 26 columns: 27 M cells in the formatted used range.
    fake.edit(name, "Z1048576", { format: "0.00" });
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(analyzeSheet(grid, SETTINGS).forms.length).toBe(1);
    expect(grid.values.length).toBeLessThan(100);
    // The one-sync read came back null (over 5 M cells), then sizes, then the values range.
    expect(fake.syncCount).toBe(3);
    expect(Math.max(...fake.syncs.map((s) => s.response))).toBeLessThan(1024 * 1024);
  });

  it("refuses, in Chinese, a sheet whose values themselves exceed 5 M cells", async () => {
    const fake = FakeExcel.fromGrids([{ name: "巨", top: 0, left: 0, values: [[1]], merges: [] }]);
    fake.edit("巨", "F1048576", { value: 2 });
    const error = await createExcelHost(fake.run)
      .readActiveSheet()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ reason: "too-large" });
    expect((error as Error).message).toContain("“巨”");
  });
});

describe("host errors reach the user in Chinese", () => {
  const cases: [string, (fake: FakeExcel) => void][] = [
    ["ExcelApi 1.8", (f) => (f.model.apiVersion = "1.8")],
    ["ExcelApi 1.12", (f) => (f.model.apiVersion = "1.12")],
    [
      "a lost connection",
      (f) => {
        for (let i = 0; i < 4; i++) f.inject({ kind: "reject-after", when: () => true });
      },
    ],
  ];
  it.each(cases)("%s: the read fails with a Chinese message and no English", async (_, arm) => {
    const fake = await fakeFromXlsx(singleForm("2023-taopu-003"));
    arm(fake);
    const error = await createExcelHost(fake.run)
      .readActiveSheet()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    const message = (error as Error).message;
    expect(message).toMatch(HAN);
    expect(message).not.toMatch(ENGLISH);
    expect(message).not.toContain(INVALID_OPERATION.message);
  });

  it("an old Excel is told to upgrade", async () => {
    const fake = await fakeFromXlsx(singleForm("2023-taopu-003"));
    fake.model.apiVersion = "1.8";
    const error = await createExcelHost(fake.run)
      .readAllSheets()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "unsupported" });
    expect((error as Error).message).toContain("升级");
  });
});
