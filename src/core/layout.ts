/**
 * Finds every 自评表 on a sheet by its words, never by fixed coordinates (spec §9): each form's header,
 * columns, budget block, blocks, total and grade rows, and where it starts and ends. One place says where a
 * form starts and ends: `locateForms`.
 */
import { cellAt, gridEnd, presentRows, rowEnd, rowsBetween, type Grid } from "./grid";
import { readNumber } from "./cells";
import { round2 } from "./numbers";
import { indexMerges, shownCell, type MergeIndex } from "./merges";
import { headerKey, matchesWord, roleKey } from "./text";
import { headerAt, mayHoldHeader, type HeaderFound } from "./header";
import { findBudget, isBudgetHeader, type BudgetLayout } from "./budget-layout";
import {
  GRADE_LABELS,
  HEADER_TOTAL_LABELS,
  INFO_LABELS,
  KIND_TITLES,
  POINTS,
  ROLE_NAMES,
  TITLE,
  TOTAL_LABELS,
  type IndicatorRole,
} from "./templates";
import type { FormKind } from "./types";
import { readGrade } from "./grade";

export type { BudgetLayout } from "./budget-layout";

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
  /** A target split over 指标性质 / 指标值 / 度量单位: the operator and unit columns. */
  targetOp: number | null;
  targetUnit: number | null;
  actual: number;
  /** Null where the template prints weights only on block labels. */
  weight: number | null;
  /** Null where the form has no 得分 column (targets and actuals only). */
  score: number | null;
  reason: number | null;
}

/** A part of the indicator table under one header (a 年度绩效目标 block, or a page of a split form). */
export interface BlockLayout {
  /** First and last indicator row of the block. */
  first: number;
  last: number;
  /** The block's label ("年度绩效目标1(40分)") and the points it carries, where printed. */
  label: string;
  labelPos: Pos | null;
  points: number | null;
}

export interface FormLayout {
  kind: FormKind;
  /** The form's bounds, 0-based absolute, inclusive. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The first header's row that names 三级指标 (WEIGHT_SUM falls back to its 分值 cell). */
  headerRow: number;
  cols: IndicatorColumns;
  /** Candidate indicator rows, top to bottom, header rows left out. */
  rows: number[];
  blocks: BlockLayout[];
  totalRow: number | null;
  /** Columns recognised by what they hold (COLUMN_INFERRED), and per-row number columns not recognised. */
  inferred: ColumnRead[];
  unknown: ColumnRead[];
  /** A total printed in the header block ("自评得分 98" beside the title), where there is no 总分 row. */
  headerTotal: Pos | null;
  gradeCell: Pos | null;
  budget: BudgetLayout | null;
  project: Pos | null;
  department: Pos | null;
  implementer: Pos | null;
  merges: MergeIndex;
}

/** A column read by its content: its header cell, the header's text, and the role given. */
export interface ColumnRead {
  pos: Pos;
  header: string;
  role: "weight" | "score";
  /** The arithmetic that proves it: Σ weights with the budget's (weight), or the highest score's row. */
  sum: number;
  budget: number;
}

/** A part of the sheet that looks like a form but could not be read. */
export interface UnreadablePart {
  pos: Pos;
  title: string;
  found: string[];
  missing: string[];
}

export interface SheetLayout {
  forms: FormLayout[];
  unreadable: UnreadablePart[];
}

/** The text of a label cell, looking through merges to their master cell. */
export function labelKey(grid: Grid, merges: MergeIndex, row: number, col: number): string {
  const v = shownCell(grid, merges, row, col).value;
  return typeof v === "string" ? roleKey(v) : "";
}

function labelText(grid: Grid, merges: MergeIndex, row: number, col: number): string {
  return String(shownCell(grid, merges, row, col).value ?? "").trim();
}

/** The first non-empty cell right of a label (past its merge), or the cell just after it. */
function valueRightOf(grid: Grid, merges: MergeIndex, p: Pos, endCol: number): Pos {
  const m = merges.at(p.row, p.col);
  const start = (m ? m.right : p.col) + 1;
  for (let c = start; c < Math.min(endCol, rowEnd(grid, p.row)); c++) {
    if (merges.at(p.row, c) && merges.at(p.row, c)?.left !== c) continue;
    const v = shownCell(grid, merges, p.row, c).value;
    if (v !== null && String(v).trim() !== "") return { row: p.row, col: c };
  }
  return { row: p.row, col: start };
}

