/** Finds a form's budget block (项目资金 / 预算执行情况) above its indicator header (spec §3, §9). */
import { cellAt, type Grid } from "./grid";
import { shownCell, type MergeIndex } from "./merges";
import { headerKey, matchesWord, roleKey } from "./text";
import { BUDGET_HEADERS, BUDGET_ROWS, POINTS, type BudgetRole } from "./templates";

export interface BudgetLayout {
  headerRow: number;
  initial: number | null;
  annual: number;
  executed: number;
  weight: number | null;
  rate: number | null;
  score: number | null;
  /** The budget weight printed in a label ("预算执行情况(20分)", "得分(20分*执行率)"), where there is one. */
  points: number | null;
  rows: { row: number; label: string; isTotal: boolean }[];
}

const ORDER: BudgetRole[] = ["initial", "annual", "executed", "rate", "weight", "score"];

function roleOf(text: string): BudgetRole | null {
  const k = roleKey(text);
  if (!k || k.length > 16) return null;
  for (const role of ORDER) if (matchesWord(k, BUDGET_HEADERS[role])) return role;
  return null;
}

function pointsOf(text: string): number | null {
  const m = POINTS.exec(headerKey(text));
  return m ? Number(m[1]) : null;
}

/** Whether a row is a budget block's header (names 全年预算数 and 全年执行数): where a next form starts. */
export function isBudgetHeader(grid: Grid, row: number): boolean {
  const line = grid.values[row - grid.top];
  if (!line) return false;
  let annual = false;
  let executed = false;
  for (const v of line) {
    if (typeof v !== "string" || v.length > 40 || !/预算|执行/.test(headerKey(v))) continue;
    const role = roleOf(v);
    annual ||= role === "annual";
    executed ||= role === "executed";
  }
  return annual && executed;
}

/** A budget row's label: 年度资金总额 (the total row), 其中…, 上年结转资金, 其他资金 … */
function rowLabel(key: string): "total" | "other" | null {
  if (BUDGET_ROWS.total.some((re) => re.test(key))) return "total";
  if (BUDGET_ROWS.other.some((re) => re.test(key))) return "other";
  return null;
}

/** The budget block in rows [from, to): its header (全年预算数 and 全年执行数 at least) and its rows. */
export function findBudget(
  grid: Grid,
  merges: MergeIndex,
  [from, to]: [number, number],
  endCol: number
): BudgetLayout | null {
  for (let r = from; r < to; r++) {
    const line = grid.values[r - grid.top];
    if (!line) continue;
    const cols = new Map<BudgetRole, number>();
    let points: number | null = null;
    for (let c = grid.left; c < Math.min(endCol, grid.left + line.length); c++) {
      const v = cellAt(grid, r, c).value;
      if (typeof v !== "string") continue;
      const role = roleOf(v);
      if (role && !cols.has(role)) cols.set(role, c);
      points ??= pointsOf(v);
    }
    // A template that prints only 年初预算数(A) (北京 2016) takes it as the base; else 全年预算数 is.
    const annual = cols.get("annual") ?? cols.get("initial");
    const executed = cols.get("executed");
    if (annual === undefined || executed === undefined) continue;
    if (!cols.has("annual")) cols.delete("initial");
    const after = (role: BudgetRole) => {
      const c = cols.get(role);
      return c !== undefined && c > executed ? c : null;
    };
    const layout: BudgetLayout = {
      headerRow: r,
      initial: cols.get("initial") ?? null,
      annual,
      executed,
      weight: after("weight"),
      rate: cols.get("rate") ?? null,
      score: after("score"),
      points,
      rows: [],
    };
    const labelEnd = Math.min(annual, layout.initial ?? annual);
    for (let row = r + 1; row < to; row++) {
      let label = "";
      let kind: "total" | "other" | null = null;
      for (let c = labelEnd - 1; c >= grid.left && !label; c--) {
        const v = shownCell(grid, merges, row, c).value;
        if (typeof v !== "string") continue;
        kind = rowLabel(roleKey(v));
        if (kind) label = v.trim();
      }
      if (!label) break;
      layout.rows.push({ row, label, isTotal: kind === "total" && !layout.rows.some((x) => x.isTotal) });
    }
    return layout;
  }
  return null;
}
