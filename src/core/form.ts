/** Reads a located form into a model: every value with the cell it came from. */
import { cellAt, type CellInfo, type Grid } from "./grid";
import type { FormKind } from "./types";
import { a1 } from "./address";
import type { ColumnRead, FormLayout, Pos } from "./layout";
import { shownCell } from "./merges";
import { headerKey, isNoValueText, roleKey, stripIndicatorPrefix } from "./text";
import { displayText, readNumber } from "./cells";
import { DETAIL_PREFIX, ERROR_VALUE, POINTS, POINTS_ONLY, SUBTOTAL_LABEL } from "./templates";

/** A cell of the form: where it is and what it holds. */
export interface FormCell extends CellInfo {
  pos: Pos;
}

export interface IndicatorRow {
  row: number;
  /** Index of the block (header) the row stands under. */
  block: number;
  /** A "其中…" line under a weighted row: it details that row, it is not an indicator. */
  detail: boolean;
  level1: string;
  level2: string;
  /** 三级指标 as printed ("指标 1：提升工作效率"). */
  level3: string;
  /** The name without the template's "指标 1：" prefix; "" for placeholders. */
  name: string;
  /** The target as printed; for a split target, its 指标性质 / 指标值 / 度量单位 read together. */
  target: FormCell;
  actual: FormCell;
  /** Null where the template has no 分值 column (weights by block) or no 得分 column. */
  weight: FormCell | null;
  score: FormCell | null;
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
  total: { weight: FormCell | null; score: FormCell } | null;
  grade: FormCell | null;
  /** Where WEIGHT_SUM and WEIGHT_SPLIT point: the 总分 row's 分值 cell, else the header's. */
  weightSumCell: Pos;
  /** Where the form's own findings (weights by block, no scores) point: the header's 得分 cell. */
  headerCell: Pos;
  /** The template prints weights only on block labels (no 分值 column). */
  byBlock: boolean;
  /** The form has a 得分 column (a 绩效目标自评表 may print targets and actuals only). */
  hasScores: boolean;
  blocks: { label: string; labelPos: Pos | null; points: number | null }[];
  /** The budget weight printed in the budget block's label, where there is one. */
  budgetPoints: number | null;
  /** Columns read by their content (COLUMN_INFERRED) and per-row number columns not recognised. */
  inferred: ColumnRead[];
  unknown: ColumnRead[];
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

/** A label cell's own text: empty where the cell is merged down from a row above. */
function ownText(grid: Grid, layout: FormLayout, row: number, col: number): string {
  const m = layout.merges.at(row, col);
  return m && m.top < row ? "" : text(grid, { row, col });
}

/** The target of a row: one cell, or the 指标性质 / 指标值 / 度量单位 of a split target read together. */
function targetCell(grid: Grid, layout: FormLayout, r: number): FormCell {
  const { cols } = layout;
  const value = at(grid, r, cols.target);
  if (cols.targetOp === null && cols.targetUnit === null) return value;
  // "/" or "—" in 指标性质 or 度量单位 means no operator, no unit: nothing to read into the target.
  const part = (c: number | null) => {
    const t = c === null ? "" : displayText(cellAt(grid, r, c));
    return isNoValueText(t) ? "" : t;
  };
  const shown = displayText(value);
  // An error value (#N/A) in 指标值 is reported as such, on its cell.
  if (ERROR_VALUE.test(shown)) return value;
  const text = shown ? `${part(cols.targetOp)}${shown}${part(cols.targetUnit)}` : "";
  return { ...value, value: text || null, format: null };
}

/** Reads the indicator table, carrying 一级/二级指标 down continuation rows where they are left blank. */
function readIndicators(grid: Grid, layout: FormLayout): IndicatorRow[] {
  const { cols } = layout;
  const rows: IndicatorRow[] = [];
  let level1 = "";
  let level2 = "";
  let block = 0;
  let parentWeighted = false;
  for (const r of layout.rows) {
    while (block < layout.blocks.length - 1 && r > layout.blocks[block].last) {
      block++;
      level1 = "";
      level2 = "";
    }
    let l1 = mergedText(grid, layout, r, cols.level1);
    const l2 = mergedText(grid, layout, r, cols.level2);
    // A level-1 cell that is only its points ("(50分)", under 产出指标) gives the label above its points.
    if (l1 && POINTS_ONLY.test(headerKey(l1)))
      l1 = level1 && !POINTS.test(headerKey(level1)) ? `${level1}${l1}` : level1 || l1;
    if (l1 && l1 !== level1 && !l1.startsWith(level1 || "\u0000")) level2 = "";
    level1 = l1 || level1;
    level2 = l2 || level2;
    let level3 = "";
    for (let c = cols.level3; c <= cols.level3End && !level3; c++) level3 = text(grid, { row: r, col: c });
    const name = isNoValueText(stripIndicatorPrefix(level3)) ? "" : stripIndicatorPrefix(level3);
    const weight = cols.weight === null ? null : at(grid, r, cols.weight);
    const weighted = weight !== null && readNumber(weight).kind === "number";
    // A 小计 row sums the rows above it (counted once, through them); a 其中 line details the row above.
    const subtotal = [name, cols.level2 === null ? "" : ownText(grid, layout, r, cols.level2)].some((t) =>
      SUBTOTAL_LABEL.test(roleKey(t))
    );
    const detail = subtotal || (parentWeighted && !weighted && DETAIL_PREFIX.test(headerKey(name)));
    if (!detail) parentWeighted = weighted;
    rows.push({
      row: r,
      block,
      detail,
      level1,
      level2,
      level3,
      name,
      target: targetCell(grid, layout, r),
      actual: at(grid, r, cols.actual),
      weight,
      score: cols.score === null ? null : at(grid, r, cols.score),
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
  const headerCell: Pos = { row: layout.headerRow, col: cols.score ?? cols.actual };
  let weightSumCell: Pos = cols.weight === null ? headerCell : { row: layout.headerRow, col: cols.weight };
  const totalScoreCol = cols.score ?? cols.actual;
  if (totalRow !== null) {
    const col = cols.weight ?? totalScoreCol;
    const m = layout.merges.at(totalRow, col);
    if (!m || (m.top === totalRow && m.left === col)) weightSumCell = { row: totalRow, col };
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
    department: headerKey(department).includes("实施单位") ? "" : department,
    implementer: text(grid, layout.implementer),
    budget: readBudget(grid, layout),
    indicators: readIndicators(grid, layout),
    total:
      cols.score === null
        ? null
        : totalRow !== null
          ? {
              weight: cols.weight === null ? null : at(grid, totalRow, cols.weight),
              score: at(grid, totalRow, cols.score),
            }
          : layout.headerTotal
            ? { weight: null, score: at(grid, layout.headerTotal.row, layout.headerTotal.col) }
            : null,
    grade: layout.gradeCell ? at(grid, layout.gradeCell.row, layout.gradeCell.col) : null,
    weightSumCell,
    headerCell,
    byBlock: cols.weight === null,
    hasScores: cols.score !== null,
    blocks: layout.blocks.map(({ label, labelPos, points }) => ({ label, labelPos, points })),
    budgetPoints: layout.budget?.points ?? null,
    inferred: layout.inferred,
    unknown: layout.unknown,
  };
}
