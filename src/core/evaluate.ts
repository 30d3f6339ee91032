/** Evaluates a form under a profile: the report and the writes a fix would make (spec §2–§6). */
import type { Finding, FormReport, Grade } from "./types";
import { formStatus } from "./status";
import type { Profile } from "./profile";
import type { Form, IndicatorRow } from "./form";
import type { Pos } from "./layout";
import { a1 } from "./address";
import { fmt2, fmtNum, matchesPrinted, round2 } from "./numbers";
import { displayText, readNumber } from "./cells";
import { roleKey } from "./text";
import { BUDGET_INDICATOR, ROLE_NAMES } from "./templates";
import type { CellInfo } from "./grid";
import { MSG } from "../i18n/core";
import { finding } from "./rules/finding";
import { evaluateIndicator, isPlaceholder, type IndicatorEval } from "./rules/indicator";
import { evaluateBudget, type BudgetEval, type BudgetWrite } from "./rules/budget";
import { withoutSumRows } from "./rules/sums";
import { checkTotal, checkWeights, gradeOf } from "./rules/totals";

/** A value the rules would put into a cell; the fix decides whether it may. */
export interface Write {
  pos: Pos;
  value: number | string;
  what: "score" | "rate" | "budgetScore" | "total" | "grade" | "reason";
  /** A rate of a block whose rates are typed as percentage texts ("96%"), none in a percentage format. */
  percent?: boolean;
  /** A rate of a block with rates in a percentage format: the nearest one's format code and cell. */
  numberFormat?: { code: string; from: Pos };
  /** A prompt's points are those lost in the sheet after the fix (spec §6): worked out when it is planned. */
  prompt?: PromptPlan;
}

/** A prompt whose points lost are weight − the score that stands in the sheet after the fix. */
export interface PromptPlan {
  scorePos: Pos;
  weight: number;
  /** The prompt is due for its rating (部分达成, 未达成), whatever the points. */
  short: boolean;
  /** The prompt's text for the points lost ("" when none are). */
  text: (lost: string) => string;
  /** The REASON_MISSING finding, and its message for the points lost: check and fix say the same. */
  finding: Finding;
  message: (lost: string) => string;
}

/** What the 总分 a fix writes rests on: each score cell counted in it, and the value it is counted at. */
export interface TotalBasis {
  deps: { pos: Pos; value: number }[];
  /** Why the total may not be written at all (WEIGHT_SUM, over the full marks), or null. */
  held: string | null;
  /** Where FIX_HELD points: the 总分 cell, else the grade cell. */
  cell: Pos | null;
  /** The form prints a 总分 that sums the scores: holding it holds the score writes too. */
  sumsScores: boolean;
}