function findLabel(grid: Grid, rows: [number, number], endCol: number, words: readonly string[]) {
  for (let r = rows[0]; r < rows[1]; r++) {
    const line = grid.values[r - grid.top];
    if (!line) continue;
    for (let c = grid.left; c < Math.min(endCol, grid.left + line.length); c++) {
      const v = line[c - grid.left];
      if (typeof v === "string" && v.length < 20 && matchesWord(roleKey(v), words)) return { row: r, col: c };
    }
  }
  return null;
}

/** The form's title in its rows above the header: a short cell ending in 自评表. */
function findTitle(grid: Grid, rows: [number, number], endCol: number): { pos: Pos; text: string } | null {
  for (let r = rows[0]; r < rows[1]; r++) {
    const line = grid.values[r - grid.top];
    if (!line) continue;
    for (let c = 0; c < Math.min(line.length, endCol - grid.left); c++) {
      const v = line[c];
      if (typeof v === "string" && v.length <= 60 && TITLE.test(headerKey(v)))
        return { pos: { row: r, col: grid.left + c }, text: v.trim() };
    }
  }
  return null;
}

/** Rows that start a form (its title, its 项目名称 line): where the form above ends at the latest. */
function startsForm(grid: Grid, merges: MergeIndex, row: number, endCol: number): boolean {
  const line = grid.values[row - grid.top];
  if (!line) return false;
  for (let c = 0; c < Math.min(line.length, endCol - grid.left); c++) {
    const v = line[c];
    if (typeof v !== "string" || v.length > 60) continue;
    const k = headerKey(v);
    if (TITLE.test(k) || /^项目名称(:|$)/.test(k)) return true;
  }
  return false;
}

function points(text: string): number | null {
  const m = POINTS.exec(headerKey(text));
  return m ? Number(m[1]) : null;
}

function columnsOf(h: HeaderFound): IndicatorColumns {
  const r = h.roles;
  const get = (role: IndicatorRole) => r.get(role) ?? null;
  const level3 = r.get("level3") as number;
  const right = [...r.entries()].filter(([role, c]) => c > level3 && role !== "level3").map(([, c]) => c);
  return {
    level1: get("level1"),
    level2: get("level2"),
    level3,
    level3End: right.length ? Math.max(level3, Math.min(...right) - 1) : level3,
    target: r.get("target") as number,
    targetOp: get("targetOp"),
    targetUnit: get("targetUnit"),
    actual: r.get("actual") as number,
    weight: get("weight"),
    score: get("score"),
    reason: get("reason"),
  };
}

/** Whether two headers name the same columns (a header repeated on the next printed page). */
function sameColumns(a: IndicatorColumns, b: IndicatorColumns): boolean {
  return (
    a.level3 === b.level3 &&
    a.target === b.target &&
    a.actual === b.actual &&
    a.score === b.score &&
    a.weight === b.weight
  );
}

/** Every header on the sheet, top to bottom (a two-row header once, at its 三级指标 row). */
function findHeaders(grid: Grid, merges: MergeIndex, end: { row: number; col: number }): HeaderFound[] {
  const found: HeaderFound[] = [];
  let skipTo = -1;
  // A header's cells lie within its own row or the rows beside it (a merged master cell is above).
  const span = (r: number) =>
    Math.min(
      end.col,
      Math.max(rowEnd(grid, r - 1), rowEnd(grid, r), rowEnd(grid, r + 1), rowEnd(grid, r + 2))
    );
  for (const r of presentRows(grid)) {
    if (r <= skipTo || !mayHoldHeader(grid, r)) continue;
    const h = headerAt(grid, merges, r, grid.left, span(r));
    if (!h) continue;
    // The upper row of a two-row header: taken with the 三级指标 row below it.
    if (!h.roles.has("level3")) {
      const next = mayHoldHeader(grid, r + 1) ? headerAt(grid, merges, r + 1, grid.left, span(r + 1)) : null;
      if (next?.roles.has("level3")) continue;
    }
    found.push(h);
    skipTo = h.rows[h.rows.length - 1];
  }
  return found;
}

function kindOf(title: string, hasBudget: boolean, hasScores: boolean): FormKind {
  const k = headerKey(title);
  for (const { kind, title: re } of KIND_TITLES) {
    if (!re.test(k)) continue;
    // A 绩效目标自评表 that prints a budget block and scores is a project's form.
    return kind === "target" && hasBudget && hasScores ? "project" : kind;
  }
  return "project";
}

