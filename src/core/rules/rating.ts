/** The three qualitative ratings of 实际完成值 and their score bands (spec §4). */
import type { Profile } from "../profile";
import { round2 } from "../numbers";
import { headerKey } from "../text";
import { RATINGS } from "../templates";

export type Rating = "achieved" | "partial" | "failed";

/** The rating an actual text states, or null when it states none (words: templates.ts RATINGS). */
export function ratingOf(actual: string): Rating | null {
  const k = headerKey(actual).replace(/[。.!！]+$/, "");
  if (!k) return null;
  // Partial and failed first: 部分达成 and 未达成 both contain 达成.
  for (const rating of ["partial", "failed", "achieved"] as const) {
    const words = RATINGS[rating];
    if ((words.exact as readonly string[]).includes(k) || words.prefix.some((p) => k.startsWith(p)))
      return rating;
  }
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
