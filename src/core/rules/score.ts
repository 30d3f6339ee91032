/** The score of an indicator row with a weight: by its rating's band (qualitative) or by its method (spec §4). */
import type { Finding, IndicatorResult } from "../types";
import type { Profile } from "../profile";
import type { IndicatorRow } from "../form";
import type { Pos } from "../layout";
import type { CellRead } from "../cells";
import { fmt2, fmtNum, matchesPrinted, round2 } from "../numbers";
import { MSG } from "../../i18n/core";
import { bandOf, inBand, type Rating } from "./rating";
import { scoreByMethod } from "./methods";
import { finding } from "./finding";

/** The score a fix writes, if any. */
export type ScoreWrite = { pos: Pos; value: number } | null;

/** What the two scoring paths share: the row as read, its weight, and where they report. */
export interface Scored {
  row: IndicatorRow;
  /** The row's 得分 cell. */
  scorePos: Pos;
  label: string;
  ctx: { row: number; label: string };
  /** The submitted score as read. */
  s: CellRead;
  weight: number;
  /** The submitted score exceeds the weight (SCORE_OVER_WEIGHT already reported). */
  over: boolean;
  result: IndicatorResult;
  findings: Finding[];
}

/** A qualitative row: the submitted score must lie in its rating's band; an empty 达成 score is filled. */
export function scoreRated(x: Scored, rating: Rating, profile: Profile): ScoreWrite {
  const { scorePos, label, ctx, s, weight, result, findings } = x;
  result.method = "qualitative";
  const band = bandOf(rating, weight, profile);
  const name = MSG.ratings[rating];
  result.explain = MSG.explainRated(name, fmtNum(band.lo), fmtNum(band.hi));
  if (s.kind === "empty") {
    if (rating !== "achieved") {
      findings.push(
        finding(
          "SCORE_MISSING",
          "error",
          scorePos,
          MSG.scoreMissingRated(label, name, fmtNum(band.lo), fmtNum(band.hi)),
          { ...ctx, submitted: null, explain: result.explain }
        )
      );
      return null;
    }
    result.score = round2(weight);
    findings.push(
      finding("SCORE_MISSING", "warning", scorePos, MSG.scoreMissingAchieved(label, fmtNum(weight)), {
        ...ctx,
        submitted: null,
        recomputed: result.score,
        explain: result.explain,
      })
    );
    return { pos: scorePos, value: result.score };
  }
  if (s.kind === "number" && !x.over && !inBand(s.value, band)) {
    findings.push(
      finding(
        "QUALITATIVE_BAND",
        "error",
        scorePos,
        MSG.qualitativeBand(label, name, fmtNum(band.lo), fmtNum(band.hi), fmtNum(s.value)),
        { ...ctx, submitted: s.value, recomputed: s.value, explain: result.explain }
      )
    );
  }
  return null;
}

/** A quantitative row: the score by its method; an empty score is filled, a different one rewritten. */
export function scoreComputed(x: Scored, profile: Profile): ScoreWrite {
  const { scorePos, label, ctx, s, weight, result, findings } = x;
  const submitted = s.kind === "number" ? s.value : null;
  const m = scoreByMethod(result.target, result.actual, weight, profile);
  result.method = m.method;
  result.explain = m.explain;
  if (m.raw === null) {
    findings.push(
      finding(
        "UNSCORABLE",
        "info",
        scorePos,
        MSG.unscorable(
          label,
          result.target || "（空）",
          result.actual || "（空）",
          m.why ?? "",
          submitted === null ? "（空）" : fmtNum(submitted)
        ),
        { ...ctx, submitted }
      )
    );
    return null;
  }
  const score = round2(m.raw);
  result.score = score;
  const extra = { ...ctx, submitted, recomputed: score, explain: m.explain };
  let write: ScoreWrite = null;
  if (s.kind === "empty") {
    write = { pos: scorePos, value: score };
    findings.push(
      finding(
        "SCORE_MISSING",
        "warning",
        scorePos,
        MSG.scoreMissingComputed(label, fmt2(score), m.explain),
        extra
      )
    );
  } else if (s.kind === "number" && !matchesPrinted(s.value, s.decimals, m.raw)) {
    write = { pos: scorePos, value: score };
    const high = s.value > score;
    const msg = high ? MSG.scoreHigh : MSG.scoreLow;
    // A score over the weight is reported once, as SCORE_OVER_WEIGHT; the fix still rewrites it.
    if (!(x.over && high))
      findings.push(
        finding(
          "SCORE_MISMATCH",
          high ? "error" : "warning",
          scorePos,
          msg(label, fmtNum(s.value), fmt2(score), m.explain),
          extra
        )
      );
  }
  if (m.overshoot)
    findings.push(
      finding("OVERSHOOT", "info", scorePos, MSG.overshoot(label, result.actual, result.target), ctx)
    );
  return write;
}