/** The block label of a header: its first labelled cell left of the indicator levels. */
function blockLabel(grid: Grid, merges: MergeIndex, h: HeaderFound, cols: IndicatorColumns) {
  const first = Math.min(cols.level1 ?? cols.level3, cols.level2 ?? cols.level3, cols.level3);
  for (const row of h.rows) {
    for (let c = grid.left; c < first; c++) {
      const text = labelText(grid, merges, row, c);
      if (text) {
        const m = merges.at(row, c);
        return { label: text, labelPos: m ? { row: m.top, col: m.left } : { row, col: c } };
      }
    }
  }
  return { label: "", labelPos: null };
}

interface Bounds {
  limit: number;
  totalRow: number | null;
  gradeLabel: Pos | null;
}

/** Where the form's indicator rows stop: its 总分 / 评分等级 rows, or the start of what comes next. */
function boundsAfter(
  grid: Grid,
  merges: MergeIndex,
  from: number,
  limit: number,
  cols: IndicatorColumns
): Bounds {
  let totalRow: number | null = null;
  let gradeLabel: Pos | null = null;
  const labelEnd = Math.min(cols.target, cols.actual, cols.score ?? cols.target);
  for (const r of rowsBetween(grid, from, limit)) {
    if (startsForm(grid, merges, r, labelEnd + 1) || isBudgetHeader(grid, r))
      return { limit: r, totalRow, gradeLabel };
    for (let c = grid.left; c < labelEnd; c++) {
      // A label merged down from a row above (一级指标 over its rows) is not this row's own.
      const m = merges.at(r, c);
      if (m && m.top < r) continue;
      const k = labelKey(grid, merges, r, c);
      if (!k) continue;
      if (totalRow === null && matchesWord(k, TOTAL_LABELS) && k.length <= 6) totalRow = r;
      else if (gradeLabel === null && matchesWord(k, GRADE_LABELS) && k.length <= 6)
        gradeLabel = { row: r, col: c };
      break;
    }
    if (totalRow !== null && (gradeLabel !== null || r > totalRow + 1)) break;
  }
  return { limit, totalRow, gradeLabel };
}

/** A grade printed on the 总分 row itself, right of its score (云南 公开14表: 总分 | 100 | 96 | 优). */
function gradeOnTotalRow(
  grid: Grid,
  merges: MergeIndex,
  row: number,
  cols: IndicatorColumns,
  endCol: number
) {
  const from = (cols.score ?? cols.actual) + 1;
  for (let c = from; c < Math.min(endCol, rowEnd(grid, row)); c++) {
    const v = shownCell(grid, merges, row, c).value;
    if (typeof v === "string" && v.trim().length <= 3 && readGrade(v) !== null) return { row, col: c };
    const k = labelKey(grid, merges, row, c);
    if (k && matchesWord(k, GRADE_LABELS)) return valueRightOf(grid, merges, { row, col: c }, endCol);
  }
  return null;
}

/** A header that lacks a required column; FORM_UNREADABLE points at the form's title, else at A1 (spec §8). */
function unreadablePart(h: HeaderFound, title: { pos: Pos; text: string } | null): UnreadablePart {
  const names = (roles: IndicatorRole[]) => roles.map((r) => ROLE_NAMES[r]);
  return {
    pos: title?.pos ?? { row: 0, col: 0 },
    title: title?.text ?? "",
    found: names([...h.roles.keys()]),
    missing: names(h.missing),
  };
}

/** Whether a row holds a value in one of the indicator table's columns (三级指标 to the last one). */
function inColumns(grid: Grid, row: number, cols: IndicatorColumns): boolean {
  const line = grid.values[row - grid.top];
  if (!line) return false;
  const named = [
    cols.level1,
    cols.level2,
    cols.level3,
    cols.target,
    cols.actual,
    cols.weight,
    cols.score,
    cols.reason,
  ];
  const from = Math.min(...named.filter((c): c is number => c !== null));
  const to = Math.max(...named.filter((c): c is number => c !== null), cols.level3End);
  for (let c = from; c <= to; c++) {
    const v = line[c - grid.left];
    if (v !== null && v !== undefined && v !== "") return true;
  }
  return false;
}

/** Whether a row holds any value: blank rows below a form without 总分 are not its rows (nor in its range). */
function holdsValue(line: readonly unknown[] | undefined): boolean {
  return !!line && line.some((v) => v !== null && v !== undefined && String(v).trim() !== "");
}

