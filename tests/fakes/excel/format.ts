/** Fake Excel.RangeFormat and RangeFill (fill colour and pattern). */
import { cells, refuseIfProtected, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeObject, notImplemented, strict } from "./proxy";

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
    this._fill ??= new FakeRangeFill(this._ctx, () => this._resolveChild());
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
