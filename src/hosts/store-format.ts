/**
 * The format of the revert snapshot and the highlight marks that the Excel and the WPS hosts keep IN THE
 * DOCUMENT, in the very hidden worksheet `__zpb_undo` (why a sheet: see excel/store.ts). Host-neutral and
 * pure, so that a fix made in one host is reverted by the other.
 *
 * Layout: column A holds the AppliedFix, column B the marks, each as JSON cut into cells from row 2
 * (row 1 is a label). Every chunk starts with "|" so that no host ever reads a chunk as a number or date.
 */
import type { Scalar } from "../core/grid";
import type { Severity } from "../core/types";
import type { AppliedFix } from "./types";

export const STORE_SHEET = "__zpb_undo";
const CHUNK = 30000;
export const COLUMNS = { fix: 0, marks: 1 } as const;
export const LABELS = { fix: "zpb-undo-fix v1", marks: "zpb-marks v1" } as const;
export type Part = keyof typeof COLUMNS;

/** The highlight fills, as "#RRGGBB" (Excel's conditional-format presets: light red, amber, blue). */
export const FILLS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** One cell this add-in filled, and the fill it had before (null: no fill); colours as "#RRGGBB". */
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

/** The column of one part as it is written: the label, then the chunks; empty for no data. */
export function encodePart(part: Part, data: AppliedFix | Mark[] | null): string[] {
  if (data === null || (Array.isArray(data) && data.length === 0)) return [];
  return [LABELS[part], ...encodeChunks(JSON.stringify(data))];
}

/** Joins one part's chunks from the store sheet's used range (values at absolute `top`, `left`). */
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

/** The fix and the marks read from the store sheet's used range. */
export function decodeStore(
  values: Scalar[][],
  top: number,
  left: number
): Pick<StoreState, "fix" | "marks"> {
  return {
    fix: parse(column(values, top, left, "fix"), isFix),
    marks: parse(column(values, top, left, "marks"), isMarks) ?? [],
  };
}
