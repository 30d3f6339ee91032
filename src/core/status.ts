/**
 * The one verdict (spec/cli.md "Verdicts"): a status for every form, sheet and file, decided here and only
 * here. Every surface — exit status, text, JSON, summary, report, letters, the pane, the ribbon — shows it and
 * never re-derives it. 通过 means read, every printed figure recomputed, no error.
 */
import type { Finding, FormReport } from "./types";

/** A form's status: 通过 / 需修改 / 未评分 / 未能读取. */
export type FormStatus = "pass" | "fix" | "unscored" | "unreadable";
/** A sheet's or a file's status: a form's, or why it gives none. */
export type FileStatus = FormStatus | "no-form" | "not-spreadsheet";
export type SheetStatus = FormStatus | "no-form";

/** Worst first: a file's status is its worst form's. */
const RANK: Record<FileStatus, number> = {
  unreadable: 0,
  fix: 1,
  unscored: 2,
  pass: 3,
  "no-form": 4,
  "not-spreadsheet": 5,
};

/** Sort key of a status, worst first (unreadable › fix › unscored › pass › no-form › not-spreadsheet). */
export function statusRank(status: FileStatus): number {
  return RANK[status];
}

/** The worse of two statuses. */
export function worseStatus<S extends FileStatus>(a: S, b: S): S {
  return RANK[a] <= RANK[b] ? a : b;
}

/**
 * A form's status from its report and the number of cells 一键重算 would write in it: an error finding →
 * 需修改; no recomputed total (no scores, no weights, or nothing that adds up to a total) → 未评分; a form
 * that fix would still write into (a score, rate, total, grade or prompt, each told by its warning or
 * VALUE_EMPTY info) → 需修改; otherwise 通过. So a 通过 form is one that fix leaves untouched.
 */
export function formStatus(report: Pick<FormReport, "findings" | "total">, writes = 0): FormStatus {
  if (report.findings.some((f) => f.severity === "error")) return "fix";
  if (report.total.recomputed === null) return "unscored";
  return writes > 0 ? "fix" : "pass";
}

/**
 * A sheet's status: its forms' worst, 未能读取 where part of it looks like a form but could not be read
 * (FORM_UNREADABLE), 不是自评表 where it holds no form.
 */
export function sheetStatus(
  forms: readonly { status: FormStatus }[],
  findings: readonly Finding[]
): SheetStatus {
  let status: SheetStatus = "no-form";
  if (findings.some((f) => f.code === "FORM_UNREADABLE")) status = "unreadable";
  for (const form of forms) status = status === "no-form" ? form.status : worseStatus(status, form.status);
  return status;
}

/**
 * A file's status: its sheets' worst; 不是自评表 when no sheet holds a form; `failed` says the file gave no
 * sheets because it could not be opened (unreadable) or is not a spreadsheet at all.
 */
export function fileStatus(
  sheets: readonly { status: SheetStatus }[],
  failed?: "unreadable" | "not-spreadsheet"
): FileStatus {
  if (failed) return failed;
  let status: FileStatus = "no-form";
  for (const sheet of sheets)
    if (sheet.status !== "no-form")
      status = status === "no-form" ? sheet.status : worseStatus(status, sheet.status);
  return status;
}

/** Exit status of a set of files (spec/cli.md): 2 a file unreadable or not a spreadsheet, 1 a form to fix or
 * unreadable, else 0. `fileError` marks files that could not be opened at all. */
export function exitStatus(files: readonly { status: FileStatus; fileError: boolean }[]): 0 | 1 | 2 {
  if (files.some((f) => f.fileError || f.status === "not-spreadsheet")) return 2;
  return files.some((f) => f.status === "fix" || f.status === "unreadable") ? 1 : 0;
}
