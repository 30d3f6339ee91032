/**
 * The ET objects of the fake (Application, Workbook, Sheets, Worksheet, Range, Interior), each behind a
 * strict proxy that counts every property get, set and method call as one host call and throws on any
 * member it does not implement (members starting with "_" are the fake's own and throw too). Under the
 * reading `inOperator: "blind"`, `member in object` is false for every member, as on a COM-bridged object.
 */
import type { Merge } from "../../../src/core/grid";
import { a1, parseA1 } from "../../../src/core/address";
import {
  cellKey,
  changeCell,
  EMPTY_CELL,
  newSheet,
  type Book,
  type Cell,
  type Readings,
  type Sheet,
} from "./model";

export interface Env {
  readings: Readings;
  calls: number;
  books: Book[];
  active: Book | null;
  /** Called before every cell change (fault injection: throw, or switch workbooks). */
  beforeWrite?: (info: { sheet: string; cell: string; n: number }) => void;
  writes: number;
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  /** Application.DisplayAlerts: while true, deleting a sheet would ask the user (the fake refuses). */
  displayAlerts: boolean;
}

const ABSENT = new Set(["then", "toJSON", "constructor", "$$typeof", "nodeType", "asymmetricMatch"]);

function findSetter(obj: object, prop: string): boolean {
  for (let o: object | null = obj; o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, prop);
    if (d) return Boolean(d.set) || (d.writable === true && !("get" in d));
  }
  return false;
}

export function strict<T extends object>(
  target: T,
  kind: string,
  env: Env,
  absent: readonly string[] = []
): T {
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === "symbol") return undefined;
      if (prop.startsWith("_") || !(prop in t)) {
        if (ABSENT.has(prop) || absent.includes(prop)) return undefined;
        throw new Error(`Fake ET: ${kind}.${prop} is not implemented`);
      }
      env.calls++;
      const v = Reflect.get(t, prop, t) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
    set(t, prop, value) {
      if (typeof prop === "symbol" || prop.startsWith("_") || !findSetter(t, prop))
        throw new Error(`Fake ET: setting ${kind}.${String(prop)} is not implemented`);
      env.calls++;
      return Reflect.set(t, prop, value, t);
    },
    has(t, prop) {
      if (env.readings.inOperator === "blind") return false;
      return typeof prop === "string" && !prop.startsWith("_") && prop in t;
    },
  });
}

export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1048576;

function parseBox(address: string): Box {
  const [p, q = p] = address.replace(/\$/g, "").split(":");
  const col = /^[A-Za-z]+$/;
  if (col.test(p) && col.test(q)) {
    const a = parseA1(`${p}1`).col;
    const b = parseA1(`${q}1`).col;
    return { top: 0, left: Math.min(a, b), rows: MAX_ROWS, cols: Math.abs(b - a) + 1 };
  }
  const a = parseA1(p);
  const b = parseA1(q);
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  return { top, left, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

function addressOf(b: Box, abs: boolean): string {
  const d = abs ? "$" : "";
  const at = (r: number, c: number) =>
    a1(r, c).replace(/^([A-Z]+)(\d+)$/, (_m, col: string, row: string) => `${d}${col}${d}${row}`);
  const first = at(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? first : `${first}:${at(b.top + b.rows - 1, b.left + b.cols - 1)}`;
}

const inside = (m: Merge, r: number, c: number) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right;

/** What typing this text into a cell gives (textWrite "typed"). */
function typed(text: string): Partial<Cell> {
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith("=")) return { value: null, formula: text };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text), formula: null };
  const pct = /^(-?\d+(\.\d+)?)%$/.exec(text);
  if (pct) return { value: Number(pct[1]) / 100, formula: null };
  return { value: text === "" ? null : text, formula: null };
}

class FakeInterior {
  constructor(
    private readonly _r: FakeRange,
    private readonly _env: Env
  ) {}
  get Color(): number {
    return this._r._cell().fill ?? 16777215;
  }
  set Color(v: number) {
    if (typeof v !== "number") throw new Error("Fake ET: Interior.Color takes a number");
    this._r._change({ fill: v });
  }
  get ColorIndex(): number {
    return this._r._cell().fill === null ? -4142 : 1;
  }
  set ColorIndex(v: number) {
    if (v !== -4142) throw new Error("Fake ET: only ColorIndex = xlNone is implemented");
    this._r._change({ fill: null });
  }
  get Pattern(): number {
    return this._r._cell().fill === null ? -4142 : 1;
  }
}

