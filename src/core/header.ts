/**
 * Finds indicator headers on a sheet by their words (templates.ts): one row, or two rows read together
 * (年度指标值 over 指标性质 / 指标值 / 度量单位), in any column order.
 */
import { cellAt, type Grid } from "./grid";
import { shownCell, type MergeIndex } from "./merges";
import { matchesWord, roleKey } from "./text";
import { INDICATOR_HEADERS, REQUIRED_INDICATOR_ROLES, type IndicatorRole } from "./templates";

const ROLES = Object.keys(INDICATOR_HEADERS) as IndicatorRole[];

/** The role a header text names, if any. */
export function roleOf(text: string): IndicatorRole | null {
  const k = roleKey(text);
  if (!k || k.length > 24) return null;
  for (const role of ROLES) if (matchesWord(k, INDICATOR_HEADERS[role])) return role;
  return null;
}

/** Role → first column that names it. */
export type Roles = Map<IndicatorRole, number>;

/** The roles a row's cells name (merged header cells read through their master cell). */
export function rowRoles(grid: Grid, merges: MergeIndex, row: number, left: number, right: number): Roles {
  const roles: Roles = new Map();
  const taken = new Set<number>();
  for (let c = left; c < right; c++) {
    const m = merges.at(row, c);
    // A cell merged across from the left repeats its master's role; only the master column counts. A cell
    // merged down from the row above (三级指标 spanning both rows of a two-row header) names nothing here.
    if (m && (m.left !== c || m.top !== row)) continue;
    const v = shownCell(grid, merges, row, c).value;
    if (typeof v !== "string") continue;
    const role = roleOf(v);
    if (role && !roles.has(role) && !taken.has(c)) {
      roles.set(role, c);
      taken.add(c);
    }
  }
  return roles;
}

/**
 * Whether a row may hold (part of) an indicator header: every header holds 指标 or 值 or 分 in some cell,
 * so the rows of a 明细 of 100,000 lines are passed over without normalising their texts.
 */
export function mayHoldHeader(grid: Grid, row: number): boolean {
  const line = grid.values[row - grid.top];
  if (!line) return false;
  let hits = 0;
  for (const v of line) {
    // Spaces inside a header mean nothing ("指 标 性 质"), also here.
    if (typeof v === "string" && v.length < 40 && /指\s*标|值|分|权\s*重|得/.test(v) && ++hits >= 2)
      return true;
  }
  return false;
}

export interface HeaderFound {
  /** The row it was found at (the one naming 三级指标, for a two-row header). */
  anchor: number;
  /** The rows the header spans (one or two), top first. */
  rows: number[];
  roles: Roles;
  /** The required roles it lacks (empty for a readable header). */
  missing: IndicatorRole[];
}

/** Fills `into` with the roles of `from` whose role and column are both still free. */
function combine(into: Roles, from: Roles): void {
  const used = new Set(into.values());
  for (const [role, col] of from) {
    if (!into.has(role) && !used.has(col)) {
      into.set(role, col);
      used.add(col);
    }
  }
}

/**
 * The header at `row`, combined with the row above (when it names columns too) or the row below (when
 * it names the parts of a split 年度指标值); null when the row does not look like a header at all.
 */
export function headerAt(
  grid: Grid,
  merges: MergeIndex,
  row: number,
  left: number,
  right: number
): HeaderFound | null {
  const roles = rowRoles(grid, merges, row, left, right);
  if (roles.size < 2) return null;
  const rows = [row];
  if (row > grid.top && mayHoldHeader(grid, row - 1)) {
    const above = rowRoles(grid, merges, row - 1, left, right);
    if (above.size >= 2 && !above.has("level3")) {
      combine(roles, above);
      rows.unshift(row - 1);
    }
  }
  const below = mayHoldHeader(grid, row + 1) ? rowRoles(grid, merges, row + 1, left, right) : null;
  // The row below names the parts of a split target; it may repeat the labels above it in their own columns
  // (a header whose merges were undone, "三级指标" written in both rows).
  const repeatsLabels =
    below !== null &&
    below.get("level3") === roles.get("level3") &&
    (below.has("targetOp") || below.has("targetUnit"));
  if (
    below &&
    (!below.has("level3") || repeatsLabels) &&
    // The parts themselves (指标性质, 度量单位): a row naming only a target is the top of the next header.
    (below.has("targetOp") || below.has("targetUnit"))
  ) {
    // The parts of a split target replace the spanning 年度指标值 column.
    if (below.has("target") && roles.has("target") && roles.get("target") !== below.get("target"))
      roles.delete("target");
    combine(roles, below);
    rows.push(row + 1);
  }
  if (roles.size < 3) return null;
  const missing = REQUIRED_INDICATOR_ROLES.filter((r) => !roles.has(r));
  // Weights are printed to be scored against: a table with 分值 but no 得分 has lost its score column
  // (a 绩效目标自评表 of targets and actuals only prints neither).
  if (roles.has("weight") && !roles.has("score")) missing.push("score");
  // A row with neither 三级指标 nor a target and an actual is some other table.
  if (missing.length > 1 && !roles.has("level3")) return null;
  return { anchor: row, rows, roles, missing };
}

/** Whether a cell holds text (for the "first non-empty" searches of labels and values). */
export function hasText(grid: Grid, row: number, col: number): boolean {
  const v = cellAt(grid, row, col).value;
  return v !== null && String(v).trim() !== "";
}
