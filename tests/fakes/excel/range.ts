/** Fake Excel.Range, RangeAreas (merged areas), RangeCollection, RangeFormat and RangeFill. */
import { formatAddress, readInput } from "./address";
import type { Box, FakeSheet } from "./model";
import { FakeContext, FakeObject, FakeOfficeError, notImplemented, strict } from "./proxy";

export interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

/** A protected sheet rejects changes to its locked cells (every cell unless marked unlocked). */
export function refuseIfProtected(t: RangeTarget): void {
  if (!t.sheet.protected) return;
  let locked = t.box.rows * t.box.cols > 100000;
  if (!locked)
    cells(t, (row, col) => {
      if (!t.sheet.cells.get(`${row},${col}`)?.unlocked) locked = true;
    });
  if (locked) {
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet."
    );
  }
}

function cells(t: RangeTarget, fn: (row: number, col: number, r: number, c: number) => void): void {
  if (t.box.rows * t.box.cols > 100000) notImplemented("cell-by-cell work on more than 100,000 cells");
  for (let r = 0; r < t.box.rows; r++)
    for (let c = 0; c < t.box.cols; c++) fn(t.box.top + r, t.box.left + c, r, c);
}

function grid<V>(t: RangeTarget, fn: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < t.box.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < t.box.cols; c++) line.push(fn(t.box.top + r, t.box.left + c));
    out.push(line);
  }
  return out;
}

function checkShape(t: RangeTarget, value: unknown): unknown[][] {
  if (!Array.isArray(value) || !value.every((line) => Array.isArray(line))) {
    notImplemented("assigning a non-2D array to a range property");
  }
  const rows = value as unknown[][];
  if (rows.length !== t.box.rows || rows.some((line) => line.length !== t.box.cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
    );
  }
  return rows;
}

