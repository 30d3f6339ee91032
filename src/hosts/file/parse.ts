/** Reading a workbook for browser mode, as the Web Worker does it: every sheet's grid, with progress. */
import { readWorkbook } from "../xlsx/read";
import type { WorkbookData } from "./types";

/** Parses the whole package in one go, reporting (done, total) sheets. */
export function parseWorkbook(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void
): WorkbookData {
  return { sheets: readWorkbook(bytes, { onProgress }).sheets };
}
