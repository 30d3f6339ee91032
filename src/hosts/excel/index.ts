/// <reference types="office-js" />
/**
 * The Excel host: reads sheets into Grids and writes Patches through the Excel JavaScript API, counting
 * round trips as the cost. It never evaluates a form (that is the core's job).
 *
 *   const host = createExcelHost();            // Excel.run inside Excel
 *   const host = createExcelHost(fake.run);    // tests and benchmarks
 *
 * Round trips: readActiveSheet 1 (3 for a sheet Excel refuses to read at once: over 512 merged areas or
 * 5 M cells, see read.ts); readAllSheets 3 for a 70-form workbook (names, sizes, cells); diagnose one per call;
 * apply 1 after a read (2 otherwise); revertLast 2; hasRevert 0 right after a read, else 1; select 1; highlight and
 * clearHighlights 2; watch 1 (events then cost none). Needs ExcelApi 1.13 (getMergedAreasOrNullObject;
 * requirements.ts, declared in manifest.xml, checked at start); reading locked cells uses getCellProperties
 * (1.9), ignoring the add-in's own changes triggerSource (1.14, optional).
 */
import { excelText } from "../../i18n/excel";
import { HostError, type Host } from "../types";
import { applyPatches, revertFix } from "./apply";
import { watchSheets } from "./events";
import { diagnoseExcel } from "./diagnose";
import { clearCells, highlightCells } from "./highlight";
import { officeCode, resolveRun, toHostError } from "./office";
import { readActive, readAll } from "./read";
import { HostState } from "./state";
import { syncWithStore } from "./storeload";

export { STORE_SHEET } from "./store";
export { FILLS } from "./highlight";

/** Creates the Excel host; `run` defaults to Excel.run (injectable for tests and benchmarks). */
export function createExcelHost(run?: typeof Excel.run): Host {
  const exec = resolveRun(run);
  const state = new HostState();
  /** A read leaves the store fresh; anything that writes (or fails half-way) leaves it to be read again. */
  const fresh = async <T>(read: () => Promise<T>): Promise<T> => {
    state.storeFresh = false;
    const result = await read();
    state.storeFresh = true;
    return result;
  };
  const writing = <T>(write: () => Promise<T>): Promise<T> => {
    state.storeFresh = false;
    return write();
  };
  return {
    kind: "excel",
    readActiveSheet: () => fresh(() => readActive(exec, state)),
    readAllSheets: (onProgress) => fresh(() => readAll(exec, state, onProgress)),
    apply: (patches) => writing(() => applyPatches(exec, state, patches)),
    revertLast: () => writing(() => revertFix(exec, state)),
    async hasRevert() {
      // Right after a read the answer is already here: the read loaded the store with the cells.
      if (state.storeFresh && state.store?.known) {
        state.storeFresh = false;
        return state.store.fix !== null;
      }
      return exec(async (context) => {
        try {
          const [, store] = await syncWithStore(context, state, () => null, true);
          return store.fix !== null;
        } catch (error) {
          throw toHostError(error);
        }
      });
    },
    async select(sheet, cell) {
      await exec(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        try {
          await context.sync();
        } catch (error) {
          if (officeCode(error) === "ItemNotFound") throw new HostError(excelText.noSheet(sheet), "no-sheet");
          throw toHostError(error);
        }
      });
    },
    highlight: (sheet, cells) => writing(() => highlightCells(exec, state, sheet, cells)),
    clearHighlights: (sheet) => writing(() => clearCells(exec, state, sheet)),
    watch: (listener) => watchSheets(exec, state, listener),
    // Its scratch sheet is added and deleted: the store is read again afterwards.
    diagnose: () => writing(() => diagnoseExcel(exec)),
  };
}
