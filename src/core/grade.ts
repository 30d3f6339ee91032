/** The four grades (spec §5): of a total, and as printed. */
import type { Grade } from "./types";
import type { Profile } from "./profile";
import { round2 } from "./numbers";
import { headerKey } from "./text";

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
