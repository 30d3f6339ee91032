/**
 * Reading a worksheet into a Grid with a few bulk calls: UsedRange's Value2 and Formula once each; the
 * number formats and merged cells of the used range, asked of the whole range first and split in halves
 * (columns, then rows) only where the answer is "mixed" (null); MergeArea only for empty cells that are merged.
 * There is no API that lists merged areas.
 */
import type { Grid, Merge, Scalar } from "../../core/grid";
import { a1 } from "../../core/address";
import type { EtRange, EtWorksheet } from "./et";
import { formatOf, formulaOf, matrix, mergeState, parseArea, scalarOf } from "./adapter";

export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The A1 address of a box ("B2:D9", or "B2" for one cell). */
export function boxAddress(b: Box): string {
  const first = a1(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? first : `${first}:${a1(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

/**
 * Halves of a box: columns first, then rows (a form's columns hold one kind of content — labels, weights,
 * scores — so their formats and merges agree over long runs); null for one cell.
 */
function halves(b: Box): [Box, Box] | null {
  if (b.rows > 1 && b.cols === 1) {
    const h = Math.ceil(b.rows / 2);
    return [
      { ...b, rows: h },
      { ...b, top: b.top + h, rows: b.rows - h },
    ];
  }
  if (b.cols > 1) {
    const h = Math.ceil(b.cols / 2);
    return [
      { ...b, cols: h },
      { ...b, left: b.left + h, cols: b.cols - h },
    ];
  }
  return null;
}

/**
 * Asks `probe` for a whole box and splits it only where the answer is mixed (undefined). A single cell
 * that still answers "mixed" gets `fallback`.
 */
function scan<T>(
  box: Box,
  probe: (b: Box) => T | undefined,
  found: (b: Box, v: T) => void,
  fallback: T
): void {
  const answer = probe(box);
  if (answer !== undefined) return found(box, answer);
  const parts = halves(box);
  if (!parts) return found(box, fallback);
  for (const part of parts) scan(part, probe, found, fallback);
}

function usedBox(used: EtRange): Box {
  return { top: used.Row - 1, left: used.Column - 1, rows: used.Rows.Count, cols: used.Columns.Count };
}

/** The number formats of the box (row arrays of the box's shape; null for General). */
function readFormats(ws: EtWorksheet, box: Box, used: EtRange): (string | null)[][] {
  const out = Array.from({ length: box.rows }, () => new Array<string | null>(box.cols).fill(null));
  scan<string | null>(
    box,
    (b) => formatOf((b === box ? used : ws.Range(boxAddress(b))).NumberFormat),
    (b, format) => {
      if (format === null) return;
      for (let r = 0; r < b.rows; r++)
        for (let c = 0; c < b.cols; c++) out[b.top - box.top + r][b.left - box.left + c] = format;
    },
    null
  );
  return out;
}

/**
 * The merged areas that intersect the box. Every merged area holds an empty cell (only its top-left cell
 * keeps a value), so only empty cells are looked for: a box with no empty cell outside the known areas is
 * not asked; a single empty cell is asked its MergeArea directly (a one-cell area is no merge).
 */
function readMerges(
  ws: EtWorksheet,
  box: Box,
  used: EtRange,
  blank: (r: number, c: number) => boolean
): Merge[] {
  const merges: Merge[] = [];
  const coveredAt = (r: number, c: number) =>
    merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const open = (b: Box) => {
    for (let r = b.top; r < b.top + b.rows; r++)
      for (let c = b.left; c < b.left + b.cols; c++) if (blank(r, c) && !coveredAt(r, c)) return true;
    return false;
  };
  const areaAt = (r: number, c: number) => {
    if (!blank(r, c) || coveredAt(r, c)) return;
    const area = parseArea(ws.Range(a1(r, c)).MergeArea.Address(false, false));
    if (area && (area.bottom > area.top || area.right > area.left)) merges.push(area);
  };
  const walk = (b: Box): void => {
    if (!open(b)) return;
    if (b.rows * b.cols === 1) return areaAt(b.top, b.left);
    const state = mergeState((b === box ? used : ws.Range(boxAddress(b))).MergeCells);
    if (state === "none") return;
    if (state === "all") {
      for (let r = b.top; r < b.top + b.rows; r++)
        for (let c = b.left; c < b.left + b.cols; c++) areaAt(r, c);
      return;
    }
    for (const part of halves(b) ?? []) walk(part);
  };
  walk(box);
  return merges;
}

/**
 * Reads one worksheet. An empty sheet (its used range one empty cell) gives an empty Grid, as the other
 * hosts do.
 */
export function readSheet(ws: EtWorksheet): { grid: Grid; protected: boolean } {
  const name = String(ws.Name);
  const isProtected = Boolean(ws.ProtectContents);
  const used = ws.UsedRange;
  const box = usedBox(used);
  const rawValues = matrix(used.Value2, box.rows, box.cols);
  const rawFormulas = matrix(used.Formula, box.rows, box.cols);
  const values: Scalar[][] = rawValues.map((line) => line.map(scalarOf));
  const formulas = rawValues.map((line, r) => line.map((v, c) => formulaOf(rawFormulas[r][c], v)));
  const single = box.rows * box.cols === 1;
  if (single && values[0][0] === null && formulas[0][0] === null && mergeState(used.MergeCells) !== "all") {
    return {
      grid: { name, top: 0, left: 0, values: [], formulas: [], formats: [], merges: [] },
      protected: isProtected,
    };
  }
  const formats = readFormats(ws, box, used);
  const blank = (r: number, c: number) =>
    values[r - box.top][c - box.left] === null && formulas[r - box.top][c - box.left] === null;
  const merges = readMerges(ws, box, used, blank);
  return {
    grid: { name, top: box.top, left: box.left, values, formulas, formats, merges },
    protected: isProtected,
  };
}
