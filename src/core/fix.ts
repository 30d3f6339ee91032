/**
 * The fix plan (spec §7): turns the rules' writes into patches, keeping the user's data safe — never a
 * formula (FORMULA_KEPT), never a cell with the user's text, never a string Excel would read as a formula,
 * number formats respected, and every old value kept for revert.
 */
import { cellAt, type Grid } from "./grid";
import type { Finding, Patch } from "./types";
import type { Write } from "./evaluate";
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

function valueFor(w: Write, old: ReturnType<typeof cellAt>): number | string | null {
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
  if (isPercentFormat(old.format)) return roundHalfUp(n / 100, 6);
  // A rate typed as text with a percent sign ("96%") keeps that form.
  if (typeof old.value === "string" && read.kind === "number" && read.percent) return `${fmtNum(n)}%`;
  return n;
}

/** Plans the patches of a fix; formula cells in the way are reported as FORMULA_KEPT. */
export function planFix(
  grid: Grid,
  writes: Write[],
  options: { prompts: boolean }
): { patches: Patch[]; findings: Finding[] } {
  const patches: Patch[] = [];
  const findings: Finding[] = [];
  for (const w of writes) {
    if (w.what === "reason" && !options.prompts) continue;
    const old = cellAt(grid, w.pos.row, w.pos.col);
    const cell = a1(w.pos.row, w.pos.col);
    if (old.formula !== null) {
      const shown = typeof w.value === "number" ? fmtNum(w.value) : w.value;
      if (w.what !== "reason")
        findings.push(finding("FORMULA_KEPT", "info", w.pos, MSG.formulaKept(cell, shown)));
      continue;
    }
    const value = valueFor(w, old);
    if (value === null || value === old.value) continue;
    patches.push({
      sheet: grid.name,
      row: w.pos.row,
      col: w.pos.col,
      cell,
      old: old.value,
      value,
      what: w.what,
    });
  }
  return { patches, findings };
}
