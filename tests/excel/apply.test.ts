import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import { analyzeSheet } from "../../src/core";
import { createExcelHost, STORE_SHEET } from "../../src/hosts/excel";
import { FakeExcel } from "../fakes/excel";
import { openFixture, patch } from "./helpers";

const FORM = "single/2023-taopu-029.xlsx";

async function readForm() {
  const { fake } = await openFixture(FORM);
  const host = createExcelHost(fake.run);
  const grid = await host.readActiveSheet();
  fake.resetCounters();
  return { fake, host, grid, sheet: grid.name };
}

/** A score (number over a number), a prompt (text into an empty cell) and a text over a "-" placeholder. */
function somePatches(grid: Grid) {
  return [patch(grid, "H13", 6.5), patch(grid, "I14", "请补充偏差原因", "reason"), patch(grid, "I7", 0)];
}

describe("apply", () => {
  it("writes a fix in one sync after a read", async () => {
    const { fake, host, grid, sheet } = await readForm();
    const patches = somePatches(grid);
    expect(patches.map((p) => p.old)).toEqual([7, null, "-"]);
    const fix = await host.apply(patches);
    expect(fake.syncCount).toBe(1);
    expect(fix.patches).toEqual(patches);
    expect(fake.cell(sheet, "H13").value).toBe(6.5);
    expect(fake.cell(sheet, "H13").format).toBe("0.00");
    expect(fake.cell(sheet, "I14").value).toBe("请补充偏差原因");
    expect(fake.cell(sheet, "I7").value).toBe(0);
    expect(fake.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
    expect(fake.activeSheet).toBe(sheet);
  });

  it("writes a 300-row fix in one sync", async () => {
    const rows = Array.from({ length: 310 }, (_, i) => [`指标${i}`, i, i]);
    const fake = FakeExcel.fromGrids([{ name: "大表", top: 0, left: 0, values: rows, merges: [] }]);
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    fake.resetCounters();
    const patches = rows
      .slice(0, 300)
      .flatMap((_, i) => [patch(grid, `C${i + 1}`, i / 2), patch(grid, `D${i + 1}`, "请补充")]);
    await host.apply(patches);
    expect(fake.syncCount).toBe(1);
    expect(fake.cell("大表", "C300").value).toBe(149.5);
    expect(fake.cell("大表", "D1").value).toBe("请补充");
  });

  it("keeps text that Excel would read as a number or formula as text", async () => {
    const fake = FakeExcel.fromGrids([{ name: "S", top: 0, left: 0, values: [["a", "b", "c"]], merges: [] }]);
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    await host.apply([patch(grid, "A1", "95"), patch(grid, "B1", "-"), patch(grid, "C1", "=1+1")]);
    expect(fake.cell("S", "A1")).toMatchObject({ value: "95", formula: null });
    expect(fake.cell("S", "B1")).toMatchObject({ value: "-", formula: null });
    expect(fake.cell("S", "C1")).toMatchObject({ value: "=1+1", formula: null });
  });

  it("takes one extra sync when the patches were not read by this host instance", async () => {
    const { fake, grid, sheet } = await readForm();
    const fresh = createExcelHost(fake.run);
    await fresh.apply([patch(grid, "H13", 6.5)]);
    expect(fake.syncCount).toBe(2);
    expect(fake.cell(sheet, "H13").value).toBe(6.5);
  });
});

describe("revertLast", () => {
  it("restores every old value exactly (number, empty, text) and clears the snapshot", async () => {
    const { fake, host, grid, sheet } = await readForm();
    await host.apply(somePatches(grid));
    fake.resetCounters();
    expect(await host.hasRevert()).toBe(true);
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    const reverted = await host.revertLast();
    expect(fake.syncCount).toBe(2);
    expect(reverted?.patches).toHaveLength(3);
    expect(fake.cell(sheet, "H13")).toMatchObject({ value: 7, formula: null, format: "0.00" });
    expect(fake.cell(sheet, "I14").value).toBe("");
    expect(fake.cell(sheet, "I7")).toMatchObject({ value: "-", formula: null });
    expect(await host.hasRevert()).toBe(false);
    expect(await host.revertLast()).toBeNull();
  });

  it("works from a new host instance (pane closed and reopened)", async () => {
    const { fake, host, grid, sheet } = await readForm();
    const fix = await host.apply(somePatches(grid));
    const reopened = createExcelHost(fake.run);
    expect(await reopened.hasRevert()).toBe(true);
    const reverted = await reopened.revertLast();
    expect(reverted).toEqual(fix);
    expect(fake.cell(sheet, "H13").value).toBe(7);
    expect(fake.cell(sheet, "I7").value).toBe("-");
  });

  it("keeps a cell the user changed after the fix", async () => {
    const { fake, host, grid, sheet } = await readForm();
    await host.apply(somePatches(grid));
    fake.edit(sheet, "H13", { value: 5 });
    const reverted = await host.revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["I14", "I7"]);
    expect(fake.cell(sheet, "H13").value).toBe(5);
    expect(fake.cell(sheet, "I7").value).toBe("-");
  });

  it("stores a large fix in chunks under Excel's 32,767-character cell limit", async () => {
    const { fake, host, grid } = await readForm();
    const long = "请补充偏差原因".repeat(3000);
    await host.apply([patch(grid, "I14", long, "reason"), patch(grid, "I16", long, "reason")]);
    const store = [...fake.sheet(STORE_SHEET).cells.values()].map((c) => String(c.value));
    expect(store.length).toBeGreaterThan(2);
    expect(Math.max(...store.map((s) => s.length))).toBeLessThan(32767);
    const reverted = await createExcelHost(fake.run).revertLast();
    expect(reverted?.patches[0].value).toBe(long);
  });
});

