/** Reads a located form into a model: every value with the cell it came from. */
import { cellAt, type CellInfo, type Grid } from "./grid";
import type { FormKind } from "./types";
import { a1 } from "./address";
import type { FormLayout, Pos } from "./layout";
import { displayText } from "./cells";
import { shownCell } from "./merges";
import { headerKey, isNoValueText, stripIndicatorPrefix } from "./text";

/** A cell of the form: where it is and what it holds. */
export interface FormCell extends CellInfo {
  pos: Pos;
}

export interface IndicatorRow {
  row: number;
  level1: string;
  level2: string;
  /** 三级指标 as printed ("指标 1：提升工作效率"). */
  level3: string;
  /** The name without the template's "指标 1：" prefix; "" for placeholders. */
  name: string;
  target: FormCell;
  actual: FormCell;
  weight: FormCell;
  score: FormCell;
  reason: FormCell | null;
}

export interface BudgetRow {
  row: number;
  label: string;
  isTotal: boolean;
  annual: FormCell;
  executed: FormCell;
  weight: FormCell | null;
  rate: FormCell | null;
  score: FormCell | null;
}

export interface Form {
  sheet: string;
  kind: FormKind;
  /** The form's cells ("A1:I28") and its first and last row (0-based, inclusive). */
  range: string;
  top: number;
  bottom: number;
  project: string;
  department: string;
  implementer: string;
  budget: BudgetRow[];
  indicators: IndicatorRow[];
  total: { weight: FormCell; score: FormCell } | null;
  grade: FormCell | null;
  /** Where WEIGHT_SUM and WEIGHT_SPLIT point: the 总分 row's 分值 cell, else the header's. */
  weightSumCell: Pos;
}

function at(grid: Grid, row: number, col: number): FormCell {
  const c = cellAt(grid, row, col);
  return { value: c.value, formula: c.formula, format: c.format, pos: { row, col } };
}

function text(grid: Grid, p: Pos | null): string {
  return p ? displayText(cellAt(grid, p.row, p.col)) : "";
}

/** A label read through merges (一级/二级指标 merged over their rows). */
function mergedText(grid: Grid, layout: FormLayout, row: number, col: number | null): string {
  return col === null ? "" : displayText(shownCell(grid, layout.merges, row, col)).trim();
}

/** Reads the indicator table, carrying 一级/二级指标 down continuation rows where they are left blank. */
function readIndicators(grid: Grid, layout: FormLayout): IndicatorRow[] {
  const { cols } = layout;
  const rows: IndicatorRow[] = [];
  let level1 = "";
  let level2 = "";
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    const l1 = mergedText(grid, layout, r, cols.level1);
    const l2 = mergedText(grid, layout, r, cols.level2);
    if (l1 && l1 !== level1) level2 = "";
    level1 = l1 || level1;
    level2 = l2 || level2;
    let level3 = "";
    for (let c = cols.level3; c <= cols.level3End && !level3; c++) level3 = text(grid, { row: r, col: c });
    rows.push({
      row: r,
      level1,
      level2,
      level3,
      name: isNoValueText(stripIndicatorPrefix(level3)) ? "" : stripIndicatorPrefix(level3),
      target: at(grid, r, cols.target),
      actual: at(grid, r, cols.actual),
      weight: at(grid, r, cols.weight),
      score: at(grid, r, cols.score),
      reason: cols.reason === null ? null : at(grid, r, cols.reason),
    });
  }
  return rows;
}

function readBudget(grid: Grid, layout: FormLayout): BudgetRow[] {
  const b = layout.budget;
  if (!b) return [];
  const opt = (row: number, col: number | null) => (col === null ? null : at(grid, row, col));
  return b.rows.map(({ row, label, isTotal }) => ({
    row,
    label,
    isTotal,
    annual: at(grid, row, b.annual),
    executed: at(grid, row, b.executed),
    weight: opt(row, b.weight),
    rate: opt(row, b.rate),
    score: opt(row, b.score),
  }));
}

/** Reads the form at `layout` from the grid. Pure and total: odd cells become odd values, never throws. */
export function readForm(grid: Grid, layout: FormLayout): Form {
  const { cols, totalRow } = layout;
  let weightSumCell: Pos = { row: layout.headerRow, col: cols.weight };
  if (totalRow !== null) {
    const m = layout.merges.at(totalRow, cols.weight);
    if (!m || (m.top === totalRow && m.left === cols.weight))
      weightSumCell = { row: totalRow, col: cols.weight };
  }
  const department = text(grid, layout.department);
  return {
    sheet: grid.name,
    kind: layout.kind,
    range: `${a1(layout.top, layout.left)}:${a1(layout.bottom, layout.right)}`,
    top: layout.top,
    bottom: layout.bottom,
    project: text(grid, layout.project),
    // A label cell to the right of 主管部门 may be 实施单位 itself when the department is empty.
    department: headerKey(department).startsWith("实施单位") ? "" : department,
    implementer: text(grid, layout.implementer),
    budget: readBudget(grid, layout),
    indicators: readIndicators(grid, layout),
    total:
      totalRow === null
        ? null
        : { weight: at(grid, totalRow, cols.weight), score: at(grid, totalRow, cols.score) },
    grade: layout.gradeCell ? at(grid, layout.gradeCell.row, layout.gradeCell.col) : null,
    weightSumCell,
  };
}
