/** Weights (spec §2) and the form's total and grade (spec §5). */
import type { Finding } from "../types";
import type { Profile } from "../profile";
import type { Form } from "../form";
import { displayText, readNumber } from "../cells";
import { fmtNum, matchesPrinted, round2 } from "../numbers";
import { gradeOf, readGrade } from "../grade";
import { headerKey } from "../text";
import { ERROR_VALUE, POINTS } from "../templates";
import { MSG } from "../../i18n/core";
import { finding } from "./finding";
import type { IndicatorEval } from "./indicator";

export { gradeOf, readGrade };

type Split = { output: number; outcome: number; satisfaction: number };

/** The level-1 split: the points its labels print ("产出指标(50分)"), else the sum of the row weights. */
function splitOf(rows: IndicatorEval[]): Split {
  const split: Split = { output: 0, outcome: 0, satisfaction: 0 };
  const labelled = new Map<string, number>();
  const part = (l1: string): keyof Split | null =>
    l1.includes("产出")
      ? "output"
      : l1.includes("效益")
        ? "outcome"
        : l1.includes("满意")
          ? "satisfaction"
          : null;
  for (const r of rows) {
    const key = headerKey(r.result.level1);
    const p = part(key);
    if (!p) continue;
    const printed = POINTS.exec(key);
    if (printed) labelled.set(p, Number(printed[1]));
    else split[p] += r.weight;
  }
  for (const [p, points] of labelled) split[p as keyof Split] = points;
  return split;
}

/** The weights of a form whose template prints them only on block labels (no 分值 column). */
function blockWeights(form: Form): number | null {
  let sum = 0;
  for (const b of form.blocks) {
    if (b.points === null) return null;
    sum += b.points;
  }
  return form.blocks.length ? sum : null;
}

/** WEIGHT_SUM and WEIGHT_SPLIT; for a form with weights by block, the blocks' points and scores. */
export function checkWeights(
  form: Form,
  rows: IndicatorEval[],
  budgetWeight: number | null,
  profile: Profile,
  /** The form prints neither weights nor scores (unscored): nothing to sum or split. */
  blank = false
) {
  const findings: Finding[] = [];
  const byBlock = form.byBlock ? blockWeights(form) : null;
  const indicators = round2(byBlock ?? rows.reduce((a, r) => a + r.weight, 0));
  const total = round2(indicators + (budgetWeight ?? 0));
  // Weights by block are told only on a form that prints scores to hold to them.
  if (form.byBlock && form.hasScores) findings.push(...checkBlocks(form, rows, budgetWeight));
  if (blank) return { findings, weights: { budget: budgetWeight, indicators, total, byBlock: form.byBlock } };
  if (total !== 100 && !(form.byBlock && byBlock === null)) {
    findings.push(
      finding(
        "WEIGHT_SUM",
        "error",
        form.weightSumCell,
        MSG.weightSum(fmtNum(total), fmtNum(indicators), fmtNum(budgetWeight ?? 0)) +
          (form.total ? "" : MSG.noTotalRow),
        { submitted: total, recomputed: 100 }
      )
    );
  }
  const split = splitOf(rows);
  const p = profile.split;
  const known = !form.byBlock || rows.some((r) => POINTS.test(headerKey(r.result.level1)));
  if (
    known &&
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
  return { findings, weights: { budget: budgetWeight, indicators, total, byBlock: form.byBlock } };
}

/** Weights by block: one info finding saying so, and each block's scores held to the block's points. */
function checkBlocks(form: Form, rows: IndicatorEval[], budgetWeight: number | null): Finding[] {
  const findings: Finding[] = [];
  const named = form.blocks
    .map((b) => `${b.label.replace(/\s+/g, "")}`)
    .filter(Boolean)
    .join("、");
  // A column of per-row numbers that could not be proven to be 分值 is told, never ignored in silence: the
  // form is then not said to carry its weights by block.
  const unknown = form.unknown[0];
  findings.push(
    unknown
      ? finding("UNSCORABLE", "info", unknown.pos, MSG.columnUnknown(unknown.header))
      : finding(
          "UNSCORABLE",
          "info",
          form.headerCell,
          MSG.weightsByBlock(fmtNum(budgetWeight ?? 0), named || "—")
        )
  );
  form.blocks.forEach((b, i) => {
    if (b.points === null) return;
    const sum = round2(rows.filter((r) => r.block === i).reduce((a, r) => a + r.printed, 0));
    if (sum > b.points)
      findings.push(
        finding(
          "SCORE_OVER_WEIGHT",
          "error",
          b.labelPos ?? form.headerCell,
          MSG.blockOver(b.label, fmtNum(sum), fmtNum(b.points)),
          {
            submitted: sum,
            recomputed: b.points,
          }
        )
      );
  });
  return findings;
}

/**
 * TOTAL_MISMATCH and GRADE_MISMATCH: the form's own arithmetic, which does not cascade from rows. With a score
 * it sums unreadable (`unreadSum`: reported on its cell) the sum is unknown, and no TOTAL_MISMATCH is given.
 */
export function checkTotal(form: Form, printedSum: number, profile: Profile, unreadSum = false, full = 100) {
  const findings: Finding[] = [];
  const t = form.total ? readNumber(form.total.score) : null;
  const submitted = t && t.kind === "number" ? t.value : null;
  if (form.total && t && t.kind === "text") {
    findings.push(
      finding("VALUE_UNREADABLE", "error", form.total.score.pos, MSG.unreadable("total", t.text))
    );
  }
  if (
    form.total &&
    t &&
    t.kind === "number" &&
    !unreadSum &&
    !matchesPrinted(t.value, t.decimals, printedSum)
  ) {
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
  if (form.grade && ERROR_VALUE.test(gradeText)) {
    findings.push(finding("VALUE_UNREADABLE", "error", form.grade.pos, MSG.unreadable("grade", gradeText)));
  } else if (form.grade && gradeText !== "" && readGrade(gradeText) === null) {
    // "十分", 0: no grade at all. It is never overwritten (the user's own text), so it is told once as
    // unreadable rather than as a mismatch that a fix could never clear.
    findings.push(finding("VALUE_UNREADABLE", "error", form.grade.pos, MSG.gradeUnreadable(gradeText)));
  } else if (form.grade && printedGrade !== null && submitted !== null && round2(submitted) <= full) {
    // A printed total above the full marks is TOTAL_OVER_FULL: no grade is derived from it.
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
