/// <reference types="office-js" />
/**
 * Highlights: a light fill per severity, each remembered in the store with the fill it replaced, so that
 * clearing restores only the cells that still carry the add-in's own fill (a fill the user changed since
 * is left alone). Two syncs each: the previous fills must be read before they can be saved.
 */
import { excelText } from "../../i18n/excel";
import type { Severity } from "../../core/types";
import { HostError, strongestByCell } from "../types";
import { officeCode, toHostError, type Run } from "./office";
import type { HostState } from "./state";
import { queueStoreWrite, storeSheet, type Mark } from "./store";
import { syncWithStore } from "./storeload";

/** Excel's conditional-format presets: light red, light amber, light blue. */
export const FILLS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

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

/** Fills the cells by severity (the most severe wins for a cell listed twice). */
export async function highlightCells(
  run: Run,
  state: HostState,
  sheet: string,
  cells: { cell: string; severity: Severity }[]
): Promise<void> {
  const wanted = strongestByCell(cells);
  if (wanted.size === 0) return;
  await run(async (context) => {
    try {
      const [{ ws, fills, workbook }, store] = await syncWithStore(
        context,
        state,
        () => {
          const ws = sheetProxy(context, sheet);
          const fills = new Map(
            [...wanted.keys()].map((c) => [c, ws.getRange(c).format.fill.load("color, pattern")])
          );
          return { ws, fills, workbook: context.workbook.protection.load("protected") };
        },
        true
      );
      check(ws, sheet);
      // Without room for the marks a fill could never be cleared: refuse before the batch fills anything.
      if (!store.exists && workbook.protected)
        throw new HostError(excelText.structureProtectedHighlight, "protected");
      const prior = new Map(store.marks.filter((m) => m.sheet === sheet).map((m) => [m.cell, m]));
      const marks = store.marks.filter((m) => m.sheet !== sheet || !wanted.has(m.cell));
      for (const [cell, severity] of wanted) {
        const now = currentFill(fills.get(cell)!);
        const old = prior.get(cell);
        // Re-highlighting one of our own cells keeps the fill from before the first highlight.
        const prev = old && sameColor(now, old.color) ? old.prev : now;
        ws.getRange(cell).format.fill.color = FILLS[severity];
        marks.push({ sheet, cell, color: FILLS[severity], prev });
      }
      queueStoreWrite(storeSheet(context, store.exists), "marks", marks);
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
          for (const m of known) fills.set(m.cell, ws.getRange(m.cell).format.fill.load("color, pattern"));
          return ws;
        },
        true
      );
      const queueFill = (m: Mark) =>
        fills.set(m.cell, ws.getRange(m.cell).format.fill.load("color, pattern"));
      const mine = store.marks.filter((m) => m.sheet === sheet);
      if (mine.length === 0) return;
      const rest = store.marks.filter((m) => m.sheet !== sheet);
      if (!ws.isNullObject) {
        check(ws, sheet);
        const unknown = mine.filter((m) => !fills.has(m.cell));
        if (unknown.length > 0) {
          unknown.forEach(queueFill);
          await context.sync();
        }
        for (const m of mine) {
          if (!sameColor(currentFill(fills.get(m.cell)!), m.color)) continue; // the user changed it: leave it
          const fill = ws.getRange(m.cell).format.fill;
          if (m.prev === null) fill.clear();
          else fill.color = m.prev;
        }
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
