/**
 * Reading a workbook for browser mode, as the Web Worker does it: every sheet's grid, with progress, and
 * when asked every sheet's analysis (so that the pane need not analyze a large workbook on its thread).
 */
import { analyzeSheet, type AnalyzeOptions } from "../../core/index";
import { readWorkbook } from "../xlsx/read";
import type { WorkbookData, WorkbookSheet } from "./types";

/** The sheet with the core's analysis added when `analyze` is given. */
export function analyzed(sheet: WorkbookSheet, analyze?: AnalyzeOptions): WorkbookSheet {
  return analyze ? { ...sheet, analysis: analyzeSheet(sheet.grid, analyze) } : sheet;
}

/** Parses the whole package in one go, reporting (done, total) sheets; analyzes them when asked. */
export function parseWorkbook(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  analyze?: AnalyzeOptions
): WorkbookData {
  return { sheets: readWorkbook(bytes, { onProgress }).sheets.map((s) => analyzed(s, analyze)) };
}
