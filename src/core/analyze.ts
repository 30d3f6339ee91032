/** Wires layout → form → rules → fix for every form on a sheet. */
import type { Grid } from "./grid";
import type { AnalyzeOptions } from "./index";
import type { FormAnalysis, FormReport, SheetAnalysis } from "./types";
import { locateForm } from "./layout";
import { readForm } from "./form";
import { evaluateForm } from "./evaluate";
import { planFix } from "./fix";
import { resolveProfile } from "./profile";
import { MSG } from "../i18n/core";
import { emptyBudget } from "./rules/budget";

/** A form report with nothing read (the shape of a sheet that holds no form). */
export function emptyReport(sheet: string): FormReport {
  return {
    sheet,
    range: "A1:A1",
    top: 0,
    bottom: 0,
    kind: "project",
    project: "",
    department: "",
    implementer: "",
    weights: { budget: null, indicators: 0, total: 0, byBlock: false },
    budget: emptyBudget(),
    indicators: [],
    total: { submitted: null, recomputed: null, cell: null, printedSum: 0 },
    grade: { submitted: null, recomputed: null, cell: null },
    findings: [],
  };
}

export function analyzeSheetImpl(grid: Grid, options: AnalyzeOptions): SheetAnalysis {
  const profile = resolveProfile(options.profile);
  const layout = locateForm(grid);
  if (!layout) {
    return {
      name: grid.name,
      forms: [],
      findings: [{ code: "LAYOUT_NOT_FOUND", severity: "info", cell: "A1", message: MSG.layoutNotFound }],
    };
  }
  const form = readForm(grid, layout);
  const { report, writes } = evaluateForm(form, profile);
  const fix = planFix(grid, writes, { prompts: options.prompts ?? true });
  report.findings.push(...fix.findings);
  const analysis: FormAnalysis = { report, patches: fix.patches };
  return { name: grid.name, forms: [analysis], findings: [] };
}
