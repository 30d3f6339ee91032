/**
 * A host-neutral snapshot of one worksheet: what every host (Excel, WPS, an .xlsx file) reads in one
 * round trip and what the core reads forms from. Coordinates are 0-based and absolute (A1 = row 0, col 0).
 */

/** What a cell holds, as the host reports it: a number, a string, a boolean, or null when empty. */
export type Scalar = string | number | boolean | null;

/** A merged area, 0-based absolute, both ends inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet's used range. */
export interface Grid {
  /** The sheet's name, for messages and patches. */
  name: string;
  /** Absolute 0-based row and column of `values[0][0]`. */
  top: number;
  left: number;
  /**
   * Cell values, row-major. Empty cells are null, "" or holes: a grid may be sparse (a row without cells is
   * a hole, a row may have holes), so that memory grows with the cells that exist. Dates are serial numbers.
   */
  values: Scalar[][];
  /** Formula text ("=SUM(H13:H30)") where the cell holds one, else null. Omitted when unknown. */
  formulas?: (string | null)[][];
  /** Number-format code ("0.00%", "General") per cell; null or missing means General. */
  formats?: (string | null)[][];
  /** Merged areas that intersect the used range. */
  merges: Merge[];
}

/** One cell as read from a grid. */
export interface CellInfo {
  value: Scalar;
  formula: string | null;
  format: string | null;
}

const EMPTY: CellInfo = { value: null, formula: null, format: null };

/** The cell at an absolute 0-based position; empty when outside the used range. */
export function cellAt(grid: Grid, row: number, col: number): CellInfo {
  const r = row - grid.top;
  const c = col - grid.left;
  const line = grid.values[r];
  if (r < 0 || c < 0 || line === undefined || c >= line.length) return EMPTY;
  const value = line[c] ?? null;
  const formula = grid.formulas?.[r]?.[c] ?? null;
  const format = grid.formats?.[r]?.[c] ?? null;
  return { value: value === "" ? null : value, formula: formula || null, format: format || null };
}

const PRESENT = new WeakMap<Scalar[][], number[]>();

/**
 * The absolute rows that exist in the grid, top to bottom: a sparse grid's rows are listed without
 * visiting its holes (a stray cell at row 1,048,576 costs one entry, not a million steps).
 */
export function presentRows(grid: Grid): number[] {
  let rows = PRESENT.get(grid.values);
  if (!rows) {
    rows = Object.keys(grid.values)
      .map(Number)
      .filter((i) => Number.isInteger(i) && grid.values[i] !== undefined)
      .map((i) => grid.top + i);
    PRESENT.set(grid.values, rows);
  }
  return rows;
}

/** The present rows r with from ≤ r < to. */
export function rowsBetween(grid: Grid, from: number, to: number): number[] {
  const rows = presentRows(grid);
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < rows.length && rows[i] < to; i++) out.push(rows[i]);
  return out;
}

/** The column (exclusive, absolute) after a row's last cell: how far a scan along the row need go. */
export function rowEnd(grid: Grid, row: number): number {
  return grid.left + (grid.values[row - grid.top]?.length ?? 0);
}

/** Last absolute row (exclusive) and column (exclusive) covered by the grid. */
export function gridEnd(grid: Grid): { row: number; col: number } {
  let cols = 0;
  for (const r of presentRows(grid)) {
    const line = grid.values[r - grid.top];
    if (line.length > cols) cols = line.length;
  }
  return { row: grid.top + grid.values.length, col: grid.left + cols };
}

/** Builds a grid from rows of values starting at A1 (a test and fixture helper). */
export function gridFromRows(name: string, rows: Scalar[][], merges: Merge[] = []): Grid {
  return { name, top: 0, left: 0, values: rows, merges };
}
