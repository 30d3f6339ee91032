/** The readable report of `zpb check`: a compact block per form, findings with their cells. */
import { parseA1, type Finding, type Severity, type SheetReport } from "../core/index";
import { cliText as T } from "../i18n/cli";
import type { Paint } from "./color";
import { num, padTo, pct, displayWidth } from "./format";
import type { FileResult, SheetResult } from "./types";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function position(cell: string): [number, number] {
  try {
    const p = parseA1(cell);
    return [p.row, p.col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** Errors first, then warnings, then infos; within a severity, down the form. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const bySeverity = RANK[a.severity] - RANK[b.severity];
    if (bySeverity !== 0) return bySeverity;
    const [ra, ca] = position(a.cell);
    const [rb, cb] = position(b.cell);
    return ra - rb || ca - cb;
  });
}

/** Counts of findings by severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function facts(r: SheetReport): string {
  const parts = [
    T.weights(num(r.weights.total), num(r.weights.budget), num(r.weights.indicators)),
    T.rate(pct(r.budget.submittedRate), pct(r.budget.rate)),
    T.total(num(r.total.submitted), num(r.total.recomputed)),
    r.grade ? T.grade(r.grade.submitted ?? "—", r.grade.recomputed) : T.noGrade,
  ];
  return parts.join("  ");
}

function formLines(sheet: SheetResult, p: Paint): string[] {
  const r = sheet.report;
  const hidden = sheet.hidden ? T.hiddenMark : "";
  const lines = [`  ${p.bold(T.sheetHeading(r.name, r.project))}${hidden}`, `    ${facts(r)}`];
  if (r.findings.length === 0) return [...lines, `    ${p.ok(`✓ ${T.clean}`)}`];
  const findings = sortFindings(r.findings);
  const cellWidth = Math.max(displayWidth(T.columns.cell), ...findings.map((f) => displayWidth(f.cell)));
  const levelWidth = displayWidth(T.columns.severity);
  lines.push(
    p.dim(
      `    ${padTo(T.columns.cell, cellWidth)}  ${padTo(T.columns.severity, levelWidth)}  ${T.columns.message}`
    )
  );
  for (const f of findings) {
    const level = p.severity(f.severity, padTo(T.severity[f.severity], levelWidth));
    lines.push(`    ${padTo(f.cell, cellWidth)}  ${level}  ${f.message}`);
  }
  return lines;
}

/** The report of one file. */
export function renderFile(file: FileResult, p: Paint): string[] {
  const lines = [p.bold(file.path)];
  if (file.error !== null) return [...lines, `  ${p.severity("error", `✗ ${T.fileFailed}`)}：${file.error}`];
  const others: string[] = [];
  for (const sheet of file.sheets) {
    if (sheet.report.isForm) lines.push(...formLines(sheet, p));
    else others.push(sheet.report.name + (sheet.hidden ? T.hiddenMark : ""));
  }
  if (others.length > 0) lines.push(`  ${p.dim(T.notForms(others.join("、")))}`);
  if (file.sheets.length === 0) lines.push(`  ${p.dim(T.noSheets)}`);
  return lines;
}

/** The whole readable report, with a closing count line. */
export function renderReport(files: readonly FileResult[], p: Paint): string {
  const blocks = files.map((f) => renderFile(f, p).join("\n"));
  let forms = 0;
  const all: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of files) {
    for (const s of f.sheets) {
      if (!s.report.isForm) continue;
      forms++;
      const c = countFindings(s.report.findings);
      all.error += c.error;
      all.warning += c.warning;
      all.info += c.info;
    }
  }
  const failed = files.filter((f) => f.error !== null).length;
  const total =
    T.totals(files.length, forms, all.error, all.warning, all.info) + (failed ? T.failedFiles(failed) : "");
  return `${blocks.join("\n\n")}\n\n${p.bold(total)}\n`;
}
