/** Scoring profiles: the rules' adjustable parts as plain data (spec/scoring.md). */
import type { Grade } from "./types";

export interface Profile {
  name: string;
  /** Chinese label for settings. */
  label: string;
  /** Reverse-indicator formula: `ratio` = A/B × w (default); `linear` = (1 − (B−A)/A) × w, 0 from B ≥ 2A. */
  reverse: "ratio" | "linear";
  /** Qualitative bands as shares of the weight; `strictBands` makes the upper limits of 部分达成/未达成 open. */
  strictBands: boolean;
  bands: { achieved: [number, number]; partial: [number, number]; failed: [number, number] };
  /** Grade cut-offs, highest first: a total ≥ min gets the grade. */
  grades: { min: number; grade: Grade }[];
  /** Recommended level-1 split (产出 / 效益 / 满意度), budget weight excluded. */
  split: { output: number; outcome: number; satisfaction: number };
  /** B > overshoot × A on a positive indicator → OVERSHOOT. */
  overshoot: number;
}

export const DEFAULT_PROFILE: Profile = {
  name: "mof2020",
  label: "财预〔2020〕10号（默认）",
  reverse: "ratio",
  strictBands: false,
  bands: { achieved: [0.8, 1], partial: [0.6, 0.8], failed: [0, 0.6] },
  grades: [
    { min: 90, grade: "优" },
    { min: 80, grade: "良" },
    { min: 60, grade: "中" },
    { min: -Infinity, grade: "差" },
  ],
  split: { output: 50, outcome: 30, satisfaction: 10 },
  overshoot: 1.5,
};

export const PROFILES = {
  mof2020: DEFAULT_PROFILE,
  "mof2020-linear": {
    ...DEFAULT_PROFILE,
    name: "mof2020-linear",
    label: "反向指标按线性扣分",
    reverse: "linear",
  },
  "mof2020-strict": {
    ...DEFAULT_PROFILE,
    name: "mof2020-strict",
    label: "等级区间上限不含（严格）",
    strictBands: true,
  },
} satisfies Record<string, Profile>;

export type ProfileName = keyof typeof PROFILES;

/** The profile for a name or object; undefined → mof2020. Throws a RangeError on an unknown name. */
export function resolveProfile(profile?: ProfileName | Profile | string): Profile {
  if (profile === undefined) return DEFAULT_PROFILE;
  if (typeof profile !== "string") return profile;
  const found = (PROFILES as Record<string, Profile>)[profile];
  if (!found)
    throw new RangeError(`Unknown profile "${profile}"; known: ${Object.keys(PROFILES).join(", ")}`);
  return found;
}
