/** Messages between the reviewer's desk and its worker: one workbook at a time, analyses back (no grids). */
import type { ProfileName } from "../../core/index";
import type { WorkbookResult } from "../../review/analyze";

export interface DeskRequest {
  id: number;
  bytes: Uint8Array;
  profile: ProfileName;
}

export type DeskReply =
  | { id: number; kind: "done"; result: WorkbookResult }
  | { id: number; kind: "failed"; message: string; reason?: string };
