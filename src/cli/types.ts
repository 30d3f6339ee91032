/** Shared shapes of the `zpb` command: where it writes and what a check found. */
import { exitStatus, fileStatus, type FileStatus, type SheetStatus } from "../core/status";
import type { Finding, FormAnalysis } from "../core/index";
import { cliText as T } from "../i18n/cli";

/** Where the command writes; injected so that tests and scripts run it in-process. */
export interface CliIo {
  /** Standard output (the report, the JSON document). */
  out(text: string): void;
  /** Standard error (one-line problems). */
  err(text: string): void;
  /** Whether the readable report may use ANSI colours. */
  color?: boolean;
  /** Environment (ZPB_DEBUG); defaults to process.env. */
  env?: Record<string, string | undefined>;
}

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
  /** The path as given on the command line (joined with the folder's relative path). */
  path: string;
  error: string | null;
  sheets: SheetResult[];
  skipped: SkippedSheet[];
  /** The file's one verdict (core/status.ts): its worst form's, or why it gives none. */
  status: FileStatus;
  /** Where the file gives no form (no form read on any sheet): a Chinese reason (its error, 不是自评表 …);
   * null otherwise. */
  why: string | null;
}

/** Every finding of a sheet: its own and those of its forms. */
export function sheetFindings(sheet: SheetResult): Finding[] {
  return [...sheet.findings, ...sheet.forms.flatMap((f) => f.report.findings)];
}

/** Whether a sheet has an error finding (a form that could not be read is one). */
export function sheetHasError(sheet: SheetResult): boolean {
  return sheetFindings(sheet).some((f) => f.severity === "error");
}

/** Exit status of the contract: 2 when any file failed (it wins), 1 when any error finding, else 0. */
export function exitCodeOf(files: readonly FileResult[]): 0 | 1 | 2 {
  return exitStatus(files.map((f) => ({ status: f.status, fileError: f.error !== null })));
}

/** A file's verdict and reason from what it gave: `failed` when it could not be opened at all. */
export function fileVerdict(
  sheets: readonly SheetResult[],
  failed?: { status: "unreadable" | "not-spreadsheet"; why: string }
): { status: FileStatus; why: string | null } {
  const status = fileStatus(sheets, failed?.status);
  if (failed) return { status, why: failed.why };
  if (sheets.some((s) => s.forms.length > 0)) return { status, why: null };
  if (status === "no-form") return { status, why: T.noFormInFile };
  // Only parts that look like forms and could not be read: which sheets they are on.
  const unread = sheets.filter((s) => s.status === "unreadable").map((s) => `「${s.name}」`);
  return { status, why: T.noFormRead(unread.join("、")) };
}

/** Thrown for wrong arguments or an unwritable output: printed as one line, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