export class FakeRange extends FakeObject<RangeTarget> {
  constructor(ctx: FakeContext, resolver: () => RangeTarget | null) {
    super(ctx, "Range", resolver);
    return strict(this, "Range");
  }
  _loadable(): string[] {
    return [
      "values",
      "formulas",
      "numberFormat",
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
  }
  _read(name: string, t: RangeTarget): unknown {
    const m = this._ctx.model;
    switch (name) {
      case "values":
        return grid(t, (r, c) => m.getCell(t.sheet, r, c).value);
      case "formulas":
        return grid(t, (r, c) => m.getCell(t.sheet, r, c).formula ?? m.getCell(t.sheet, r, c).value);
      case "numberFormat":
        return grid(t, (r, c) => m.getCell(t.sheet, r, c).format);
      case "address":
        return formatAddress(t.sheet.name, t.box);
      case "rowIndex":
        return t.box.top;
      case "columnIndex":
        return t.box.left;
      case "rowCount":
        return t.box.rows;
      default:
        return t.box.cols;
    }
  }
  override _child(name: string): FakeObject<unknown> {
    if (name === "format") return this.format as unknown as FakeObject<unknown>;
    return super._child(name);
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._write("values", v);
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._write("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, (t) => {
      const rows = checkShape(t, v);
      refuseIfProtected(t);
      cells(t, (row, col, r, c) =>
        this._ctx.model.setCell(t.sheet, row, col, { format: String(rows[r][c]) })
      );
    });
  }
  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }

  private _write(name: string, v: unknown[][]): void {
    this._set(name, v, (t) => {
      const rows = checkShape(t, v);
      refuseIfProtected(t);
      const inputs = rows.map((line) => line.map(readInput));
      cells(t, (row, col, r, c) => {
        const input = inputs[r][c];
        const format = this._ctx.model.getCell(t.sheet, row, col).format;
        this._ctx.model.setCell(t.sheet, row, col, {
          value: input.value,
          formula: input.formula,
          format: input.format && format === "General" ? input.format : format,
        });
      });
    });
  }

  /** Merged areas intersecting this range; a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this._ctx, () => {
      const t = this._resolve();
      if (t === null) return null;
      const merges = this._ctx.model.mergesIn(t.sheet, t.box);
      if (merges.length === 0) return null;
      const boxes = merges.map((m) => ({
        top: m.top,
        left: m.left,
        rows: m.bottom - m.top + 1,
        cols: m.right - m.left + 1,
      }));
      return { sheet: t.sheet, boxes };
    });
    areas._resolveInQueue("Range.getMergedAreasOrNullObject");
    return areas;
  }

  select(): void {
    this._ctx.enqueue("Range.select", () => {
      const t = this._resolve();
      if (t === null) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      const m = this._ctx.model;
      if (m.sheets[m.active] !== t.sheet) {
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      }
      m.selection = { sheet: t.sheet.name, box: { ...t.box } };
    });
  }

  clear(applyTo?: string): void {
    const what = applyTo ?? "All";
    if (!["All", "Contents", "Formats"].includes(what)) notImplemented(`Range.clear("${what}")`);
    this._set("clear", what, (t) => {
      refuseIfProtected(t);
      const bottom = Math.min(
        t.box.top + t.box.rows,
        1 + Math.max(-1, ...[...t.sheet.cells.keys()].map((k) => Number(k.split(",")[0])))
      );
      for (let row = t.box.top; row < bottom; row++)
        for (let col = t.box.left; col < t.box.left + t.box.cols; col++) {
          if (what !== "Formats") this._ctx.model.setCell(t.sheet, row, col, { value: "", formula: null });
          if (what !== "Contents")
            this._ctx.model.setCell(t.sheet, row, col, { format: "General", fill: null });
        }
    });
  }

  _format: FakeRangeFormat | undefined = undefined;
  get format(): FakeRangeFormat {
    this._format ??= new FakeRangeFormat(this._ctx, () => this._resolve());
    return this._format;
  }
}

export interface AreasTarget {
  sheet: FakeSheet;
  boxes: Box[];
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null) {
    super(ctx, "RangeAreas", resolver);
    return strict(this, "RangeAreas");
  }
  _loadable(): string[] {
    return ["address", "areaCount"];
  }
  _read(name: string, t: AreasTarget): unknown {
    if (name === "areaCount") return t.boxes.length;
    return t.boxes.map((b) => formatAddress(t.sheet.name, b)).join(",");
  }
  override _child(name: string): FakeObject<unknown> {
    if (name === "areas") return this.areas as unknown as FakeObject<unknown>;
    return super._child(name);
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  _areas: FakeRangeCollection | undefined = undefined;
  get areas(): FakeRangeCollection {
    this._areas ??= new FakeRangeCollection(this._ctx, () => this._resolve());
    return this._areas;
  }
}

/** RangeAreas.areas: only `load("items/…")` and `items`. */
export class FakeRangeCollection extends FakeObject<AreasTarget> {
  constructor(ctx: FakeContext, resolver: () => AreasTarget | null) {
    super(ctx, "RangeCollection", resolver);
    return strict(this, "RangeCollection");
  }
  _loadable(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _child(name: string): FakeObject<unknown> {
    if (name !== "items") return super._child(name);
    // "items/address": one Range per area, each loading the rest of the path once the areas are known.
    return {
      load: (rest: string) => {
        this._ctx.enqueue("RangeCollection.load", () => {
          const t = this._resolve();
          const items = (t?.boxes ?? []).map((box) => {
            const range = new FakeRange(this._ctx, () => ({ sheet: t!.sheet, box }));
            range._resolve();
            return range;
          });
          for (const prop of rest.split(",")) {
            for (const item of items) {
              const value = item._read(prop.trim(), item._resolve()!);
              this._ctx.stage(() => {
                item._synced = true;
                item._loaded.set(prop.trim(), value);
              }, value);
            }
          }
          this._ctx.stage(() => {
            this._synced = true;
            this._loaded.set("items", items);
          }, null);
        });
      },
    } as unknown as FakeObject<unknown>;
  }
  get items(): FakeRange[] {
    return this._get("items");
  }
}

export class FakeRangeFormat extends FakeObject<RangeTarget> {
  constructor(ctx: FakeContext, resolver: () => RangeTarget | null) {
    super(ctx, "RangeFormat", resolver);
    return strict(this, "RangeFormat");
  }
  _loadable(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _child(name: string): FakeObject<unknown> {
    if (name === "fill") return this.fill as unknown as FakeObject<unknown>;
    return super._child(name);
  }
  _fill: FakeRangeFill | undefined = undefined;
  get fill(): FakeRangeFill {
    this._fill ??= new FakeRangeFill(this._ctx, () => this._resolve());
    return this._fill;
  }
}

export class FakeRangeFill extends FakeObject<RangeTarget> {
  constructor(ctx: FakeContext, resolver: () => RangeTarget | null) {
    super(ctx, "RangeFill", resolver);
    return strict(this, "RangeFill");
  }
  _loadable(): string[] {
    return ["color", "pattern"];
  }
  _read(name: string, t: RangeTarget): unknown {
    const fills = new Set<string | null>();
    cells(t, (row, col) => fills.add(this._ctx.model.getCell(t.sheet, row, col).fill));
    if (fills.size !== 1) return null;
    const fill = [...fills][0];
    if (name === "pattern") return fill === null ? "None" : "Solid";
    return fill ?? "#FFFFFF";
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    if (!/^#[0-9A-F]{6}$/i.test(v)) notImplemented(`RangeFill.color = "${v}" (only #RRGGBB)`);
    this._set("color", v, (t) => {
      refuseIfProtected(t);
      cells(t, (row, col) => this._ctx.model.setCell(t.sheet, row, col, { fill: v.toUpperCase() }));
    });
  }
  get pattern(): string {
    return this._get("pattern");
  }
  clear(): void {
    this._set("clear", null, (t) => {
      refuseIfProtected(t);
      cells(t, (row, col) => this._ctx.model.setCell(t.sheet, row, col, { fill: null }));
    });
  }
}
