/** Targets and actuals such as "≥2.00(次)", "=100.00(百分比)", "81 套", "100%", "5. 00" (spec §4). */
import { cleanNumberText } from "./text";
import { decimalsOf } from "./numbers";

export type Op = "≥" | ">" | "=" | "≤" | "<" | "";

export interface Quantity {
  op: Op;
  value: number;
  /** Normalised unit: "%" for every percent spelling, "" for none, else the unit text ("次", "套"). */
  unit: string;
  /** Decimals the number is written with. */
  decimals: number;
}

const PERCENT_UNITS = new Set(["%", "百分比", "百分号", "百分率"]);
const QUANTITY = /^([=≥≤<>])?([+-]?\d+(?:\.\d+)?)(.*)$/;

/** Normalises a unit: strips brackets and spaces, maps every percent spelling to "%". */
export function normalizeUnit(raw: string): string {
  const u = raw.replace(/[()（）\s]/g, "");
  return PERCENT_UNITS.has(u) ? "%" : u;
}

/**
 * Parses an operator, a number and a unit; null when the text is not just that ("提升 20%", "年底",
 * "达成指标"). The unit may be bracketed or not and must not hold digits or operators.
 */
export function parseQuantity(text: string): Quantity | null {
  const s = cleanNumberText(text);
  const m = QUANTITY.exec(s);
  if (!m) return null;
  const rest = m[3].trim();
  if (rest.length > 10 || /[\d=≥≤<>]/.test(rest)) return null;
  if (rest && !/^\(?[^()]*\)?$/.test(rest)) return null;
  const value = Number(m[2]);
  if (!Number.isFinite(value)) return null;
  const dot = m[2].indexOf(".");
  return {
    op: (m[1] ?? "") as Op,
    value,
    unit: normalizeUnit(rest),
    decimals: dot < 0 ? decimalsOf(value) : m[2].length - dot - 1,
  };
}
