/** Chooses an indicator's scoring method from its target and actual, and computes the score (spec §4). */
import type { Method } from "../types";
import type { Profile } from "../profile";
import { parseQuantity, type Quantity } from "../quantity";
import { fmt2, fmtNum } from "../numbers";
import { MSG } from "../../i18n/core";

export interface MethodResult {
  method: Exclude<Method, "qualitative">;
  /** Unrounded score; null for unscorable. */
  raw: number | null;
  explain: string;
  /** Why the row could not be scored (unscorable only). */
  why?: string;
  overshoot?: boolean;
  target?: Quantity;
  actualQ?: Quantity;
}

function sameUnit(a: Quantity, b: Quantity): boolean {
  if (a.unit === b.unit) return true;
  // "100" against "≥100百分比": a bare actual above 1 is read in the target's percent units (a bare 0.96
  // could be a fraction, and stays unscorable).
  if (a.unit === "%" && b.unit === "" && b.value > 1) return true;
  // "≥81" against "81 套": one side left the unit out; percentages must say so on both sides.
  return (a.unit === "" && b.unit !== "%") || (b.unit === "" && a.unit !== "%");
}

const unscorable = (why: string): MethodResult => ({ method: "unscorable", raw: null, explain: "", why });

function ratio(b: number, a: number, w: number): { raw: number; explain: string } {
  const raw = Math.min(b / a, 1) * w;
  const expr = `${fmtNum(b)} ÷ ${fmtNum(a)}`;
  return {
    raw,
    explain:
      b > a ? `min(${expr}, 1) × ${fmtNum(w)} = ${fmt2(raw)}` : `${expr} × ${fmtNum(w)} = ${fmt2(raw)}`,
  };
}

function reverse(a: number, b: number, w: number, profile: Profile): { raw: number; explain: string } {
  if (b <= a) return { raw: w, explain: MSG.explainReverseMet(fmtNum(b), fmtNum(a), fmtNum(w)) };
  if (profile.reverse === "linear") {
    if (b >= 2 * a) return { raw: 0, explain: MSG.explainReverseDouble(fmtNum(b), fmtNum(a)) };
    const raw = (1 - (b - a) / a) * w;
    return {
      raw,
      explain: `(1 − (${fmtNum(b)} − ${fmtNum(a)}) ÷ ${fmtNum(a)}) × ${fmtNum(w)} = ${fmt2(raw)}`,
    };
  }
  const raw = (a / b) * w;
  return { raw, explain: `${fmtNum(a)} ÷ ${fmtNum(b)} × ${fmtNum(w)} = ${fmt2(raw)}` };
}

/** Scores a quantitative row; `unscorable` (with the reason) when the rules cannot compare the two. */
export function scoreByMethod(
  targetText: string,
  actualText: string,
  w: number,
  profile: Profile
): MethodResult {
  const A = parseQuantity(targetText);
  const B = parseQuantity(actualText);
  if (!A) return unscorable(MSG.whyTargetText);
  if (!B) return unscorable(MSG.whyActualText);
  const b = Math.max(B.value, 0);
  const base = { target: A, actualQ: B };
  if (A.value === 0 && (A.op === "=" || A.op === "≤" || A.op === "<")) {
    const raw = B.value <= 0 ? w : 0;
    return { ...base, method: "zero", raw, explain: MSG.explainZero(fmtNum(B.value), fmtNum(raw)) };
  }
  if (A.op === "≤" || A.op === "<") {
    if (A.value <= 0) return unscorable(MSG.whyNegativeTarget);
    if (!sameUnit(A, B)) return unscorable(MSG.whyUnits(A.unit, B.unit));
    return { ...base, method: "reverse", ...reverse(A.value, b, w, profile) };
  }
  if (A.value !== 0 && A.unit !== "%" && B.unit === "%") {
    const raw = Math.min(b / 100, 1) * w;
    return {
      ...base,
      method: "completion",
      raw,
      explain: MSG.explainCompletion(fmtNum(b), fmtNum(w), fmt2(raw)),
    };
  }
  if (!sameUnit(A, B)) return unscorable(MSG.whyUnits(A.unit, B.unit));
  if (A.value <= 0) return unscorable(MSG.whyZeroTarget);
  const r = ratio(b, A.value, w);
  if (A.op === "=") return { ...base, method: "equal", ...r };
  return { ...base, method: "positive", ...r, overshoot: b > profile.overshoot * A.value };
}
