/**
 * The fix plan (spec §7): turns the rules' writes into patches, keeping the user's data safe — never a
 * formula (FORMULA_KEPT), never a cell with the user's text, never a string Excel would read as a formula,
 * number formats respected, and every old value kept for revert.
 */
import { cellAt, type CellInfo, type Grid } from "./grid";
import type { Pos } from "./layout";
import type { Finding, Patch } from "./types";
import type { TotalBasis, Write } from "./evaluate";
import { a1 } from "./address";
import { readNumber } from "./cells";
import { fmtNum, isPercentFormat, roundHalfUp } from "./numbers";
import { readGrade } from "./rules/totals";
import { MSG } from "../i18n/core";
import { finding } from "./rules/finding";

/**
 * Texts a spreadsheet would read as a formula start with one of these; a leading tab, carriage return or
 * line feed is treated the same way, as CSV exports of the sheet would pass it on to another program.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Makes a text safe to write: it can never start a formula. */
export function safeText(s: string): string {
  return FORMULA_START.test(s) ? `【】${s}` : s;
}

/**
 * Whether a rate goes into an empty cell without a percentage format among rates in one (spec §7, as we
 * read it: "a percentage-formatted 执行率 cell gets a fraction"): the cell takes its neighbour's format and
 * a fraction, a number that sums and shows 77.78% like the rates beside it, rather than a text "77.78%"
 * or 77.78 under a 77.78%.
 */
function takesFormat(w: Write, old: CellInfo): w is Write & { numberFormat: { code: string; from: Pos } } {
  return (
    w.what === "rate" &&
    w.numberFormat !== undefined &&
    !isPercentFormat(old.format) &&
    readNumber(old).kind === "empty"
  );
}

function valueFor(w: Write, old: CellInfo): number | string | null {
  if (w.what === "reason")
    return old.value === null || String(old.value).trim() === "" ? safeText(String(w.value)) : null;
  if (w.what === "grade") {
    const text = old.value === null ? "" : String(old.value).trim();
    return text === "" || readGrade(text) !== null ? String(w.value) : null;
  }
  const read = readNumber(old);
  if (read.kind === "text") return null; // the user's own text: never overwritten
  const n = Number(w.value);
  if (w.what !== "rate") return n;
  if (isPercentFormat(old.format) || takesFormat(w, old)) return roundHalfUp(n / 100, 6);
  // A rate typed as text with a percent sign ("96%") keeps that form; so does an empty cell among rates
  // typed so, which would otherwise show 77.78 under a 77.78%.
  // (A negative rate, from a negative base, is written as a number: a text never starts with "-".)
  if (n < 0) return n;
  if (typeof old.value === "string" && read.kind === "number" && read.percent) return `${fmtNum(n)}%`;
  if (read.kind === "empty" && w.percent) return `${fmtNum(n)}%`;
  return n;
}

/** The value a cell holds after the patches (0 when empty), or null when it is no number. */
function valueAfter(grid: Grid, patched: Map<string, Patch>, row: number, col: number): number | null {
  const p = patched.get(a1(row, col));
  if (p) return typeof p.value === "number" ? p.value : null;
  const read = readNumber(cellAt(grid, row, col));
  return read.kind === "number" ? read.value : read.kind === "empty" ? 0 : null;
}

/**
 * Why the 总分 and 评分等级 writes must be held, or null: the weights do not add up, the total would pass the
 * full marks, or a score it rests on is not what the cell will hold after the fix (a formula, text or an
 * error value that the fix cannot write), so that a written total always equals the cells' sum.
 */
function heldBecause(grid: Grid, basis: TotalBasis, patched: Map<string, Patch>): string | null {
  if (basis.held) return basis.held;
  const off = basis.deps
    .filter((d) => {
      const after = valueAfter(grid, patched, d.pos.row, d.pos.col);
      return after === null || roundHalfUp(after, 2) !== roundHalfUp(d.value, 2);
    })
    .map((d) => a1(d.pos.row, d.pos.col));
  return off.length ? MSG.fixHeldCells(off.join("、")) : null;
}

/** Plans the patches of a fix; formula cells in the way are reported as FORMULA_KEPT, held totals as FIX_HELD. */
export function planFix(
  grid: Grid,
  writes: Write[],
  options: { prompts: boolean },
  basis: TotalBasis = { deps: [], held: null, cell: null, sumsScores: false }
): { patches: Patch[]; findings: Finding[] } {
  const patches: Patch[] = [];
  const findings: Finding[] = [];
  const later: Write[] = [];
  const reasons: Write[] = [];
  for (const w of writes) {
    if (w.what === "reason") reasons.push(w);
    else if (w.what === "total" || w.what === "grade") later.push(w);
    else plan(grid, w, patches, findings);
  }
  const why = heldBecause(grid, basis, new Map(patches.map((p) => [p.cell, p])));
  let kept = patches;
  if (why !== null) {
    // The form's own arithmetic is kept: with its total held, no score it sums is changed either.
    const sums = basis.cell !== null && basis.sumsScores;
    kept = sums ? patches.filter((p) => p.what !== "score" && p.what !== "budgetScore") : patches;
    if (later.length > 0 || kept.length < patches.length)
      findings.push(
        finding(
          "FIX_HELD",
          "info",
          basis.cell ?? later[0].pos,
          why + (sums ? MSG.fixHeldScores : MSG.fixHeldTotal)
        )
      );
  }
  // Prompts last: the points they name are those lost in the sheet as the fix leaves it (spec §6).
  const after = new Map(kept.map((p) => [p.cell, p]));
  for (const w of reasons) {
    const prompt = promptFor(grid, w, after);
    if (options.prompts) plan(grid, prompt, kept, findings);
  }
  if (why === null) for (const w of later) plan(grid, w, kept, findings);
  return { patches: kept, findings };
}

/**
 * A prompt with the points lost in the sheet after the fix (weight − the score that stands there), its
 * REASON_MISSING message told the same.
 */
function promptFor(grid: Grid, w: Write, patched: Map<string, Patch>): Write {
  const p = w.prompt;
  if (!p) return w;
  const standing = valueAfter(grid, patched, p.scorePos.row, p.scorePos.col);
  const lost = standing === null ? null : roundHalfUp(p.weight - standing, 2);
  // Where the sheet keeps full marks (a score held or in a formula) the deviation is still told, without points.
  const points = lost !== null && lost > 0 ? fmtNum(lost) : "";
  p.finding.message = p.message(points);
  return { ...w, value: p.text(points) };
}

function plan(grid: Grid, w: Write, patches: Patch[], findings: Finding[]): void {
  const old = cellAt(grid, w.pos.row, w.pos.col);
  const cell = a1(w.pos.row, w.pos.col);
  if (old.formula !== null) {
    const shown = typeof w.value === "number" ? fmtNum(w.value) : w.value;
    if (w.what !== "reason")
      findings.push(finding("FORMULA_KEPT", "info", w.pos, MSG.formulaKept(cell, shown)));
    return;
  }
  const value = valueFor(w, old);
  if (value === null || value === old.value) return;
  patches.push({
    sheet: grid.name,
    row: w.pos.row,
    col: w.pos.col,
    cell,
    old: old.value,
    value,
    what: w.what,
    ...(takesFormat(w, old)
      ? {
          numberFormat: w.numberFormat.code,
          formatFrom: { row: w.numberFormat.from.row, col: w.numberFormat.from.col },
          oldFormat: old.format ?? "General",
        }
      : {}),
  });
}
