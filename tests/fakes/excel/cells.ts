/** Cell-level helpers shared by the fake's range objects. */
import type { Box, FakeSheet } from "./model";
import { FakeOfficeError, notImplemented } from "./proxy";

export interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

/** A protected sheet rejects changes to its locked cells (every cell unless marked unlocked). */
export function refuseIfProtected(t: RangeTarget): void {
  if (!t.sheet.protected) return;
  let locked = t.box.rows * t.box.cols > 100000;
  if (!locked)
    cells(t, (row, col) => {
      if (!t.sheet.cells.get(`${row},${col}`)?.unlocked) locked = true;
    });
  if (locked) {
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet."
    );
  }
}

export function cells(t: RangeTarget, fn: (row: number, col: number, r: number, c: number) => void): void {
  if (t.box.rows * t.box.cols > 100000) notImplemented("cell-by-cell work on more than 100,000 cells");
  for (let r = 0; r < t.box.rows; r++)
    for (let c = 0; c < t.box.cols; c++) fn(t.box.top + r, t.box.left + c, r, c);
}

export function grid<V>(t: RangeTarget, fn: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < t.box.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < t.box.cols; c++) line.push(fn(t.box.top + r, t.box.left + c));
    out.push(line);
  }
  return out;
}

export function checkShape(t: RangeTarget, value: unknown): unknown[][] {
  if (!Array.isArray(value) || !value.every((line) => Array.isArray(line))) {
    notImplemented("assigning a non-2D array to a range property");
  }
  const rows = value as unknown[][];
  if (rows.length !== t.box.rows || rows.some((line) => line.length !== t.box.cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
    );
  }
  return rows;
}
