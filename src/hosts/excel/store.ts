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
 * Layout: column A holds the AppliedFix, column B the marks, each as JSON cut into cells from row 2
 * (row 1 is a label). Every chunk starts with "|" so that Excel never reads a chunk as a number or date.
 */
import type { AppliedFix } from "../types";
import type { Scalar } from "../../core/grid";

export const STORE_SHEET = "__zpb_undo";
const CHUNK = 30000;
const COLUMNS = { fix: 0, marks: 1 } as const;
const LABELS = { fix: "zpb-undo-fix v1", marks: "zpb-marks v1" } as const;
type Part = keyof typeof COLUMNS;

/** One cell this add-in filled, and the fill it had before (null: no fill). */
export interface Mark {
  sheet: string;
  cell: string;
  color: string;
  prev: string | null;
}

export interface StoreState {
  exists: boolean;
  /** False when only the sheet's existence was read (fix and marks then say nothing). */
  known: boolean;
  fix: AppliedFix | null;
  marks: Mark[];
}

/** Cuts JSON into "|"-prefixed chunks, never between the two halves of a surrogate pair. */
export function encodeChunks(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length;) {
    let j = Math.min(i + CHUNK, json.length);
    const last = json.charCodeAt(j - 1);
    if (j < json.length && last >= 0xd800 && last <= 0xdbff) j--;
    out.push(`|${json.slice(i, j)}`);
    i = j;
  }
  return out;
}

export function column(values: Scalar[][], top: number, left: number, part: Part): string | null {
  const col = COLUMNS[part] - left;
  let text = "";
  for (let r = Math.max(0, 1 - top); r < values.length; r++) {
    const v = values[r]?.[col];
    if (typeof v !== "string" || !v.startsWith("|")) break;
    text += v.slice(1);
  }
  return text === "" ? null : text;
}

export function isFix(v: unknown): v is AppliedFix {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as AppliedFix).at === "string" &&
    Array.isArray((v as AppliedFix).patches)
  );
}

export function isMarks(v: unknown): v is Mark[] {
  return (
    Array.isArray(v) &&
    v.every((m) => typeof m === "object" && m !== null && typeof (m as Mark).cell === "string")
  );
}

export function parse<T>(text: string | null, check: (v: unknown) => v is T): T | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return check(v) ? v : null;
  } catch {
    return null; // a damaged snapshot is treated as none rather than failing the pane
  }
}

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
  if (data === null || (Array.isArray(data) && data.length === 0)) return;
  const chunks = encodeChunks(JSON.stringify(data));
  const rows = [[LABELS[part]], ...chunks.map((c) => [c])];
  sheet.getRange(`${letter}1:${letter}${rows.length}`).values = rows;
}