export interface Evaluation {
  report: FormReport;
  writes: Write[];
  basis: TotalBasis;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The budget scored as an indicator (预算执行率 as a row under 项目管理, the budget block printing no 分值 or
 * 得分; spec §9): the row's printed rate is checked against the block's 全年执行数 ÷ 全年预算数, and the row
 * is scored as §3 scores the budget, min(执行率, 1) × its weight. Null for any other row.
 */
function asBudget(row: IndicatorRow, budget: BudgetEval, form: Form, profile: Profile): IndicatorEval | null {
  const total = form.budget.find((b) => b.isTotal);
  if (!total || budget.weight !== null || total.score !== null) return null;
  if (!BUDGET_INDICATOR.test(roleKey(row.name))) return null;
  const { annual, executed } = budget.result;
  if (annual === null || executed === null || annual === 0 || row.weight === null || row.score === null)
    return null;
  const rate = (Math.max(executed, 0) / annual) * 100;
  const printed = readNumber(row.actual);
  const scored = evaluateIndicator(
    {
      ...row,
      target: { ...row.target, value: "≥100%", format: null },
      actual: { ...row.actual, value: `${rate}%`, format: null },
    },
    profile,
    false
  );
  // The rate is no target the form set: a rate above 150 % is no overshoot of one.
  scored.findings = scored.findings.filter((f) => f.code !== "OVERSHOOT");
  scored.result.target = displayText(row.target);
  scored.result.actual = displayText(row.actual);
  scored.result.explain = MSG.explainBudget(
    fmtNum(executed),
    fmtNum(annual),
    fmt2(rate),
    fmtNum(scored.weight),
    fmt2((Math.min(rate, 100) / 100) * scored.weight)
  );
  const ctx = { row: row.row + 1, label: row.name };
  if (printed.kind === "empty")
    budget.writes.push({ pos: row.actual.pos, value: round2(rate), what: "rate" });
  else if (printed.kind === "number" && !matchesPrinted(printed.value, printed.decimals, rate)) {
    budget.writes.push({ pos: row.actual.pos, value: round2(rate), what: "rate" });
    scored.findings.push(
      finding(
        "BUDGET_RATE_MISMATCH",
        "warning",
        row.actual.pos,
        MSG.budgetRate(row.name, fmtNum(printed.value), fmtNum(executed), fmtNum(annual), fmt2(rate)),
        { ...ctx, submitted: printed.value, recomputed: round2(rate) }
      )
    );
  }
  return scored;
}

/** A form's full marks where it prints none of its own. */
const FULL_MARKS = 100;

/**
 * The form's full marks: 100, or the form's own Σ weights where its 总分 row prints them as its maximum (a
 * maximum the weights do not add up to is no maximum: the total is then out of 100).
 */
function fullMarks(form: Form, weights: number): number {
  const printed = form.total?.weight ? readNumber(form.total.weight) : null;
  return printed &&
    printed.kind === "number" &&
    printed.value > 0 &&
    round2(printed.value) === round2(weights)
    ? printed.value
    : FULL_MARKS;
}

/** Whether a cell is absent or holds no value. */
function isEmpty(cell: CellInfo | null): boolean {
  return cell === null || (cell.formula === null && readNumber(cell).kind === "empty");
}

/** TOTAL_OVER_FULL (error, at the 总分 cell): a printed or recomputed total above the full marks. */
function totalOverFull(
  form: Form,
  submitted: number | null,
  recomputed: number | null,
  full: number
): Finding[] {
  const at = form.total?.score.pos ?? form.headerCell;
  const which =
    submitted !== null && round2(submitted) > full
      ? { kind: "printed" as const, value: submitted }
      : recomputed !== null && recomputed > full
        ? { kind: "recomputed" as const, value: recomputed }
        : null;
  if (!which) return [];
  return [
    finding(
      "TOTAL_OVER_FULL",
      "error",
      at,
      MSG.totalOverFull(which.kind, fmtNum(which.value), fmtNum(full)),
      {
        submitted,
        recomputed,
      }
    ),
  ];
}

/** Evaluates a read form. */
export function evaluateForm(form: Form, profile: Profile): Evaluation {
  const budget = evaluateBudget(form.budget, profile, form.budgetPoints);
  const all = form.indicators.filter((r) => !isPlaceholder(r));
  // A form that prints neither weights nor scores (a 绩效目标自评表 filed with targets and actuals only) is
  // unscored: its empty 分值 cells are not each a WEIGHT_MISSING, nor their sum a WEIGHT_SUM of 0.
  const blank = all.length > 0 && all.every((r) => isEmpty(r.weight) && isEmpty(r.score));
  const evaluated = all.map(
    (r) => asBudget(r, budget, form, profile) ?? evaluateIndicator(r, profile, form.byBlock || blank)
  );
  const rows: IndicatorEval[] = withoutSumRows(evaluated, budget.weight);
  const read = all.filter((_, i) => rows.includes(evaluated[i]));
  const weights = checkWeights(form, rows, budget.weight, profile, blank);
  const full = fullMarks(form, weights.weights.total);
  const printedSum = round2(budget.printed + rows.reduce((a, r) => a + r.printed, 0));
  // A score that cannot be read (text, an error value) is reported on its own cell, never summed as 0.
  const scoreCells = new Set(read.map((r) => r.score && a1(r.score.pos.row, r.score.pos.col)));
  const budgetScore = form.budget.find((b) => b.isTotal)?.score;
  if (budgetScore) scoreCells.add(a1(budgetScore.pos.row, budgetScore.pos.col));
  const unreadSum = [...budget.findings, ...rows.flatMap((r) => r.findings)].some(
    (f) => f.code === "VALUE_UNREADABLE" && scoreCells.has(f.cell)
  );
  const total = checkTotal(form, printedSum, profile, unreadSum, full);
  const unscored = rows.length > 0 && rows.every((r) => !r.decided);
  const incomplete = form.total === null && weights.weights.total !== 100 && !form.byBlock;
  const sum = round2(budget.counted + rows.reduce((a, r) => a + r.counted, 0));
  // A column of per-row numbers that could not be read as 分值 leaves the weights unread: no total is checked.
  const unread = form.byBlock && form.unknown.length > 0;
  const recomputed = unscored || incomplete || unread || rows.length === 0 ? null : sum;
  // An impossible total (above the full marks) gets no grade, and fix never writes one (spec §5): its write
  // is held (FIX_HELD, basis.held below).
  const over = recomputed !== null && recomputed > full;
  const grade: Grade | null = recomputed === null || over ? null : gradeOf(recomputed, profile);
  const overFull = totalOverFull(form, total.submitted, recomputed, full);

  const writes: Write[] = [];
  for (const r of rows) if (r.write) writes.push({ ...r.write, what: "score" });
  writes.push(...budget.writes.map((w: BudgetWrite): Write => ({ ...w })));
  if (
    form.total &&
    recomputed !== null &&
    (total.submitted === null || !matchesPrinted(total.submitted, total.decimals, recomputed))
  ) {
    writes.push({ pos: form.total.score.pos, value: recomputed, what: "total" });
  }
  if (form.grade && grade !== null && total.printedGrade !== grade)
    writes.push({ pos: form.grade.pos, value: grade, what: "grade" });
  for (const r of rows)
    if (r.prompt)
      writes.push({
        pos: r.prompt.pos,
        value: r.prompt.plan.text(""),
        what: "reason",
        prompt: r.prompt.plan,
      });

  const findings: Finding[] = [
    ...weights.findings,
    ...budget.findings,
    ...rows.flatMap((r) => r.findings),
    ...total.findings,
    ...overFull,
    ...form.inferred.map((c) =>
      finding(
        "COLUMN_INFERRED",
        "info",
        c.pos,
        MSG.columnInferred(
          c.header,
          ROLE_NAMES[c.role],
          c.role === "weight" ? MSG.inferredWeight(fmtNum(c.sum), fmtNum(c.budget)) : MSG.inferredScore
        )
      )
    ),
  ];
  if (unscored) {
    const noActual = rows.filter((r) => r.result.actual === "").length;
    const at = form.total?.score.pos ?? form.headerCell;
    // What an unscored form was checked for: said in its one finding, so 未评分 never reads as "nothing".
    const checked = [MSG.checkedTargets(rows.length)];
    if (weights.weights.total > 0 && !blank) checked.push(MSG.checkedWeights(fmtNum(weights.weights.total)));
    if (budget.result.rate !== null) checked.push(MSG.checkedBudget(fmt2(budget.result.rate)));
    // A form with no 得分 column at all (targets and actuals only) is one kind of filing; an empty one is not.
    findings.push(
      form.hasScores && !blank
        ? finding("SCORE_MISSING", "warning", at, MSG.unscored(rows.length, noActual, checked.join("、")))
        : finding("SCORE_MISSING", "info", at, MSG.noScoreColumn(rows.length, checked.join("、")))
    );
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const report: FormReport = {
    sheet: form.sheet,
    range: form.range,
    top: form.top,
    bottom: form.bottom,
    kind: form.kind,
    project: form.project,
    department: form.department,
    implementer: form.implementer,
    weights: weights.weights,
    budget: budget.result,
    indicators: rows.map((r) => r.result),
    total: {
      submitted: total.submitted,
      recomputed,
      cell: form.total ? a1(form.total.score.pos.row, form.total.score.pos.col) : null,
      printedSum,
    },
    grade: {
      submitted: form.grade ? total.printedGrade : null,
      recomputed: grade,
      cell: form.grade ? a1(form.grade.pos.row, form.grade.pos.col) : null,
    },
    findings,
    status: "pass",
  };
  report.status = formStatus(report);
  const deps = rows.flatMap((r, i) => {
    const cell = read[i].score;
    return cell ? [{ pos: cell.pos, value: r.counted }] : [];
  });
  const budgetCell = form.budget.find((b) => b.isTotal)?.score;
  if (budgetCell) deps.push({ pos: budgetCell.pos, value: budget.counted });
  const held =
    weights.weights.total !== 100 && !(form.byBlock && weights.weights.total === 0)
      ? MSG.fixHeldWeights(fmtNum(weights.weights.total))
      : over
        ? MSG.fixHeldOver(fmtNum(recomputed), fmtNum(full))
        : null;
  const cell = form.total?.score.pos ?? form.grade?.pos ?? null;
  return { report, writes, basis: { deps, held, cell, sumsScores: form.total !== null } };
}
