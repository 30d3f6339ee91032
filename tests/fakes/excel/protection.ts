/** Fake Excel.WorksheetProtection and WorkbookProtection (structure). */
import type { FakeContext } from "./context";
import type { FakeSheet, FakeWorkbookModel } from "./model";
import { FakeObject, strict } from "./proxy";

export class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, "WorksheetProtection", resolver);
    return strict(this, "WorksheetProtection");
  }
  _loadable(): string[] {
    return ["protected"];
  }
  _read(_name: string, sheet: FakeSheet): unknown {
    return sheet.protected;
  }
  get protected(): boolean {
    return this._get("protected");
  }
  /** Modelled only so that tests can prove it is never called. */
  unprotect(_password?: string): void {
    this._set("unprotect", null, (sheet) => {
      sheet.unprotectCalls++;
      sheet.protected = false;
    });
  }
}

export class FakeWorkbookProtection extends FakeObject<FakeWorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, "WorkbookProtection", () => ctx.model);
    return strict(this, "WorkbookProtection");
  }
  _loadable(): string[] {
    return ["protected"];
  }
  _read(_name: string, m: FakeWorkbookModel): unknown {
    return m.structureProtected;
  }
  get protected(): boolean {
    return this._get("protected");
  }
}
