/** A protected sheet whose 得分 and 偏差原因 cells are unlocked (a common template): write those, refuse the rest. */
import { describe, expect, it } from "vitest";
import { createExcelHost } from "../../src/hosts/excel";
import { HostError } from "../../src/hosts/types";
import { openFixture, patch } from "./helpers";

const FORM = "single/2023-taopu-029.xlsx";

/** The form, protected, with H13 (得分) and I14 (偏差原因) unlocked; H40-ish cells stay locked. */
async function protectedForm() {
  const { fake } = await openFixture(FORM);
  const sheet = fake.model.sheets[fake.model.active];
  sheet.protected = true;
  fake.edit(sheet.name, "H13", { unlocked: true });
  fake.edit(sheet.name, "I14", { unlocked: true });
  const host = createExcelHost(fake.run);
  return { fake, host, sheet };
}

describe("a protected sheet with unlocked cells", () => {
  it("reads the locked flags with the form in one sync, writes the unlocked cells and names the locked one", async () => {
    const { fake, host, sheet } = await protectedForm();
    const grid = await host.readActiveSheet();
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    const patches = [
      patch(grid, "H13", 6.5),
      patch(grid, "I14", "请补充偏差原因", "reason"),
      patch(grid, "I7", 0),
    ];
    const fix = await host.apply(patches);
    expect(fake.syncCount).toBe(1);
    expect(fix.patches.map((p) => p.cell)).toEqual(["H13", "I14"]);
    expect(fix.refused?.map((p) => p.cell)).toEqual(["I7"]);
    expect(fake.cell(sheet.name, "H13").value).toBe(6.5);
    expect(fake.cell(sheet.name, "I14").value).toBe("请补充偏差原因");
    expect(fake.cell(sheet.name, "I7").value).toBe("-");
    expect(sheet.unprotectCalls).toBe(0);

    // 撤销 restores what was written; the store never held the refused cell.
    const reverted = await host.revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["H13", "I14"]);
    expect(fake.cell(sheet.name, "H13").value).toBe(7);
    expect(fake.cell(sheet.name, "I14").value).toBe("");
  });

  it("refuses the whole fix, naming the cells, when every target cell is locked", async () => {
    const { fake, host, sheet } = await protectedForm();
    const grid = await host.readActiveSheet();
    const error = await host.apply([patch(grid, "I7", 0), patch(grid, "H12", 1)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).reason).toBe("protected");
    expect((error as HostError).message).toContain("I7");
    expect((error as HostError).message).toContain("H12");
    expect(fake.cell(sheet.name, "I7").value).toBe("-");
  });

  it("checks the locked flags itself (one more sync) when the patches do not come from its own read", async () => {
    const { fake, sheet } = await protectedForm();
    const reader = createExcelHost(fake.run);
    const grid = await reader.readActiveSheet();
    const writer = createExcelHost(fake.run);
    fake.resetCounters();
    const fix = await writer.apply([patch(grid, "H13", 6.5), patch(grid, "I7", 0)]);
    expect(fake.syncCount).toBe(2);
    expect(fix.refused?.map((p) => p.cell)).toEqual(["I7"]);
    expect(fake.cell(sheet.name, "H13").value).toBe(6.5);
  });
});