/** The last column holding a value or a merged area in rows top..bottom (the form's right edge). */
function lastColumn(grid: Grid, top: number, bottom: number): number {
  let last = grid.left;
  for (const m of grid.merges) if (m.top >= top && m.top <= bottom && m.right > last) last = m.right;
  for (let r = top; r <= bottom; r++) {
    const line = grid.values[r - grid.top];
    if (!line) continue;
    for (let c = line.length - 1; c >= 0; c--) {
      const v = line[c];
      if (v !== null && v !== undefined && v !== "") {
        last = Math.max(last, grid.left + c);
        break;
      }
    }
  }
  return last;
}

/**
 * A total printed in the form's header block: a 自评得分 label (HEADER_TOTAL_LABELS) above the indicator
 * header, outside the budget block, with a number right of it.
 */
function findHeaderTotal(
  grid: Grid,
  merges: MergeIndex,
  [from, to]: [number, number],
  endCol: number,
  budget: BudgetLayout | null
): Pos | null {
  const budgetRows = new Set(budget ? [budget.headerRow, ...budget.rows.map((r) => r.row)] : []);
  for (let r = from; r < to; r++) {
    if (budgetRows.has(r)) continue;
    const line = grid.values[r - grid.top];
    if (!line) continue;
    for (let c = grid.left; c < Math.min(endCol, grid.left + line.length); c++) {
      const v = line[c - grid.left];
      if (typeof v !== "string" || v.length > 12) continue;
      const k = roleKey(v);
      // "自评得分：98" in one cell is not read (the number is not a cell of its own to check or write).
      if (!HEADER_TOTAL_LABELS.includes(k)) continue;
      const at = valueRightOf(grid, merges, { row: r, col: c }, endCol);
      const value = shownCell(grid, merges, at.row, at.col).value;
      const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
      if (value !== null && Number.isFinite(n)) return at;
    }
  }
  return null;
}

/** The budget weight the budget block prints (its 分值 cell on the 年度资金总额 row, else its label), or 0. */
function budgetWeight(grid: Grid, merges: MergeIndex, budget: BudgetLayout | null): number {
  if (!budget) return 0;
  const total = budget.rows.find((r) => r.isTotal);
  if (total && budget.weight !== null) {
    const read = readNumber(cellAt(grid, total.row, budget.weight));
    if (read.kind === "number") return read.value;
  }
  return budget.points ?? 0;
}

/** The numbers a column holds on the rows, or null where one of its cells holds text (not a number column). */
function columnNumbers(grid: Grid, rows: readonly number[], col: number): (number | null)[] | null {
  const out: (number | null)[] = [];
  for (const r of rows) {
    const read = readNumber(cellAt(grid, r, col));
    if (read.kind === "text") return null;
    out.push(read.kind === "number" ? read.value : null);
  }
  return out.filter((n) => n !== null).length >= 2 ? out : null;
}

/** The header text over a column (the first of the header's rows that holds one). */
function headerText(grid: Grid, merges: MergeIndex, h: HeaderFound, col: number): { pos: Pos; text: string } {
  for (const row of h.rows) {
    const v = shownCell(grid, merges, row, col).value;
    if (v !== null && String(v).trim() !== "") return { pos: { row, col }, text: String(v).trim() };
  }
  return { pos: { row: h.anchor, col }, text: "" };
}

/** Columns of the header's width that no known word names: candidates to be read by their content. */
function freeColumns(h: HeaderFound, cols: IndicatorColumns, right: number): number[] {
  const used = new Set<number>(h.roles.values());
  for (let c = cols.level3; c <= cols.level3End; c++) used.add(c);
  const from = cols.level3End + 1;
  const out: number[] = [];
  for (let c = from; c <= right; c++) if (!used.has(c)) out.push(c);
  return out;
}

/**
 * The 得分 column of a header that names 分值 but no score word: the column beside 分值 whose numbers each
 * stay within their row's 分值 (spec §9), on the rows under the header.
 */
