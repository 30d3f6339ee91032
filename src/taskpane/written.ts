/** What 一键重算 wrote and held: the cells written (old → new), the ones refused, the findings that explain the rest. */
import type { Finding, Patch, SheetAnalysis } from "../core/types";

export interface Written {
  /** The cells written, in the order the core planned them. */
  patches: Patch[];
  /** Patches the host refused: locked cells on a protected sheet. */
  refused: Patch[];
  /** FORMULA_KEPT and FIX_HELD findings of the sheets written: what was not written, and why. */
  held: { sheet: string; finding: Finding }[];
  /** The row labels (三级指标, budget row) by "sheet|0-based row", to name what a patch is about. */
  rows: Map<string, string>;
}

/** The findings that say why a cell was not written. */
export function heldOf(analysis: SheetAnalysis): { sheet: string; finding: Finding }[] {
  return analysis.forms.flatMap((f) =>
    f.report.findings
      .filter((x) => x.code === "FORMULA_KEPT" || x.code === "FIX_HELD")
      .map((finding) => ({ sheet: analysis.name, finding }))
  );
}

/** Row labels of every form of the analyses, for naming the written cells. */
export function rowsTouched(analyses: readonly SheetAnalysis[]): Map<string, string> {
  const rows = new Map<string, string>();
  for (const a of analyses)
    for (const { report } of a.forms) {
      for (const ind of report.indicators) rows.set(`${a.name}|${ind.row - 1}`, ind.level3 || ind.level2);
    }
  return rows;
}

/** The patches grouped by sheet, sheets in first-written order. */
export function bySheet(patches: readonly Patch[]): [string, Patch[]][] {
  const groups = new Map<string, Patch[]>();
  for (const p of patches) groups.set(p.sheet, [...(groups.get(p.sheet) ?? []), p]);
  return [...groups];
}
