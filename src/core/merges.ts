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

/**
 * Indexes the grid's merges by row, lazily: the merges covering a row are found when that row is first
 * asked about, sorted by column for a binary search. Work grows with the rows the engine reads and the
 * merges that exist, never with the cells the merges cover (20,000 merged areas of 5,000 cells each cost
 * 20,000 entries, not 100 million).
 */
export function indexMerges(grid: Grid): MergeIndex {
  // A whole-column merge (over 5,000 cells) says nothing useful about a form.
  // Merges bucketed by blocks of 64 rows, so a row's merges are found among its block's, not all of them.
  const blocks = new Map<number, Merge[]>();
  for (const m of grid.merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 5000) continue;
    for (let b = m.top >> 6; b <= m.bottom >> 6; b++) {
      const list = blocks.get(b);
      if (list) list.push(m);
      else blocks.set(b, [m]);
    }
  }
  const byRow = new Map<number, Merge[]>();
  const covering = (row: number): Merge[] => {
    let list = byRow.get(row);
    if (!list) {
      list = (blocks.get(row >> 6) ?? [])
        .filter((m) => m.top <= row && row <= m.bottom)
        .sort((x, y) => x.left - y.left);
      byRow.set(row, list);
    }
    return list;
  };
  return {
    at(row, col) {
      const list = covering(row);
      let lo = 0;
      let hi = list.length - 1;
      let found: Merge | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].left <= col) {
          found = list[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found && col <= found.right ? found : undefined;
    },
  };
}
