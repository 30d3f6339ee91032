/**
 * The core's entry points. Pure: give it a Grid, get a SheetReport and the patches of a fix.
 *
 *   const { report, patches } = analyzeSheet(grid, { profile: "mof2020", prompts: true });
 */
import type { Grid } from "./grid";
import type { Patch, SheetReport } from "./types";
import { analyzeSheetImpl } from "./analyze";
import { PROFILES, type Profile, type ProfileName } from "./profile";

export type { Grid, Merge, Scalar, CellInfo } from "./grid";
export type * from "./types";
export { FINDING_CODES } from "./types";
export { PROFILES, DEFAULT_PROFILE, resolveProfile } from "./profile";
export type { Profile, ProfileName } from "./profile";
export { a1, parseA1, columnName } from "./address";

export interface AnalyzeOptions {
  /** A profile name ("mof2020", "linear", "strict") or a profile object; default mof2020. */
  profile?: ProfileName | Profile;
  /** Whether fix writes prompts into empty 偏差原因 cells (default true). */
  prompts?: boolean;
}

/** What the core says of one sheet: the report and the patches 一键重算 would write. */
export interface Analysis {
  report: SheetReport;
  patches: Patch[];
}

/**
 * Reads the sheet as a 自评表, evaluates it and plans the fix. Never throws on a user's sheet: a sheet
 * that is not a form gives `isForm: false` with one LAYOUT_NOT_FOUND finding and no patches.
 */
export function analyzeSheet(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  return analyzeSheetImpl(grid, options);
}

export { PROFILES as profiles };
