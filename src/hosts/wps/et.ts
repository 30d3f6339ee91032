/**
 * The subset of WPS 表格's ET object model (a synchronous, VBA-style COM model: every get or set is a host
 * call, collections are 1-based, parameterised properties are methods) that the WPS host uses. Values are
 * typed `unknown` where the builds disagree on what they return: hosts/wps/adapter.ts normalises them.
 */

export interface EtCollection<T> {
  readonly Count: number;
  Item(index: number): T;
}

export interface EtInterior {
  /** BGR integer (R + 256·G + 65536·B): red is 255. */
  Color: unknown;
  /** -4142 (xlNone) when the cell has no fill; assigning -4142 removes the fill. */
  ColorIndex: unknown;
  /** -4142 (xlPatternNone) when the cell has no fill. */
  Pattern?: unknown;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCollection<EtRange>;
  readonly Columns: EtCollection<EtRange>;
  /** A scalar for one cell; row arrays (0-based) for several; a flat array for one row on some builds. */
  Value2: unknown;
  Formula: unknown;
  /** A string for a uniform range, null where the cells differ. */
  NumberFormat: unknown;
  /** true/1/-1 when every cell is merged, false/0 when none, null when mixed. */
  readonly MergeCells: unknown;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly HasFormula?: unknown;
  /** Whether a protected sheet refuses the cells (false for cells the template unlocked; null when mixed). */
  readonly Locked?: unknown;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Select(): unknown;
  ClearContents(): unknown;
  /** Merges the range into one area (diagnostics only: the add-in never merges the user's cells). */
  Merge(across?: boolean): unknown;
}

export interface EtWorksheet {
  Name: string;
  /** -1 visible, 0 hidden, 2 very hidden. */
  Visible: unknown;
  readonly ProtectContents: unknown;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): unknown;
  /** Removes the sheet; WPS asks the user first unless Application.DisplayAlerts is false. */
  Delete(): unknown;
}

export interface EtSheets extends EtCollection<EtWorksheet> {
  Item(index: number | string): EtWorksheet;
  /** (Before, After, Count, Type); may return null, the new sheet then being the active one. */
  Add(before?: unknown, after?: unknown, count?: unknown, type?: unknown): EtWorksheet | null | undefined;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet | null;
  readonly ProtectStructure?: unknown;
}

export interface EtDebugTools {
  UndoTransBegin(workbook: EtWorkbook): unknown;
  UndoTransEnd(workbook: EtWorkbook, cancel: boolean, description: string): unknown;
}

export interface EtApiEvent {
  AddApiEventListener(name: string, listener: (...args: unknown[]) => void): unknown;
  RemoveApiEventListener?(name: string, listener: (...args: unknown[]) => void): unknown;
}

export interface EtTaskPane {
  readonly ID: unknown;
  Visible: boolean;
  DockPosition: number;
  Width?: number;
  Navigate?(url: string): unknown;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  ScreenUpdating: unknown;
  /** Whether WPS asks before e.g. deleting a sheet (set false around the diagnostics' Delete). */
  DisplayAlerts?: unknown;
  readonly DebugTools?: EtDebugTools;
  readonly ApiEvent?: EtApiEvent;
  readonly Version?: unknown;
  readonly Build?: unknown;
  StatusBar?: unknown;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  CreateTaskpane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: unknown): EtTaskPane | null | undefined;
  ShowDialog?(url: string, title: string, width: number, height: number, modal: boolean): unknown;
  readonly PluginStorage?: {
    getItem(key: string): unknown;
    setItem(key: string, value: unknown): unknown;
  };
}

/** xlSheetVeryHidden. */
export const VERY_HIDDEN = 2;
/** xlNone / xlPatternNone. */
export const XL_NONE = -4142;
/** msoCTPDockPositionRight. */
export const DOCK_RIGHT = 2;
