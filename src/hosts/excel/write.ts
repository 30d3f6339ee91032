/// <reference types="office-js" />
/**
 * The guarded write shared by apply and revert: one batch that (1) resolves every target sheet, (2) loads
 * what the target cells hold right now, (3) writes the cells, in vertical runs, and the store before or
 * after them. Excel runs a batch in order, so the loads of (2) see the cells before (3); the caller compares them
 * with what it expected and undoes the batch when the user edited a cell in the meantime.
 *
 * The snapshot is a write-ahead log. apply stores the fix BEFORE the cells: should the batch stop anywhere
 * (a protected sheet, a lost connection, the pane closed), every cell that was written is already in the
 * snapshot, so 撤销 can put it back — and a cell in the snapshot that was not written still holds its old
 * value, which revert leaves as it is. revert clears the snapshot AFTER the cells, for the same reason.
 * Nothing is written before the loads: a write that fails cannot have replaced a cell whose content the
 * batch never saw (the loads of a failed sync are lost).
 */
import type { Scalar } from "../../core/grid";
import type { Patch } from "../../core/types";
import { formulaOf, toInput, toScalar } from "./office";

/** One cell to write: `value` goes in, `expect` is what the cell must hold now for the write to be safe. */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  value: Scalar;
  expect: Scalar;
  /** A number format set with the value (a rate taking its neighbour's "0.00%"; revert: the old one). */
  format?: string;
  /** With `format`: the format the cell has now, put back with `expect` when the write is undone. */
  prior?: string;
}

/** The cell writes of a patch (apply), or of putting its old value back (revert): formats included. */
export function writesOf(p: Patch, revert: boolean): CellWrite {
  const base = { sheet: p.sheet, row: p.row, col: p.col, cell: p.cell };
  if (p.numberFormat === undefined)
    return revert ? { ...base, value: p.old, expect: p.value } : { ...base, value: p.value, expect: p.old };
  const old = p.oldFormat ?? "General";
  return revert
    ? { ...base, value: p.old, expect: p.value, format: old, prior: p.numberFormat }
    : { ...base, value: p.value, expect: p.old, format: p.numberFormat, prior: old };
}

/** What a cell held, as loaded. */
export interface Found {
  value: Scalar;
  formula: string | null;
}

interface CellRun {
  sheet: string;
  row: number;
  col: number;
  writes: CellWrite[];
}

/** Above this many estimated request bytes the writes continue in a further sync (5 MB limit). */
export const WRITE_BYTES = 3 * 1024 * 1024;

/** Vertical runs of consecutive cells of one column of one sheet: one range per run. */
export function runsOf(writes: CellWrite[]): CellRun[] {
  const sorted = [...writes].sort((a, b) =>
    a.sheet === b.sheet ? (a.col === b.col ? a.row - b.row : a.col - b.col) : a.sheet < b.sheet ? -1 : 1
  );
  const runs: CellRun[] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === w.sheet && last.col === w.col && last.row + last.writes.length === w.row) {
      last.writes.push(w);
    } else runs.push({ sheet: w.sheet, row: w.row, col: w.col, writes: [w] });
  }
  return runs;
}

/** Cells by sheet, in order, for messages. */
export function bySheet(writes: readonly CellWrite[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const w of writes) groups.set(w.sheet, [...(groups.get(w.sheet) ?? []), w.cell]);
  return groups;
}

/** What a one-cell load answered (`values` and `formulas` entries of the same cell). */
export function foundOf(value: unknown, formula: unknown): Found {
  return { value: toScalar(value), formula: formulaOf(formula, value) };
}

/** Whether a loaded cell still holds what a write expects (never a formula). */
export function holds(found: Found | undefined, expect: Scalar): boolean {
  if (!found || found.formula !== null) return false;
  const a = found.value === "" ? null : found.value;
  const b = expect === "" ? null : expect;
  return a === b;
}

/**
 * Queues and syncs the guarded write (one sync unless the writes exceed WRITE_BYTES). Returns what each
 * cell held before the batch. Throws the Office error when Excel rejects the batch (protected sheet,
 * missing sheet, …): the caller diagnoses and rolls back.
 */
export async function guardedWrite(
  context: Excel.RequestContext,
  writes: CellWrite[],
  writeStore: () => void,
  store: "before" | "after"
): Promise<Map<CellWrite, Found>> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const w of writes) {
    if (!sheets.has(w.sheet)) sheets.set(w.sheet, context.workbook.worksheets.getItem(w.sheet).load("name"));
  }
  const runs = runsOf(writes).map((run) => {
    const range = sheets.get(run.sheet)!.getRangeByIndexes(run.row, run.col, run.writes.length, 1);
    return { run, range: range.load("values, formulas") };
  });
  if (store === "before") writeStore();
  let bytes = 0;
  for (const { run, range } of runs) {
    const rows = run.writes.map((w) => [toInput(w.value)]);
    bytes += JSON.stringify(rows).length * 3 + 100;
    if (bytes > WRITE_BYTES) {
      await context.sync();
      bytes = 0;
    }
    range.values = rows;
    // A format goes with its value, in the same batch (one cell's range: its neighbours keep theirs).
    for (const w of run.writes) {
      if (w.format === undefined) continue;
      sheets.get(w.sheet)!.getRangeByIndexes(w.row, w.col, 1, 1).numberFormat = [[w.format]];
    }
  }
  if (store === "after") writeStore();
  await context.sync();
  const found = new Map<CellWrite, Found>();
  for (const { run, range } of runs) {
    run.writes.forEach((w, i) => found.set(w, foundOf(range.values[i]?.[0], range.formulas[i]?.[0])));
  }
  return found;
}

/** Queues putting cells back to what they held (formulas as formulas). */
export function queueRestore(
  context: Excel.RequestContext,
  cells: { write: CellWrite; found: Found }[]
): void {
  for (const { write, found } of cells) {
    const range = context.workbook.worksheets
      .getItem(write.sheet)
      .getRangeByIndexes(write.row, write.col, 1, 1);
    if (found.formula !== null) range.formulas = [[found.formula]];
    else range.values = [[toInput(found.value)]];
    if (write.format !== undefined && write.prior !== undefined) range.numberFormat = [[write.prior]];
  }
}
