/** The sheet preview's table model: the grid with merges as rowSpan/colSpan, A1 letters and numbers. */
import { a1, columnName } from "../core/address";
import { gridEnd, type Grid, type Scalar } from "../core/grid";

export interface PreviewCell {
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface PreviewModel {
  /** Column letters, left to right. */
  columns: string[];
  rows: { number: number; cells: PreviewCell[] }[];
  /** Address of a cell hidden under a merge → the merge's top-left address. */
  anchors: Map<string, string>;
  /** Whether rows or columns were left out to keep the page light. */
  truncated: boolean;
}

const MAX_ROWS = 300;
const MAX_COLS = 40;

/** Shows a value the way the sheet roughly prints it (percent formats, fixed decimals). */
export function cellText(value: Scalar, format: string | null | undefined): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const decimals = /0\.(0+)/.exec(format ?? "")?.[1].length;
  if (format?.includes("%")) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  if (decimals !== undefined) return value.toFixed(decimals);
  return String(Math.round(value * 1e10) / 1e10);
}

/** Builds the preview table from A1 to the end of the used range (capped). */
export function previewModel(grid: Grid): PreviewModel {
  const end = gridEnd(grid);
  const lastRow = Math.min(end.row, MAX_ROWS);
  const lastCol = Math.min(end.col, MAX_COLS);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const anchors = new Map<string, string>();
  for (const m of grid.merges) {
    const top = a1(m.top, m.left);
    spans.set(top, {
      rowSpan: Math.min(m.bottom, lastRow - 1) - m.top + 1,
      colSpan: Math.min(m.right, lastCol - 1) - m.left + 1,
    });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) anchors.set(a1(r, c), top);
  }
  const columns = Array.from({ length: lastCol }, (_, c) => columnName(c));
  const rows: PreviewModel["rows"] = [];
  for (let r = 0; r < lastRow; r++) {
    const cells: PreviewCell[] = [];
    for (let c = 0; c < lastCol; c++) {
      const address = a1(r, c);
      if (anchors.has(address)) continue;
      const span = spans.get(address) ?? { rowSpan: 1, colSpan: 1 };
      const line = grid.values[r - grid.top];
      const value = line?.[c - grid.left] ?? null;
      const format = grid.formats?.[r - grid.top]?.[c - grid.left];
      cells.push({ address, text: cellText(value, format), ...span });
    }
    rows.push({ number: r + 1, cells });
  }
  return { columns, rows, anchors, truncated: end.row > lastRow || end.col > lastCol };
}