function scoreByContent(
  grid: Grid,
  merges: MergeIndex,
  h: HeaderFound,
  next: HeaderFound | undefined,
  end: { row: number; col: number }
): ColumnRead | null {
  const weightCol = h.roles.get("weight");
  if (weightCol === undefined) return null;
  const cols = { ...columnsOf(h), score: null };
  const first = h.rows[h.rows.length - 1] + 1;
  const bounds = boundsAfter(grid, merges, first, next ? next.rows[0] : end.row, cols);
  const stop = bounds.totalRow ?? bounds.gradeLabel?.row ?? bounds.limit;
  const rows = rowsBetween(grid, first, stop).filter((r) => holdsValue(grid.values[r - grid.top]));
  const weights = columnNumbers(grid, rows, weightCol);
  if (!weights) return null;
  const free = new Set(freeColumns(h, cols, end.col));
  return scoreBeside(grid, merges, h, rows, weightCol, weights, free);
}

function scoreBeside(
  grid: Grid,
  merges: MergeIndex,
  h: HeaderFound,
  rows: readonly number[],
  weightCol: number,
  weights: readonly (number | null)[],
  free: ReadonlySet<number>
): ColumnRead | null {
  for (const c of [weightCol + 1, weightCol - 1]) {
    if (!free.has(c)) continue;
    const scores = columnNumbers(grid, rows, c);
    if (!scores) continue;
    const within = scores.every(
      (s, i) => s === null || (weights[i] !== null && s >= 0 && s <= (weights[i] as number) + 1e-9)
    );
    if (!within) continue;
    const { pos, text } = headerText(grid, merges, h, c);
    const sum = scores.reduce<number>((a, s) => a + (s ?? 0), 0);
    return { pos, header: text, role: "score", sum, budget: 0 };
  }
  return null;
}

/**
 * Reads by content the 分值 (and then 得分) column of a header that names no weight: the free column whose
 * numbers with the budget weight make 100 is 分值; the column beside it whose numbers each stay within their
 * row's 分值 is 得分 (when no word names it). A free column of per-row numbers not so proven is `unknown`:
 * never ignored in silence. Sets the roles found on `cols`.
 */
function byContent(
  grid: Grid,
  merges: MergeIndex,
  h: HeaderFound,
  cols: IndicatorColumns,
  rows: readonly number[],
  budget: number
): { inferred: ColumnRead[]; unknown: ColumnRead[] } {
  const inferred: ColumnRead[] = [];
  const unknown: ColumnRead[] = [];
  if (cols.weight !== null) return { inferred, unknown };
  const right = Math.max(...[...h.roles.values()], cols.level3End) + 2;
  const free = freeColumns(h, cols, right);
  for (const c of free) {
    const nums = columnNumbers(grid, rows, c);
    if (!nums) continue;
    const sum = round2(nums.reduce<number>((a, n) => a + (n ?? 0), 0));
    const { pos, text } = headerText(grid, merges, h, c);
    if (round2(sum + budget) !== 100 || nums.some((n) => n !== null && n < 0)) {
      if (c !== cols.score) unknown.push({ pos, header: text, role: "weight", sum, budget });
      continue;
    }
    cols.weight = c;
    inferred.push({ pos, header: text, role: "weight", sum, budget });
    if (cols.score === null) {
      const score = scoreBeside(grid, merges, h, rows, c, nums, new Set(free.filter((x) => x !== c)));
      if (score) {
        cols.score = score.pos.col;
        inferred.push(score);
      }
    }
    return { inferred, unknown: [] };
  }
  return { inferred, unknown };
}

/** Whether the cell is the only one holding a value on its row. */
function aloneOnRow(grid: Grid, p: Pos): boolean {
  const line = grid.values[p.row - grid.top] ?? [];
  return line.every((v, i) => grid.left + i === p.col || v === null || v === undefined || v === "");
}

