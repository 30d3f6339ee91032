/**
 * Every real form through the fake ET model under every open reading of wps.md §6: the WPS host reads the
 * same findings as the xlsx host from the same workbook, and a fix then a revert restores every cell.
 */
import { describe, expect, it } from "vitest";
import { cellAt, gridEnd, type Grid } from "../../src/core/grid";
import { STORE_SHEET } from "../../src/hosts/store-format";
import { READING_SWITCHES, sheetGrid } from "../fakes/wps/index";
import { fixtureGrids, openInWps, patchesOf, verdict, WORKBOOKS } from "./helpers";

const SWITCHES = Object.entries(READING_SWITCHES);

describe.each(SWITCHES)("WPS host under the reading %s", (_name, readings) => {
  it.each(WORKBOOKS)("reads %s with the xlsx host's findings and patches, sheet by sheet", async (path) => {
    const { grids } = fixtureGrids(path);
    const { fake, host } = openInWps(path, readings);
    const all = await host.readAllSheets();
    expect(all.map((g) => g.name)).toEqual(grids.map((g) => g.name));
    const sorted = (g: Grid) => [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    all.forEach((grid, i) => {
      expect(verdict(grid)).toEqual(verdict(grids[i]));
      expect(sorted(grid)).toEqual(sorted(grids[i]));
    });
    // The active sheet reads the same as in the whole-workbook run.
    fake.activate(grids[grids.length - 1].name);
    expect(verdict(await host.readActiveSheet())).toEqual(verdict(grids[grids.length - 1]));
  });

  it.each(WORKBOOKS)("fixes every form of %s, then reverts every cell", async (path) => {
    const { grids } = fixtureGrids(path);
    const { fake, host } = openInWps(path, readings);
    const before = fake.book.sheets.map((s) => sheetGrid(s));
    let written = 0;
    for (const g of grids) {
      fake.activate(g.name);
      const grid = await host.readActiveSheet();
      const patches = patchesOf(grid);
      if (patches.length === 0) continue;
      const fix = await host.apply(patches);
      for (const p of fix.patches) expect(fake.value(g.name, p.cell)).toBe(p.value);
      // Re-read: nothing left to write.
      expect(patchesOf(await host.readActiveSheet())).toEqual([]);
      written += patches.length;
      const reverted = await host.revertLast();
      expect(reverted?.patches.length).toBe(patches.length);
    }
    expect(written).toBe(grids.reduce((n, g) => n + patchesOf(g).length, 0));
    const after = fake.book.sheets.filter((s) => s.name !== STORE_SHEET).map((s) => sheetGrid(s));
    expect(after.length).toBe(before.length);
    after.forEach((grid, i) => {
      const end = gridEnd(before[i]);
      const rows = Math.max(end.row, grid.values.length);
      const cols = Math.max(end.col, gridEnd(grid).col);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) expect(cellAt(grid, r, c)).toEqual(cellAt(before[i], r, c));
    });
    expect(await host.hasRevert()).toBe(false);
  });
});
