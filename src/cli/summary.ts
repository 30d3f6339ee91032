/**
 * The reviewers' summary workbook (`zpb check --summary out.xlsx`): one row per form, the worst first.
 * A new file, so a workbook library writes it; it is loaded only when a summary is asked for.
 */
import { stat } from "node:fs/promises";
import type { Finding } from "../core/index";
import { safeText } from "../core/fix";
import { cliText as T } from "../i18n/cli";
import { displayWidth, round2 } from "./format";
import { countFindings, sortFindings } from "./render";
import { CliError, type FileResult } from "./types";
import { canonicalPath, saveAtomic } from "./workbook";

export interface SummaryRow {
  file: string;
  sheet: string;
  project: string;
  department: string;
  implementer: string;
  /** Recomputed 执行率 as a fraction (0.9778), for a percentage-formatted cell. */
  rate: number | null;
  submittedTotal: number | null;
  recomputedTotal: number | null;
  /** "优", or "良→优" where the recomputed grade differs from the printed one. */
  grade: string;
  errors: number;
  warnings: number;
  infos: number;
  worst: string;
}

function gradeText(grade: FileResult["sheets"][number]["report"]["grade"]): string {
  if (!grade) return "";
  if (grade.submitted === null || grade.submitted === grade.recomputed) return grade.recomputed;
  return `${grade.submitted}→${grade.recomputed}`;
}

function worstText(findings: readonly Finding[]): string {
  const worst = sortFindings(findings)[0];
  return worst ? `${worst.cell}：${worst.message}` : "";
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows of every form found, sorted by errors (most first), then file; sheets keep workbook order. */
export function summaryRows(files: readonly FileResult[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const file of files) {
    for (const { report: r } of file.sheets) {
      if (!r.isForm) continue;
      const counts = countFindings(r.findings);
      const rate = round2(r.budget.rate);
      rows.push({
        file: file.path,
        sheet: r.name,
        project: r.project,
        department: r.department,
        implementer: r.implementer,
        rate: rate === null ? null : rate / 100,
        submittedTotal: round2(r.total.submitted),
        recomputedTotal: round2(r.total.recomputed),
        grade: gradeText(r.grade),
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        worst: worstText(r.findings),
      });
    }
  }
  // Array.prototype.sort is stable: equal rows keep their workbook order.
  return rows.sort((a, b) => b.errors - a.errors || byCodePoint(a.file, b.file));
}

function rowValues(r: SummaryRow): (string | number | null)[] {
  return [
    r.file,
    r.sheet,
    r.project,
    r.department,
    r.implementer,
    r.rate,
    r.submittedTotal,
    r.recomputedTotal,
    r.grade,
    r.errors,
    r.warnings,
    r.infos,
    r.worst,
  ];
}

/** Builds the summary workbook's bytes. */
export async function summaryBytes(rows: readonly SummaryRow[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(T.summarySheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = [...T.summaryHeader];
  sheet.addRow(header).font = { bold: true };
  // File names, project names and findings quote the inputs: none may start a formula in the summary.
  for (const r of rows) sheet.addRow(rowValues(r).map((v) => (typeof v === "string" ? safeText(v) : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  header.forEach((title, i) => {
    const column = sheet.getColumn(i + 1);
    const widest = Math.max(
      displayWidth(title),
      ...rows.map((r) => displayWidth(String(rowValues(r)[i] ?? "")))
    );
    column.width = Math.min(Math.max(widest + 2, 8), i === header.length - 1 ? 80 : 40);
  });
  sheet.getColumn(6).numFmt = "0.00%";
  sheet.getColumn(7).numFmt = "0.00";
  sheet.getColumn(8).numFmt = "0.00";
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * Refuses a summary path that names a checked workbook holding a form, or one that could not be read (it
 * may hold one): `check` never writes to its inputs. A previous summary among the inputs (readable, no
 * form in it) may be replaced, so that a run can be repeated.
 */
export async function assertSummaryTarget(path: string, files: readonly FileResult[]): Promise<void> {
  const target = await canonicalPath(path);
  for (const file of files) {
    const kept = file.error !== null || file.sheets.some((s) => s.report.isForm);
    if (!kept || (await canonicalPath(file.path)) !== target) continue;
    // A file that is not there at all (the reader said so) is no input to protect.
    if (await exists(file.path)) throw new CliError(T.argError(T.summaryIsInput(path)));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes the summary of the checked files to `path` (temporary file + rename); returns the row count. */
export async function writeSummary(path: string, files: readonly FileResult[]): Promise<number> {
  const rows = summaryRows(files);
  await saveAtomic(path, await summaryBytes(rows));
  return rows.length;
}
