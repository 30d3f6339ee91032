/** Wires layout → form → rules → fix for every form on a sheet. */
import type { Grid } from "./grid";
import type { AnalyzeOptions } from "./index";
import type { Finding, FormAnalysis, SheetAnalysis } from "./types";
import { locateForms } from "./layout";
import { finding } from "./rules/finding";
import { readForm } from "./form";
import { evaluateForm } from "./evaluate";
import { planFix } from "./fix";
import { resolveProfile } from "./profile";
import { MSG } from "../i18n/core";
import { formStatus, sheetStatus } from "./status";

/** Every form on the sheet, analysed on its own; FORM_UNREADABLE for what looks like a form but does not read. */
export function analyzeSheetImpl(grid: Grid, options: AnalyzeOptions): SheetAnalysis {
  const profile = resolveProfile(options.profile);
  const { forms, unreadable } = locateForms(grid);
  const findings: Finding[] = unreadable.map((u) =>
    finding(
      "FORM_UNREADABLE",
      "error",
      u.pos,
      MSG.formUnreadable(
        u.title,
        u.found.join("、"),
        (u.missing.length ? u.missing : ["三级指标", "年度指标值", "实际完成值"]).join("、")
      )
    )
  );
  if (forms.length === 0 && findings.length === 0)
    findings.push({ code: "LAYOUT_NOT_FOUND", severity: "info", cell: "A1", message: MSG.layoutNotFound });
  const analyses: FormAnalysis[] = forms.map((layout) => {
    const form = readForm(grid, layout);
    const { report, writes, basis } = evaluateForm(form, profile);
    const fix = planFix(grid, writes, { prompts: options.prompts ?? true }, basis);
    report.findings.push(...fix.findings);
    report.status = formStatus(report);
    return { report, patches: fix.patches };
  });
  const status = sheetStatus(
    analyses.map((a) => a.report),
    findings
  );
  return { name: grid.name, forms: analyses, findings, status };
}
