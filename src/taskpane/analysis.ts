/** Pure helpers between the core and the pane: analysis with the pane's settings, per-form and per-sheet views. */
import { analyzeSheet } from "../core/index";
import type { Grid } from "../core/grid";
import type { Finding, FormReport, Patch, Severity, SheetAnalysis } from "../core/types";
import { statusRank, type SheetStatus } from "../core/status";
import type { PaneSettings } from "./settings";

/** How the pane turns a grid into every form's report and patches (the core; a stub in component tests). */
export type Analyzer = (grid: Grid, settings: PaneSettings) => SheetAnalysis;

/** Analyzes a grid the way the settings ask (profile, prompts). */
export function analyze(grid: Grid, settings: PaneSettings): SheetAnalysis {
  return analyzeSheet(grid, { profile: settings.profile, prompts: settings.prompts });
}

export type SeverityCounts = Record<Severity, number>;

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Every finding of a sheet: the sheet-level ones (FORM_UNREADABLE, LAYOUT_NOT_FOUND), then each form's. */
export function sheetFindings(analysis: SheetAnalysis): Finding[] {
  return [...analysis.findings, ...analysis.forms.flatMap((f) => f.report.findings)];
}

/** What 一键重算 writes on a sheet: the patches of every form. */
export function sheetPatches(analysis: SheetAnalysis): Patch[] {
  return analysis.forms.flatMap((f) => f.patches);
}

/** Sheet-level findings that are problems (FORM_UNREADABLE), not the "no form here" info. */
export function unreadable(analysis: SheetAnalysis): Finding[] {
  return analysis.findings.filter((f) => f.severity !== "info");
}

/** Whether the sheet holds a form, or something that looks like one (FORM_UNREADABLE). */
export function looksLikeForm(analysis: SheetAnalysis): boolean {
  return analysis.forms.length > 0 || unreadable(analysis).length > 0;
}

/** One sheet of a whole-workbook run: its grid (for re-analysis), what the core said, and the counts. */
export interface WorkbookRow {
  grid: Grid;
  analysis: SheetAnalysis;
  counts: SeverityCounts;
  /** Whether the sheet holds a form (or an unreadable one): what the table and the counts are about. */
  isForm: boolean;
  /** The core's verdict of the sheet (status.ts), shown as it is. */
  status: SheetStatus;
}

/** The core's verdict of a sheet; an analysis from an older core (no status) counts as its findings say. */
export function statusOf(analysis: SheetAnalysis): SheetStatus {
  if (analysis.status) return analysis.status;
  if (!looksLikeForm(analysis)) return "no-form";
  return sheetFindings(analysis).some((f) => f.severity === "error") ? "fix" : "pass";
}

export function workbookRow(grid: Grid, analysis: SheetAnalysis): WorkbookRow {
  const isForm = looksLikeForm(analysis);
  // A sheet without any form says so with an info; it is not a finding of the workbook.
  const counts = isForm ? countBySeverity(sheetFindings(analysis)) : { error: 0, warning: 0, info: 0 };
  return { grid, analysis, counts, isForm, status: statusOf(analysis) };
}

/** How many sheets of each status (sheets without a form left out). */
export function countByStatus(rows: readonly WorkbookRow[]): Record<SheetStatus, number> {
  const counts: Record<SheetStatus, number> = { pass: 0, fix: 0, unscored: 0, unreadable: 0, "no-form": 0 };
  for (const r of rows) counts[r.status] += 1;
  return counts;
}

/** Worst status first (未能读取, 需修改, 未评分, 通过, 不是自评表), then more errors, then workbook order. */
export function byStatus<T extends { status: SheetStatus; counts: SeverityCounts }>(rows: readonly T[]): T[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) =>
        statusRank(a.row.status) - statusRank(b.row.status) ||
        b.row.counts.error - a.row.counts.error ||
        b.row.counts.warning - a.row.counts.warning ||
        a.i - b.i
    )
    .map(({ row }) => row);
}

/** Analyzes every sheet of a workbook run. */
export function analyzeAll(
  grids: Grid[],
  settings: PaneSettings,
  analyzer: Analyzer = analyze
): WorkbookRow[] {
  return grids.map((grid) => workbookRow(grid, analyzer(grid, settings)));
}

/** A whole-workbook run: progress while reading, then one row per sheet. */
export interface WorkbookRun {
  done: number;
  total: number;
  rows: WorkbookRow[] | null;
}

/** The run with one sheet's row replaced by a fresh analysis (after a check, a fix or a revert). */
export function refreshRow(run: WorkbookRun | null, grid: Grid, analysis: SheetAnalysis): WorkbookRun | null {
  if (!run?.rows) return run;
  const rows = run.rows.map((r) => (r.grid.name === grid.name ? workbookRow(grid, analysis) : r));
  return { ...run, rows };
}

/** The first sheet with errors, else the first unreadable or unscored, else the first with warnings, else the
 * first form; null when none. */
export function firstToOpen(rows: readonly WorkbookRow[]): WorkbookRow | null {
  return (
    rows.find((r) => r.counts.error > 0) ??
    rows.find((r) => r.status === "unreadable" || r.status === "unscored") ??
    rows.find((r) => r.counts.warning > 0) ??
    rows.find((r) => r.isForm) ??
    null
  );
}

/** Other sheets of the workbook with errors (or, lacking those, warnings), for a clean sheet's note. */
export function othersWithProblems(
  rows: readonly WorkbookRow[] | null | undefined,
  sheet: string
): { errors: number; warnings: number } {
  const others = (rows ?? []).filter((r) => r.grid.name !== sheet);
  return {
    errors: others.filter((r) => r.counts.error > 0).length,
    warnings: others.filter((r) => r.counts.error === 0 && r.counts.warning > 0).length,
  };
}

/** Sheets and cells a set of patches touches, for the confirmation of 全部一键重算. */
export function patchScope(patches: readonly Patch[]): { cells: number; sheets: number } {
  return { cells: patches.length, sheets: new Set(patches.map((p) => p.sheet)).size };
}

/** What 全部一键重算 changes in substance: scores up and down, and each changed form's 总分 and 评分等级. */
export interface FixChanges {
  up: number;
  down: number;
  /** Scores written into an empty cell. */
  filled: number;
  forms: {
    sheet: string;
    project: string;
    total: { from: number | null; to: number | null } | null;
    grade: { from: string | null; to: string | null } | null;
  }[];
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value.trim().replace(/[%％,，]/g, ""));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The substance of a set of forms' patches (scores: indicator and budget scores). */
export function fixChanges(analyses: readonly SheetAnalysis[]): FixChanges {
  const out: FixChanges = { up: 0, down: 0, filled: 0, forms: [] };
  for (const analysis of analyses)
    for (const form of analysis.forms) {
      if (form.patches.length === 0) continue;
      for (const p of form.patches) {
        if (p.what !== "score" && p.what !== "budgetScore") continue;
        const from = asNumber(p.old);
        const to = asNumber(p.value);
        if (from === null) out.filled += 1;
        else if (to !== null && to > from + 1e-9) out.up += 1;
        else if (to !== null && to < from - 1e-9) out.down += 1;
      }
      const report: FormReport = form.report;
      const writes = (what: Patch["what"]) => form.patches.some((p) => p.what === what);
      out.forms.push({
        sheet: analysis.name,
        project: report.project,
        total: writes("total") ? { from: report.total.submitted, to: report.total.recomputed } : null,
        grade: writes("grade") ? { from: report.grade.submitted, to: report.grade.recomputed } : null,
      });
    }
  return out;
}
