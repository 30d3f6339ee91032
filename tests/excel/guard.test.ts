import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import { createExcelHost, STORE_SHEET } from "../../src/hosts/excel";
import { HostError } from "../../src/hosts/types";
import { FakeExcel } from "../fakes/excel";
import { openFixture, patch } from "./helpers";

async function readForm() {
  const { fake } = await openFixture("single/2023-taopu-029.xlsx");
  const host = createExcelHost(fake.run);
  const grid = await host.readActiveSheet();
  return { fake, host, grid, sheet: grid.name };
}

const patches = (grid: Grid) => [patch(grid, "H13", 6.5), patch(grid, "I14", "请补充偏差原因", "reason")];

async function rejection(p: Promise<unknown>): Promise<HostError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

function expectUntouched(fake: FakeExcel, sheet: string): void {
  expect(fake.cell(sheet, "H13").value).toBe(7);
  expect(fake.cell(sheet, "I14").value).toBe("");
}

describe("a protected sheet", () => {
  it("is refused before any write when the read saw it protected, and never unprotected", async () => {
    const { fake } = await openFixture("single/2023-taopu-029.xlsx");
    const sheet = fake.activeSheet;
    fake.sheet(sheet).protected = true;
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    fake.resetCounters();
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("protected");
    expect(error.message).toContain("H13、I14");
    expect(error.message).toContain(sheet);
    expect(fake.syncCount).toBe(0);
    expectUntouched(fake, sheet);
    expect(fake.sheet(sheet).protected).toBe(true);
    expect(fake.sheet(sheet).unprotectCalls).toBe(0);
    expect(fake.model.sheet(STORE_SHEET)).toBeUndefined();
  });

  it("is refused with nothing written when it was protected after the read", async () => {
    const { fake, host, grid, sheet } = await readForm();
    fake.sheet(sheet).protected = true;
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("protected");
    expect(error.message).toContain("H13、I14");
    expectUntouched(fake, sheet);
    expect(fake.sheet(sheet).unprotectCalls).toBe(0);
    expect(await host.hasRevert()).toBe(false);
  });

  it("with some cells unlocked: the cells already written are put back", async () => {
    const { fake, host, grid, sheet } = await readForm();
    fake.sheet(sheet).protected = true;
    fake.edit(sheet, "H13", { unlocked: true });
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("protected");
    expectUntouched(fake, sheet);
    expect(await host.hasRevert()).toBe(false);
  });

  it("is refused by a host that did not read it (verifying sync)", async () => {
    const { fake, grid, sheet } = await readForm();
    fake.sheet(sheet).protected = true;
    const error = await rejection(createExcelHost(fake.run).apply(patches(grid)));
    expect(error.reason).toBe("protected");
    expectUntouched(fake, sheet);
  });
});

describe("cells changed since the check", () => {
  it("never overwrites a formula in a target cell (seen at read)", async () => {
    const fake = FakeExcel.fromGrids([
      { name: "S", top: 0, left: 0, values: [[3, 4, 7]], formulas: [[null, null, "=A1+B1"]], merges: [] },
    ]);
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    const error = await rejection(host.apply([patch(grid, "A1", 5), patch(grid, "C1", 9)]));
    expect(error.reason).toBe("failed");
    expect(error.message).toContain("C1");
    expect(fake.cell("S", "C1").formula).toBe("=A1+B1");
    expect(fake.cell("S", "A1").value).toBe(3);
  });

  it("never overwrites a formula typed after the read, and writes nothing", async () => {
    const { fake, host, grid, sheet } = await readForm();
    fake.edit(sheet, "I14", { formula: "=G14-H14", value: 0 });
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("failed");
    expect(error.message).toContain("I14");
    expect(fake.cell(sheet, "I14").formula).toBe("=G14-H14");
    expect(fake.cell(sheet, "H13").value).toBe(7);
    expect(await host.hasRevert()).toBe(false);
  });

  it("keeps a value the user typed after the read, writes nothing, and keeps the previous fix", async () => {
    const { fake, host, grid, sheet } = await readForm();
    const first = await host.apply([patch(grid, "H15", 6)]);
    fake.edit(sheet, "H13", { value: 6 });
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("failed");
    expect(error.message).toContain("H13");
    expect(error.message).not.toContain("I14");
    expect(fake.cell(sheet, "H13").value).toBe(6);
    expect(fake.cell(sheet, "I14").value).toBe("");
    expect(await createExcelHost(fake.run).revertLast()).toEqual(first);
    expect(fake.cell(sheet, "H15").value).toBe(5);
  });

  it("refuses patches made from an older read than the last apply", async () => {
    const { fake, host, grid, sheet } = await readForm();
    await host.apply([patch(grid, "H13", 6.5)]);
    fake.resetCounters();
    const error = await rejection(host.apply([patch(grid, "H13", 6)]));
    expect(error.reason).toBe("failed");
    expect(fake.syncCount).toBe(0);
    expect(fake.cell(sheet, "H13").value).toBe(6.5);
  });

  it("reports a sheet renamed since the read", async () => {
    const { fake, host, grid, sheet } = await readForm();
    fake.sheet(sheet).name = "改名";
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("no-sheet");
    expect(fake.cell("改名", "H13").value).toBe(7);
  });
});

describe("a protected workbook structure", () => {
  it("refuses the first fix (the store sheet cannot be added) and writes nothing", async () => {
    const { fake, host, grid, sheet } = await readForm();
    fake.model.structureProtected = true;
    const error = await rejection(host.apply(patches(grid)));
    expect(error.reason).toBe("protected");
    expect(error.message).toContain("工作簿");
    expectUntouched(fake, sheet);
  });
});
