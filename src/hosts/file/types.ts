/** The browser-mode host's extra surface: a workbook opened from disk, kept in memory, never uploaded. */
import type { AnalyzeOptions } from "../../core/index";
import type { Grid } from "../../core/grid";
import type { Patch, Severity, SheetAnalysis } from "../../core/types";
import type { Host } from "../types";
import type { SpreadsheetFormat } from "../legacy/detect";

/** One worksheet of a workbook package, as the xlsx reader gives it. */
export interface WorkbookSheet {
  name: string;
  path?: string;
  /** "visible" | "hidden" | "veryHidden" as the package says. */
  state?: string;
  grid: Grid;
  /** What the core said of the sheet, when the read was asked to analyze (ReadControl.analyze). */
  analysis?: SheetAnalysis;
}

export interface WorkbookData {
  sheets: WorkbookSheet[];
  /** What the bytes were read as ("xlsx" when absent): an .xls / .xlsb / .ods is checked, never written. */
  format?: SpreadsheetFormat;
}

/** Progress and cancel of one read. */
export interface ReadControl {
  /** (done, total) sheets; total 0 while the package is being opened. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting rejects the read with ReadCancelled; nothing of the file is kept. */
  signal?: AbortSignal;
  /** Also analyze every sheet with these options, off the main thread where the codec can. */
  analyze?: AnalyzeOptions;
}

/** The read was cancelled by the user. */
export class ReadCancelled extends Error {
  constructor() {
    super("read cancelled");
    this.name = "ReadCancelled";
  }
}

/** The xlsx reader/writer the host works with (injected so tests need no real packages). */
export interface XlsxCodec {
  read(bytes: Uint8Array, control?: ReadControl): WorkbookData | Promise<WorkbookData>;
  write(bytes: Uint8Array, patches: Patch[]): Uint8Array | Promise<Uint8Array>;
}

export interface CellMark {
  cell: string;
  severity: Severity;
}

/** What the preview shows of the file host's state. */
export interface FileView {
  fileName: string | null;
  sheets: WorkbookSheet[];
  active: string | null;
  /** The cell last selected through `select`, e.g. from a clicked finding. */
  selection: { sheet: string; cell: string } | null;
  highlights: Record<string, CellMark[]>;
  /**
   * The open workbook's format ("xlsx" when absent). An .xls / .et / .xlsb / .ods is checked like an
   * .xlsx, but not fixed or downloaded here: written back as .xlsx it would lose its formatting.
   */
  format?: SpreadsheetFormat;
  /** Bumped on every change so that React can re-render from a snapshot. */
  version: number;
}

export interface FileHost extends Host {
  kind: "file";
  /**
   * Reads a workbook from its bytes and makes it current; throws (with a Chinese message) when unreadable
   * or too large (HostError "too-large"), ReadCancelled when cancelled. The previous workbook stays current
   * until the new one is read.
   */
  open(bytes: Uint8Array, name: string, control?: ReadControl): Promise<FileView>;
  /** Offers the current bytes as `<name>.checked.xlsx`; false when no workbook is open or it is not an .xlsx. */
  download(): boolean;
  /** The bytes of the current workbook (after any fix), or null. */
  bytes(): Uint8Array | null;
  /** Makes a sheet the one `readActiveSheet` reads. */
  setActiveSheet(name: string): void;
  view(): FileView;
  /** Calls the listener on every change of the view; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
