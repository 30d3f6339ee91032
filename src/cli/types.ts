/** Shared shapes of the `zpb` command: where it writes and what a check found. */
import type { Patch, SheetReport } from "../core/index";

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

/** One sheet as checked. */
export interface SheetResult {
  report: SheetReport;
  patches: Patch[];
  /** The sheet is hidden in the workbook (very hidden sheets are skipped altogether). */
  hidden: boolean;
}

/** One input file as checked: its sheets, or the one-line reason it could not be read. */
export interface FileResult {
  /** The path as given on the command line (joined with the folder's relative path). */
  path: string;
  error: string | null;
  sheets: SheetResult[];
}

/** Exit status of the contract: 2 when any file failed (it wins), 1 when any error finding, else 0. */
export function exitCodeOf(files: readonly FileResult[]): 0 | 1 | 2 {
  if (files.some((f) => f.error !== null)) return 2;
  const anyError = files.some((f) =>
    f.sheets.some((s) => s.report.findings.some((x) => x.severity === "error"))
  );
  return anyError ? 1 : 0;
}

/** Thrown for wrong arguments or an unwritable output: printed as one line, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
