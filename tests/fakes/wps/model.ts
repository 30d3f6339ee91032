/**
 * The data behind the fake ET object model: workbooks of sheets of cells (value, formula, number format,
 * BGR fill), merged areas, protection, visibility, and an undo log that groups changes the way
 * DebugTools.UndoTransBegin/UndoTransEnd do. Coordinates 0-based and absolute, as in Grid.
 */
import type { Grid, Merge, Scalar } from "../../../src/core/grid";

/**
 * The readings wps.md §6 leaves open (and the "likely" ones), one switch each; the defaults are the
 * most Excel-like reading.
 */
export interface Readings {
  /** What an empty cell reads as in Value2. */
  empty: "null" | "undefined" | "empty-string";
  /** What Formula returns for a constant number. */
  constantFormula: "string" | "number";
  /** The code a General cell's NumberFormat returns. */
  general: "General" | "G/通用格式";
  /** A one-row range's Value2: row arrays ([[a, b]]) or a flat array ([a, b]) as on older builds. */
  oneRow: "nested" | "flat";
  /** MergeCells: booleans, or -1 / 0. */
  mergeCells: "boolean" | "number";
  /** Sheets.Add's result: the new sheet, or null (the new sheet is then the active one). */
  sheetsAdd: "sheet" | "null";
  /** Sheets.Item of a missing name: throws, or returns null. */
  missingItem: "throws" | "null";
  /** A write to a protected sheet: throws, or does nothing (a dialog the user dismissed). */
  protectedWrite: "throws" | "ignored";
  /** Assigned text: parsed like typed input (' dropped, "5" a number), or stored exactly as given. */
  textWrite: "typed" | "literal";
  /** Whether Application.DebugTools (undo transactions) exists. */
  debugTools: boolean;
  /** Whether Application.ApiEvent exists. */
  events: boolean;
  /**
   * What `member in object` says of a host object: the members it has, or always false (a COM-bridged
   * object need not answer `in`; only reading a member tells).
   */
  inOperator: "sees-members" | "blind";
}

export const DEFAULT_READINGS: Readings = {
  empty: "null",
  constantFormula: "string",
  general: "General",
  oneRow: "nested",
  mergeCells: "boolean",
  sheetsAdd: "sheet",
  missingItem: "throws",
  protectedWrite: "throws",
  textWrite: "typed",
  debugTools: true,
  events: true,
  inOperator: "sees-members",
};

/** One switch per open reading, each away from the defaults (tests run every form under each). */
export const READING_SWITCHES: Record<string, Partial<Readings>> = {
  default: {},
  "empty-undefined": { empty: "undefined" },
  "empty-string": { empty: "empty-string" },
  "formula-number": { constantFormula: "number" },
  "general-chinese": { general: "G/通用格式" },
  "one-row-flat": { oneRow: "flat" },
  "merge-numbers": { mergeCells: "number" },
  "add-returns-null": { sheetsAdd: "null", missingItem: "null" },
  "protected-ignored": { protectedWrite: "ignored" },
  "text-literal": { textWrite: "literal" },
  "no-debugtools-no-events": { debugTools: false, events: false },
  "in-blind": { inOperator: "blind" },
};

export interface Cell {
  value: Scalar;
  formula: string | null;
  format: string | null;
  /** BGR fill, null for none. */
  fill: number | null;
  /** Unlocked cells stay writable on a protected sheet. */
  unlocked?: boolean;
}

export interface Sheet {
  name: string;
  /** -1 visible, 0 hidden, 2 very hidden. */
  visible: number;
  protected: boolean;
  cells: Map<string, Cell>;
  merges: Merge[];
}

export interface Change {
  sheet: Sheet;
  key: string;
  before: Cell | undefined;
}

export interface UndoStep {
  description: string;
  changes: Change[];
}

export interface Book {
  name: string;
  fullName: string;
  sheets: Sheet[];
  active: Sheet;
  protectStructure: boolean;
  selection: { sheet: string; address: string } | null;
  undo: UndoStep[];
  /** The open transaction, if any. */
  transaction: UndoStep | null;
}

export const cellKey = (row: number, col: number) => `${row},${col}`;
export const EMPTY_CELL: Cell = { value: null, formula: null, format: null, fill: null };

export function newSheet(name: string): Sheet {
  return { name, visible: -1, protected: false, cells: new Map(), merges: [] };
}

/** A sheet seeded from a grid (values, formulas, formats, merges). */
export function sheetFromGrid(grid: Grid, visible = -1): Sheet {
  const sheet = newSheet(grid.name);
  sheet.visible = visible;
  grid.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const formula = grid.formulas?.[r]?.[c] ?? null;
      const format = grid.formats?.[r]?.[c] ?? null;
      const value = v === "" ? null : v;
      if (value === null && !formula && !format) return;
      sheet.cells.set(cellKey(grid.top + r, grid.left + c), {
        value,
        formula: formula || null,
        format,
        fill: null,
      });
    })
  );
  sheet.merges = grid.merges.map((m) => ({ ...m }));
  return sheet;
}

/** Changes a cell, logging the change in the open transaction or as one undo step of its own. */
export function changeCell(book: Book, sheet: Sheet, row: number, col: number, change: Partial<Cell>): void {
  const key = cellKey(row, col);
  const before = sheet.cells.get(key);
  const next = { ...(before ?? EMPTY_CELL), ...change };
  const step = book.transaction ?? { description: "", changes: [] };
  step.changes.push({ sheet, key, before });
  if (!book.transaction) book.undo.push(step);
  if (
    next.value === null &&
    next.formula === null &&
    next.format === null &&
    next.fill === null &&
    !next.unlocked
  )
    sheet.cells.delete(key);
  else sheet.cells.set(key, next);
}

/** Ctrl+Z: undoes the last step (a whole transaction, or one write). */
export function undoLast(book: Book): UndoStep | null {
  const step = book.undo.pop();
  if (!step) return null;
  for (const c of [...step.changes].reverse()) {
    if (c.before) c.sheet.cells.set(c.key, c.before);
    else c.sheet.cells.delete(c.key);
  }
  return step;
}
