/** Shared shapes of the `zpb` command: where it writes and what a check found. */
import { exitStatus } from "../core/status";
import type { FileResult } from "../review/types";

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

export type { FileResult, FormResult, SheetResult, SkippedSheet } from "../review/types";
export { fileVerdict, sheetFindings } from "../review/types";

/** Exit status of the contract (core/status.ts exitStatus): 2 a file unreadable or not a spreadsheet, 1 a form
 * to fix or unreadable, else 0. */
export function exitCodeOf(files: readonly FileResult[]): 0 | 1 | 2 {
  return exitStatus(files.map((f) => ({ status: f.status, fileError: f.error !== null })));
}

/** Thrown for wrong arguments or an unwritable output: printed as one line, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
