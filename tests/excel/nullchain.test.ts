import { describe, expect, it } from "vitest";
import { createExcelHost, FILLS } from "../../src/hosts/excel";
import { FakeExcel } from "../fakes/excel";
import { openFixture, patch } from "./helpers";

/**
 * The host chains calls on null objects (the store sheet before the first fix, the used range of an
 * empty sheet). Should an Excel build refuse that, the host must still work, at the cost of a sync.
 */
describe("an Excel that refuses calls on null objects", () => {
  it("the fake refuses them at sync", async () => {
    const fake = FakeExcel.fromGrids([{ name: "S", top: 0, left: 0, values: [[1]], merges: [] }]);
    fake.model.nullChaining = "refuse";
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("无");
      ws.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("reads, applies, reverts and highlights all the same", async () => {
    const { fake, file } = await openFixture("single/2022-wujing-003.xlsx");
    fake.model.nullChaining = "refuse";
    const host = createExcelHost(fake.run);
    const grid = await host.readActiveSheet();
    expect(grid.values).toEqual(file[0].values.slice(0, grid.values.length));
    expect(fake.syncCount).toBe(2);
    fake.resetCounters();
    await host.readActiveSheet();
    expect(fake.syncCount).toBe(1);
    fake.resetCounters();
    const p = patch(grid, "H13", 1.5);
    await host.apply([p]);
    expect(fake.syncCount).toBe(1);
    expect(fake.cell(grid.name, "H13").value).toBe(1.5);
    const reopened = createExcelHost(fake.run);
    expect(await reopened.hasRevert()).toBe(true);
    await reopened.highlight(grid.name, [{ cell: "H13", severity: "warning" }]);
    expect(fake.cell(grid.name, "H13").fill).toBe(FILLS.warning);
    expect((await reopened.revertLast())?.patches).toEqual([p]);
    expect(fake.cell(grid.name, "H13").value).toBe(p.old);
    await reopened.clearHighlights(grid.name);
    expect(fake.cell(grid.name, "H13").fill).toBeNull();
    expect(await reopened.hasRevert()).toBe(false);
  });

  it("reads an empty sheet", async () => {
    const fake = FakeExcel.fromGrids([{ name: "空", top: 0, left: 0, values: [], merges: [] }]);
    fake.model.nullChaining = "refuse";
    const grid = await createExcelHost(fake.run).readActiveSheet();
    expect(grid.values).toEqual([]);
  });

  it("keeps the previous fix when a later fix is undone, without having read the store's content", async () => {
    const { fake } = await openFixture("single/2022-wujing-003.xlsx");
    fake.model.nullChaining = "refuse";
    const first = createExcelHost(fake.run);
    const grid = await first.readActiveSheet();
    const fix = await first.apply([patch(grid, "H13", 1.5)]);
    const host = first; // it stopped chaining on null objects: its reads no longer load the store's content
    const again = await host.readActiveSheet();
    fake.edit(grid.name, "H14", { value: 0.5 });
    const error = await host.apply([patch(again, "H14", 2)]).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "failed" });
    expect(fake.cell(grid.name, "H14").value).toBe(0.5);
    expect(await host.revertLast()).toEqual(fix);
  });
});
