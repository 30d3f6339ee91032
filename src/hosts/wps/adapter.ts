/**
 * The one place that turns what the ET object model returns into the Grid's shapes. It accepts every
 * reading the builds leave open: an empty cell as null, undefined or ""; one cell as a scalar; several
 * as 0-based row arrays, a one-row range also as a flat array; a constant's Formula as a string or a
 * number; a General format as "General" or "G/通用格式"; MergeCells as a boolean or 1/-1/0.
 */
import type { Merge, Scalar } from "../../core/grid";
import { parseA1 } from "../../core/address";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell value as a Grid scalar: empty readings become null, dates serial numbers. */
export function scalarOf(v: unknown): Scalar {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86400000;
  return String(v);
}

/**
 * Value2 or Formula of a range of `rows` × `cols` cells as row arrays of exactly that shape. Accepts a
 * scalar (one cell, or a value that fills the range), a flat array (one row, or one column), row arrays,
 * and array-likes (a host proxy of a SAFEARRAY).
 */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  const list = asList(v);
  let lines: unknown[][];
  if (list === null) lines = [[v]];
  else if (list.length > 0 && list.every((x) => asList(x) !== null)) lines = list.map((x) => asList(x)!);
  else if (rows === 1) lines = [list];
  else if (cols === 1 && list.length === rows) lines = list.map((x) => [x]);
  else lines = [list];
  const filled = list === null && rows * cols > 1;
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line = lines[filled ? 0 : r] ?? [];
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) row.push(filled ? v : line[c]);
    out.push(row);
  }
  return out;
}

function asList(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v === "object" && v !== null && typeof (v as { length?: unknown }).length === "number") {
    return Array.from(v as ArrayLike<unknown>);
  }
  return null;
}

/** The formula of a cell, or null: only text starting with "=" that is not the value itself. */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : null;
}

const GENERAL = new Set(["general", "g/通用格式", "常规", "通用格式"]);

/** A uniform range's format as the Grid keeps it (null for General); undefined when the cells differ. */
export function formatOf(format: unknown): string | null | undefined {
  if (format === null || format === undefined) return undefined;
  if (typeof format !== "string") return undefined;
  return format === "" || GENERAL.has(format.trim().toLowerCase()) ? null : format;
}

/** MergeCells as "all" (every cell merged), "none", or "mixed" (null, or anything unreadable). */
export function mergeState(v: unknown): "all" | "none" | "mixed" {
  if (v === true || v === 1 || v === -1) return "all";
  if (v === false || v === 0) return "none";
  return "mixed";
}

/** A merged area from `MergeArea.Address(false, false)`: "B6:C6", "$B$6:$C$6", "Sheet1!B6:C6". */
export function parseArea(address: unknown): Merge | null {
  if (typeof address !== "string") return null;
  const local = address.slice(address.lastIndexOf("!") + 1).trim();
  const [p, q = p] = local.split(":");
  try {
    const a = parseA1(p);
    const b = parseA1(q);
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    };
  } catch {
    return null;
  }
}

/** "#RRGGBB" → the BGR integer ET's Interior.Color takes (RGB(r, g, b) in VBA: red is 255). */
export function toBgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

/** A BGR integer → "#RRGGBB"; null when it is not a colour. */
export function fromBgr(v: unknown): string | null {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 0xffffff) return null;
  const hex = (x: number) => x.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(n & 0xff)}${hex((n >> 8) & 0xff)}${hex((n >> 16) & 0xff)}`;
}

/**
 * Whether assigned text needs the apostrophe prefix to stay text: like typed input, a host may read "1/2"
 * as a date, "-5" or "96%" as a number and "=x" as a formula. Text starting with a Chinese character or
 * CJK punctuation cannot be read so. (The write is read back either way: see write.ts.)
 */
export function needsQuote(text: string): boolean {
  return !/^[\p{Script=Han}\u3000-\u303f\uff08\uff09\u201c\u300a]/u.test(text);
}

/** Whether two cell readings are the same value (empty readings all alike). */
export function sameValue(a: unknown, b: unknown): boolean {
  return scalarOf(a) === scalarOf(b);
}
