/** Evaluates a form under a profile: the report and the writes a fix would make (spec §2–§6). */
import type { Finding, FormReport, Grade } from "./types";
import type { Profile } from "./profile";
import type { Form } from "./form";
import type { Pos } from "./layout";
import { a1 } from "./address";
import { matchesPrinted, round2 } from "./numbers";
import { evaluateIndicator, isPlaceholder, type IndicatorEval } from "./rules/indicator";
import { evaluateBudget, type BudgetWrite } from "./rules/budget";
import { checkTotal, checkWeights, gradeOf } from "./rules/totals";

/** A value the rules would put into a cell; the fix decides whether it may. */
export interface Write {
  pos: Pos;
  value: number | string;
  what: "score" | "rate" | "budgetScore" | "total" | "grade" | "reason";
}

export interface Evaluation {
  report: FormReport;
  writes: Write[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Evaluates a read form. */
export function evaluateForm(form: Form, profile: Profile): Evaluation {
  const rows: IndicatorEval[] = form.indicators
    .filter((r) => !isPlaceholder(r))
    .map((r) => evaluateIndicator(r, profile));
  const budget = evaluateBudget(form.budget, profile);
  const weights = checkWeights(form, rows, budget.weight, profile);
  const printedSum = round2(budget.printed + rows.reduce((a, r) => a + r.printed, 0));
  const total = checkTotal(form, printedSum, profile);
  const recomputed = round2(budget.counted + rows.reduce((a, r) => a + r.counted, 0));
  const grade: Grade = gradeOf(recomputed, profile);

  const writes: Write[] = [];
  for (const r of rows) if (r.write) writes.push({ ...r.write, what: "score" });
  writes.push(...budget.writes.map((w: BudgetWrite): Write => ({ ...w })));
  if (
    form.total &&
    (total.submitted === null || !matchesPrinted(total.submitted, total.decimals, recomputed))
  ) {
    writes.push({ pos: form.total.score.pos, value: recomputed, what: "total" });
  }
  if (form.grade && total.printedGrade !== grade)
    writes.push({ pos: form.grade.pos, value: grade, what: "grade" });
  for (const r of rows) if (r.prompt) writes.push({ ...r.prompt, value: r.prompt.text, what: "reason" });

  const findings: Finding[] = [
    ...weights.findings,
    ...budget.findings,
    ...rows.flatMap((r) => r.findings),
    ...total.findings,
  ];
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
    weights: { ...weights.weights, byBlock: false },
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
  };
  return { report, writes };
}
