/** Rounding and "does the printed number match the computed one" (spec §1). */
import { memo } from "./memo";

/** Rounds half away from zero to `digits` decimals, immune to binary noise (2.675 → 2.68). */
export function roundHalfUp(x: number, digits = 2): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  // A relative nudge of 1e-9 undoes binary noise (2.675 × 100 = 267.49999999999997) at form precision.
  const r = Math.round(scaled * (1 + 1e-9)) / f;
  return x < 0 ? -r : r;
}

/** Rounds to 2 decimals, the precision of every reported score, rate and total. */
export function round2(x: number): number {
  return roundHalfUp(x, 2);
}

/** Clamps a printed number's decimals to the spec's [1, 2]. */
export function clampDecimals(d: number): number {
  return Math.min(2, Math.max(1, d));
}

/**
 * A submitted number equals a computed one when the computed one, rounded to the submitted number's own
 * decimals (at least 1, at most 2), equals it: a printed 9.8 matches 9.81; a printed 9.80 (0.00) does not.
 */
export function matchesPrinted(submitted: number, decimals: number, computed: number): boolean {
  const d = clampDecimals(decimals);
  return roundHalfUp(computed, d) === roundHalfUp(submitted, d);
}

/** Decimals a number is written with ("9.6" → 1, "10" → 0). */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const s = String(n);
  if (s.includes("e")) return 2;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Decimals a number format shows: "0.00" → 2, "0.0%" → 1, "0" → 0; null for General/unknown. */
export function formatDecimals(format: string | null): number | null {
  return format ? formatDecimalsOf(format) : null;
}

const formatDecimalsOf = memo((format: string): number | null => {
  if (/^general$/i.test(format) || format === "@") return null;
  const section = format.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  const m = /0\.(0+)/.exec(section) ?? /#\.(#+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : null;
});

/** Whether a number format displays the value as a percentage (a fraction 0.96 shows as 96%). */
export function isPercentFormat(format: string | null): boolean {
  if (!format) return false;
  return format
    .split(";")[0]
    .replace(/"[^"]*"|\\./g, "")
    .includes("%");
}

/** Shortest text for a number rounded to 2 decimals, with trailing zeros kept to `digits` ("9.50"). */
export function fmt2(n: number, digits = 2): string {
  return roundHalfUp(n, digits).toFixed(digits);
}

/** A number for messages: up to 2 decimals, no trailing zeros ("9.5", "10"). */
export function fmtNum(n: number): string {
  return String(round2(n));
}
