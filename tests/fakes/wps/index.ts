/**
 * An in-memory fake of the ET object model subset the WPS host uses (see model.ts for the readings it
 * can switch between and objects.ts for the objects). `fake.app` is what WPS injects as `Application`.
 *
 *   const fake = FakeWps.fromGrids(grids, { readings: { oneRow: "flat" } });
 *   const host = createWpsHost(() => fake.app);
 */
import type { Grid, Scalar } from "../../../src/core/grid";
import { parseA1 } from "../../../src/core/address";
import {
  cellKey,
  DEFAULT_READINGS,
  EMPTY_CELL,
  sheetFromGrid,
  undoLast,
  type Book,
  type Cell,
  type Readings,
  type Sheet,
  type UndoStep,
} from "./model";
import { FakeWorkbook, strict, type Env } from "./objects";

export { READING_SWITCHES, DEFAULT_READINGS } from "./model";
export type { Readings, Cell, Book, Sheet } from "./model";

export interface BookSeed {
  grids: Grid[];
  name?: string;
  fullName?: string;
  /** Sheet visibility by name: -1 visible, 0 hidden, 2 very hidden. */
  visible?: Record<string, number>;
}

interface TaskPaneRecord {
  ID: number;
  url: string;
  title: string | undefined;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

class FakeTaskPane {
  constructor(readonly _rec: TaskPaneRecord) {}
  get ID(): number {
    return this._rec.ID;
  }
  get Visible(): boolean {
    return this._rec.Visible;
  }
  set Visible(v: boolean) {
    this._rec.Visible = v;
  }
  get DockPosition(): number {
    return this._rec.DockPosition;
  }
  set DockPosition(v: number) {
    this._rec.DockPosition = v;
  }
  get Width(): number {
    return this._rec.Width;
  }
  set Width(v: number) {
    this._rec.Width = v;
  }
  Navigate(url: string): boolean {
    this._rec.url = url;
    return true;
  }
}

class FakeApplication {
  constructor(private readonly _fake: FakeWps) {}
  get ActiveWorkbook(): FakeWorkbook | null {
    const env = this._fake.env;
    return env.active ? strict(new FakeWorkbook(env.active, env), "Workbook", env) : null;
  }
  get ActiveSheet(): unknown {
    return this.ActiveWorkbook
      ? (this.ActiveWorkbook as unknown as { ActiveSheet: unknown }).ActiveSheet
      : null;
  }
  get ScreenUpdating(): boolean {
    return this._fake.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this._fake.screenUpdating = v;
    this._fake.screenLog.push(v);
  }
  get StatusBar(): unknown {
    return this._fake.statusBar;
  }
  set StatusBar(v: unknown) {
    this._fake.statusBar = v;
  }
  get Version(): string {
    return "12.1.0.fake";
  }
  get DisplayAlerts(): boolean {
    return this._fake.env.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this._fake.env.displayAlerts = v;
  }
  get DebugTools(): unknown {
    return this._fake.env.readings.debugTools
      ? strict(new FakeDebugTools(this._fake), "DebugTools", this._fake.env)
      : undefined;
  }
  get ApiEvent(): unknown {
    return this._fake.env.readings.events
      ? strict(new FakeApiEvent(this._fake), "ApiEvent", this._fake.env)
      : undefined;
  }
  get PluginStorage(): unknown {
    const store = this._fake.pluginStorage;
    return strict(
      {
        getItem: (k: string) => (store.has(k) ? store.get(k) : null),
        setItem: (k: string, v: unknown) => void store.set(k, v),
        removeItem: (k: string) => void store.delete(k),
      },
      "PluginStorage",
      this._fake.env
    );
  }
  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    if (!/^(https?|file):\/\//.test(url))
      throw new Error(`Fake ET: CreateTaskPane needs an absolute URL, got ${url}`);
    const rec: TaskPaneRecord = {
      ID: this._fake.panes.length + 1,
      url,
      title,
      Visible: false,
      DockPosition: 2,
      Width: 0,
    };
    this._fake.panes.push(rec);
    return strict(new FakeTaskPane(rec), "TaskPane", this._fake.env);
  }
  GetTaskPane(id: unknown): FakeTaskPane | null {
    const rec = this._fake.panes.find((p) => String(p.ID) === String(id));
    return rec ? strict(new FakeTaskPane(rec), "TaskPane", this._fake.env) : null;
  }
  ShowDialog(url: string, title: string, width: number, height: number, modal: boolean): boolean {
    this._fake.dialogs.push({ url, title, width, height, modal });
    return true;
  }
}

class FakeDebugTools {
  constructor(private readonly _fake: FakeWps) {}
  UndoTransBegin(wb: unknown): boolean {
    const book = this._fake.bookOf(wb);
    if (book.transaction) throw new Error("Fake ET: nested undo transaction");
    book.transaction = { description: "", changes: [] };
    return true;
  }
  UndoTransEnd(wb: unknown, cancel: boolean, description: string): boolean {
    const book = this._fake.bookOf(wb);
    const t = book.transaction;
    if (!t) throw new Error("Fake ET: UndoTransEnd without UndoTransBegin");
    if (cancel !== false) throw new Error("Fake ET: UndoTransEnd(cancel = true) is not implemented");
    book.transaction = null;
    t.description = description;
    if (t.changes.length > 0) book.undo.push(t);
    this._fake.transactions.push(description);
    return true;
  }
}

class FakeApiEvent {
  constructor(private readonly _fake: FakeWps) {}
  AddApiEventListener(name: string, fn: (...args: unknown[]) => void): boolean {
    const map = this._fake.env.listeners;
    map.set(name, [...(map.get(name) ?? []), fn]);
    return true;
  }
  RemoveApiEventListener(name: string, fn: (...args: unknown[]) => void): boolean {
    const map = this._fake.env.listeners;
    map.set(
      name,
      (map.get(name) ?? []).filter((f) => f !== fn)
    );
    return true;
  }
}

export class FakeWps {
  readonly env: Env;
  screenUpdating = true;
  screenLog: boolean[] = [];
  statusBar: unknown = false;
  transactions: string[] = [];
  panes: TaskPaneRecord[] = [];
  dialogs: { url: string; title: string; width: number; height: number; modal: boolean }[] = [];
  pluginStorage = new Map<string, unknown>();
  /** What the host sees as `Application`. */
  readonly app: unknown;