class FakeCollection {
  constructor(
    private readonly _r: FakeRange,
    private readonly _dim: "rows" | "cols"
  ) {}
  get Count(): number {
    return this._r._box[this._dim];
  }
  Item(i: number): FakeRange {
    const b = this._r._box;
    if (!Number.isInteger(i) || i < 1 || i > b[this._dim])
      throw new Error(`Fake ET: Item(${i}) out of range`);
    const box =
      this._dim === "rows" ? { ...b, top: b.top + i - 1, rows: 1 } : { ...b, left: b.left + i - 1, cols: 1 };
    return this._r._ws._range(box);
  }
}

export class FakeRange {
  constructor(
    readonly _ws: FakeWorksheet,
    readonly _box: Box,
    private readonly _env: Env
  ) {}
  _cells(): [number, number][] {
    const out: [number, number][] = [];
    if (this._box.rows * this._box.cols > 1_000_000) throw new Error("Fake ET: range too large to read");
    for (let r = 0; r < this._box.rows; r++)
      for (let c = 0; c < this._box.cols; c++) out.push([this._box.top + r, this._box.left + c]);
    return out;
  }
  _cell(r = this._box.top, c = this._box.left): Cell {
    return this._ws._sheet.cells.get(cellKey(r, c)) ?? EMPTY_CELL;
  }
  _change(change: Partial<Cell>, r = this._box.top, c = this._box.left): void {
    const sheet = this._ws._sheet;
    const env = this._env;
    const n = env.writes++;
    env.beforeWrite?.({ sheet: sheet.name, cell: a1(r, c), n });
    const formatting = "fill" in change;
    if (sheet.protected && (formatting || !this._cell(r, c).unlocked)) {
      if (env.readings.protectedWrite === "throws") throw new Error("Fake ET: the sheet is protected");
      return;
    }
    changeCell(this._ws._book, sheet, r, c, change);
  }
  private _empty(): unknown {
    const e = this._env.readings.empty;
    return e === "null" ? null : e === "undefined" ? undefined : "";
  }
  private _grid(read: (cell: Cell) => unknown): unknown {
    if (this._box.rows === 1 && this._box.cols === 1) return read(this._cell());
    const rows: unknown[][] = [];
    for (let r = 0; r < this._box.rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < this._box.cols; c++)
        line.push(read(this._cell(this._box.top + r, this._box.left + c)));
      rows.push(line);
    }
    return this._box.rows === 1 && this._env.readings.oneRow === "flat" ? rows[0] : rows;
  }
  private _write(v: unknown, r: number, c: number): void {
    if (v === null || v === undefined || v === "") return this._change({ value: null, formula: null }, r, c);
    if (typeof v === "string")
      return this._change(
        this._env.readings.textWrite === "typed" ? typed(v) : { value: v, formula: null },
        r,
        c
      );
    if (typeof v === "number" || typeof v === "boolean")
      return this._change({ value: v, formula: null }, r, c);
    throw new Error(`Fake ET: cannot write ${typeof v}`);
  }
  get Row(): number {
    return this._box.top + 1;
  }
  get Column(): number {
    return this._box.left + 1;
  }
  get Rows(): FakeCollection {
    return strict(new FakeCollection(this, "rows"), "Rows", this._env);
  }
  get Columns(): FakeCollection {
    return strict(new FakeCollection(this, "cols"), "Columns", this._env);
  }
  get Value2(): unknown {
    this._cells();
    return this._grid((cell) => cell.value ?? this._empty());
  }
  set Value2(v: unknown) {
    const cells = this._cells();
    if (!Array.isArray(v)) {
      cells.forEach(([r, c]) => this._write(v, r, c));
      return;
    }
    const rows = (this._box.rows === 1 && !Array.isArray(v[0]) ? [v] : v) as unknown[][];
    if (
      rows.length !== this._box.rows ||
      rows.some((line) => !Array.isArray(line) || line.length !== this._box.cols)
    )
      throw new Error("Fake ET: the array does not match the range's shape");
    cells.forEach(([r, c]) => this._write(rows[r - this._box.top][c - this._box.left], r, c));
  }
  get Formula(): unknown {
    this._cells();
    return this._grid((cell) => {
      if (cell.formula) return cell.formula;
      if (cell.value === null) return "";
      if (typeof cell.value === "number")
        return this._env.readings.constantFormula === "number" ? cell.value : String(cell.value);
      if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
      return cell.value;
    });
  }
  get Locked(): boolean | null {
    const all = this._cells().map(([r, c]) => !this._cell(r, c).unlocked);
    return all.every(Boolean) ? true : all.some(Boolean) ? null : false;
  }
  get HasFormula(): boolean | null {
    const all = this._cells().map(([r, c]) => this._cell(r, c).formula !== null);
    return all.every(Boolean) ? true : all.some(Boolean) ? null : false;
  }
  get NumberFormat(): string | null {
    const general = this._env.readings.general;
    const formats = new Set(this._cells().map(([r, c]) => this._cell(r, c).format ?? general));
    return formats.size === 1 ? [...formats][0] : null;
  }
  set NumberFormat(v: string) {
    if (typeof v !== "string") throw new Error("Fake ET: NumberFormat takes a string");
    const format = v === "General" || v === "G/通用格式" ? null : v;
    this._cells().forEach(([r, c]) => this._change({ format }, r, c));
  }
  set Formula(v: unknown) {
    if (typeof v === "string" && v.startsWith("="))
      this._cells().forEach(([r, c]) => this._change({ value: null, formula: v }, r, c));
    else this.Value2 = v;
  }
  Merge(): boolean {
    const b = this._box;
    const area = { top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 };
    const sheet = this._ws._sheet;
    const overlaps = (m: Merge) =>
      m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right;
    if (sheet.merges.some(overlaps)) throw new Error("Fake ET: the range overlaps a merged area");
    if (b.rows * b.cols > 1) sheet.merges.push(area);
    return true;
  }
  get MergeCells(): boolean | number | null {
    const merges = this._ws._sheet.merges;
    const flags = this._cells().map(([r, c]) => merges.some((m) => inside(m, r, c)));
    const all = flags.every(Boolean);
    const none = !flags.some(Boolean);
    if (!all && !none) return null;
    return this._env.readings.mergeCells === "number" ? (all ? -1 : 0) : all;
  }
  get MergeArea(): FakeRange {
    const { top, left } = this._box;
    const m = this._ws._sheet.merges.find((x) => inside(x, top, left));
    const box = m
      ? { top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }
      : { top, left, rows: 1, cols: 1 };
    return this._ws._range(box);
  }
  get Interior(): FakeInterior {
    if (this._box.rows * this._box.cols !== 1)
      throw new Error("Fake ET: Interior of several cells is not implemented");
    return strict(new FakeInterior(this, this._env), "Interior", this._env);
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    if (rowAbsolute !== columnAbsolute)
      throw new Error("Fake ET: mixed absolute addresses are not implemented");
    return addressOf(this._box, rowAbsolute);
  }
  Select(): boolean {
    this._ws._book.selection = { sheet: this._ws._sheet.name, address: addressOf(this._box, false) };
    return true;
  }
  ClearContents(): boolean {
    const sheet = this._ws._sheet;
    const keys = [...sheet.cells.keys()].map((k) => k.split(",").map(Number));
    for (const [r, c] of keys) {
      const b = this._box;
      if (r >= b.top && r < b.top + b.rows && c >= b.left && c < b.left + b.cols) {
        const cell = this._cell(r, c);
        if (cell.value !== null || cell.formula !== null) this._change({ value: null, formula: null }, r, c);
      }
    }
    return true;
  }
}

