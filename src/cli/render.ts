/** The readable report of `zpb check`: a compact block per form, findings with their cells. */
import type { Finding, FormReport, Severity } from "../core/index";
import { countFindings, sortFindings } from "../review/findings";
import { cliText as T } from "../i18n/cli";
import type { Paint } from "./color";
import { num, padTo, pct, displayWidth } from "./format";
import type { FileStatus } from "../core/status";
import { sheetFindings, type FileResult, type FormResult, type SheetResult } from "./types";

export { countFindings, sortFindings };

/** What the text report prints: everything, or (`brief`) one line per form and file that is not 通过. */
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

/** A status as a mark, coloured by what it asks of the reader. */
export function statusMark(status: FileStatus, p: Paint): string {
  const text = T.statusMark(status);
  if (status === "pass") return p.ok(text);
  if (status === "unscored") return p.severity("warning", text);
  if (status === "no-form") return p.dim(text);
  return p.severity("error", text);
}

/** What was checked on a form that prints no scores (it is 未评分: it says so, and what it did check). */
function unscoredLine(r: FormReport): string {
  const checked = [
    ...(r.weights.total !== null ? [T.checkedWeights(num(r.weights.total))] : []),
    ...(r.budget.rate !== null ? [T.checkedBudget] : []),
    ...(r.indicators.length > 0 ? [T.checkedIndicators(r.indicators.length)] : []),
  ];
  return T.unscoredChecked((checked.length > 0 ? checked : [T.checkedHeader]).join("、"));
}

function formLines(sheet: SheetResult, form: FormResult, p: Paint): string[] {
  const r = form.report;
  const hidden = sheet.hidden ? T.hiddenMark : "";
  const lines = [
    `  ${p.bold(formHeading(sheet, form))}${hidden}  ${statusMark(r.status, p)}`,
    `    ${facts(r)}`,
  ];
  if (r.status === "unscored") lines.push(`    ${p.severity("warning", unscoredLine(r))}`);
  if (r.findings.length === 0) return r.status === "pass" ? [...lines, `    ${p.ok(`✓ ${T.clean}`)}`] : lines;
  return [...lines, ...findingLines(r.findings, p)];
}

/** Findings of the sheet itself that a reader must see: a form that could not be read. */
function unreadableLines(sheet: SheetResult, p: Paint): string[] {
  const shown = sheet.findings.filter((f) => f.code !== "LAYOUT_NOT_FOUND");
  if (shown.length === 0) return [];
  const hidden = sheet.hidden ? T.hiddenMark : "";
  const mark = statusMark("unreadable", p);
  return [`  ${p.bold(T.sheetHeading(sheet.name, ""))}${hidden}  ${mark}`, ...findingLines(shown, p)];
}

/** One line of `--brief` per form, unreadable part and file that is not 通过. */
function briefLines(file: FileResult, p: Paint): string[] {
  const mark = (status: FileStatus) => statusMark(status, p);
  if (file.error !== null) return [`${mark(file.status)} ${file.why ?? file.error}`];
  const lines: string[] = [];
  for (const sheet of file.sheets) {
    for (const form of sheet.forms) {
      const r = form.report;
      if (r.status === "pass") continue;
      const c = countFindings(r.findings);
      const what =
        r.status === "unscored" ? T.briefUnscored : T.briefFindings(c.error, c.warning, form.patches.length);
      lines.push(`${mark(r.status)} ${file.path} ${formHeading(sheet, form)}：${what}`);
    }
    for (const f of sheet.findings.filter((x) => x.code === "FORM_UNREADABLE"))
      lines.push(
        `${mark("unreadable")} ${file.path} ${T.sheetHeading(sheet.name, "")} ${f.cell}：${f.message}`
      );
  }
  if (lines.length === 0 && file.status !== "pass")
    lines.push(`${mark(file.status)} ${file.path}：${file.why ?? T.noSheets}`);
  return lines;
}

