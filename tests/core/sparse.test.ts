/** A sparse grid (rows without cells are holes): the engine reads the cells that exist, not the rectangle. */
import { describe, expect, it } from "vitest";
import { analyzeSheet, type Grid, type Scalar } from "../../src/core";
import { gridEnd, presentRows, rowsBetween } from "../../src/core/grid";
import { loadGrids } from "./variants";

/** The grid with one stray value at XFD1048576, the rows between left as holes. */
function withStray(grid: Grid): Grid {
  const values: Scalar[][] = grid.values.slice();
  const far: Scalar[] = [];
  far[16383] = "备注";
  values[1048575 - grid.top] = far;
  return { ...grid, values };
}

describe("sparse grids", () => {
  const forms = [
    ...loadGrids("single/2022-wujing-001.xlsx"),
    ...loadGrids("single/2023-taopu-003.xlsx"),
    ...loadGrids("outside/yunnan-yongde-mingliang-2022.xlsx"),
  ];

  it("lists the rows that exist and the rows in a span, without visiting the holes", () => {
    const g = withStray(forms[0]);
    const rows = presentRows(g);
    expect(rows[rows.length - 1]).toBe(1048575);
    expect(rows.length).toBe(forms[0].values.length + 1);
    expect(rowsBetween(g, 1000, 1048576)).toEqual([1048575]);
    expect(gridEnd(g)).toEqual({ row: 1048576, col: 16384 });
  });

  for (const g of forms) {
    it(`${g.name}: a stray value at XFD1048576 changes nothing of the form`, () => {
      const plain = analyzeSheet(g);
      const stray = analyzeSheet(withStray(g));
      expect(stray).toEqual(plain);
    });
  }
});