export class FakeWorksheet {
  constructor(
    readonly _book: Book,
    readonly _sheet: Sheet,
    private readonly _env: Env
  ) {}
  _range(box: Box): FakeRange {
    return strict(new FakeRange(this, box, this._env), "Range", this._env);
  }
  get Name(): string {
    return this._sheet.name;
  }
  set Name(name: string) {
    if (this._book.sheets.some((s) => s !== this._sheet && s.name === name))
      throw new Error("Fake ET: duplicate name");
    this._sheet.name = name;
  }
  get Visible(): number {
    return this._sheet.visible;
  }
  set Visible(v: number) {
    if (![-1, 0, 2].includes(v)) throw new Error(`Fake ET: Visible = ${v}`);
    this._sheet.visible = v;
  }
  get ProtectContents(): boolean {
    return this._sheet.protected;
  }
  get UsedRange(): FakeRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number, r2 = r, c2 = c) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r2);
      right = Math.max(right, c2);
    };
    for (const k of this._sheet.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      take(r, c);
    }
    for (const m of this._sheet.merges) take(m.top, m.left, m.bottom, m.right);
    if (bottom < 0) return this._range({ top: 0, left: 0, rows: 1, cols: 1 });
    return this._range({ top, left, rows: bottom - top + 1, cols: right - left + 1 });
  }
  Range(address: string): FakeRange {
    if (typeof address !== "string") throw new Error("Fake ET: Range(Cell1, Cell2) is not implemented");
    return this._range(parseBox(address));
  }
  Delete(): boolean {
    const book = this._book;
    if (this._env.displayAlerts !== false)
      throw new Error("Fake ET: deleting a sheet would ask the user (DisplayAlerts is on)");
    if (book.protectStructure) throw new Error("Fake ET: the workbook structure is protected");
    const rest = book.sheets.filter((s) => s !== this._sheet);
    if (!rest.some((s) => s.visible === -1)) throw new Error("Fake ET: a workbook keeps one visible sheet");
    book.sheets.splice(book.sheets.indexOf(this._sheet), 1);
    if (book.active === this._sheet) book.active = rest.find((s) => s.visible === -1)!;
    return true;
  }
  Activate(): boolean {
    if (this._sheet.visible !== -1) throw new Error("Fake ET: cannot activate a hidden sheet");
    this._book.active = this._sheet;
    const listeners = this._env.listeners.get("SheetActivate") ?? [];
    for (const fn of listeners) fn();
    return true;
  }
}

