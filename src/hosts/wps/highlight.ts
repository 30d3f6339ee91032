/**
 * Highlights in BGR colours (Interior.Color), each remembered in the store with the fill it replaced, in the
 * Excel host's format ("#RRGGBB"), so that clearing restores only cells that still carry the add-in's own
 * fill, whichever host made it. Highlighting replaces the sheet's previous highlights.
 */
import type { Severity } from "../../core/types";
import { wpsText } from "../../i18n/wps";
import { FILLS, type Mark } from "../store-format";
import { HostError, strongestByCell } from "../types";
import { XL_NONE, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from "./et";
import { fromBgr, toBgr } from "./adapter";
import { inTransaction, optional } from "./app";
import { readStore, writeStorePart } from "./store";

const same = (a: string | null, b: string | null) => (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/** The fill a cell shows now, "#RRGGBB", or null when it has none. */
function currentFill(range: EtRange): string | null {
  const interior = range.Interior;
  if (interior.ColorIndex === XL_NONE || optional(() => interior.Pattern) === XL_NONE) return null;
  return fromBgr(interior.Color);
}

function setFill(range: EtRange, color: string | null): void {
  if (color === null) range.Interior.ColorIndex = XL_NONE;
  else range.Interior.Color = toBgr(color);
}

function sheetFor(wb: EtWorkbook, sheet: string): EtWorksheet {
  const ws = optional(() => wb.Worksheets.Item(sheet));
  if (!ws || optional(() => String(ws.Name)) !== sheet)
    throw new HostError(wpsText.noSheet(sheet), "no-sheet");
  if (ws.ProtectContents) throw new HostError(wpsText.protectedHighlight(sheet), "protected");
  return ws;
}

/** Puts back the fills the add-in replaced on `marks`, where its own fill is still there. */
function restore(ws: EtWorksheet, marks: Mark[]): void {
  for (const m of marks) {
    const range = ws.Range(m.cell);
    if (same(currentFill(range), m.color)) setFill(range, m.prev);
  }
}

/** Makes the sheet's highlights exactly these cells (the most severe finding wins for a cell). */
export function highlightCells(
  app: EtApplication,
  wb: EtWorkbook,
  sheet: string,
  cells: { cell: string; severity: Severity }[]
): void {
  const wanted = strongestByCell(cells);
  const store = readStore(wb);
  const mine = store.marks.filter((m) => m.sheet === sheet);
  if (wanted.size === 0 && mine.length === 0) return;
  const ws = sheetFor(wb, sheet);
  // Without room for the marks a fill could never be cleared: refuse before anything is filled.
  if (!store.exists && wanted.size > 0 && optional(() => wb.ProtectStructure) === true)
    throw new HostError(wpsText.structureProtectedHighlight, "protected");
  inTransaction(app, wb, wpsText.undoHighlight, () => {
    restore(
      ws,
      mine.filter((m) => !wanted.has(m.cell))
    );
    const prior = new Map(mine.map((m) => [m.cell, m]));
    const marks = store.marks.filter((m) => m.sheet !== sheet);
    for (const [cell, severity] of wanted) {
      const range = ws.Range(cell);
      const now = currentFill(range);
      const old = prior.get(cell);
      // Re-highlighting one of our own cells keeps the fill from before the first highlight.
      const prev = old && same(now, old.color) ? old.prev : now;
      setFill(range, FILLS[severity]);
      marks.push({ sheet, cell, color: FILLS[severity], prev });
    }
    writeStorePart(wb, store, "marks", marks);
  });
}
