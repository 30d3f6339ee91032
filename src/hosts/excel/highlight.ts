/// <reference types="office-js" />
/**
 * Highlights: a light fill per severity, each remembered in the store with the fill it replaced, so that
 * clearing restores only the cells that still carry the add-in's own fill (a fill the user changed since
 * is left alone). Highlighting replaces the sheet's previous highlights. Two syncs each: the previous
 * fills must be read before they can be saved.
 */
import { excelText } from "../../i18n/excel";
import type { Severity } from "../../core/types";
import { HostError, strongestByCell } from "../types";
import { officeCode, toHostError, type Run } from "./office";
import type { HostState } from "./state";
import { queueStoreWrite, storeSheet, type Mark } from "./store";
import { FILLS } from "../store-format";
import { syncWithStore } from "./storeload";

/** The fills are shared with the WPS host, which keeps its marks in the same store. */
export { FILLS };

const sameColor = (a: string | null, b: string | null) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/** The fill the cell shows now, null when it has none. */
function currentFill(fill: Excel.RangeFill): string | null {
  return fill.pattern === "None" ? null : fill.color;
}

function sheetProxy(context: Excel.RequestContext, sheet: string): Excel.Worksheet {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet).load("name");
  ws.protection.load("protected");
  return ws;
}

function check(ws: Excel.Worksheet, sheet: string): void {
  if (ws.isNullObject) throw new HostError(excelText.noSheet(sheet), "no-sheet");
  if (ws.protection.protected) throw new HostError(excelText.protectedHighlight(sheet), "protected");
}

const loadFill = (ws: Excel.Worksheet, cell: string) => ws.getRange(cell).format.fill.load("color, pattern");

/**
 * Queues putting back the fills the add-in replaced on `marks`' cells, where its own fill is still there
 * (a fill the user changed since is left alone). Loads the fills `fills` lacks first (one more sync).
 */
async function restoreFills(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  marks: Mark[],
  fills: Map<string, Excel.RangeFill>
): Promise<void> {
  const unknown = marks.filter((m) => !fills.has(m.cell));
  if (unknown.length > 0) {
    for (const m of unknown) fills.set(m.cell, loadFill(ws, m.cell));
    await context.sync();
  }
  for (const m of marks) {
    if (!sameColor(currentFill(fills.get(m.cell)!), m.color)) continue;
    const fill = ws.getRange(m.cell).format.fill;
    if (m.prev === null) fill.clear();
    else fill.color = m.prev;
  }
}

/**
 * Makes the sheet's highlights exactly these cells, filled by severity (the most severe wins for a cell
 * listed twice); cells highlighted before and no longer listed get their fill back.
 */
export async function highlightCells(
  run: Run,
  state: HostState,
  sheet: string,
  cells: { cell: string; severity: Severity }[]
): Promise<void> {
  const wanted = strongestByCell(cells);
  if (wanted.size === 0) return clearCells(run, state, sheet);
  await run(async (context) => {
    try {
      // Marks this host already knows are loaded with the store: usually no extra sync.
      const known = state.store?.marks.filter((m) => m.sheet === sheet && !wanted.has(m.cell)) ?? [];
      const [{ ws, fills, workbook }, store] = await syncWithStore(
        context,
        state,
        () => {
          const ws = sheetProxy(context, sheet);
          const targets = [...wanted.keys(), ...known.map((m) => m.cell)];
          const fills = new Map(targets.map((c) => [c, loadFill(ws, c)]));
          return { ws, fills, workbook: context.workbook.protection.load("protected") };
        },
        true
      );
      check(ws, sheet);
      // Without room for the marks a fill could never be cleared: refuse before the batch fills anything.
      if (!store.exists && workbook.protected)
        throw new HostError(excelText.structureProtectedHighlight, "protected");
      const mine = store.marks.filter((m) => m.sheet === sheet);
      await restoreFills(
        context,
        ws,
        mine.filter((m) => !wanted.has(m.cell)),
        fills
      );
      const prior = new Map(mine.map((m) => [m.cell, m]));
      const marks = store.marks.filter((m) => m.sheet !== sheet);
      for (const [cell, severity] of wanted) {
        const now = currentFill(fills.get(cell)!);
        const old = prior.get(cell);
        // Re-highlighting one of our own cells keeps the fill from before the first highlight.
        const prev = old && sameColor(now, old.color) ? old.prev : now;
        marks.push({ sheet, cell, color: FILLS[severity], prev });
      }
      // The marks go first (a write-ahead log, as the fix's snapshot): a batch cut short after some fills
      // never leaves a fill the add-in does not know it made. A mark whose fill was never made is skipped
      // when clearing (the cell does not carry the add-in's colour).
      queueStoreWrite(storeSheet(context, store.exists), "marks", marks);
      for (const [cell, severity] of wanted) ws.getRange(cell).format.fill.color = FILLS[severity];
      await context.sync();
      state.store = { ...store, exists: true, marks };
    } catch (error) {
      if (officeCode(error) === "AccessDenied")
        throw new HostError(excelText.protectedHighlight(sheet), "protected");
      throw toHostError(error);
    }
  });
}

/** Restores the fills this add-in replaced on a sheet, where its own fill is still there. */
export async function clearCells(run: Run, state: HostState, sheet: string): Promise<void> {
  await run(async (context) => {
    try {
      const fills = new Map<string, Excel.RangeFill>();
      const known = state.store?.marks.filter((m) => m.sheet === sheet) ?? [];
      const [ws, store] = await syncWithStore(
        context,
        state,
        () => {
          // Marks this host already knows are loaded with the store: usually no extra sync.
          const ws = sheetProxy(context, sheet);
          fills.clear();
          for (const m of known) fills.set(m.cell, loadFill(ws, m.cell));
          return ws;
        },
        true
      );
      const mine = store.marks.filter((m) => m.sheet === sheet);
      if (mine.length === 0) return;
      const rest = store.marks.filter((m) => m.sheet !== sheet);
      if (!ws.isNullObject) {
        check(ws, sheet);
        await restoreFills(context, ws, mine, fills);
      }
      queueStoreWrite(storeSheet(context, true), "marks", rest);
      await context.sync();
      state.store = { ...store, marks: rest };
    } catch (error) {
      if (officeCode(error) === "AccessDenied")
        throw new HostError(excelText.protectedHighlight(sheet), "protected");
      throw toHostError(error);
    }
  });
}
