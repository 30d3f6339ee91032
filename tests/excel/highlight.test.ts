import { describe, expect, it } from "vitest";
import { createExcelHost, FILLS, STORE_SHEET } from "../../src/hosts/excel";
import { HostError } from "../../src/hosts/types";
import { FakeExcel } from "../fakes/excel";

function workbook() {
  const fake = FakeExcel.fromGrids([
    { name: "表一", top: 0, left: 0, values: [[1, 2, 3, 4]], merges: [] },
    { name: "表二", top: 0, left: 0, values: [[5, 6]], merges: [] },
  ]);
  fake.edit("表一", "C1", { fill: "#00B050" });
  return fake;
}

describe("highlight and clearHighlights", () => {
  it("fills by severity, and clearing restores the previous fills", async () => {
    const fake = workbook();
    const host = createExcelHost(fake.run);
    await host.highlight("表一", [
      { cell: "A1", severity: "error" },
      { cell: "B1", severity: "warning" },
      { cell: "C1", severity: "info" },
    ]);
    expect(fake.syncCount).toBe(2);
    expect(["A1", "B1", "C1"].map((c) => fake.cell("表一", c).fill)).toEqual([
      FILLS.error,
      FILLS.warning,
      FILLS.info,
    ]);
    fake.resetCounters();
    await host.clearHighlights("表一");
    expect(fake.syncCount).toBe(2);
    expect(["A1", "B1", "C1"].map((c) => fake.cell("表一", c).fill)).toEqual([null, null, "#00B050"]);
  });

  it("leaves a fill the user changed since, and other sheets' highlights", async () => {
    const fake = workbook();
    const host = createExcelHost(fake.run);
    await host.highlight("表一", [
      { cell: "A1", severity: "error" },
      { cell: "B1", severity: "error" },
    ]);
    await host.highlight("表二", [{ cell: "A1", severity: "warning" }]);
    fake.edit("表一", "B1", { fill: "#FFFF00" });
    await createExcelHost(fake.run).clearHighlights("表一");
    expect(fake.cell("表一", "A1").fill).toBeNull();
    expect(fake.cell("表一", "B1").fill).toBe("#FFFF00");
    expect(fake.cell("表二", "A1").fill).toBe(FILLS.warning);
    await createExcelHost(fake.run).clearHighlights("表二");
    expect(fake.cell("表二", "A1").fill).toBeNull();
  });

  it("keeps the original fill when a cell is highlighted twice; the most severe wins", async () => {
    const fake = workbook();
    const host = createExcelHost(fake.run);
    await host.highlight("表一", [{ cell: "C1", severity: "info" }]);
    await host.highlight("表一", [
      { cell: "C1", severity: "warning" },
      { cell: "C1", severity: "error" },
    ]);
    expect(fake.cell("表一", "C1").fill).toBe(FILLS.error);
    await host.clearHighlights("表一");
    expect(fake.cell("表一", "C1").fill).toBe("#00B050");
  });

  it("replaces the sheet's highlights: cells no longer listed get their fill back (as in the file host)", async () => {
    const fake = workbook();
    const host = createExcelHost(fake.run);
    await host.highlight("表一", [
      { cell: "A1", severity: "error" },
      { cell: "C1", severity: "error" },
    ]);
    await host.highlight("表二", [{ cell: "A1", severity: "warning" }]);
    // A re-check after a fix: only C1 is still wrong.
    await createExcelHost(fake.run).highlight("表一", [{ cell: "C1", severity: "warning" }]);
    expect(["A1", "C1"].map((c) => fake.cell("表一", c).fill)).toEqual([null, FILLS.warning]);
    expect(fake.cell("表二", "A1").fill).toBe(FILLS.warning);
    // A clean sheet: nothing stays highlighted, and the original fill is back.
    await host.highlight("表一", []);
    expect(["A1", "C1"].map((c) => fake.cell("表一", c).fill)).toEqual([null, "#00B050"]);
    expect(fake.cell("表二", "A1").fill).toBe(FILLS.warning);
  });

  it("keeps marks and a fix side by side in the store", async () => {
    const fake = workbook();
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    await host.highlight("表一", [{ cell: "A1", severity: "error" }]);
    await host.apply([{ sheet: grid.name, row: 0, col: 0, cell: "A1", old: 1, value: 9, what: "score" }]);
    await host.clearHighlights("表一");
    expect(await host.hasRevert()).toBe(true);
    await host.revertLast();
    expect(fake.cell("表一", "A1")).toMatchObject({ value: 1, fill: null });
    expect(fake.sheet(STORE_SHEET).visibility).toBe("VeryHidden");
  });

  it("refuses a protected sheet without touching it", async () => {
    const fake = workbook();
    fake.sheet("表一").protected = true;
    const error = await createExcelHost(fake.run)
      .highlight("表一", [{ cell: "A1", severity: "error" }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).reason).toBe("protected");
    expect(fake.cell("表一", "A1").fill).toBeNull();
    expect(fake.sheet("表一").unprotectCalls).toBe(0);
  });

  it("refuses a protected workbook structure (no room for the marks) without filling any cell", async () => {
    const fake = workbook();
    fake.model.structureProtected = true;
    const error = await createExcelHost(fake.run)
      .highlight("表一", [{ cell: "A1", severity: "error" }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).reason).toBe("protected");
    expect((error as HostError).message).toContain("工作簿结构受保护");
    expect(fake.cell("表一", "A1").fill).toBeNull();
    expect(fake.model.sheet(STORE_SHEET)).toBeUndefined();
  });
});

describe("select", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = workbook();
    await createExcelHost(fake.run).select("表二", "B1");
    expect(fake.syncCount).toBe(1);
    expect(fake.activeSheet).toBe("表二");
    expect(fake.model.selection).toEqual({ sheet: "表二", box: { top: 0, left: 1, rows: 1, cols: 1 } });
  });

  it("reports a missing sheet", async () => {
    const error = await createExcelHost(workbook().run)
      .select("没有", "A1")
      .catch((e: unknown) => e);
    expect((error as HostError).reason).toBe("no-sheet");
  });
});
