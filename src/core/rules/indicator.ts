/** Evaluates one indicator row: method, recomputed score, findings and what a fix would write (spec §4, §6). */
import type { Finding, IndicatorResult } from "../types";
import type { Profile } from "../profile";
import type { IndicatorRow } from "../form";
import type { Pos } from "../layout";
import type { CellInfo } from "../grid";
import { a1 } from "../address";
import { displayText, readNumber } from "../cells";
import { fmtNum, round2 } from "../numbers";
import { MSG } from "../../i18n/core";
import { ratingOf, type Rating } from "./rating";
import { scoreComputed, scoreRated, type Scored, type ScoreWrite } from "./score";
import { finding } from "./finding";
import { scoreByMethod } from "./methods";
import { ERROR_VALUE } from "../templates";
import type { PromptPlan } from "../evaluate";

export interface IndicatorEval {
  result: IndicatorResult;
  findings: Finding[];
  /** Weight counted in WEIGHT_SUM (0 for a row without a readable weight). */
  weight: number;
  /** Score counted in the recomputed total (2 decimals; 0 when none). */
  counted: number;
  /** Printed score counted in the form's own arithmetic (0 when empty). */
  printed: number;
  /** The score a fix writes, if any. */
  write: ScoreWrite;
  /** The prompt a fix writes into the empty reason cell, if any. */
  prompt: { pos: Pos; plan: PromptPlan } | null;
  /** The row has a score, submitted or recomputed (a form none of whose rows has one prints no scores). */
  decided: boolean;
  /** The block (header) the row stands under. */
  block: number;
}

type RowEval = Omit<IndicatorEval, "block">;

/**
 * Whether a row is not an indicator: a template placeholder ("指标 2：", "指标 1：无"), or a row with no
 * name and no points (spec/cli.md: "no name, no numbers"), such as the 填表人 line under a form without 总分.
 */
export function isPlaceholder(row: IndicatorRow): boolean {
  if (row.detail) return true;
  const read = (c: CellInfo | null) =>
    c === null ? "empty" : c.formula === null ? readNumber(c).kind : "number";
  if (row.name === "" && read(row.weight) !== "number" && read(row.score) !== "number") return true;
  return [row.target, row.actual, row.weight, row.score].every((c) => read(c) === "empty");
}

/** Where a row's score findings point: its 得分 cell, or its actual where the form has no 得分 column. */
function scorePosOf(row: IndicatorRow): Pos {
  return (row.score ?? row.actual).pos;
}

function base(row: IndicatorRow, weight: number | null, submitted: number | null): IndicatorResult {
  const at = scorePosOf(row);
  return {
    row: row.row + 1,
    scoreCell: a1(at.row, at.col),
    reasonCell: row.reason ? a1(row.reason.pos.row, row.reason.pos.col) : null,
    level1: row.level1,
    level2: row.level2,
    level3: row.level3,
    target: displayText(row.target),
    actual: displayText(row.actual),
    weight,
    submittedScore: submitted,
    score: submitted,
    method: "unscorable",
    explain: "",
    reason: row.reason ? displayText(row.reason) : "",
  };
}

/** VALUE_UNREADABLE for an error value (#VALUE!, #REF!, #N/A …) in the row's target or actual. */
function errorValues(row: IndicatorRow, ctx: { row: number; label: string }): Finding[] {
  const found: Finding[] = [];
  for (const [cell, what] of [
    [row.target, "target"],
    [row.actual, "actual"],
  ] as const) {
    const text = displayText(cell);
    if (ERROR_VALUE.test(text))
      found.push(finding("VALUE_UNREADABLE", "error", cell.pos, MSG.unreadable(what, text), ctx));
  }
  return found;
}

/**
 * A row whose score the rules cannot recompute, for want of a weight (weights by block) or of a 得分 column:
 * its submitted score is kept; the method is still named, and an overshoot still reported.
 */
function unweighted(
  row: IndicatorRow,
  label: string,
  profile: Profile,
  findings: Finding[],
  submitted: number | null
): RowEval {
  const result = base(row, null, submitted);
  const ctx = { row: row.row + 1, label };
  if (ratingOf(result.actual)) result.method = "qualitative";
  else {
    const m = scoreByMethod(result.target, result.actual, 1, profile);
    result.method = m.method;
    if (m.overshoot)
      findings.push(
        finding("OVERSHOOT", "info", scorePosOf(row), MSG.overshoot(label, result.actual, result.target), ctx)
      );
  }
  const printed = submitted ?? 0;
  return {
    result,
    findings,
    weight: 0,
    counted: round2(printed),
    printed,
    write: null,
    prompt: null,
    decided: submitted !== null,
  };
}

