/** Budget execution: 执行率 = 全年执行数 ÷ 全年预算数, budget score = min(执行率, 1) × weight (spec §3). */
import type { BudgetResult, Finding } from "../types";
import type { Profile } from "../profile";
import type { BudgetRow, FormCell } from "../form";
import type { Pos } from "../layout";
import { a1 } from "../address";
import { readNumber } from "../cells";
import { fmt2, fmtNum, isPercentFormat, matchesPrinted, round2 } from "../numbers";
import { MSG } from "../../i18n/core";
import { finding } from "./finding";

export interface BudgetWrite {
  pos: Pos;
  /** Percent units for rates (the fix converts for percent-formatted cells); points for the score. */
  value: number;
  what: "rate" | "budgetScore";
  /** The block shows its rates as percentages typed as text ("96%"), none in a percentage format. */
  percent?: boolean;
  /** The nearest rate cell of the block in a percentage format: an empty rate cell takes its format. */
  numberFormat?: { code: string; from: Pos };
}

export interface BudgetEval {
  result: BudgetResult;
  findings: Finding[];
  /** The 年度资金总额 row's weight; null when the form has none. */
  weight: number | null;
  /** Budget score counted in the recomputed total; the submitted one where none can be computed. */
  counted: number;
  /** Printed budget score for the form's own arithmetic. */
  printed: number;
  writes: BudgetWrite[];
}

const num = (c: FormCell | null) => (c ? readNumber(c) : null);
const value = (c: FormCell | null) => {
  const r = num(c);
  return r && r.kind === "number" ? r.value : null;
};
const cellOf = (c: FormCell | null) => (c ? a1(c.pos.row, c.pos.col) : null);

/** The computed rate of a budget row in percent units, or a reason why there is none. */
function rowRate(row: BudgetRow, findings: Finding[], report: boolean): number | null {
  const annual = readNumber(row.annual);
  const executed = readNumber(row.executed);
  const ctx = { row: row.row + 1, label: row.label };
  if (annual.kind === "text") {
    if (report)
      findings.push(
        finding("VALUE_UNREADABLE", "error", row.annual.pos, MSG.unreadable("annual", annual.text), ctx)
      );
    return null;
  }
  if (annual.kind === "empty" || annual.value === 0) {
    if (report)
      findings.push(
        finding("BUDGET_BASE_MISSING", "error", row.annual.pos, MSG.budgetBaseMissing(row.label), ctx)
      );
    return null;
  }
  if (executed.kind !== "number") {
    if (report) {
      const msg =
        executed.kind === "text"
          ? MSG.unreadable("executed", executed.text)
          : MSG.budgetExecutedMissing(row.label);
      findings.push(finding("VALUE_UNREADABLE", "error", row.executed.pos, msg, ctx));
    }
    return null;
  }
  return (Math.max(executed.value, 0) / annual.value) * 100;
}

/** Checks a printed rate against the computed one; returns the write a fix makes, if any. */
function checkRate(row: BudgetRow, rate: number, findings: Finding[]): BudgetWrite | null {
  const printed = num(row.rate);
  if (!row.rate || !printed || printed.kind === "text") return null;
  if (printed.kind === "empty") return { pos: row.rate.pos, value: round2(rate), what: "rate" };
  if (matchesPrinted(printed.value, printed.decimals, rate)) return null;
  const exec = fmtNum(value(row.executed) ?? 0);
  const annual = fmtNum(value(row.annual) ?? 0);
  findings.push(
    finding(
      "BUDGET_RATE_MISMATCH",
      "warning",
      row.rate.pos,
      MSG.budgetRate(row.label, fmtNum(printed.value), exec, annual, fmt2(rate)),
      {
        row: row.row + 1,
        label: row.label,
        submitted: printed.value,
        recomputed: round2(rate),
        explain: `${exec} ÷ ${annual} = ${fmt2(rate)}%`,
      }
    )
  );
  return { pos: row.rate.pos, value: round2(rate), what: "rate" };
}

/** The cell nearest to `pos` by rows (the one above on a tie), or null when there is none. */
function nearest(cells: FormCell[], pos: Pos): FormCell | null {
  let best: FormCell | null = null;
  for (const c of cells) {
    const d = Math.abs(c.pos.row - pos.row);
    if (!best || d < Math.abs(best.pos.row - pos.row)) best = c;
  }
  return best;
}

