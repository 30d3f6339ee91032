/** What a check found, file by file: the shapes the CLI, the pane and the reviewer's outputs share. */
import { fileStatus, type FileStatus, type SheetStatus } from "../core/status";
import { cliText as T } from "../i18n/cli";
import type { Finding, FormAnalysis } from "../core/index";

/** One form as checked: the core's report and the patches a fix would write. */
export type FormResult = FormAnalysis;

/** One sheet as checked: every form on it, top to bottom, and its sheet-level findings. */
export interface SheetResult {
  name: string;
  forms: FormResult[];
  /** LAYOUT_NOT_FOUND (no form) or FORM_UNREADABLE (looks like a form, could not be read). */
  findings: Finding[];
  /** The sheet is hidden in the workbook (very hidden sheets are skipped, and listed in `skipped`). */
  hidden: boolean;
  /** The core's verdict on the sheet. */
  status: SheetStatus;
}

/** A sheet that was not checked, and why. */
export interface SkippedSheet {
  sheet: string;
  why: string;
}

/** One input file as checked: its sheets, or the one-line reason it could not be read. */
export interface FileResult {
  /** The path as given on the command line (joined with the folder's relative path), or the file's name. */
  path: string;
  error: string | null;
  sheets: SheetResult[];
  skipped: SkippedSheet[];
  /** The file's one verdict (core/status.ts): its worst form's, or why it gives none. */
  status: FileStatus;
  /** Where the file gives no form: a Chinese reason (its error, 不是自评表 …); null otherwise. */
  why: string | null;
}

/** Every finding of a sheet: its own and those of its forms. */
export function sheetFindings(sheet: SheetResult): Finding[] {
  return [...sheet.findings, ...sheet.forms.flatMap((f) => f.report.findings)];
}

/** A file's verdict and reason from what it gave: `failed` when it could not be opened at all. */
export function fileVerdict(
  sheets: readonly SheetResult[],
  failed?: { status: "unreadable" | "not-spreadsheet"; why: string }
): { status: FileStatus; why: string | null } {
  const status = fileStatus(sheets, failed?.status);
  if (failed) return { status, why: failed.why };
  return { status, why: status === "no-form" ? T.noFormInFile : null };
}
