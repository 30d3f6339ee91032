/**
 * The core's entry points. Pure: give it a Grid, get every form on it with its report and the patches of a fix.
 *
 *   const { forms, findings } = analyzeSheet(grid, { profile: "mof2020", prompts: true });
 *   for (const { report, patches } of forms) …
 */
import type { Grid } from "./grid";
import type { SheetAnalysis } from "./types";
import { analyzeSheetImpl } from "./analyze";
import { PROFILES, type Profile, type ProfileName } from "./profile";

export type { Grid, Merge, Scalar, CellInfo } from "./grid";
export type * from "./types";
export { FINDING_CODES } from "./types";
export { PROFILES, DEFAULT_PROFILE, resolveProfile } from "./profile";
export type { Profile, ProfileName } from "./profile";
export { a1, parseA1, columnName } from "./address";
export type { FormStatus, SheetStatus, FileStatus } from "./status";
export { formStatus, sheetStatus, fileStatus, worseStatus, statusRank, exitStatus } from "./status";

export interface AnalyzeOptions {
  /** A profile name ("mof2020", "linear", "strict") or a profile object; default mof2020. */
  profile?: ProfileName | Profile;
  /** Whether fix writes prompts into empty 偏差原因 cells (default true). */
  prompts?: boolean;
}

/**
 * Reads every 自评表 on the sheet, evaluates each and plans its fix. Never throws on a user's sheet: a sheet
 * with no form gives `forms: []` and one LAYOUT_NOT_FOUND (or FORM_UNREADABLE) finding.
 */
export function analyzeSheet(grid: Grid, options: AnalyzeOptions = {}): SheetAnalysis {
  return analyzeSheetImpl(grid, options);
}

export { PROFILES as profiles };
