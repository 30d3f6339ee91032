/** Layout variants of real forms, as users make them: shifted, renamed headers, unmerged, extra blanks. */
import { readFileSync } from "node:fs";
import type { Grid, Merge, Scalar } from "../../src/core/grid";
import { readWorkbook } from "../../src/hosts/xlsx";

const FORMS = new URL("../fixtures/forms/", import.meta.url);

/** Every sheet of a fixture workbook as a Grid. */
export function loadGrids(file: string): Grid[] {
  return readWorkbook(new Uint8Array(readFileSync(new URL(file, FORMS)))).sheets.map((s) => s.grid);
}

/** A dense copy of the grid starting at A1, so transforms can index absolute cells. */
export function dense(grid: Grid): {
  values: Scalar[][];
  formats: (string | null)[][];
  formulas: (string | null)[][];
} {
  const rows = grid.top + grid.values.length;
  const cols = grid.left + Math.max(0, ...grid.values.map((r) => r.length));
  const values: Scalar[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push([]);
    formats.push([]);
    formulas.push([]);
    for (let c = 0; c < cols; c++) {
      const rr = r - grid.top;
      const cc = c - grid.left;
      values[r].push(rr >= 0 && cc >= 0 ? (grid.values[rr]?.[cc] ?? null) : null);
      formats[r].push(rr >= 0 && cc >= 0 ? (grid.formats?.[rr]?.[cc] ?? null) : null);
      formulas[r].push(rr >= 0 && cc >= 0 ? (grid.formulas?.[rr]?.[cc] ?? null) : null);
    }
  }
  return { values, formats, formulas };
}

function fromDense(name: string, d: ReturnType<typeof dense>, merges: Merge[]): Grid {
  return { name, top: 0, left: 0, values: d.values, formats: d.formats, formulas: d.formulas, merges };
}

/** Inserts `n` blank rows before absolute row `at` and `m` blank columns before column `col`. */
export function insertBlank(grid: Grid, at: number, n: number, col: number, m: number): Grid {
  const d = dense(grid);
  const width = (d.values[0]?.length ?? 0) + m;
  for (const key of ["values", "formats", "formulas"] as const) {
    const rows = d[key] as (Scalar | string | null)[][];
    for (const row of rows) row.splice(col, 0, ...Array(m).fill(null));
    rows.splice(at, 0, ...Array.from({ length: n }, () => Array(width).fill(null)));
  }
  const shiftR = (r: number) => (r >= at ? r + n : r);
  const shiftC = (c: number) => (c >= col ? c + m : c);
  const merges = grid.merges.map((g) => ({
    top: shiftR(g.top),
    bottom: shiftR(g.bottom),
    left: shiftC(g.left),
    right: shiftC(g.right),
  }));
  return fromDense(grid.name, d, merges);
}

/** Moves the whole form down and right (the form starting anywhere on the sheet). */
export function shift(grid: Grid, dr: number, dc: number): Grid {
  return insertBlank(grid, 0, dr, 0, dc);
}

/** Rewrites texts (header renames, line breaks in headers). */
export function mapTexts(grid: Grid, fn: (s: string) => string): Grid {
  return { ...grid, values: grid.values.map((row) => row.map((v) => (typeof v === "string" ? fn(v) : v))) };
}

/** Removes merges matching `pick`; with `fill`, copies the master value into every cell (labels repeated). */
export function unmerge(grid: Grid, pick: (m: Merge) => boolean, fill: boolean): Grid {
  const d = dense(grid);
  const merges: Merge[] = [];
  for (const m of grid.merges) {
    if (!pick(m)) {
      merges.push(m);
      continue;
    }
    if (fill)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) d.values[r][c] = d.values[m.top][m.left];
  }
  return fromDense(grid.name, d, merges);
}
