/** Reads a cell as the user sees it: numbers stored as text, percent-formatted fractions, "—" for none. */
import type { CellInfo } from "./grid";
import { decimalsOf, formatDecimals, isPercentFormat, roundHalfUp } from "./numbers";
import { parseQuantity } from "./quantity";
import { isNoValueText } from "./text";

export type CellRead =
  | { kind: "empty"; text: string }
  | {
      kind: "number";
      /** The number as shown; percentages in percent units when `percent` (0.96 with "0%" → 96). */
      value: number;
      percent: boolean;
      /** Decimals shown (format) or written (text). */
      decimals: number;
      text: string;
    }
  | { kind: "text"; text: string };

/** What a cell displays, close to Excel's own text for the formats forms use. */
export function displayText(cell: CellInfo): string {
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v.trim();
  const d = formatDecimals(cell.format);
  if (isPercentFormat(cell.format)) {
    const pct = v * 100;
    return `${d === null ? String(roundHalfUp(pct, 2)) : roundHalfUp(pct, d).toFixed(d)}%`;
  }
  return d === null ? String(v) : roundHalfUp(v, d).toFixed(d);
}

/** Reads a cell that should hold a plain number (weight, score, budget figure, rate, total). */
export function readNumber(cell: CellInfo): CellRead {
  const v = cell.value;
  if (v === null) return { kind: "empty", text: "" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "text", text: String(v) };
    const percent = isPercentFormat(cell.format);
    const value = percent ? Number((v * 100).toPrecision(12)) : v;
    const fd = formatDecimals(cell.format);
    return { kind: "number", value, percent, decimals: fd ?? decimalsOf(value), text: displayText(cell) };
  }
  const text = String(v).trim();
  if (isNoValueText(text)) return { kind: "empty", text };
  const q = parseQuantity(text);
  if (q && q.op === "" && (q.unit === "" || q.unit === "%" || q.unit === "分")) {
    return { kind: "number", value: q.value, percent: q.unit === "%", decimals: q.decimals, text };
  }
  return { kind: "text", text };
}
