/** Addresses and Excel's reading of typed input, as the fake needs them. */
import type { Box } from "./model";
import { columnName as colName } from "../../../src/core/address";

const MAX_ROWS = 1048576;

function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Parses "B7", "A1:I27" or a whole column "A:A" (no sheet part). Throws like Excel on anything else. */
export function parseBox(address: string): Box {
  const text = address.replace(/\$/g, "").trim();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(text);
  if (cols) {
    const a = colIndex(cols[1]);
    const b = colIndex(cols[2]);
    return { top: 0, left: Math.min(a, b), rows: MAX_ROWS, cols: Math.abs(b - a) + 1 };
  }
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(text);
  if (!m) {
    throw Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), {
      code: "InvalidArgument",
    });
  }
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/** How Excel names a sheet in an address: quoted when it holds anything but letters, digits, "_" or ".". */
export function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:B2" (or "Sheet1!A1" for one cell), as Range.address reports it. */
export function formatAddress(sheet: string, box: Box): string {
  const a = `${colName(box.left)}${box.top + 1}`;
  const b = `${colName(box.left + box.cols - 1)}${box.top + box.rows}`;
  return `${sheetRef(sheet)}!${box.rows === 1 && box.cols === 1 ? a : `${a}:${b}`}`;
}

export interface Input {
  value: string | number | boolean;
  formula: string | null;
  /** A number format Excel applies when it reads a typed "50%". */
  format?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What Excel stores when a value is assigned through `range.values`/`range.formulas`: like typing it.
 * "=…", "+…", "-…" become formulas, numeric text becomes a number, "'…" is kept as text without the
 * apostrophe. Date- and time-like text is not modelled: the fake refuses it so that a caller that would
 * let Excel turn a text into a date is caught.
 */
export function readInput(v: unknown): Input {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw Object.assign(new Error("Invalid number"), { code: "InvalidArgument" });
    return { value: v, formula: null };
  }
  if (typeof v === "boolean") return { value: v, formula: null };
  if (v === null) return { value: "", formula: null };
  if (typeof v !== "string") throw new Error(`Fake Excel: writing a ${typeof v} value is not implemented`);
  if (v === "") return { value: "", formula: null };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null };
  const t = v.trim();
  if (NUMBER.test(t)) return { value: Number(t), formula: null };
  if (/%$/.test(t) && NUMBER.test(t.slice(0, -1).trim())) {
    return { value: Number(t.slice(0, -1)) / 100, formula: null, format: "0%" };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: null };
  if (/^[=+\-@]/.test(v) && v.length > 1) return { value: "", formula: v.startsWith("=") ? v : `=${v}` };
  if (/^\d{1,4}\s*[-/年.:]\s*\d{1,2}/.test(t) || /^\d{1,2}月\d{1,2}日?$/.test(t)) {
    throw new Error(`Fake Excel: reading "${v}" as a date or time is not implemented`);
  }
  return { value: v, formula: null };
}
