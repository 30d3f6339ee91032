/** The three qualitative ratings of 实际完成值 and their score bands (spec §4). */
import type { Profile } from "../profile";
import { round2 } from "../numbers";
import { headerKey } from "../text";

export type Rating = "achieved" | "partial" | "failed";

/** The rating an actual text states, or null when it states none. */
export function ratingOf(actual: string): Rating | null {
  const k = headerKey(actual).replace(/[。.!！]+$/, "");
  if (!k) return null;
  if (k.startsWith("部分达成") || k.startsWith("部分完成")) return "partial";
  if (k.startsWith("未达成") || k.startsWith("未完成") || k === "未达到") return "failed";
  if (
    k === "达成指标" ||
    k === "达成年度指标" ||
    k === "已达成" ||
    k === "完成" ||
    k === "达成" ||
    k === "已完成"
  )
    return "achieved";
  return null;
}

/** The band of points for a rating and weight, as 2-decimal limits, and whether each end is included. */
export function bandOf(rating: Rating, weight: number, profile: Profile) {
  const [lo, hi] = profile.bands[rating];
  return {
    lo: round2(lo * weight),
    hi: round2(hi * weight),
    // strictBands: 部分达成 [60,80), 未达成 [0,60); 达成 stays [80,100].
    hiOpen: profile.strictBands && rating !== "achieved",
  };
}

/** Whether a submitted score lies in its rating's band (2-decimal comparison). */
export function inBand(score: number, band: { lo: number; hi: number; hiOpen: boolean }): boolean {
  const s = round2(score);
  return s >= band.lo && (band.hiOpen ? s < band.hi : s <= band.hi);
}
