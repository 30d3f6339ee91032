/**
 * The revert snapshot and highlight marks in the workbook's very hidden `__zpb_undo` sheet, in the format
 * the Excel host uses (hosts/store-format.ts), so that 撤销 works after reopening and across hosts.
 */
import { wpsText } from "../../i18n/wps";
import { HostError, type AppliedFix } from "../types";
import { decodeStore, encodePart, STORE_SHEET, type Mark, type Part, type StoreState } from "../store-format";
import type { EtWorkbook, EtWorksheet } from "./et";
import { VERY_HIDDEN } from "./et";
import { matrix, scalarOf, sameValue } from "./adapter";
import { optional } from "./app";

/** The store sheet, or null. `Item(name)` of a missing sheet throws on some builds, returns null on others. */
export function findStore(wb: EtWorkbook): EtWorksheet | null {
  const sheets = wb.Worksheets;
  const byName = optional(() => sheets.Item(STORE_SHEET));
  if (byName) return optional(() => String(byName.Name)) === STORE_SHEET ? byName : null;
  return null;
}

/** What the store holds (a missing or empty sheet: nothing). */
export function readStore(wb: EtWorkbook): StoreState {
  const sheet = findStore(wb);
  if (!sheet) return { exists: false, known: true, fix: null, marks: [] };
  const used = sheet.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const values = matrix(used.Value2, rows, cols).map((line) => line.map(scalarOf));
  return { exists: true, known: true, ...decodeStore(values, used.Row - 1, used.Column - 1) };
}

/**
 * Adds the store sheet very hidden at the end, and gives the user back the sheet they were on (adding a
 * sheet activates it; `Add` may return null, the new sheet then being the active one).
 */
function addStore(wb: EtWorkbook): EtWorksheet {
  if (optional(() => wb.ProtectStructure) === true)
    throw new HostError(wpsText.structureProtected, "protected");
  const before = wb.ActiveSheet;
  const sheets = wb.Worksheets;
  const last = sheets.Item(sheets.Count);
  const added = sheets.Add(null, last) ?? wb.ActiveSheet;
  if (!added) throw new HostError(wpsText.failed(STORE_SHEET), "failed");
  added.Name = STORE_SHEET;
  added.Visible = VERY_HIDDEN;
  before?.Activate();
  return added;
}

/** Replaces one part of the store (null clears it) and reads it back. */
export function writeStorePart(
  wb: EtWorkbook,
  store: StoreState,
  part: Part,
  data: AppliedFix | Mark[] | null
): void {
  const rows = encodePart(part, data);
  const existing = store.exists ? findStore(wb) : null;
  if (!existing && rows.length === 0) return;
  const sheet = existing ?? addStore(wb);
  const letter = part === "fix" ? "A" : "B";
  sheet.Range(`${letter}:${letter}`).ClearContents();
  if (rows.length === 0) return;
  const range = sheet.Range(`${letter}1:${letter}${rows.length}`);
  range.Value2 = rows.map((c) => [c]);
  const back = matrix(range.Value2, rows.length, 1);
  if (!rows.every((c, i) => sameValue(back[i][0], c)))
    throw new HostError(wpsText.failed(STORE_SHEET), "failed");
}
