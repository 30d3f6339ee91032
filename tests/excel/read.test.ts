import { describe, expect, it } from "vitest";
import { cellAt, gridEnd, type Grid } from "../../src/core/grid";
import { createExcelHost, STORE_SHEET } from "../../src/hosts/excel";
import { FakeExcel } from "../fakes/excel";
import { openFixture, SINGLE_FORMS, WORKBOOK_23, WORKBOOK_70 } from "./helpers";

/** Every cell of the file grid is in the read grid with the same value, formula and number format. */
function expectSameCells(read: Grid, file: Grid): void {
  const end = gridEnd(file);
  const diffs: string[] = [];
  for (let r = 0; r < end.row; r++)
    for (let c = 0; c < end.col; c++) {
      const a = cellAt(read, r, c);
      const b = cellAt(file, r, c);
      if (a.value !== b.value || a.formula !== b.formula || a.format !== b.format) {
        diffs.push(`${r},${c}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
  expect(diffs).toEqual([]);
}

const sortMerges = (g: Grid) => [...g.merges].sort((x, y) => x.top - y.top || x.left - y.left);

describe("readActiveSheet", () => {
  it.each(SINGLE_FORMS)(
    "reads form %s in one sync with the file's values, formats and merges",
    async (id) => {
      const { fake, file } = await openFixture(`single/${id}.xlsx`);
      const grid = await createExcelHost(fake.run).readActiveSheet();
      expect(fake.syncCount).toBe(1);
      expect(grid.name).toBe(file[0].name);
      expectSameCells(grid, file[0]);
      expect(sortMerges(grid)).toEqual(sortMerges(file[0]));
      expect(grid.merges.length).toBeGreaterThan(5);
      expect(grid.formats?.flat().filter((f) => f === "0.00").length).toBeGreaterThan(0);
    }
  );

  it("reads the active sheet, not the first one, and keeps sheet names with spaces in merges", async () => {
    const { fake, file } = await openFixture(WORKBOOK_23);
    const spaced = file.find((g) => g.name.includes(" "))!;
    fake.activate(spaced.name);
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(grid.name).toBe(spaced.name);
    expect(sortMerges(grid)).toEqual(sortMerges(spaced));
    expect(fake.syncCount).toBe(1);
  });

  it("gives an empty grid for an empty sheet", async () => {
    const fake = FakeExcel.fromGrids([{ name: "空表", top: 0, left: 0, values: [], merges: [] }]);
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(grid).toMatchObject({ name: "空表", values: [], merges: [] });
    expect(fake.syncCount).toBe(1);
  });

  it("includes formatted empty cells (an empty score column keeps its number format)", async () => {
    const fake = FakeExcel.fromGrids([
      {
        name: "S",
        top: 0,
        left: 0,
        values: [
          ["分值", "得分"],
          [10, null],
        ],
        formats: [
          [null, null],
          ["0.00", "0.00"],
        ],
        merges: [],
      },
    ]);
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(cellAt(grid, 1, 1)).toEqual({ value: null, formula: null, format: "0.00" });
  });

  it("reads formulas as formulas and constants as values", async () => {
    const fake = FakeExcel.fromGrids([
      { name: "S", top: 2, left: 1, values: [[5, 7, 12]], formulas: [[null, null, "=B3+C3"]], merges: [] },
    ]);
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(grid.top).toBe(2);
    expect(grid.left).toBe(1);
    expect(cellAt(grid, 2, 3)).toEqual({ value: 12, formula: "=B3+C3", format: null });
    expect(cellAt(grid, 2, 1).formula).toBeNull();
  });

  it("falls back to the values-only range when formatting makes the used range too big", async () => {
    const fake = FakeExcel.fromGrids([
      { name: "S", top: 0, left: 0, values: [["项目名称", "x"]], merges: [] },
    ]);
    fake.edit("S", "A60000", { format: "0.00" });
    fake.payloadLimit = 400_000;
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(grid.values).toEqual([["项目名称", "x"]]);
    // The refused read, the sizes of both used ranges, the values-only range in bands.
    expect(fake.syncCount).toBe(3);
  });
});

describe("readAllSheets", () => {
  it("reads the 70-form workbook in at most 3 syncs, like the file", async () => {
    const { fake, file } = await openFixture(WORKBOOK_70);
    const progress: [number, number][] = [];
    const grids = await createExcelHost(fake.run).readAllSheets((d, t) => progress.push([d, t]));
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(grids.map((g) => g.name)).toEqual(file.map((g) => g.name));
    grids.forEach((g, i) => {
      expectSameCells(g, file[i]);
      expect(sortMerges(g)).toEqual(sortMerges(file[i]));
    });
    expect(progress.at(-1)).toEqual([70, 70]);
    expect(Math.max(...fake.syncs.map((s) => s.response))).toBeLessThan(5 * 1024 * 1024);
  });

  it("splits the cells into more batches under a small payload limit and still reads everything", async () => {
    const { fake, file } = await openFixture(WORKBOOK_23);
    fake.payloadLimit = 60_000;
    const progress: number[] = [];
    const grids = await createExcelHost(fake.run).readAllSheets((d) => progress.push(d));
    expect(fake.syncCount).toBeGreaterThan(3);
    grids.forEach((g, i) => expectSameCells(g, file[i]));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(23);
  });

  it("skips very hidden sheets (the revert store) but reads hidden ones", async () => {
    const g = (name: string): Grid => ({ name, top: 0, left: 0, values: [[name]], merges: [] });
    const fake = FakeExcel.fromGrids([g("A"), g("B"), g(STORE_SHEET), g("secret")], {
      B: "Hidden",
      [STORE_SHEET]: "VeryHidden",
      secret: "VeryHidden",
    });
    const grids = await createExcelHost(fake.run).readAllSheets();
    expect(grids.map((x) => x.name)).toEqual(["A", "B"]);
  });
});
