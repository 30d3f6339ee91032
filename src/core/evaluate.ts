/** Evaluates a form under a profile: the report and the writes a fix would make (spec §2–§6). */
import type { Finding, FormReport, Grade } from "./types";
import { formStatus } from "./status";
import type { Profile } from "./profile";
import type { Form } from "./form";
import type { Pos } from "./layout";
import { a1 } from "./address";
import { fmtNum, matchesPrinted, round2 } from "./numbers";
import { MSG } from "../i18n/core";
import { finding } from "./rules/finding";
import { evaluateIndicator, isPlaceholder, type IndicatorEval } from "./rules/indicator";
import { evaluateBudget, type BudgetWrite } from "./rules/budget";
import { withoutSumRows } from "./rules/sums";
import { checkTotal, checkWeights, gradeOf } from "./rules/totals";

/** A value the rules would put into a cell; the fix decides whether it may. */
export interface Write {
  pos: Pos;
  value: number | string;
  what: "score" | "rate" | "budgetScore" | "total" | "grade" | "reason";
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

/** The form's full marks: its weights' total where it adds up, else 100. */
const FULL_MARKS = 100;

/** Evaluates a read form. */
export function evaluateForm(form: Form, profile: Profile): Evaluation {
  const budget = evaluateBudget(form.budget, profile, form.budgetPoints);
  const all = form.indicators.filter((r) => !isPlaceholder(r));
  const evaluated = all.map((r) => evaluateIndicator(r, profile, form.byBlock));
  const rows: IndicatorEval[] = withoutSumRows(evaluated, budget.weight);
  const read = all.filter((_, i) => rows.includes(evaluated[i]));
  const weights = checkWeights(form, rows, budget.weight, profile);
  const printedSum = round2(budget.printed + rows.reduce((a, r) => a + r.printed, 0));
  // A score that cannot be read (text, an error value) is reported on its own cell, never summed as 0.
  const scoreCells = new Set(read.map((r) => r.score && a1(r.score.pos.row, r.score.pos.col)));
  const budgetScore = form.budget.find((b) => b.isTotal)?.score;
  if (budgetScore) scoreCells.add(a1(budgetScore.pos.row, budgetScore.pos.col));
  const unreadSum = [...budget.findings, ...rows.flatMap((r) => r.findings)].some(
    (f) => f.code === "VALUE_UNREADABLE" && scoreCells.has(f.cell)
  );
  const total = checkTotal(form, printedSum, profile, unreadSum);
  const unscored = rows.length > 0 && rows.every((r) => !r.decided);
  const incomplete = form.total === null && weights.weights.total !== 100 && !form.byBlock;
  const sum = round2(budget.counted + rows.reduce((a, r) => a + r.counted, 0));
  const recomputed = unscored || incomplete || rows.length === 0 ? null : sum;
  const grade: Grade | null = recomputed === null ? null : gradeOf(recomputed, profile);

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
  for (const r of rows) if (r.prompt) writes.push({ ...r.prompt, value: r.prompt.text, what: "reason" });

  const findings: Finding[] = [
    ...weights.findings,
    ...budget.findings,
    ...rows.flatMap((r) => r.findings),
    ...total.findings,
  ];
  if (unscored) {
    const noActual = rows.filter((r) => r.result.actual === "").length;
    const at = form.total?.score.pos ?? form.headerCell;
    // A form with no 得分 column at all (targets and actuals only) is one kind of filing; an empty one is not.
    findings.push(
      form.hasScores
        ? finding("SCORE_MISSING", "warning", at, MSG.unscored(rows.length, noActual))
        : finding("SCORE_MISSING", "info", at, MSG.noScoreColumn(rows.length))
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
      : recomputed !== null && recomputed > FULL_MARKS
        ? MSG.fixHeldOver(fmtNum(recomputed), fmtNum(FULL_MARKS))
        : null;
  const cell = form.total?.score.pos ?? form.grade?.pos ?? null;
  return { report, writes, basis: { deps, held, cell, sumsScores: form.total !== null } };
}
