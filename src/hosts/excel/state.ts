/**
 * What the host remembers of its last reads: per sheet, the protection state and the cells as read
 * (plus what it wrote since), and the store. This is what lets `apply` write in one sync: the checks that
 * need Excel's answers were answered by the read that produced the patches.
 */
import type { Grid, Scalar } from "../../core/grid";
import type { StoreState } from "./store";

export interface CellState {
  value: Scalar;
  formula: string | null;
}

interface SheetState {
  grid: Grid;
  protected: boolean;
  /** On a protected sheet: the cells ("row,col") read as unlocked; null when their state was not read. */
  unlocked: Set<string> | null;
  /** Cells written by this host since the read, by "row,col". */
  written: Map<string, Scalar>;
}

export class HostState {
  private sheets = new Map<string, SheetState>();
  store: StoreState | null = null;
  /**
   * Whether `store` is as the last read found it, with nothing written since: then hasRevert can answer
   * without a round trip (the pane asks right after every read). Used once, then a new read is needed.
   */
  storeFresh = false;
  /** Whether calls on a null object come back as null objects (see storeload.ts). */
  chainOnNull = true;

  /** Also the sheet id (for events) and, on a protected sheet, which cells were read as unlocked. */
  remember(grid: Grid, isProtected: boolean, unlocked: Set<string> | null = null, id?: string): void {
    this.sheets.set(grid.name, { grid, protected: isProtected, unlocked, written: new Map() });
    if (id) this.ids.set(id, grid.name);
  }

  /** Sheet names by Excel's worksheet id, as last read (events name sheets by id). */
  readonly ids = new Map<string, string>();

  /**
   * Whether a write to the cell would be refused: a protected sheet, and the cell not read as unlocked
   * (Excel's default is locked, so a cell whose state was not read counts as locked).
   */
  isLocked(sheet: string, row: number, col: number): boolean {
    const s = this.sheets.get(sheet);
    if (!s?.protected) return false;
    return !s.unlocked?.has(`${row},${col}`);
  }

  knows(sheet: string): boolean {
    return this.sheets.has(sheet);
  }

  isProtected(sheet: string): boolean {
    return this.sheets.get(sheet)?.protected ?? false;
  }

  /** The cell as last read or written; empty outside the read range. */
  cell(sheet: string, row: number, col: number): CellState {
    const s = this.sheets.get(sheet);
    if (!s) return { value: null, formula: null };
    const k = `${row},${col}`;
    if (s.written.has(k)) return { value: s.written.get(k) ?? null, formula: null };
    const r = row - s.grid.top;
    const c = col - s.grid.left;
    const value = s.grid.values[r]?.[c] ?? null;
    return { value: value === "" ? null : value, formula: s.grid.formulas?.[r]?.[c] ?? null };
  }

  wrote(sheet: string, row: number, col: number, value: Scalar): void {
    this.sheets.get(sheet)?.written.set(`${row},${col}`, value);
  }

  forget(sheet: string): void {
    this.sheets.delete(sheet);
  }
}
