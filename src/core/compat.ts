/**
 * The version-1 shape of the core's answer (one report per sheet), kept while the hosts, the pane and the
 * CLI move to one analysis per form. `analyzeSheetV1` answers with the sheet's first form.
 */
import type { Grid } from "./grid";
import type { AnalyzeOptions } from "./index";
import type { FormReport, Grade, Patch } from "./types";
import { analyzeSheetImpl, emptyReport } from "./analyze";

/** A sheet's report in the version-1 shape: its first form, or `isForm: false`. */
export interface SheetReport extends Omit<FormReport, "grade" | "total" | "weights"> {
  name: string;
  isForm: boolean;
  weights: { budget: number | null; indicators: number; total: number; byBlock?: boolean };
  total: { submitted: number | null; recomputed: number; cell: string | null; printedSum: number };
  /** Null where the form prints no grade. */
  grade: { submitted: string | null; recomputed: Grade; cell: string } | null;
}

function v1(report: FormReport, name: string, isForm: boolean): SheetReport {
  const { grade, total } = report;
  return {
    ...report,
    name,
    isForm,
    total: { ...total, recomputed: total.recomputed ?? 0 },
    grade:
      grade.cell !== null && grade.recomputed !== null
        ? { submitted: grade.submitted, recomputed: grade.recomputed, cell: grade.cell }
        : null,
  };
}

/** What the version-1 core said of one sheet. */
export interface Analysis {
  report: SheetReport;
  patches: Patch[];
}

/** The sheet's first form as a version-1 answer (sheet-level findings when there is none). */
export function analyzeSheetV1(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const sheet = analyzeSheetImpl(grid, options);
  const first = sheet.forms[0];
  if (!first) {
    const report = v1({ ...emptyReport(grid.name), findings: sheet.findings }, grid.name, false);
    return { report, patches: [] };
  }
  return { report: v1(first.report, grid.name, true), patches: first.patches };
}
