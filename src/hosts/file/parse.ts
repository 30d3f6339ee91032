/**
 * Reading a workbook for browser mode, as the Web Worker does it: every sheet's grid, with progress, and
 * when asked every sheet's analysis (so that the pane need not analyze a large workbook on its thread).
 */
import { analyzeSheet, type AnalyzeOptions } from "../../core/index";
import { readWorkbook } from "../xlsx/read";
import { readSpreadsheet, spreadsheetFormat } from "../legacy/index";
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

/**
 * Parses a spreadsheet of any format, by its content: an .xlsx at once (parseWorkbook), an .xls / .et /
 * .xlsb / .ods through the library reader, which is loaded (a chunk of its own) only then.
 */
export function parseAnyWorkbook(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  analyze?: AnalyzeOptions
): WorkbookData | Promise<WorkbookData> {
  if (spreadsheetFormat(bytes) === "xlsx") return parseWorkbook(bytes, onProgress, analyze);
  return readSpreadsheet(bytes, { onProgress }).then((book) => ({
    sheets: book.sheets.map((s) => analyzed(s, analyze)),
    format: book.format,
  }));
}
