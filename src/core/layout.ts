/** Finds the 自评表 on a sheet by its header texts, never by fixed coordinates (spec: layout). */
import { cellAt, gridEnd, type Grid } from "./grid";
import { indexMerges, shownCell, type MergeIndex } from "./merges";
import { headerKey } from "./text";
import type { FormKind } from "./types";

/** 0-based absolute position. */
export interface Pos {
  row: number;
  col: number;
}

export interface IndicatorColumns {
  level1: number | null;
  level2: number | null;
  /** 三级指标 may span two columns (merged or not): read the first non-empty of level3..level3End. */
  level3: number;
  level3End: number;
  target: number;
  actual: number;
  weight: number;
  score: number;
  reason: number | null;
}

export interface BudgetLayout {
  headerRow: number;
  initial: number | null;
  annual: number;
  executed: number;
  weight: number | null;
  rate: number | null;
  score: number | null;
  rows: { row: number; label: string; isTotal: boolean }[];
}

export interface FormLayout {
  kind: FormKind;
  /** The form's bounds, 0-based absolute, inclusive. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  headerRow: number;
  cols: IndicatorColumns;
  /** Indicator rows: firstRow..lastRow inclusive. */
  firstRow: number;
  lastRow: number;
  totalRow: number | null;
  gradeRow: number | null;
  gradeCell: Pos | null;
  budget: BudgetLayout | null;
  project: Pos | null;
  department: Pos | null;
  implementer: Pos | null;
  merges: MergeIndex;
}

type Matcher = (key: string) => boolean;

const IND: Record<Exclude<keyof IndicatorColumns, "level3End">, Matcher> = {
  level1: (k) => k === "一级指标",
  level2: (k) => k === "二级指标",
  level3: (k) => k === "三级指标",
  target: (k) => k.startsWith("年度指标值") || k === "指标值" || k.startsWith("年度目标值") || k === "目标值",
  actual: (k) => k.startsWith("实际完成值") || k === "实际值" || k === "全年实际值" || k === "实际完成情况值",
  weight: (k) => /^(分值|分数|权重)/.test(k),
  score: (k) => k.startsWith("得分") || k === "评分" || k === "自评得分",
  reason: (k) => k.startsWith("偏差原因"),
};

const BUD = {
  initial: (k: string) => k.startsWith("年初预算"),
  annual: (k: string) => k.startsWith("全年预算") || k.startsWith("调整后预算"),
  executed: (k: string) => k.startsWith("全年执行") || k.startsWith("实际执行"),
  weight: IND.weight,
  rate: (k: string) => k.startsWith("执行率") || k.startsWith("预算执行率"),
  score: IND.score,
};

function rowKeys(grid: Grid, row: number, left: number, right: number): Map<number, string> {
  const keys = new Map<number, string>();
  for (let c = left; c < right; c++) {
    const v = cellAt(grid, row, c).value;
    if (typeof v === "string" && v.trim()) keys.set(c, headerKey(v));
  }
  return keys;
}

function find(keys: Map<number, string>, m: Matcher, after = -1): number | null {
  for (const [c, k] of keys) if (c > after && m(k)) return c;
  return null;
}

/** The text of a label cell, looking through merges to their master cell. */
export function labelKey(grid: Grid, merges: MergeIndex, row: number, col: number): string {
  const v = shownCell(grid, merges, row, col).value;
  return typeof v === "string" ? headerKey(v) : "";
}

function labelText(grid: Grid, merges: MergeIndex, row: number, col: number): string {
  return String(shownCell(grid, merges, row, col).value ?? "").trim();
}

/**
 * Whether a row can hold the indicator header. Its 三级指标 label keeps the 三 whatever its spacing or
 * width, so rows without one are passed over without normalising every text: a sheet that is not a
 * form (a 明细 of 100,000 rows) costs one scan, not a normalised key per cell.
 */
function mayHoldHeader(grid: Grid, row: number): boolean {
  const line = grid.values[row - grid.top] ?? [];
  return line.some((v) => typeof v === "string" && v.includes("三"));
}

function findIndicatorHeader(grid: Grid, end: { row: number; col: number }) {
  for (let r = grid.top; r < end.row; r++) {
    if (!mayHoldHeader(grid, r)) continue;
    const keys = rowKeys(grid, r, grid.left, end.col);
    if (keys.size < 5) continue;
    const level3 = find(keys, IND.level3);
    if (level3 === null) continue;
    const target = find(keys, IND.target, level3);
    const actual = find(keys, IND.actual, level3);
    const weight = find(keys, IND.weight, level3);
    const score = find(keys, IND.score, level3);
    if (target === null || actual === null || weight === null || score === null) continue;
    const cols: IndicatorColumns = {
      level1: find(keys, IND.level1),
      level2: find(keys, IND.level2),
      level3,
      level3End: Math.max(level3, Math.min(target, actual, weight, score) - 1),
      target,
      actual,
      weight,
      score,
      reason: find(keys, IND.reason, level3),
    };
    return { row: r, cols };
  }
  return null;
}