/** Locates every form on the sheet, top to bottom, and the parts that look like a form but do not read. */
export function locateForms(grid: Grid): SheetLayout {
  const end = gridEnd(grid);
  const merges = indexMerges(grid);
  const headers = findHeaders(grid, merges, end);
  const forms: FormLayout[] = [];
  const unreadable: UnreadablePart[] = [];
  let regionTop = grid.top;
  let i = 0;
  while (i < headers.length) {
    const h = headers[i];
    const headerTop = h.rows[0];
    const title = findTitle(grid, [regionTop, headerTop], end.col);
    const scoreFound =
      h.missing.length === 1 && h.missing[0] === "score"
        ? scoreByContent(grid, merges, h, headers[i + 1], end)
        : null;
    if (scoreFound) {
      h.roles.set("score", scoreFound.pos.col);
      h.missing = [];
    }
    if (h.missing.length > 0) {
      unreadable.push(unreadablePart(h, title));
      regionTop = h.rows[h.rows.length - 1] + 1;
      i++;
      continue;
    }
    const cols = columnsOf(h);
    const blocks: BlockLayout[] = [];
    const rows: number[] = [];
    let bounds: Bounds = { limit: end.row, totalRow: null, gradeLabel: null };
    let j = i;
    // Headers repeated below (the next printed page, a second 年度绩效目标 block) continue this form.
    for (;;) {
      const hj = headers[j];
      const first = hj.rows[hj.rows.length - 1] + 1;
      const next = headers[j + 1];
      const limit = next ? next.rows[0] : end.row;
      bounds = boundsAfter(grid, merges, first, limit, columnsOf(hj));
      const stop = bounds.totalRow ?? bounds.gradeLabel?.row ?? bounds.limit;
      const label = blockLabel(grid, merges, hj, cols);
      for (const r of rowsBetween(grid, first, stop)) if (holdsValue(grid.values[r - grid.top])) rows.push(r);
      // A header repeated on the next printed page — without a block label, with a block label already seen
      // (the first header, printed again), or under the same merged label — goes on with the block above:
      // its points are counted once.
      const prev = blocks[blocks.length - 1];
      const sameLabel =
        label.labelPos !== null &&
        prev?.labelPos?.row === label.labelPos.row &&
        prev.labelPos.col === label.labelPos.col;
      const seen = blocks.some((b) => b.label === label.label);
      if (prev && (label.label === "" || seen || sameLabel)) prev.last = stop - 1;
      else blocks.push({ first, last: stop - 1, ...label, points: points(label.label) });
      const continues =
        next &&
        next.missing.length === 0 &&
        stop === limit &&
        bounds.limit === limit &&
        sameColumns(cols, columnsOf(next));
      if (!continues) break;
      j++;
    }
    // The form ends at its last row with something in its columns (a stray value far below is not its own).
    const filled = rows.filter((r) => inColumns(grid, r, cols));
    const lastRow = Math.max(
      headerTop,
      filled.length ? filled[filled.length - 1] : headerTop,
      bounds.totalRow ?? -1,
      bounds.gradeLabel?.row ?? -1
    );
    const rowsIn = rows.filter((r) => r <= lastRow);
    const top: [number, number] = [regionTop, headerTop];
    const right = (p: Pos | null) => (p ? valueRightOf(grid, merges, p, end.col) : null);
    const budget = findBudget(grid, merges, top, end.col);
    // Columns whose header word is unknown, recognised by what they hold (spec §9).
    const content = byContent(grid, merges, h, cols, rowsIn, budgetWeight(grid, merges, budget));
    if (scoreFound) content.inferred.unshift(scoreFound);
    const project = findLabel(grid, top, end.col, INFO_LABELS.project);
    const gradeCell = bounds.gradeLabel
      ? valueRightOf(grid, merges, bounds.gradeLabel, end.col)
      : bounds.totalRow !== null
        ? gradeOnTotalRow(grid, merges, bounds.totalRow, cols, end.col)
        : null;
    const headerTotal = bounds.totalRow === null ? findHeaderTotal(grid, merges, top, end.col, budget) : null;
    const formTop = Math.min(
      headerTop,
      title?.pos.row ?? headerTop,
      project?.row ?? headerTop,
      budget?.headerRow ?? headerTop
    );
    forms.push({
      kind: kindOf(title?.text ?? "", budget !== null, cols.score !== null),
      top: formTop,
      bottom: lastRow,
      left: grid.left,
      right: lastColumn(grid, formTop, lastRow),
      headerRow: h.anchor,
      cols,
      rows: rowsIn,
      blocks,
      totalRow: bounds.totalRow,
      headerTotal,
      inferred: content.inferred,
      unknown: content.unknown,
      gradeCell,
      budget,
      project: right(project),
      department: right(findLabel(grid, top, end.col, INFO_LABELS.department)),
      implementer: right(findLabel(grid, top, end.col, INFO_LABELS.implementer)),
      merges,
    });
    regionTop = lastRow + 1;
    i = j + 1;
  }
  if (forms.length === 0 && unreadable.length === 0) {
    // A form's title heads the sheet, alone on its row: a list that names forms among its data is no form.
    const head = presentRows(grid).slice(0, 5);
    const title = head.length ? findTitle(grid, [head[0], head[head.length - 1] + 1], end.col) : null;
    if (title && aloneOnRow(grid, title.pos))
      unreadable.push({ pos: title.pos, title: title.text, found: [], missing: [] });
  }
  return { forms, unreadable };
}
