/** Fake Excel.RangeAreas (merged areas) and RangeCollection (its `areas`). */
import { formatAddress } from "./address";
import type { FakeContext } from "./context";
import type { Box, FakeSheet } from "./model";
import { FakeObject, stageItems, strict } from "./proxy";
import { FakeRange } from "./range";

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
    this._areas ??= new FakeRangeCollection(this._ctx, () => this._resolveChild());
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
          const items = (t?.boxes ?? []).map(
            (box) => new FakeRange(this._ctx, () => ({ sheet: t!.sheet, box }))
          );
          const props = rest.split(",").map((p) => p.trim());
          stageItems(this, items, props);
        });
      },
    } as unknown as FakeObject<unknown>;
  }
  get items(): FakeRange[] {
    return this._get("items");
  }
}