/** The report of one file (in brief mode: a line per form or file that is not 通过, or nothing). */
export function renderFile(file: FileResult, p: Paint, options: RenderOptions = {}): string[] {
  if (options.brief) return briefLines(file, p);
  const lines = [`${p.bold(file.path)}  ${statusMark(file.status, p)}`];
  if (file.error !== null) {
    const failed = file.status === "unreadable" ? `${T.fileFailed}：` : "";
    return [...lines, `  ${p.severity("error", `✗ ${failed}`)}${file.error}`];
  }
  const others: string[] = [];
  for (const sheet of file.sheets) {
    for (const form of sheet.forms) lines.push(...formLines(sheet, form, p));
    lines.push(...unreadableLines(sheet, p));
    if (sheet.forms.length === 0 && sheet.findings.every((f) => f.code === "LAYOUT_NOT_FOUND"))
      others.push(sheet.name + (sheet.hidden ? T.hiddenMark : ""));
  }
  if (others.length > 0) lines.push(`  ${p.dim(T.notForms(others.join("、")))}`);
  if (file.skipped.length > 0)
    lines.push(`  ${p.dim(T.skippedSheets(file.skipped.map((s) => s.sheet).join("、")))}`);
  if (file.sheets.length === 0) lines.push(`  ${p.dim(file.why ?? T.noSheets)}`);
  return lines;
}

/** What a batch came to, for the closing lines: forms by status, files that gave no form by why. */
export interface Tally {
  files: number;
  forms: number;
  /** Forms by status; `unreadable` also counts every part of a sheet that looks like a form but was not read. */
  status: { pass: number; fix: number; unscored: number; unreadable: number };
  /** Files that gave no form: no form on any sheet, not a spreadsheet, could not be opened. */
  noForm: number;
  notSpreadsheet: number;
  failedFiles: number;
  findings: Record<Severity, number>;
}

/** Counts forms by status, the files that gave none, and the findings of a batch. */
export function tally(files: readonly FileResult[]): Tally {
  const t: Tally = {
    files: files.length,
    forms: 0,
    status: { pass: 0, fix: 0, unscored: 0, unreadable: 0 },
    noForm: files.filter((f) => f.status === "no-form").length,
    notSpreadsheet: files.filter((f) => f.status === "not-spreadsheet").length,
    failedFiles: files.filter((f) => f.error !== null && f.status === "unreadable").length,
    findings: { error: 0, warning: 0, info: 0 },
  };
  for (const file of files) {
    for (const sheet of file.sheets) {
      t.status.unreadable += sheet.findings.filter((f) => f.code === "FORM_UNREADABLE").length;
      for (const form of sheet.forms) {
        t.forms++;
        t.status[form.report.status]++;
      }
      const c = countFindings(sheetFindings(sheet));
      t.findings.error += c.error;
      t.findings.warning += c.warning;
      t.findings.info += c.info;
    }
  }
  return t;
}

/** The closing count line: files, forms, each status's count (the last line of every text report). */
export function countsLine(t: Tally): string {
  return T.counts(t.files, t.forms, t.status, {
    noForm: t.noForm,
    notSpreadsheet: t.notSpreadsheet,
    unreadable: t.failedFiles,
  });
}

/** The whole readable report, closing with the counts; `brief`: a line per form or file not 通过. */
export function renderReport(files: readonly FileResult[], p: Paint, options: RenderOptions = {}): string {
  const t = tally(files);
  if (options.brief) {
    const lines = files.flatMap((f) => briefLines(f, p));
    return `${lines.length > 0 ? `${lines.join("\n")}\n\n` : ""}${p.bold(countsLine(t))}\n`;
  }
  const blocks = files.map((f) => renderFile(f, p, options));
  const totals = T.findingTotals(t.findings.error, t.findings.warning, t.findings.info);
  const body = blocks.map((b) => b.join("\n")).join("\n\n");
  return `${body ? `${body}\n\n` : ""}${p.bold(totals)}\n${p.bold(countsLine(t))}\n`;
}
