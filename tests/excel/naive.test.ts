import { describe, expect, it } from "vitest";
import { cellAt } from "../../src/core/grid";
import { createExcelHost } from "../../src/hosts/excel";
import { naiveApply, naiveReadActiveSheet } from "../fakes/excel/naive";
import { openFixture, patch } from "./helpers";

describe("the naive cell-by-cell baseline (for the benchmark)", () => {
  it("reads the same cells as the host with one sync per cell, and writes with two per cell", async () => {
    const { fake } = await openFixture("single/2023-taopu-029.xlsx");
    const grid = await createExcelHost(fake.run).readActiveSheet();
    fake.resetCounters();
    const naive = await naiveReadActiveSheet(fake.run);
    const cells = grid.values.length * grid.values[0].length;
    expect(fake.syncCount).toBe(cells + 2);
    expect(cellAt(naive, 12, 7)).toEqual(cellAt(grid, 12, 7));
    expect(naive.values).toEqual(grid.values);
    fake.resetCounters();
    expect(
      await naiveApply(fake.run, [patch(grid, "H13", 6.5), patch(grid, "I14", "请补充", "reason")])
    ).toBe(2);
    expect(fake.syncCount).toBe(4);
    expect(fake.cell(grid.name, "I14").value).toBe("请补充");
  });
});
