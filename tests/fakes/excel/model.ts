/**
 * The in-memory workbook behind the fake Excel JS API: sheets of cells (value, formula, number format,
 * fill), merged areas, protection and visibility. Coordinates are 0-based and absolute, as in Grid.
 */
import type { Grid, Merge, Scalar } from "../../../src/core/grid";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeCell {
  /** What Excel's `values` reports: "" when empty. */
  value: string | number | boolean;
  formula: string | null;
  format: string;
  /** Fill colour ("#FFC7CE"), null when the cell has no fill. */
  fill: string | null;
  /** Unlocked cells stay writable on a protected sheet. */
  unlocked?: boolean;
}

export interface FakeSheet {
  name: string;
  /** Excel's worksheet id (events name sheets by id). */
  id: string;
  visibility: Visibility;
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: Merge[];
  /** How many times protection.unprotect() was called on this sheet (tests assert 0). */
  unprotectCalls: number;
}

export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const EMPTY: FakeCell = { value: "", formula: null, format: "General", fill: null };

const key = (row: number, col: number): string => `${row},${col}`;

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  active = 0;
  structureProtected = false;
  selection: { sheet: string; box: Box } | null = null;
  /** Handlers registered through worksheets.onActivated / onChanged (registered at sync). */
  handlers: { activated: ((event: unknown) => unknown)[]; changed: ((event: unknown) => unknown)[] } = {
    activated: [],
    changed: [],
  };
  /** What calls on a null object give: null objects (Excel) or a failed sync (a stricter host). */
  nullChaining: "propagate" | "refuse" = "propagate";
  /** Bumped when another workbook takes this one's place (a "switch" fault): older objects stop resolving. */
  generation = 0;
  /** The ExcelApi version this Excel supports (see limits.ts): calls of newer sets fail with ApiNotFound. */
  apiVersion = "1.17";
  /**
   * Which merged areas getMergedAreasOrNullObject reports: those intersecting the range, or only those
   * whose top-left cell is in it (what office-js issue #3611 describes for real Excel). The host must
   * work with both.
   */
  mergeReport: "intersecting" | "top-left" = "intersecting";

  /** Builds a workbook from grids (values, formulas, formats, merges), first sheet active. */
  static fromGrids(grids: Grid[], visibility: Record<string, Visibility> = {}): FakeWorkbookModel {
    const model = new FakeWorkbookModel();
    for (const grid of grids) {
      const sheet = model.addSheet(grid.name);
      sheet.visibility = visibility[grid.name] ?? "Visible";
      grid.values.forEach((line, r) =>
        line.forEach((v, c) => {
          const formula = grid.formulas?.[r]?.[c] ?? null;
          const format = grid.formats?.[r]?.[c] ?? null;
          if ((v === null || v === "") && !formula && !format) return;
          model.setCell(sheet, grid.top + r, grid.left + c, {
            value: v ?? "",
            formula: formula || null,
            format: format || "General",
          });
        })
      );
      sheet.merges = grid.merges.map((m) => ({ ...m }));
    }
    return model;
  }

  /** Puts another workbook's content in this model's place; returns the sheets it had. */
  switchTo(other: FakeWorkbookModel): FakeSheet[] {
    const before = this.sheets;
    this.sheets = other.sheets;
    this.active = other.active;
    this.structureProtected = other.structureProtected;
    this.selection = null;
    this.generation += 1;
    return before;
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      name,
      id: `{FAKE-SHEET-${this.sheets.length + 1}}`,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      merges: [],
      unprotectCalls: 0,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  getCell(sheet: FakeSheet, row: number, col: number): FakeCell {
    return sheet.cells.get(key(row, col)) ?? EMPTY;
  }

  setCell(sheet: FakeSheet, row: number, col: number, change: Partial<FakeCell>): void {
    const next = { ...this.getCell(sheet, row, col), ...change };
    if (next.value === "" && !next.formula && next.format === "General" && !next.fill && !next.unlocked) {
      sheet.cells.delete(key(row, col));
    } else sheet.cells.set(key(row, col), next);
  }

  /**
   * The used range as Excel computes it: cells with a value or formula, and unless `valuesOnly` also
   * cells with a number format, a fill or a merge. Null when the sheet is empty.
   */
  usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [k, cell] of sheet.cells) {
      const has = cell.value !== "" || cell.formula !== null;
      if (!has && valuesOnly) continue;
      const [r, c] = k.split(",").map(Number);
      take(r, c);
    }
    if (!valuesOnly)
      for (const m of sheet.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Merged areas intersecting a box. */
  mergesIn(sheet: FakeSheet, box: Box): Merge[] {
    return sheet.merges.filter(
      (m) =>
        m.bottom >= box.top &&
        m.top < box.top + box.rows &&
        m.right >= box.left &&
        m.left < box.left + box.cols
    );
  }
}

/** A Grid cell value as Excel reports it in `values`. */
export function excelValue(v: Scalar): string | number | boolean {
  return v === null ? "" : v;
}
