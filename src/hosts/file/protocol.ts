/** Messages between the pane and the parsing worker (structured clone: grids keep their sparse rows). */
import type { AnalyzeOptions } from "../../core/index";
import type { WorkbookData } from "./types";

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
