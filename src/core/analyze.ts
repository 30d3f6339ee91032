/** Wires layout → form → rules → fix for every form on a sheet. */
import type { Grid } from "./grid";
import type { AnalyzeOptions } from "./index";
import type { Finding, FormAnalysis, Patch, SheetAnalysis } from "./types";
import type { Form } from "./form";
import type { Write } from "./evaluate";
import { readNumber } from "./cells";
import { fmt2 } from "./numbers";
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
    // Planned with its prompts, whatever the option: the verdict does not depend on how the fix is run.
    const fix = planFix(grid, writes, { prompts: true }, basis);
    report.findings.push(...fix.findings, ...emptyCells(form, writes, fix.patches));
    report.status = formStatus(report, fix.patches.length);
    const patches = options.prompts === false ? fix.patches.filter((p) => p.what !== "reason") : fix.patches;
    return { report, patches };
  });
  const status = sheetStatus(
    analyses.map((a) => a.report),
    findings
  );
  return { name: grid.name, forms: analyses, findings, status };
}

/**
 * VALUE_EMPTY (info) for every empty 执行率, budget score, 总分 and 评分等级 cell the fix fills in, naming the
 * value it writes (spec §5): check and fix agree, every cell the fix writes has a finding. (An empty indicator
 * score has SCORE_MISSING.)
 */
function emptyCells(form: Form, writes: readonly Write[], patches: readonly Patch[]): Finding[] {
  const found: Finding[] = [];
  for (const p of patches) {
    if (p.what === "score" || p.what === "reason") continue;
    if (p.old !== null && readNumber({ value: p.old, formula: null, format: null }).kind !== "empty")
      continue;
    const w = writes.find((x) => x.pos.row === p.row && x.pos.col === p.col && x.what === p.what);
    if (!w) continue;
    const value =
      p.what === "rate"
        ? `${fmt2(Number(w.value))}%`
        : p.what === "grade"
          ? `「${w.value}」`
          : fmt2(Number(w.value));
    const budgetRow = form.budget.find((b) => b.row === p.row);
    const label = p.what === "rate" || p.what === "budgetScore" ? (budgetRow?.label ?? "") : "";
    found.push(
      finding("VALUE_EMPTY", "info", { row: p.row, col: p.col }, MSG.valueEmpty(p.what, label, value), {
        ...(budgetRow ? { row: budgetRow.row + 1, label: budgetRow.label } : {}),
        submitted: null,
        recomputed: typeof w.value === "number" ? w.value : String(w.value),
      })
    );
  }
  return found;
}