/** A budget result with nothing read or computed (no budget block, or not a form). */
export function emptyBudget(): BudgetResult {
  return {
    submittedRate: null,
    rate: null,
    submittedScore: null,
    score: null,
    cell: null,
    rateCell: null,
    annual: null,
    executed: null,
    explain: "",
  };
}

/** VALUE_UNREADABLE for a printed rate or budget score that holds text or an error value. */
function unreadableCell(
  c: FormCell | null,
  what: "rate" | "budgetScore",
  ctx: { row: number; label: string }
) {
  const r = num(c);
  return c && r && r.kind === "text"
    ? [finding("VALUE_UNREADABLE", "error", c.pos, MSG.unreadable(what, r.text), ctx)]
    : [];
}

/**
 * Evaluates the budget block (年度资金总额 and, when it has a base, the other rows). `points` is the budget
 * weight a label prints ("预算执行情况(20分)"), used where the row has no 分值 cell.
 */
export function evaluateBudget(
  rows: BudgetRow[],
  _profile: Profile,
  points: number | null = null
): BudgetEval {
  const findings: Finding[] = [];
  const writes: BudgetWrite[] = [];
  const total = rows.find((r) => r.isTotal) ?? null;
  const result = emptyBudget();
  if (!total) return { result, findings, weight: null, counted: 0, printed: 0, writes };
  const weight = value(total.weight) ?? points;
  findings.push(
    ...unreadableCell(total.rate, "rate", { row: total.row + 1, label: total.label }),
    ...unreadableCell(total.score, "budgetScore", { row: total.row + 1, label: total.label })
  );
  result.cell = cellOf(total.score);
  result.rateCell = cellOf(total.rate);
  result.annual = value(total.annual);
  result.executed = value(total.executed);
  result.submittedRate = value(total.rate);
  result.submittedScore = value(total.score);
  const printed = result.submittedScore ?? 0;
  const rate = rowRate(total, findings, true);
  if (rate === null) return { result, findings, weight, counted: round2(printed), printed, writes };
  result.rate = round2(rate);
  // Rates shown as percentages anywhere in the block: an empty rate cell without a percentage format of
  // its own is written the same way (fix.ts) — with the format of the nearest rate cell in one, else, where
  // the rates are typed as text ("96%"), as such a text.
  const formatted = rows.flatMap((row) => (row.rate && isPercentFormat(row.rate.format) ? [row.rate] : []));
  const percent = rows.some((row) => {
    const r = row.rate ? readNumber(row.rate) : null;
    return r !== null && r.kind === "number" && r.percent;
  });
  for (const row of rows) {
    const r = row === total ? rate : rowRate(row, findings, false);
    const w = r === null ? null : checkRate(row, r, findings);
    if (!w) continue;
    const near = nearest(formatted, w.pos);
    if (near) writes.push({ ...w, numberFormat: { code: near.format ?? "", from: near.pos } });
    else writes.push(percent ? { ...w, percent } : w);
  }
  if (weight === null) return { result, findings, weight, counted: round2(printed), printed, writes };
  const raw = (Math.min(rate, 100) / 100) * weight;
  result.score = round2(raw);
  result.explain = MSG.explainBudget(
    fmtNum(result.executed ?? 0),
    fmtNum(result.annual ?? 0),
    fmt2(rate),
    fmtNum(weight),
    fmt2(raw)
  );
  const s = num(total.score);
  if (total.score && s && s.kind !== "text") {
    if (s.kind === "empty") writes.push({ pos: total.score.pos, value: result.score, what: "budgetScore" });
    else if (!matchesPrinted(s.value, s.decimals, raw)) {
      writes.push({ pos: total.score.pos, value: result.score, what: "budgetScore" });
      findings.push(
        finding(
          "BUDGET_SCORE_MISMATCH",
          "error",
          total.score.pos,
          MSG.budgetScore(fmtNum(s.value), fmt2(rate), fmtNum(weight), fmt2(raw)),
          {
            row: total.row + 1,
            label: total.label,
            submitted: s.value,
            recomputed: result.score,
            explain: result.explain,
          }
        )
      );
    }
  }
  return { result, findings, weight, counted: result.score, printed, writes };
}