/** Evaluates an indicator row (not a placeholder); `byBlock` when the form prints no per-row weights. */
export function evaluateIndicator(row: IndicatorRow, profile: Profile, byBlock = false): IndicatorEval {
  return { ...evaluateRow(row, profile, byBlock), block: row.block };
}

function evaluateRow(row: IndicatorRow, profile: Profile, byBlock: boolean): RowEval {
  const label = row.name || row.level3 || MSG.row(row.row + 1);
  const ctx = { row: row.row + 1, label };
  const findings: Finding[] = errorValues(row, ctx);
  const s = row.score ? readNumber(row.score) : ({ kind: "empty", text: "" } as const);
  const submitted = s.kind === "number" ? s.value : null;
  const printed = submitted ?? 0;
  if (row.score && s.kind === "text")
    findings.push(finding("VALUE_UNREADABLE", "error", row.score.pos, MSG.unreadable("score", s.text), ctx));
  if (byBlock || row.score === null || row.weight === null)
    return unweighted(row, label, profile, findings, submitted);
  const w = readNumber(row.weight);
  const kept = (weight: number | null): RowEval => ({
    result: base(row, weight, submitted),
    findings,
    weight: weight ?? 0,
    counted: round2(printed),
    printed,
    write: null,
    prompt: null,
    decided: submitted !== null,
  });
  if (w.kind !== "number") {
    if (w.kind === "text")
      findings.push(
        finding("VALUE_UNREADABLE", "error", row.weight.pos, MSG.unreadable("weight", w.text), ctx)
      );
    else findings.push(finding("WEIGHT_MISSING", "error", row.weight.pos, MSG.weightMissing(label), ctx));
    return kept(null);
  }
  const weight = w.value;
  // An error value in the target or actual: nothing can be compared; the submitted score is kept.
  if (
    findings.some(
      (f) => f.code === "VALUE_UNREADABLE" && f.cell !== a1(row.score!.pos.row, row.score!.pos.col)
    )
  )
    return kept(weight);
  const result = base(row, weight, submitted);
  const over = submitted !== null && round2(submitted) > round2(weight);
  if (over)
    findings.push(
      finding(
        "SCORE_OVER_WEIGHT",
        "error",
        row.score.pos,
        MSG.scoreOverWeight(label, fmtNum(submitted), fmtNum(weight)),
        { ...ctx, submitted, recomputed: weight }
      )
    );
  const rating = ratingOf(result.actual);
  const scored: Scored = { row, scorePos: row.score.pos, label, ctx, s, weight, over, result, findings };
  const write = rating ? scoreRated(scored, rating, profile) : scoreComputed(scored, profile);
  const counted = result.score === null ? 0 : round2(result.score);
  const prompt = reasonCheck(row, label, rating, result, weight, findings);
  return { result, findings, weight, counted, printed, write, prompt, decided: result.score !== null };
}

/** REASON_MISSING: points lost (or a rating short of 达成) and an empty reason cell (spec §6). */
function reasonCheck(
  row: IndicatorRow,
  label: string,
  rating: Rating | null,
  result: IndicatorResult,
  weight: number,
  findings: Finding[]
): IndicatorEval["prompt"] {
  const lostPoints = result.score === null ? null : round2(weight - result.score);
  const shortRating = rating !== null && rating !== "achieved";
  if (!shortRating && !(lostPoints !== null && lostPoints > 0)) return null;
  if (!row.reason || displayText(row.reason) !== "" || row.reason.formula !== null) return null;
  const lost = lostPoints !== null && lostPoints > 0 ? fmtNum(lostPoints) : "";
  const message = (points: string) =>
    MSG.reasonMissing(
      label,
      rating && shortRating ? MSG.reasonRated(MSG.ratings[rating]) : MSG.reasonLost(points)
    );
  const found = finding("REASON_MISSING", "warning", row.reason.pos, message(lost), {
    row: row.row + 1,
    label,
  });
  findings.push(found);
  const text = (points: string) =>
    rating
      ? MSG.promptRated(result.actual, points)
      : MSG.prompt(result.target || "（空）", result.actual || "（空）", points);
  // The points the prompt names are settled by the fix plan: those lost in the sheet after the fix.
  const scorePos = row.score?.pos ?? row.reason.pos;
  return {
    pos: row.reason.pos,
    plan: { scorePos, weight, short: shortRating, text, finding: found, message },
  };
}
