/** A fake Host and hand-made reports for the pane's component tests. */
import { vi } from "vitest";
import type { Grid } from "../../src/core/grid";
import type { Finding, FormReport, Patch, SheetAnalysis } from "../../src/core/types";
import { formStatus } from "../../src/core/status";
import type { AppliedFix, Host } from "../../src/hosts/types";
import type { Analyzer } from "../../src/taskpane/analysis";
import type { PaneSettings } from "../../src/taskpane/settings";

export const SETTINGS: PaneSettings = {
  profile: "mof2020",
  prompts: true,
  highlight: false,
  reviewer: false,
};

/** An empty grid; the stub analyzer decides what it "contains" by its name. */
export function grid(name: string): Grid {
  return { name, top: 0, left: 0, values: [[name]], merges: [] };
}

/** A form report with sensible defaults: weights 100, total 91 → 90.38, grade 优. */
export function report(name: string, change: Partial<FormReport> = {}): FormReport {
  const r: FormReport = {
    sheet: name,
    range: "A1:I32",
    top: 0,
    bottom: 31,
    kind: "project",
    project: `${name}项目`,
    department: "上海市普陀区桃浦镇人民政府",
    implementer: "桃浦镇财政所",
    weights: { budget: 10, indicators: 90, total: 100, byBlock: false },
    budget: {
      submittedRate: 100,
      rate: 100,
      submittedScore: 10,
      score: 10,
      cell: "I6",
      rateCell: "H6",
      annual: 43.28,
      executed: 43.28,
      explain: "43.28 ÷ 43.28 = 100.00%",
    },
    indicators: [],
    total: { submitted: 91, recomputed: 90.38, cell: "H31", printedSum: 91 },
    grade: { submitted: "优", recomputed: "优", cell: "C32" },
    findings: [],
    status: "pass",
    ...change,
  };
  return { ...r, status: change.status ?? formStatus(r) };
}

/** What the core says of a sheet with no form. */
export const NOT_A_FORM: SheetAnalysis = {
  name: "Sheet1",
  forms: [],
  findings: [{ code: "LAYOUT_NOT_FOUND", severity: "info", cell: "A1", message: "不是自评表" }],
  status: "no-form",
};

/** One form's report and patches, the shape most tests give. */
export interface OneForm {
  report: FormReport;
  patches: Patch[];
}

/** A sheet of one form (or the analysis as given). */
export function sheetOf(entry: OneForm | SheetAnalysis): SheetAnalysis {
  if ("forms" in entry) return entry;
  return { name: entry.report.sheet, forms: [entry], findings: [], status: entry.report.status };
}

export const H23: Finding = {
  code: "SCORE_MISMATCH",
  severity: "error",
  cell: "H23",
  message: "「软件系统故障发生数」得分填为 2，按规则应为 0.00：多计了分，请更正。",
  row: 23,
  label: "软件系统故障发生数",
  submitted: 2,
  recomputed: 0,
  explain: "目标为 0，实际 2：得 0 分",
};

export const H30: Finding = {
  code: "SCORE_MISMATCH",
  severity: "warning",
  cell: "H30",
  message: "「软件使用人员满意度」得分填为 8，按规则应为 9.38：少计了分，请核对。",
  row: 30,
  label: "软件使用人员满意度",
  submitted: 8,
  recomputed: 9.38,
  explain: "75 ÷ 80 × 10 = 9.38",
};

export function patches(sheet: string, n: number): Patch[] {
  return Array.from({ length: n }, (_, i) => ({
    sheet,
    row: 22 + i,
    col: 7,
    cell: `H${23 + i}`,
    old: 1,
    value: 0,
    what: "score" as const,
  }));
}

/** An analyzer that answers from a table keyed by sheet name (entries may be replaced during a test). */
export function stubAnalyzer(
  table: Record<string, OneForm | SheetAnalysis>
): Analyzer & { calls: PaneSettings[] } {
  const calls: PaneSettings[] = [];
  const fn = (g: Grid, settings: PaneSettings): SheetAnalysis => {
    calls.push(settings);
    const found = table[g.name];
    if (!found) throw new Error(`no stub for ${g.name}`);
    return { ...sheetOf(found), name: g.name };
  };
  return Object.assign(fn, { calls });
}

/** A Host over named grids, recording every call; the first grid is the active sheet. */
export function fakeHost(grids: Grid[]) {
  const applied: AppliedFix[] = [];
  let active = grids[0];
  const host = {
    kind: "excel" as const,
    readActiveSheet: vi.fn(async () => active),
    readAllSheets: vi.fn(async (onProgress?: (done: number, total: number) => void) => {
      grids.forEach((_, i) => onProgress?.(i + 1, grids.length));
      return grids;
    }),
    apply: vi.fn(async (p: Patch[]) => {
      const fix = { at: "2024-01-01T00:00:00.000Z", patches: p };
      applied.push(fix);
      return fix;
    }),
    revertLast: vi.fn(async () => applied.pop() ?? null),
    hasRevert: vi.fn(async () => applied.length > 0),
    select: vi.fn(async (sheet: string, _cell: string) => {
      active = grids.find((g) => g.name === sheet) ?? active;
    }),
    highlight: vi.fn(async () => undefined),
    clearHighlights: vi.fn(async () => undefined),
  } satisfies Host;
  return host;
}
