/// <reference types="office-js" />
/**
 * The naive way to talk to Excel, for the benchmark's comparison: one sync per cell read and two per cell
 * written (check, then write). Same results as the Excel host, many more round trips.
 */
import type { Grid, Scalar } from "../../../src/core/grid";
import type { Patch } from "../../../src/core/types";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const scalar = (v: unknown): Scalar =>
  v === "" || v === null || v === undefined ? null : typeof v === "object" ? String(v) : (v as Scalar);

async function readSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string): Promise<Grid> {
  const used = sheet.getUsedRangeOrNullObject().load("rowIndex, columnIndex, rowCount, columnCount");
  await context.sync();
  if (used.isNullObject) return { name, top: 0, left: 0, values: [], merges: [] };
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 0; r < used.rowCount; r++) {
    values.push([]);
    formulas.push([]);
    formats.push([]);
    for (let c = 0; c < used.columnCount; c++) {
      const cell = sheet.getRangeByIndexes(used.rowIndex + r, used.columnIndex + c, 1, 1);
      cell.load("values, formulas, numberFormat");
      await context.sync();
      const f: unknown = cell.formulas[0][0];
      values[r].push(scalar(cell.values[0][0]));
      formulas[r].push(typeof f === "string" && f.startsWith("=") && f !== cell.values[0][0] ? f : null);
      const n: unknown = cell.numberFormat[0][0];
      formats[r].push(n === "General" ? null : String(n));
    }
  }
  return { name, top: used.rowIndex, left: used.columnIndex, values, formulas, formats, merges: [] };
}

/** Reads the active sheet cell by cell (merges not read: the naive way has no cheap call for them). */
export function naiveReadActiveSheet(run: typeof Excel.run): Promise<Grid> {
  return (run as unknown as Run)(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
    await context.sync();
    return readSheet(context, sheet, sheet.name);
  });
}

/** Reads every visible or hidden sheet cell by cell, one sheet after the other. */
export function naiveReadAllSheets(run: typeof Excel.run): Promise<Grid[]> {
  return (run as unknown as Run)(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name, items/visibility");
    await context.sync();
    const grids: Grid[] = [];
    for (const sheet of sheets.items) {
      if (sheet.visibility !== "VeryHidden") grids.push(await readSheet(context, sheet, sheet.name));
    }
    return grids;
  });
}

/** Writes patches one by one: load the sheet's protection and the cell, sync, write, sync. */
export function naiveApply(run: typeof Excel.run, patches: Patch[]): Promise<number> {
  return (run as unknown as Run)(async (context) => {
    let written = 0;
    for (const p of patches) {
      const sheet = context.workbook.worksheets.getItem(p.sheet);
      sheet.protection.load("protected");
      const cell = sheet.getRangeByIndexes(p.row, p.col, 1, 1).load("formulas");
      await context.sync();
      const f: unknown = cell.formulas[0][0];
      if (sheet.protection.protected || (typeof f === "string" && f.startsWith("="))) continue;
      cell.values = [[typeof p.value === "string" ? `'${p.value}` : p.value]];
      await context.sync();
      written++;
    }
    return written;
  });
}
