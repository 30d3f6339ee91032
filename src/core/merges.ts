/** Merged-area look-ups: which merge covers a cell, and its top-left (master) cell. */
import { cellAt, type CellInfo, type Grid, type Merge } from "./grid";

export interface MergeIndex {
  /** The merge covering the cell, if any. */
  at(row: number, col: number): Merge | undefined;
}

/** The cell as shown: a cell inside a merged area shows its master (top-left) cell. */
export function shownCell(grid: Grid, merges: MergeIndex, row: number, col: number): CellInfo {
  const m = merges.at(row, col);
  return m ? cellAt(grid, m.top, m.left) : cellAt(grid, row, col);
}

/** Indexes the grid's merges by cell (forms have a few dozen merges; areas are small). */
export function indexMerges(grid: Grid): MergeIndex {
  const byCell = new Map<number, Merge>();
  const width = 1 << 14; // Excel's 16,384 columns
  for (const m of grid.merges) {
    const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (cells > 5000) continue; // a whole-column merge says nothing useful about a form
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) byCell.set(r * width + c, m);
  }
  return { at: (row, col) => byCell.get(row * width + col) };
}
