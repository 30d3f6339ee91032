/** Weights (spec §2) and the form's total and grade (spec §5). */
import type { Finding, Grade } from "../types";
import type { Profile } from "../profile";
import type { Form } from "../form";
import { displayText, readNumber } from "../cells";
import { fmtNum, matchesPrinted, round2 } from "../numbers";
import { headerKey } from "../text";
import { MSG } from "../../i18n/core";
import { finding } from "./finding";
import type { IndicatorEval } from "./indicator";

/** The grade of a total under the profile's cut-offs. */
export function gradeOf(total: number, profile: Profile): Grade {
  const t = round2(total);
  for (const g of profile.grades) if (t >= g.min) return g.grade;
  return "差";
}

/** Reads a printed grade ("优", "优秀", "良好" …) as one of the four; null when empty or unknown. */
export function readGrade(text: string): Grade | null {
  const k = headerKey(text);
  if (k.startsWith("优")) return "优";
  if (k.startsWith("良")) return "良";
  if (k.startsWith("中")) return "中";
  if (k.startsWith("差") || k.startsWith("较差")) return "差";
  return null;
}

/** WEIGHT_SUM and WEIGHT_SPLIT. */
export function checkWeights(
  form: Form,
  rows: IndicatorEval[],
  budgetWeight: number | null,
  profile: Profile
) {
  const findings: Finding[] = [];
  const indicators = round2(rows.reduce((a, r) => a + r.weight, 0));
  const total = round2(indicators + (budgetWeight ?? 0));
  if (total !== 100) {
    findings.push(
      finding(
        "WEIGHT_SUM",
        "error",
        form.weightSumCell,
        MSG.weightSum(fmtNum(total), fmtNum(indicators), fmtNum(budgetWeight ?? 0)),
        { submitted: total, recomputed: 100 }
      )
    );
  }
  const split = { output: 0, outcome: 0, satisfaction: 0 };
  for (const r of rows) {
    const l1 = r.result.level1;
    if (l1.includes("产出")) split.output += r.weight;
    else if (l1.includes("效益")) split.outcome += r.weight;
    else if (l1.includes("满意")) split.satisfaction += r.weight;
  }
  const p = profile.split;
  if (
    rows.length > 0 &&
    (round2(split.output) !== p.output ||
      round2(split.outcome) !== p.outcome ||
      round2(split.satisfaction) !== p.satisfaction)
  ) {
    findings.push(
      finding(
        "WEIGHT_SPLIT",
        "info",
        form.weightSumCell,
        MSG.weightSplit(
          fmtNum(split.output),
          fmtNum(split.outcome),
          fmtNum(split.satisfaction),
          p.output,
          p.outcome,
          p.satisfaction
        )
      )
    );
  }
  return { findings, weights: { budget: budgetWeight, indicators, total } };
}

/** TOTAL_MISMATCH and GRADE_MISMATCH: the form's own arithmetic, which does not cascade from rows. */
export function checkTotal(form: Form, printedSum: number, profile: Profile) {
  const findings: Finding[] = [];
  const t = form.total ? readNumber(form.total.score) : null;
  const submitted = t && t.kind === "number" ? t.value : null;
  if (form.total && t && t.kind === "text") {
    findings.push(
      finding("VALUE_UNREADABLE", "error", form.total.score.pos, MSG.unreadable("total", t.text))
    );
  }
  if (form.total && t && t.kind === "number" && !matchesPrinted(t.value, t.decimals, printedSum)) {
    findings.push(
      finding(
        "TOTAL_MISMATCH",
        "error",
        form.total.score.pos,
        MSG.totalMismatch(fmtNum(t.value), fmtNum(printedSum)),
        { submitted: t.value, recomputed: round2(printedSum) }
      )
    );
  }
  const gradeText = form.grade ? displayText(form.grade) : "";
  const printedGrade = gradeText ? (readGrade(gradeText) ?? gradeText) : null;
  if (form.grade && printedGrade !== null && submitted !== null) {
    const expected = gradeOf(submitted, profile);
    if (printedGrade !== expected) {
      findings.push(
        finding(
          "GRADE_MISMATCH",
          "error",
          form.grade.pos,
          MSG.gradeMismatch(gradeText, fmtNum(submitted), expected),
          { submitted: gradeText, recomputed: expected }
        )
      );
    }
  }
  return { findings, submitted, decimals: t && t.kind === "number" ? t.decimals : 2, printedGrade };
}
