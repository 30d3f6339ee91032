/** The analysis of an opened workbook: every form of its sheets, whatever host read it. */
import { analyzeSheet, type Profile } from "../core/index";
import type { Grid } from "../core/grid";
import { cliText as T } from "../i18n/cli";
import type { SheetResult, SkippedSheet } from "./types";

/** A workbook as a reader gives it: its sheets in order, each with its state and grid. */
export interface WorkbookSheets {
  sheets: readonly { name: string; state: "visible" | "hidden" | "veryHidden" | string; grid: Grid }[];
}

export interface AnalyzeOptions {
  profile: Profile;
  /** Whether the planned fix writes prompts into empty reason cells (fix only; check ignores patches). */
  prompts?: boolean;
}

/** What a workbook gave: the sheets checked and the very hidden ones skipped. */
export interface WorkbookResult {
  sheets: SheetResult[];
  skipped: SkippedSheet[];
}

/**
 * Analyses every form of the sheets of an opened workbook: visible and hidden sheets (a hidden form is
 * still submitted); very hidden ones are skipped (the template's machinery, never shown to the user) and
 * listed, so that nothing is left out silently.
 */
export function analyzeWorkbook(workbook: WorkbookSheets, options: AnalyzeOptions): WorkbookResult {
  const sheets: SheetResult[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.state === "veryHidden") {
      skipped.push({ sheet: sheet.name, why: T.skippedVeryHidden });
      continue;
    }
    const { forms, findings, status } = analyzeSheet(sheet.grid, {
      profile: options.profile,
      prompts: options.prompts,
    });
    sheets.push({ name: sheet.name, forms, findings, hidden: sheet.state === "hidden", status });
  }
  return { sheets, skipped };
}