export class FakeSheets {
  constructor(
    private readonly _book: Book,
    private readonly _env: Env
  ) {}
  _ws(sheet: Sheet): FakeWorksheet {
    return strict(new FakeWorksheet(this._book, sheet, this._env), "Worksheet", this._env);
  }
  get Count(): number {
    return this._book.sheets.length;
  }
  Item(index: number | string): FakeWorksheet | null {
    const sheet =
      typeof index === "number"
        ? this._book.sheets[index - 1]
        : this._book.sheets.find((s) => s.name.toLowerCase() === index.toLowerCase());
    if (sheet) return this._ws(sheet);
    if (this._env.readings.missingItem === "null") return null;
    throw new Error(`Fake ET: no sheet ${index}`);
  }
  Add(before?: unknown, after?: unknown): FakeWorksheet | null {
    if (this._book.protectStructure) throw new Error("Fake ET: the workbook structure is protected");
    if (before !== null && before !== undefined) throw new Error("Fake ET: Add(Before) is not implemented");
    let n = this._book.sheets.length + 1;
    while (this._book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const sheet = newSheet(`Sheet${n}`);
    const at = after ? this._book.sheets.findIndex((s) => s.name === (after as FakeWorksheet).Name) + 1 : 0;
    this._book.sheets.splice(at, 0, sheet);
    this._book.active = sheet;
    return this._env.readings.sheetsAdd === "null" ? null : this._ws(sheet);
  }
}

export class FakeWorkbook {
  constructor(
    readonly _book: Book,
    private readonly _env: Env
  ) {}
  get Name(): string {
    return this._book.name;
  }
  get FullName(): string {
    return this._book.fullName;
  }
  get Worksheets(): FakeSheets {
    return strict(new FakeSheets(this._book, this._env), "Sheets", this._env);
  }
  get Sheets(): FakeSheets {
    return this.Worksheets;
  }
  get ActiveSheet(): FakeWorksheet {
    return strict(new FakeWorksheet(this._book, this._book.active, this._env), "Worksheet", this._env);
  }
  get ProtectStructure(): boolean {
    return this._book.protectStructure;
  }
}
