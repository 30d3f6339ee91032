/** The readable report of `zpb check`: a compact block per form, findings with their cells. */
import type { Finding, FormReport, Severity } from "../core/index";
import { countFindings, sortFindings } from "../review/findings";
import { cliText as T } from "../i18n/cli";
import type { Paint } from "./color";
import { num, padTo, pct, displayWidth } from "./format";
import { sheetFindings, type FileResult, type FormResult, type SheetResult } from "./types";

export { countFindings, sortFindings };

/** What the text report prints: everything, or (`brief`) only the forms and files that need attention. */
export interface RenderOptions {
  brief?: boolean;
}

function facts(r: FormReport): string {
  const grade =
    r.grade.cell === null
      ? T.gradeNotPrinted(r.grade.recomputed ?? "—")
      : T.grade(r.grade.submitted ?? "—", r.grade.recomputed ?? "—");
  const parts = [
    T.weights(num(r.weights.total), num(r.weights.budget), num(r.weights.indicators)),
    T.rate(pct(r.budget.submittedRate), pct(r.budget.rate)),
    T.total(num(r.total.submitted), num(r.total.recomputed)),
    grade,
  ];
  return parts.join("  ");
}

function findingLines(findings: readonly Finding[], p: Paint): string[] {
  const sorted = sortFindings(findings);
  const cellWidth = Math.max(displayWidth(T.columns.cell), ...sorted.map((f) => displayWidth(f.cell)));
  const levelWidth = displayWidth(T.columns.severity);
  const lines = [
    p.dim(
      `    ${padTo(T.columns.cell, cellWidth)}  ${padTo(T.columns.severity, levelWidth)}  ${T.columns.message}`
    ),
  ];
  for (const f of sorted) {
    const level = p.severity(f.severity, padTo(T.severity[f.severity], levelWidth));
    lines.push(`    ${padTo(f.cell, cellWidth)}  ${level}  ${f.message}`);
  }
  return lines;
}

function formHeading(sheet: SheetResult, form: FormResult): string {
  const r = form.report;
  const range = sheet.forms.length > 1 ? T.formRange(r.range) : "";
  const kind = r.kind === "project" ? "" : T.kindMark[r.kind];
  return `${T.sheetHeading(sheet.name, r.project)}${range}${kind}`;
}

function formLines(sheet: SheetResult, form: FormResult, p: Paint): string[] {
  const r = form.report;
  const hidden = sheet.hidden ? T.hiddenMark : "";
  const lines = [`  ${p.bold(formHeading(sheet, form))}${hidden}`, `    ${facts(r)}`];
  if (r.findings.length === 0) return [...lines, `    ${p.ok(`✓ ${T.clean}`)}`];
  return [...lines, ...findingLines(r.findings, p)];
}

/** Findings of the sheet itself that a reader must see: a form that could not be read. */
function unreadableLines(sheet: SheetResult, p: Paint): string[] {
  const shown = sheet.findings.filter((f) => f.code !== "LAYOUT_NOT_FOUND");
  if (shown.length === 0) return [];
  const hidden = sheet.hidden ? T.hiddenMark : "";
  return [`  ${p.bold(T.sheetHeading(sheet.name, ""))}${hidden}`, ...findingLines(shown, p)];
}

/** Whether a form needs attention: an error or a warning. */
export function formNeedsWork(form: FormResult): boolean {
  return form.report.findings.some((f) => f.severity !== "info");
}

/** The report of one file (empty in brief mode when nothing in it needs attention). */
export function renderFile(file: FileResult, p: Paint, options: RenderOptions = {}): string[] {
  const lines = [p.bold(file.path)];
  if (file.error !== null) return [...lines, `  ${p.severity("error", `✗ ${T.fileFailed}`)}：${file.error}`];
  const others: string[] = [];
  for (const sheet of file.sheets) {
    for (const form of sheet.forms)
      if (!options.brief || formNeedsWork(form)) lines.push(...formLines(sheet, form, p));
    lines.push(...unreadableLines(sheet, p));
    if (sheet.forms.length === 0 && sheet.findings.every((f) => f.code === "LAYOUT_NOT_FOUND"))
      others.push(sheet.name + (sheet.hidden ? T.hiddenMark : ""));
  }
  if (options.brief) return lines.length > 1 ? lines : [];
  if (others.length > 0) lines.push(`  ${p.dim(T.notForms(others.join("、")))}`);
  if (file.skipped.length > 0)
    lines.push(`  ${p.dim(T.skippedSheets(file.skipped.map((s) => s.sheet).join("、")))}`);
  if (file.sheets.length === 0) lines.push(`  ${p.dim(T.noSheets)}`);
  return lines;
}

/** What a batch came to, for the closing line. */
export interface Tally {
  files: number;
  failedFiles: number;
  forms: number;
  passed: number;
  toCorrect: number;
  unreadable: number;
  findings: Record<Severity, number>;
}

/** Counts forms (passed: no error; to correct: an error), unreadable forms and findings of a batch. */
export function tally(files: readonly FileResult[]): Tally {
  const t: Tally = {
    files: files.length,
    failedFiles: files.filter((f) => f.error !== null).length,
    forms: 0,
    passed: 0,
    toCorrect: 0,
    unreadable: 0,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const file of files) {
    for (const sheet of file.sheets) {
      t.unreadable += sheet.findings.filter((f) => f.code === "FORM_UNREADABLE").length;
      for (const form of sheet.forms) {
        t.forms++;
        if (form.report.findings.some((f) => f.severity === "error")) t.toCorrect++;
        else t.passed++;
      }
      const c = countFindings(sheetFindings(sheet));
      t.findings.error += c.error;
      t.findings.warning += c.warning;
      t.findings.info += c.info;
    }
  }
  return t;
}

/** The whole readable report, with a closing count line. */
export function renderReport(files: readonly FileResult[], p: Paint, options: RenderOptions = {}): string {
  const blocks = files.map((f) => renderFile(f, p, options)).filter((b) => b.length > 0);
  const t = tally(files);
  const closing = options.brief
    ? T.briefTotals(t.files, t.forms, t.passed, t.toCorrect, t.unreadable, t.failedFiles)
    : T.totals(t.files, t.forms, t.findings.error, t.findings.warning, t.findings.info) +
      (t.unreadable ? T.unreadableForms(t.unreadable) : "") +
      (t.failedFiles ? T.failedFiles(t.failedFiles) : "");
  const body = blocks.map((b) => b.join("\n")).join("\n\n");
  return `${body ? `${body}\n\n` : ""}${p.bold(closing)}\n`;
}
