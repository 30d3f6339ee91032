/// <reference types="office-js" />
/**
 * An in-memory fake of the Excel JavaScript API subset the Excel host uses, faithful to its rules:
 * properties throw until loaded and synced, assignments apply at sync in queue order, `*OrNullObject`
 * gives null objects, protected sheets reject writes at sync (code "AccessDenied"), anything not
 * modelled throws "Fake Excel: … is not implemented". It counts syncs and estimates bytes per sync, so a
 * benchmark can compare round trips:
 *
 *   const fake = FakeExcel.fromGrids(grids);
 *   const host = createExcelHost(fake.run);
 *   await host.readActiveSheet();
 *   fake.syncCount; fake.bytes;
 */
import type { Grid } from "../../../src/core/grid";
import { parseBox } from "./address";
import { FakeWorkbookModel, type FakeCell, type FakeSheet, type Visibility } from "./model";
import { FakeContext, type Counters, type SyncStat } from "./context";
import { strict } from "./proxy";
import type { Fault } from "./faults";
import { FakeWorkbook } from "./sheets";

export { FakeOfficeError } from "./proxy";
export type { Fault, FaultKind } from "./faults";
export type { FakeCell, FakeSheet, SyncStat, Visibility };
export { FakeWorkbookModel };

/** Excel on the web rejects requests and responses above 5 MB. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The request context the fake hands to a batch (what `Excel.run` passes as `context`). */
export interface FakeRequestContext {
  workbook: FakeWorkbook;
  sync(): Promise<void>;
}

export class FakeExcel {
  private readonly counters: Counters = { syncs: [], payloadLimit: WEB_PAYLOAD_LIMIT, faults: [] };

  constructor(readonly model: FakeWorkbookModel) {}

  /** A workbook seeded from grids, first sheet active; `visibility` by sheet name. */
  static fromGrids(grids: Grid[], visibility: Record<string, Visibility> = {}): FakeExcel {
    return new FakeExcel(FakeWorkbookModel.fromGrids(grids, visibility));
  }

  /**
   * The fake's Excel.run, typed as the real one so it can be injected into the host. Like a real batch,
   * it fails when the batch returns with queued actions that were never synced.
   */
  readonly run = ((batch: (context: FakeRequestContext) => Promise<unknown>) =>
    this.runBatch(batch)) as unknown as typeof Excel.run;

  private async runBatch<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this.model, this.counters);
    const context = strict<FakeRequestContext>(
      { workbook: new FakeWorkbook(ctx), sync: () => ctx.sync() },
      "RequestContext"
    );
    try {
      const result = await batch(context);
      if (ctx.pending > 0)
        throw new Error(`Fake Excel: the batch ended with ${ctx.pending} queued actions never synced`);
      return result;
    } finally {
      ctx.closed = true;
    }
  }

  /** Round trips so far. */
  get syncCount(): number {
    return this.counters.syncs.length;
  }
  /** Per sync: estimated bytes sent and received, and the number of queued actions. */
  get syncs(): readonly SyncStat[] {
    return this.counters.syncs;
  }
  /** Estimated bytes moved so far (requests + responses). */
  get bytes(): number {
    return this.counters.syncs.reduce((n, s) => n + s.request + s.response, 0);
  }
  /** The payload limit per request and per response (default: Excel on the web's 5 MB). */
  get payloadLimit(): number {
    return this.counters.payloadLimit;
  }
  set payloadLimit(n: number) {
    this.counters.payloadLimit = n;
  }
  /** Arms a fault (see faults.ts); the first sync it matches consumes it. */
  inject(fault: Fault): void {
    this.counters.faults.push(fault);
  }
  /** Faults armed and not yet hit. */
  get armedFaults(): number {
    return this.counters.faults.length;
  }

  resetCounters(): void {
    this.counters.syncs.length = 0;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.model.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
  /** The cell at an A1 address, as the workbook holds it now. */
  cell(sheet: string, address: string): FakeCell {
    const box = parseBox(address);
    return this.model.getCell(this.sheet(sheet), box.top, box.left);
  }
  /** Edits a cell as a user would, outside any batch (registered onChanged handlers hear of it). */
  edit(sheet: string, address: string, change: Partial<FakeCell>): void {
    const box = parseBox(address);
    const target = this.sheet(sheet);
    this.model.setCell(target, box.top, box.left, change);
    const event = { type: "WorksheetChanged", worksheetId: target.id, address, triggerSource: "Unknown" };
    for (const handler of this.model.handlers.changed) void handler(event);
  }
  /** Switches sheets as a user would (registered onActivated handlers hear of it). */
  activate(sheet: string): void {
    const target = this.sheet(sheet);
    this.model.active = this.model.sheets.indexOf(target);
    for (const handler of this.model.handlers.activated)
      void handler({ type: "WorksheetActivated", worksheetId: target.id });
  }
  get activeSheet(): string {
    return this.model.sheets[this.model.active].name;
  }
}
