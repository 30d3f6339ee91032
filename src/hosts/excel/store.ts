/// <reference types="office-js" />
/**
 * The revert snapshot and the highlight marks, kept IN THE DOCUMENT so they survive closing and reopening
 * the pane (and saving the workbook).
 *
 * Why a very hidden worksheet rather than `workbook.settings`: settings are private to one add-in id, so
 * the WPS host and the zpb command could never see a fix made in Excel, while a sheet is plain workbook
 * content every host can read; settings also share a ~2 MB cap with whatever else the add-in stores,
 * while a sheet takes any number of 30,000-character cells; and "VeryHidden" keeps it out of the sheet
 * tabs and of the 取消隐藏 dialog. Its cost — adding a sheet needs an unprotected workbook structure — is
 * checked and reported (HostError "protected").
 *
 * Layout: see ../store-format.ts (shared with the WPS host).
 */
import type { AppliedFix } from "../types";
import { encodePart, STORE_SHEET, type Mark, type Part } from "../store-format";

// The format is shared with the WPS host (hosts/store-format.ts): a fix made in one is reverted by the other.
export { STORE_SHEET, column, encodeChunks, isFix, isMarks, parse } from "../store-format";
export type { Mark, StoreState } from "../store-format";

/** The store sheet, added very hidden in this batch when it does not exist yet. */
export function storeSheet(context: Excel.RequestContext, exists: boolean): Excel.Worksheet {
  const sheets = context.workbook.worksheets;
  if (exists) return sheets.getItem(STORE_SHEET);
  const sheet = sheets.add(STORE_SHEET);
  sheet.visibility = "VeryHidden";
  return sheet;
}

/** Queues the replacement of one part of the store (null clears it). */
export function queueStoreWrite(sheet: Excel.Worksheet, part: Part, data: AppliedFix | Mark[] | null): void {
  const letter = part === "fix" ? "A" : "B";
  sheet.getRange(`${letter}:${letter}`).clear("Contents");
  const rows = encodePart(part, data).map((c) => [c]);
  if (rows.length === 0) return;
  sheet.getRange(`${letter}1:${letter}${rows.length}`).values = rows;
}