describe("a whole-workbook fix", () => {
  it("writes patches on several sheets of the 70-form workbook in one sync after readAllSheets", async () => {
    const { fake } = await openFixture("forms-2023-putuo-taopu-001-070.xlsx");
    const host = createExcelHost(fake.run);
    const grids = await host.readAllSheets();
    fake.resetCounters();
    const patches = [grids[0], grids[35], grids[69]].map((g) => patch(g, "H13", 1.25));
    await host.apply(patches);
    expect(fake.syncCount).toBe(1);
    for (const p of patches) expect(fake.cell(p.sheet, "H13").value).toBe(1.25);
    const reverted = await createExcelHost(fake.run).revertLast();
    expect(reverted?.patches).toHaveLength(3);
    for (const p of patches) expect(fake.cell(p.sheet, "H13").value).toBe(p.old);
  });
});

describe("a rate that takes its neighbour's number format (2022-wujing-006: H7 under H6 in 0.00%)", () => {
  async function readRates() {
    const { fake } = await openFixture("single/2022-wujing-006.xlsx");
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    fake.resetCounters();
    const patches = analyzeSheet(grid).forms.flatMap((f) => f.patches);
    expect(patches.find((p) => p.cell === "H7")).toMatchObject({ value: 0.7778, numberFormat: "0.00%" });
    return { fake, host, grid, sheet: grid.name, patches };
  }

  it("writes the fraction and the format in the one sync; 撤销 puts the value and General back", async () => {
    const { fake, host, sheet, patches } = await readRates();
    expect(fake.cell(sheet, "H7")).toMatchObject({ value: "", format: "General" });
    await host.apply(patches);
    expect(fake.syncCount).toBe(1);
    expect(fake.cell(sheet, "H7")).toMatchObject({ value: 0.7778, formula: null, format: "0.00%" });
    expect(fake.cell(sheet, "H6")).toMatchObject({ value: 0.7778, format: "0.00%" });
    const fixed = await host.readActiveSheet();
    expect(analyzeSheet(fixed).forms[0].report.findings).toEqual([]);
    const reverted = await createExcelHost(fake.run).revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["H6", "H7"]);
    expect(fake.cell(sheet, "H7")).toMatchObject({ value: "", format: "General" });
    expect(fake.cell(sheet, "H6")).toMatchObject({ value: 0.7777, format: "0.00%" });
  });

  it("puts the format back with the value when the batch is undone for a cell edited since the read", async () => {
    const { fake, host, sheet, patches } = await readRates();
    fake.edit(sheet, "H6", { value: 0.5 });
    await expect(host.apply(patches)).rejects.toThrow(/H6/);
    expect(fake.cell(sheet, "H7")).toMatchObject({ value: "", format: "General" });
    expect(fake.cell(sheet, "H6")).toMatchObject({ value: 0.5, format: "0.00%" });
  });
});