function findBudget(grid: Grid, merges: MergeIndex, headerRow: number, endCol: number): BudgetLayout | null {
  for (let r = grid.top; r < headerRow; r++) {
    const keys = rowKeys(grid, r, grid.left, endCol);
    const annual = find(keys, BUD.annual);
    const executed = find(keys, BUD.executed);
    if (annual === null || executed === null) continue;
    const layout: BudgetLayout = {
      headerRow: r,
      initial: find(keys, BUD.initial),
      annual,
      executed,
      weight: find(keys, BUD.weight, executed),
      rate: find(keys, BUD.rate),
      score: find(keys, BUD.score, executed),
      rows: [],
    };
    const labelEnd = Math.min(annual, layout.initial ?? annual);
    for (let row = r + 1; row < headerRow; row++) {
      let label = "";
      let key = "";
      for (let c = labelEnd - 1; c >= grid.left && !label; c--) {
        key = labelKey(grid, merges, row, c);
        if (/资金总额|财政拨款|结转|其他资金|其中/.test(key)) label = labelText(grid, merges, row, c);
      }
      if (!label) break;
      layout.rows.push({ row, label, isTotal: /资金总额/.test(key) });
    }
    return layout;
  }
  return null;
}

/** The first non-empty cell right of a label (past its merge), or the cell just after it. */
function valueRightOf(grid: Grid, merges: MergeIndex, row: number, col: number, endCol: number): Pos {
  const m = merges.at(row, col);
  const start = (m ? m.right : col) + 1;
  for (let c = start; c < endCol; c++) {
    const v = cellAt(grid, row, c).value;
    if (v !== null && String(v).trim() !== "") return { row, col: c };
  }
  return { row, col: start };
}

function findLabel(grid: Grid, rows: [number, number], endCol: number, m: Matcher): Pos | null {
  for (let r = rows[0]; r < rows[1]; r++) {
    for (const [c, k] of rowKeys(grid, r, grid.left, endCol)) if (m(k)) return { row: r, col: c };
  }
  return null;
}

/** Labels that open a form (its 项目名称 line, its indicator header): where the form above ends. */
const STARTS_FORM: Matcher = (k) => /^项目名称(:|$)/.test(k) || IND.level3(k);

/** Locates the form's header, columns, budget block, total and grade rows; null when it is not a form. */
export function locateForm(grid: Grid): FormLayout | null {
  const end = gridEnd(grid);
  const header = findIndicatorHeader(grid, end);
  if (!header) return null;
  const merges = indexMerges(grid);
  const { cols } = header;
  let totalRow: number | null = null;
  let gradeRow: number | null = null;
  let gradeLabel: Pos | null = null;
  let formEnd = end.row;
  for (let r = header.row + 1; r < formEnd && (totalRow === null || gradeRow === null); r++) {
    for (let c = grid.left; c < cols.target; c++) {
      const k = labelKey(grid, merges, r, c);
      // A second form below this one: its rows (and its 总分 or 评分等级) are not this form's.
      if (STARTS_FORM(k)) {
        formEnd = r;
        break;
      }
      if (totalRow === null && /^(总分|合计|总计|总得分)$/.test(k)) totalRow = r;
      else if (gradeRow === null && /^(评分等级|等级|自评等级|绩效等级|评价等级)$/.test(k)) {
        gradeRow = r;
        gradeLabel = { row: r, col: c };
      }
      if (totalRow === r || gradeRow === r) break;
    }
  }
  const stop = totalRow ?? gradeRow ?? formEnd;
  const top: [number, number] = [grid.top, header.row];
  const project = findLabel(grid, top, end.col, (k) => k.startsWith("项目名称"));
  const department = findLabel(grid, top, end.col, (k) => k.startsWith("主管部门"));
  const implementer = findLabel(grid, top, end.col, (k) => k.startsWith("实施单位"));
  const right = (p: Pos | null) => (p ? valueRightOf(grid, merges, p.row, p.col, end.col) : null);
  const bottom = Math.max(header.row, gradeRow ?? totalRow ?? stop - 1);
  return {
    kind: "project",
    top: grid.top,
    bottom,
    left: grid.left,
    right: end.col - 1,
    headerRow: header.row,
    cols,
    firstRow: header.row + 1,
    lastRow: stop - 1,
    totalRow,
    gradeRow,
    gradeCell: gradeLabel ? valueRightOf(grid, merges, gradeLabel.row, gradeLabel.col, end.col) : null,
    budget: findBudget(grid, merges, header.row, end.col),
    project: right(project),
    department: right(department),
    implementer: right(implementer),
    merges,
  };
}
