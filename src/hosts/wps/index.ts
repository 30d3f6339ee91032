/**
 * The WPS 表格 host: the Host interface on the ET object model (synchronous host calls, no load/sync).
 *
 *   const host = createWpsHost();                 // window.Application inside WPS
 *   const host = createWpsHost(() => fake.app);   // tests and benchmarks
 *
 * Reads are a few bulk calls per sheet (read.ts); writes happen in one undo transaction with screen
 * updating off and are read back (write.ts); the revert snapshot and the highlight marks live in the very
 * hidden `__zpb_undo` sheet in the Excel host's format. One pane serves every open workbook, so what the
 * host learnt is kept per workbook (FullName), and `watch` follows WorkbookActivate / SheetActivate where
 * the build has ApiEvent, polling where it has not.
 */
import type { Grid } from "../../core/grid";
import { STORE_SHEET } from "../store-format";
import { HostError, type Host, type HostEvent } from "../types";
import { wpsText } from "../../i18n/wps";
import { VERY_HIDDEN, type EtApplication, type EtWorkbook } from "./et";
import { activeBook, appOf, bookKey, globalApp, optional, toHostError, type AppSource } from "./app";
import { applyPatches, revertFix } from "./apply";
import { diagnose } from "./diagnose";
import { highlightCells } from "./highlight";
import { readSheet } from "./read";
import { readStore } from "./store";

export { STORE_SHEET };
export type { AppSource };

export interface WpsHostOptions {
  /** How often `watch` polls the active workbook and sheet where the build has no events (ms). */
  pollMs?: number;
}

const EVENTS = ["WorkbookActivate", "SheetActivate"] as const;

/** Runs one host action: the Application and the active workbook, failures as HostErrors. */
function withBook<T>(source: AppSource, act: (app: EtApplication, wb: EtWorkbook) => T): Promise<T> {
  try {
    const app = appOf(source);
    return Promise.resolve(act(app, activeBook(app)));
  } catch (error) {
    return Promise.reject(toHostError(error));
  }
}

/** Creates the WPS host; `source` defaults to the page's `Application` (or `wps`). */
export function createWpsHost(source: AppSource = globalApp, options: WpsHostOptions = {}): Host {
  /** The sheets read in each workbook, by FullName: apply only writes to sheets read in that workbook. */
  const read = new Map<string, Set<string>>();
  const remember = (wb: EtWorkbook, grids: Grid[]) => {
    const key = bookKey(wb);
    const sheets = read.get(key) ?? new Set<string>();
    for (const g of grids) sheets.add(g.name);
    read.set(key, sheets);
  };
  return {
    kind: "wps",
    readActiveSheet: () =>
      withBook(source, (_app, wb) => {
        const ws = wb.ActiveSheet;
        if (!ws) throw new HostError(wpsText.noWorkbook, "no-sheet");
        const { grid } = readSheet(ws);
        remember(wb, [grid]);
        return grid;
      }),
    readAllSheets: (onProgress) =>
      withBook(source, (_app, wb) => {
        const sheets = wb.Worksheets;
        const count = sheets.Count;
        const listed = [];
        for (let i = 1; i <= count; i++) {
          const ws = sheets.Item(i);
          if (ws.Visible === VERY_HIDDEN || String(ws.Name) === STORE_SHEET) continue;
          listed.push(ws);
        }
        onProgress?.(0, listed.length);
        const grids = listed.map((ws, i) => {
          const { grid } = readSheet(ws);
          onProgress?.(i + 1, listed.length);
          return grid;
        });
        remember(wb, grids);
        return grids;
      }),
    apply: (patches) =>
      withBook(source, (app, wb) => applyPatches(app, wb, read.get(bookKey(wb)) ?? new Set(), patches)),
    revertLast: () => withBook(source, (app, wb) => revertFix(app, wb)),
    hasRevert: () => withBook(source, (_app, wb) => readStore(wb).fix !== null),
    select: (sheet, cell) =>
      withBook(source, (_app, wb) => {
        const ws = optional(() => wb.Worksheets.Item(sheet));
        if (!ws || optional(() => String(ws.Name)) !== sheet)
          throw new HostError(wpsText.noSheet(sheet), "no-sheet");
        ws.Activate();
        ws.Range(cell).Select();
      }),
    highlight: (sheet, cells) => withBook(source, (app, wb) => highlightCells(app, wb, sheet, cells)),
    clearHighlights: (sheet) => withBook(source, (app, wb) => highlightCells(app, wb, sheet, [])),
    watch: (listener) => Promise.resolve(watchActive(source, listener, options.pollMs ?? 1500)),
    diagnose: () => {
      try {
        return Promise.resolve(diagnose(appOf(source)));
      } catch (error) {
        return Promise.reject(toHostError(error));
      }
    },
  };
}

/** Where the user is: the active workbook and sheet (null when unreadable). */
function where(source: AppSource): { key: string; sheet: string | null } {
  const app = optional(source);
  const wb = optional(() => app?.ActiveWorkbook);
  if (!wb) return { key: "", sheet: null };
  const sheet = optional(() => String(wb.ActiveSheet?.Name ?? "")) || null;
  return { key: `${bookKey(wb)}\u0000${sheet ?? ""}`, sheet };
}

/**
 * Tells `listener` that the user is on another sheet (of this or another workbook): on WorkbookActivate /
 * SheetActivate where the build has ApiEvent, else by polling. Only a change of place is reported, after
 * the events settle, so the add-in's own passing activations (adding its store sheet) report nothing.
 */
function watchActive(source: AppSource, listener: (event: HostEvent) => void, pollMs: number): () => void {
  let last = where(source).key;
  const check = () => {
    const now = where(source);
    if (now.key === last) return;
    last = now.key;
    listener({ kind: "activated", sheet: now.sheet });
  };
  const events = optional(() => optional(source)?.ApiEvent);
  const handler = () => setTimeout(check, 0);
  if (events && typeof events.AddApiEventListener === "function") {
    try {
      for (const name of EVENTS) events.AddApiEventListener(name, handler);
      return () => {
        for (const name of EVENTS) optional(() => events.RemoveApiEventListener?.(name, handler));
      };
    } catch {
      // Fall back to polling below.
    }
  }
  const timer = setInterval(check, pollMs);
  return () => clearInterval(timer);
}
