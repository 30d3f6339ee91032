/**
 * Reads any spreadsheet people send, by its content: an .xlsx / .xlsm package with our own reader, the
 * other formats (.xls / .et, .xlsb, .ods) with the library reader, loaded only when one is opened.
 */
import { readWorkbook, type ReadOptions, type WorkbookSnapshot } from "../xlsx/read";
import { spreadsheetFormat, type SpreadsheetFormat } from "./detect";

export { spreadsheetFormat, LEGACY_EXTENSIONS } from "./detect";
export type { SpreadsheetFormat, LegacyFormat } from "./detect";

/** A workbook as read, and the format it was read from ("xlsx" for every OOXML package). */
export interface SpreadsheetSnapshot extends WorkbookSnapshot {
  format: SpreadsheetFormat;
}

/**
 * Reads a spreadsheet's worksheets into Grids whatever its format. Throws WorkbookError as readWorkbook
 * does; "not-a-workbook" always means the file is not a spreadsheet at all (a Word or PowerPoint file, a
 * PDF, text, an image, a plain zip).
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  options: ReadOptions = {}
): Promise<SpreadsheetSnapshot> {
  const format = spreadsheetFormat(bytes);
  if (format === "xlsx") return { ...readWorkbook(bytes, options), format };
  // The reader and its library are loaded only now: neither an .xlsx nor the pane's first load needs them.
  const { readLegacyWorkbook } = await import(/* webpackChunkName: "legacy-reader" */ "./read");
  return { ...(await readLegacyWorkbook(bytes, format, options)), format };
}
