/** Shared shapes of the `zpb` command: where it writes and what a check found. */
import type { Finding, FormAnalysis } from "../core/index";

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
  /**
   * Why it could not be read, when `error` is set: the reader's reason ("not-a-workbook": not a spreadsheet
   * at all; "encrypted", "corrupt", "too-large", "missing", "empty", …), or "system" (refused by the system).
   */
  errorReason?: string;
  sheets: SheetResult[];
  skipped: SkippedSheet[];
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
  if (files.some((f) => f.error !== null)) return 2;
  return files.some((f) => f.sheets.some(sheetHasError)) ? 1 : 0;
}

/** Thrown for wrong arguments or an unwritable output: printed as one line, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
