/**
 * Reading a workbook for browser mode, shared by the Web Worker and the in-page fallback: the sheets'
 * grids, and for each whether it holds a form (so that the pane need not analyze every sheet to pick the
 * first form on the main thread).
 */
import { analyzeSheet } from "../../core/index";
import type { Grid } from "../../core/grid";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookData } from "./types";

/** Whether the core finds a form on the sheet. */
export function holdsForm(grid: Grid): boolean {
  return analyzeSheet(grid).forms.length > 0;
}

/** Parses the whole package in one go, reporting (done, total) sheets. */
export function parseWorkbook(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void
): WorkbookData {
  const { sheets } = readWorkbook(bytes, { onProgress });
  return { sheets: sheets.map((s) => ({ ...s, form: holdsForm(s.grid) })) };
}
