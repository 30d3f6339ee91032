/** Messages between the pane and the parsing worker (structured clone: grids keep their sparse rows). */
import type { AnalyzeOptions } from "../../core/index";
import type { WorkbookData } from "./types";
import { WorkbookError, type WorkbookErrorReason } from "../xlsx/errors";

/** The pane asks for one workbook per worker; a cancel terminates the worker. */
export interface ParseRequest {
  bytes: Uint8Array;
  /** Analyze every sheet too, with these options. */
  analyze?: AnalyzeOptions;
}

export type ParseReply =
  | { kind: "progress"; done: number; total: number }
  | { kind: "done"; data: WorkbookData }
  | { kind: "failed"; message: string; reason?: string };

/** How a failure crosses a worker boundary: its Chinese message, and the reader's reason where it has one. */
export interface FailureMessage {
  message: string;
  reason?: string;
}

/** A failure as a worker sends it (WorkbookError messages are already Chinese and name the problem). */
export function failureOf(error: unknown): FailureMessage {
  const reason = error instanceof Error ? (error as { reason?: unknown }).reason : undefined;
  return {
    message: error instanceof Error ? error.message : String(error),
    reason: typeof reason === "string" ? reason : undefined,
  };
}

/** The error a failure stands for in the page: the reader's reason survives (不是电子表格文件 ≠ damaged). */
export function errorOf(failure: FailureMessage): Error {
  return failure.reason
    ? new WorkbookError(failure.reason as WorkbookErrorReason, failure.message)
    : new Error(failure.message);
}
