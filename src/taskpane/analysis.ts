/** Pure helpers between the core and the pane: analysis with the pane's settings, workbook rows. */
import { analyzeSheetV1, type Analysis } from "../core/index";
import type { Grid } from "../core/grid";
import type { Finding, Severity } from "../core/types";
import type { PaneSettings } from "./settings";

/** How the pane turns a grid into a report and patches (the core; a stub in component tests). */
export type Analyzer = (grid: Grid, settings: PaneSettings) => Analysis;

/** Analyzes a grid the way the settings ask (profile, prompts). */
export function analyze(grid: Grid, settings: PaneSettings): Analysis {
  return analyzeSheetV1(grid, { profile: settings.profile, prompts: settings.prompts });
}

export type SeverityCounts = Record<Severity, number>;

/** How many findings of each severity. */
export function countBySeverity(findings: Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** One sheet of a whole-workbook run: its grid (for re-analysis) and what the core said. */
export interface WorkbookRow {
  grid: Grid;
  analysis: Analysis;
  counts: SeverityCounts;
}

function workbookRow(grid: Grid, analysis: Analysis): WorkbookRow {
  return { grid, analysis, counts: countBySeverity(analysis.report.findings) };
}

/** Analyzes every sheet of a workbook run. */
export function analyzeAll(
  grids: Grid[],
  settings: PaneSettings,
  analyzer: Analyzer = analyze
): WorkbookRow[] {
  return grids.map((grid) => workbookRow(grid, analyzer(grid, settings)));
}

/** Whether the report has nothing to fix or explain (info findings allowed). */
export function isClean(findings: Finding[]): boolean {
  return findings.every((f) => f.severity === "info");
}

/** A whole-workbook run: progress while reading, then one row per sheet. */
export interface WorkbookRun {
  done: number;
  total: number;
  rows: WorkbookRow[] | null;
}

/** The run with one sheet's row replaced by a fresh analysis (after a check, a fix or a revert). */
export function refreshRow(run: WorkbookRun | null, grid: Grid, analysis: Analysis): WorkbookRun | null {
  if (!run?.rows) return run;
  const rows = run.rows.map((r) => (r.grid.name === grid.name ? workbookRow(grid, analysis) : r));
  return { ...run, rows };
}
