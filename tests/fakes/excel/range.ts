/** Fake Excel.Range: values, formulas, number formats, addresses, merged areas, select, clear, format. */
import { formatAddress, readInput } from "./address";
import { FakeRangeAreas } from "./areas";
import { cells, checkShape, grid, refuseIfProtected, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeRangeFormat } from "./format";
import { CELL_READ_LIMIT, INVALID_OPERATION, MERGE_AREA_LIMIT } from "./limits";
import { FakeObject, FakeOfficeError, notImplemented, propertyNotLoaded, strict } from "./proxy";

export type { RangeTarget } from "./cells";

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
    // Excel answers a read of more than 5 M cells with null arrays (no error).
    const cellLevel = name === "values" || name === "formulas" || name === "numberFormat";
    if (cellLevel && t.box.rows * t.box.cols > CELL_READ_LIMIT) return null;
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

  /** Merges the range into one merged area (ExcelApi 1.2; `across` is not modelled). */
  merge(across?: boolean): void {
    if (across) notImplemented("Range.merge(true)");
    this._set("merge", null, (t) => {
      refuseIfProtected(t);
      const box = {
        top: t.box.top,
        left: t.box.left,
        bottom: t.box.top + t.box.rows - 1,
        right: t.box.left + t.box.cols - 1,
      };
      t.sheet.merges = t.sheet.merges.filter(
        (m) => m.bottom < box.top || m.top > box.bottom || m.right < box.left || m.left > box.right
      );
      t.sheet.merges.push(box);
    });
  }

  /** Merged areas intersecting this range; a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this._ctx, () => {
      const t = this._resolveChild();
      if (t === null) return null;
      const all = this._ctx.model.mergesIn(t.sheet, t.box);
      const merges =
        this._ctx.model.mergeReport === "top-left"
          ? all.filter((m) => m.top >= t.box.top && m.left >= t.box.left)
          : all;
      if (merges.length > MERGE_AREA_LIMIT)
        throw new FakeOfficeError(INVALID_OPERATION.code, INVALID_OPERATION.message);
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

  /**
   * Only `{ format: { protection: true } }`: each cell's locked flag (formulaHidden is never set). The
   * ClientResult's value is readable after the sync; null for a null object.
   */
  getCellProperties(spec: unknown): { readonly value: unknown[][] | null } {
    if (JSON.stringify(spec) !== JSON.stringify({ format: { protection: true } }))
      notImplemented(`Range.getCellProperties(${JSON.stringify(spec)})`);
    let loaded = false;
    let value: unknown[][] | null = null;
    this._ctx.enqueue("Range.getCellProperties", () => {
      const t = this._resolve();
      const props =
        t === null || t.box.rows * t.box.cols > CELL_READ_LIMIT
          ? null
          : grid(t, (r, c) => ({
              format: {
                protection: {
                  locked: !this._ctx.model.getCell(t.sheet, r, c).unlocked,
                  formulaHidden: false,
                },
              },
            }));
      this._ctx.stage(() => {
        loaded = true;
        value = props;
      }, props);
    });
    return {
      get value() {
        if (!loaded) throw propertyNotLoaded("value");
        return value;
      },
    };
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
    this._format ??= new FakeRangeFormat(this._ctx, () => this._resolveChild());
    return this._format;
  }
}