  constructor(readings: Partial<Readings> = {}) {
    this.env = {
      readings: { ...DEFAULT_READINGS, ...readings },
      calls: 0,
      books: [],
      active: null,
      writes: 0,
      listeners: new Map(),
      displayAlerts: true,
    };
    this.app = strict(new FakeApplication(this), "Application", this.env, ["CreateTaskpane", "Build"]);
  }

  /** A fake WPS with one workbook open, first sheet active. */
  static fromGrids(
    grids: Grid[],
    options: Omit<BookSeed, "grids"> & { readings?: Partial<Readings> } = {}
  ): FakeWps {
    const fake = new FakeWps(options.readings);
    fake.open({ grids, ...options });
    return fake;
  }

  /** Opens a workbook and makes it the active one. */
  open(seed: BookSeed): Book {
    const sheets = seed.grids.map((g) => sheetFromGrid(g, seed.visible?.[g.name] ?? -1));
    const first = sheets.find((s) => s.visible === -1) ?? sheets[0];
    const n = this.env.books.length + 1;
    const name = seed.name ?? `工作簿${n}.xlsx`;
    const book: Book = {
      name,
      fullName: seed.fullName ?? `/home/user/${name}`,
      sheets,
      active: first,
      protectStructure: false,
      selection: null,
      undo: [],
      transaction: null,
    };
    this.env.books.push(book);
    this.env.active = book;
    return book;
  }

  get readings(): Readings {
    return this.env.readings;
  }
  /** Host calls so far (every property get or set and method call on an ET object). */
  get calls(): number {
    return this.env.calls;
  }
  resetCalls(): void {
    this.env.calls = 0;
  }
  get book(): Book {
    if (!this.env.active) throw new Error("no active workbook");
    return this.env.active;
  }
  bookOf(wb: unknown): Book {
    const name = (wb as { FullName?: string } | null)?.FullName;
    const book = this.env.books.find((b) => b.fullName === name);
    if (!book) throw new Error("Fake ET: not a workbook");
    return book;
  }
  sheet(name: string, book = this.book): Sheet {
    const s = book.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  cell(sheet: string, address: string, book = this.book): Cell {
    const { row, col } = parseA1(address);
    return this.sheet(sheet, book).cells.get(cellKey(row, col)) ?? EMPTY_CELL;
  }
  value(sheet: string, address: string, book = this.book): Scalar {
    return this.cell(sheet, address, book).value;
  }
  /** Edits a cell as the user would (one undo step). */
  edit(sheet: string, address: string, change: Partial<Cell>, book = this.book): void {
    const { row, col } = parseA1(address);
    const s = this.sheet(sheet, book);
    const key = cellKey(row, col);
    s.cells.set(key, { ...(s.cells.get(key) ?? EMPTY_CELL), ...change });
  }
  /** Makes a sheet active, as the user clicking its tab (fires SheetActivate). */
  activate(sheet: string, book = this.book): void {
    book.active = this.sheet(sheet, book);
    for (const fn of this.env.listeners.get("SheetActivate") ?? []) fn();
  }
  /** Switches to another open workbook (fires WorkbookActivate). */
  activateBook(book: Book): void {
    this.env.active = book;
    for (const fn of this.env.listeners.get("WorkbookActivate") ?? []) fn();
  }
  /** Ctrl+Z in the active workbook. */
  undo(book = this.book): UndoStep | null {
    return undoLast(book);
  }
  set beforeWrite(hook: Env["beforeWrite"]) {
    this.env.beforeWrite = hook;
  }
  /** Every sheet of a workbook as a Grid (values, formulas, formats, merges), with visibility. */
  grids(book = this.book): { grids: Grid[]; visible: Record<string, number> } {
    const visible: Record<string, number> = {};
    const grids = book.sheets.map((s) => {
      visible[s.name] = s.visible;
      return sheetGrid(s);
    });
    return { grids, visible };
  }
}

/** One fake sheet as a Grid from A1. */
export function sheetGrid(s: Sheet): Grid {
  let rows = 0;
  let cols = 0;
  for (const k of s.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push([]);
    formulas.push([]);
    formats.push([]);
    for (let c = 0; c < cols; c++) {
      const cell = s.cells.get(cellKey(r, c)) ?? EMPTY_CELL;
      values[r].push(cell.value);
      formulas[r].push(cell.formula);
      formats[r].push(cell.format);
    }
  }
  return {
    name: s.name,
    top: 0,
    left: 0,
    values,
    formulas,
    formats,
    merges: s.merges.map((m) => ({ ...m })),
  };
}
