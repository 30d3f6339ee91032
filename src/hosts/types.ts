/** The one small interface every host implements (Excel, WPS, an .xlsx file opened in the browser). */
import type { Grid } from "../core/grid";
import type { Patch, Severity } from "../core/types";

export type HostKind = "excel" | "wps" | "file";

/** What an apply wrote, kept so that revert can restore every old value exactly. */
export interface AppliedFix {
  /** When the fix was applied (ISO time). */
  at: string;
  /** The cells written (what 撤销 restores). */
  patches: Patch[];
  /**
   * Patches left unwritten because their cells are locked on a protected sheet (the others were written).
   * Absent when every patch was written.
   */
  refused?: Patch[];
}

/**
 * What the user did in the document while the pane was open: switched sheets, or edited cells. `sheet` is
 * null when the host could not tell which sheet. Changes made by the add-in itself are not reported.
 */
export type HostEvent =
  { kind: "activated"; sheet: string | null } | { kind: "changed"; sheet: string | null; address: string };

export interface Host {
  kind: HostKind;
  /** Reads the active sheet in one round trip. */
  readActiveSheet(): Promise<Grid>;
  /** Reads every worksheet, batched; reports progress as (done, total). */
  readAllSheets(onProgress?: (done: number, total: number) => void): Promise<Grid[]>;
  /** Writes the patches in one round trip and keeps their old values for revert. */
  apply(patches: Patch[]): Promise<AppliedFix>;
  /** Restores the cells of the last applied fix (kept in the document); null when there is none. */
  revertLast(): Promise<AppliedFix | null>;
  /** Whether a fix can be reverted (also after the pane was closed and reopened). */
  hasRevert(): Promise<boolean>;
  /** Selects a cell on a sheet. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Makes these cells the sheet's highlights, replacing the previous ones (a user's choice: formatting may
   * clear the host's undo history).
   */
  highlight(sheet: string, cells: { cell: string; severity: "error" | "warning" | "info" }[]): Promise<void>;
  /** Removes only the highlights this add-in made. */
  clearHighlights(sheet: string): Promise<void>;
  /**
   * Calls `listener` when the user switches sheets or edits cells (hosts with document events: Excel;
   * WPS reports switching workbook or sheet). Resolves to the function that stops listening.
   */
  watch?(listener: (event: HostEvent) => void): Promise<() => void>;
  /**
   * Runs each host call the add-in makes on a scratch range and resolves to the report to send back (WPS:
   * one text listing host, platform, version and every call's result). Optional.
   */
  diagnose?(): Promise<unknown>;
}

/** A host failure the pane shows in a MessageBar (protected sheet, no workbook, …). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly reason: "protected" | "no-sheet" | "too-large" | "unsupported" | "failed"
  ) {
    super(message);
    this.name = "HostError";
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * One severity per cell for highlighting: the most severe of the cell's findings (a cell may carry an
 * error and an info), keyed by its address without "$", in upper case.
 */
export function strongestByCell(
  cells: readonly { cell: string; severity: Severity }[]
): Map<string, Severity> {
  const strongest = new Map<string, Severity>();
  for (const { cell, severity } of cells) {
    const key = cell.replace(/\$/g, "").toUpperCase();
    const had = strongest.get(key);
    if (!had || RANK[severity] > RANK[had]) strongest.set(key, severity);
  }
  return strongest;
}
