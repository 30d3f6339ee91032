/** What `zpb fix` prints: the cells it wrote (old → new), the formula cells it kept, what remains. */
import type { Patch, Scalar } from "../core/index";
import { cliText as T } from "../i18n/cli";
import type { Paint } from "./color";
import { displayWidth, padTo } from "./format";
import { num } from "./format";
import type { FixResult, FixSheet } from "./fix";
import { sheetFindings } from "./types";

/** The name a form goes by in the account: its sheet, and its range where the sheet holds several. */
function formName(form: FixSheet): string {
  return form.shared ? `${form.name}${T.formRange(form.range)}` : form.name;
}

const MAX_TEXT = 40;

function show(value: Scalar): string {
  if (value === null || value === "") return "（空）";
  if (typeof value === "number") return String(Math.round(value * 10000) / 10000);
  const text = String(value).replace(/\s+/g, " ");
  return [...text].length > MAX_TEXT ? `${[...text].slice(0, MAX_TEXT).join("")}…` : text;
}

function patchLines(patches: readonly Patch[]): string[] {
  const cellWidth = Math.max(...patches.map((p) => displayWidth(p.cell)));
  const whatWidth = Math.max(...patches.map((p) => displayWidth(T.what[p.what])));
  return patches.map(
    (p) =>
      `    ${padTo(p.cell, cellWidth)}  ${padTo(T.what[p.what], whatWidth)}  ${show(p.old)} → ${show(p.value)}`
  );
}

/** Self-scores the fix raises, lowers and fills in (得分 and 预算得分 cells): what changes in substance. */
export function scoreChanges(result: FixResult): { up: number; down: number; filled: number } {
  const changes = { up: 0, down: 0, filled: 0 };
  for (const p of result.forms.flatMap((f) => f.patches)) {
    if ((p.what !== "score" && p.what !== "budgetScore") || typeof p.value !== "number") continue;
    if (typeof p.old !== "number") changes.filled++;
    else if (p.value > p.old) changes.up++;
    else if (p.value < p.old) changes.down++;
  }
  return changes;
}

/** A form's 总分 and 评分等级, as printed before the fix → in the written workbook. */
function outcomeLine(form: FixSheet): string {
  const { before, after } = form;
  return T.fixOutcome(num(before.total), num(after.total), before.grade ?? "—", after.grade ?? "—");
}

/** Errors left in the written workbook. */
export function remainingErrors(result: FixResult): number {
  let errors = 0;
  for (const s of result.after) for (const f of sheetFindings(s)) if (f.severity === "error") errors++;
  return errors;
}

/** The printed account of a fix. */
export function renderFix(result: FixResult, p: Paint): string {
  const lines: string[] = [];
  if (result.forms.length === 0) lines.push(T.fixNoForms);
  for (const form of result.forms) {
    if (form.patches.length > 0) {
      lines.push(`  ${p.bold(T.fixSheet(formName(form), form.patches.length))}`, ...patchLines(form.patches));
      lines.push(`    ${outcomeLine(form)}`);
    }
  }
  const untouched = result.forms.filter((f) => f.patches.length === 0).map(formName);
  if (untouched.length > 0) lines.push(`  ${p.dim(T.fixNothing(untouched.join("、")))}`);
  const kept = result.forms.flatMap((f) => f.formulaKept.map((k) => ({ sheet: formName(f), finding: k })));
  if (kept.length > 0) {
    lines.push(`  ${T.formulaKept}`);
    for (const { sheet, finding } of kept) lines.push(`    「${sheet}」${finding.cell}  ${finding.message}`);
  }
  for (const form of result.forms) {
    if (form.locked.length > 0)
      lines.push(
        `  ${p.severity("warning", T.fixLocked(form.name, form.locked.map((x) => x.cell).join("、")))}`
      );
  }
  const written = result.forms.reduce((n, f) => n + f.patches.length, 0);
  if (written > 0) {
    const c = scoreChanges(result);
    lines.push(T.fixScores(c.up, c.down, c.filled));
  }
  const anyLocked = result.forms.some((f) => f.locked.length > 0);
  if (result.output === null)
    lines.push(anyLocked ? T.fixInPlaceLocked(result.input) : T.fixInPlaceUnchanged(result.input));
  else if (written > 0) lines.push(p.bold(T.fixWrote(result.output, written)));
  else
    lines.push(p.bold(result.convertedFrom ? T.fixConvertedCopy(result.output) : T.fixCopied(result.output)));
  if (result.convertedFrom) lines.push(T.fixConverted(result.input));
  const errors = remainingErrors(result);
  lines.push(errors > 0 ? p.severity("error", T.fixRemaining(errors)) : p.ok(T.fixClean));
  return `${lines.join("\n")}\n`;
}
