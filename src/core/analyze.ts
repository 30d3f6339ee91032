/** Wires layout → form → rules → fix for one sheet. */
import type { Grid } from "./grid";
import type { Analysis, AnalyzeOptions } from "./index";
import type { SheetReport } from "./types";
import { locateForm } from "./layout";
import { readForm } from "./form";
import { evaluateForm } from "./evaluate";
import { planFix } from "./fix";
import { resolveProfile } from "./profile";
import { MSG } from "../i18n/core";
import { emptyBudget } from "./rules/budget";

/** The report of a sheet that is not a form. */
export function notAForm(name: string): SheetReport {
  return {
    name,
    isForm: false,
    project: "",
    department: "",
    implementer: "",
    weights: { budget: null, indicators: 0, total: 0 },
    budget: emptyBudget(),
    indicators: [],
    total: { submitted: null, recomputed: 0, cell: null, printedSum: 0 },
    grade: null,
    findings: [{ code: "LAYOUT_NOT_FOUND", severity: "info", cell: "A1", message: MSG.layoutNotFound }],
  };
}

export function analyzeSheetImpl(grid: Grid, options: AnalyzeOptions): Analysis {
  const profile = resolveProfile(options.profile);
  const layout = locateForm(grid);
  if (!layout) return { report: notAForm(grid.name), patches: [] };
  const form = readForm(grid, layout);
  const { report, writes } = evaluateForm(form, profile);
  const fix = planFix(grid, writes, { prompts: options.prompts ?? true });
  report.findings.push(...fix.findings);
  return { report, patches: fix.patches };
}
