/** Fake Excel.Workbook, WorksheetCollection, Worksheet and their protection objects. */
import { parseBox } from "./address";
import type { FakeSheet, FakeWorkbookModel, Visibility } from "./model";
import type { FakeContext } from "./context";
import { FakeObject, FakeOfficeError, notImplemented, stageItems, strict } from "./proxy";
import { FakeWorkbookProtection, FakeWorksheetProtection } from "./protection";
import { FakeRange } from "./range";

const notFound = () => new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");

export class FakeWorksheet extends FakeObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null) {
    super(ctx, "Worksheet", resolver);
    return strict(this, "Worksheet");
  }
  _loadable(): string[] {
    return ["name", "visibility", "id"];
  }
  _read(name: string, sheet: FakeSheet): unknown {
    return name === "name" ? sheet.name : name === "id" ? sheet.id : sheet.visibility;
  }
  override _child(name: string): FakeObject<unknown> {
    if (name === "protection") return this.protection as unknown as FakeObject<unknown>;
    return super._child(name);
  }
  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  get visibility(): Visibility {
    return this._get("visibility");
  }
  set visibility(v: Visibility) {
    if (!["Visible", "Hidden", "VeryHidden"].includes(v)) notImplemented(`Worksheet.visibility = ${v}`);
    this._set("visibility", v, (sheet) => {
      const model = this._ctx.model;
      const othersVisible = model.sheets.some((s) => s !== sheet && s.visibility === "Visible");
      if (v !== "Visible" && !othersVisible) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      }
      sheet.visibility = v;
    });
  }
  _protection: FakeWorksheetProtection | undefined = undefined;
  get protection(): FakeWorksheetProtection {
    this._protection ??= new FakeWorksheetProtection(this._ctx, () => this._resolveChild());
    return this._protection;
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) notImplemented("Worksheet.getRange() without an address");
    const range = new FakeRange(this._ctx, () => {
      const sheet = this._resolveChild();
      return sheet === null ? null : { sheet, box: parseBox(address) };
    });
    range._resolveInQueue("Worksheet.getRange");
    return range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const range = new FakeRange(this._ctx, () => {
      const sheet = this._resolveChild();
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format."
        );
      }
      return sheet === null
        ? null
        : { sheet, box: { top: startRow, left: startColumn, rows: rowCount, cols: columnCount } };
    });
    range._resolveInQueue("Worksheet.getRangeByIndexes");
    return range;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this._ctx, () => {
      const sheet = this._resolveChild();
      const box = sheet === null ? null : this._ctx.model.usedBox(sheet, valuesOnly === true);
      return sheet === null || box === null ? null : { sheet, box };
    });
    range._resolveInQueue("Worksheet.getUsedRangeOrNullObject");
    return range;
  }

  /** Deletes the sheet (ExcelApi 1.1); Excel refuses to delete the last visible sheet. */
  delete(): void {
    this._set("delete", null, (sheet) => {
      const model = this._ctx.model;
      if (model.structureProtected)
        throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      const others = model.sheets.filter((s) => s !== sheet);
      if (!others.some((s) => s.visibility === "Visible"))
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet."
        );
      const active = model.sheets[model.active];
      model.sheets = others;
      model.active = Math.max(0, others.indexOf(active === sheet ? others[0] : active));
    });
  }

  activate(): void {
    this._set("activate", null, (sheet) => {
      if (sheet.visibility !== "Visible") {
        throw new FakeOfficeError(
          "InvalidOperation",
          "This operation is not permitted for the current object."
        );
      }
      this._ctx.model.active = this._ctx.model.sheets.indexOf(sheet);
    });
  }
}

export class FakeWorksheetCollection extends FakeObject<FakeWorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection", () => ctx.model);
    return strict(this, "WorksheetCollection");
  }
  _loadable(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _child(name: string): FakeObject<unknown> {
    if (name !== "items") return super._child(name);
    return {
      load: (rest: string) => {
        const props = rest.split(",").map((p) => p.trim());
        for (const p of props)
          if (!["name", "visibility", "id"].includes(p)) notImplemented(`loading Worksheet.${p}`);
        this._ctx.enqueue("WorksheetCollection.load", () => {
          const items = this._ctx.model.sheets.map((sheet) => new FakeWorksheet(this._ctx, () => sheet));
          stageItems(this, items, props);
        });
      },
    } as unknown as FakeObject<unknown>;
  }
  /** Combines "items/name, items/visibility" into one items load. */
  override load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    const items = list.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    if (items.length !== list.length || items.length === 0)
      notImplemented(`WorksheetCollection.load("${list.join(",")}")`);
    (this._child("items") as unknown as { load(rest: string): void }).load(items.join(","));
    return this;
  }
  get items(): FakeWorksheet[] {
    return this._get("items");
  }

  /** worksheets.onActivated / onChanged: `add` registers at sync, like Excel's EventHandlers. */
  get onActivated(): { add(handler: (event: unknown) => unknown): object } {
    return this.events("activated");
  }
  get onChanged(): { add(handler: (event: unknown) => unknown): object } {
    return this.events("changed");
  }
  private events(kind: "activated" | "changed") {
    return {
      add: (handler: (event: unknown) => unknown) => {
        this._ctx.enqueue(`WorksheetCollection.on${kind}.add`, () => {
          this._ctx.model.handlers[kind].push(handler);
        });
        return {};
      },
    };
  }

  private sheetProxy(label: string, find: (m: FakeWorkbookModel) => FakeSheet | null): FakeWorksheet {
    const ws = new FakeWorksheet(this._ctx, () => find(this._ctx.model));
    ws._resolveInQueue(label);
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.sheetProxy("WorksheetCollection.getActiveWorksheet", (m) => m.sheets[m.active] ?? null);
  }
  getItem(key: string): FakeWorksheet {
    return this.sheetProxy("WorksheetCollection.getItem", (m) => {
      const sheet = m.sheet(key);
      if (!sheet) throw notFound();
      return sheet;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.sheetProxy("WorksheetCollection.getItemOrNullObject", (m) => m.sheet(key) ?? null);
  }
  add(name?: string): FakeWorksheet {
    if (name === undefined) notImplemented("WorksheetCollection.add() without a name");
    return this.sheetProxy("WorksheetCollection.add", (m) => {
      if (m.structureProtected)
        throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      if (m.sheet(name))
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          "The resource with the same name or identifier already exists."
        );
      return m.addSheet(name);
    });
  }
}

export class FakeWorkbook extends FakeObject<FakeWorkbookModel> {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx, "Workbook", () => ctx.model);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
    return strict(this, "Workbook");
  }
  _loadable(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  override _child(name: string): FakeObject<unknown> {
    if (name === "protection") return this.protection;
    if (name === "worksheets") return this.worksheets;
    return super._child(name);
  }
}
