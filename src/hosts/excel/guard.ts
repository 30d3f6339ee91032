/// <reference types="office-js" />
/** The checks before a write (protection, formulas, values changed since the read) and the recovery after
 * Excel rejected one. */
import type { AppliedFix } from "../types";
import { HostError } from "../types";
import { excelText } from "../../i18n/excel";
import { queueLocked, unlockedOf } from "./locked";
import { detail, toHostError } from "./office";
import type { HostState } from "./state";
import { queueStoreWrite, STORE_SHEET, type StoreState } from "./store";
import { syncWithStore } from "./storeload";
import { bySheet, foundOf, holds, queueRestore, type CellWrite, type Found } from "./write";

export interface View {
  missing: string[];
  /** Whether the write's cell is locked on a protected sheet (Excel would refuse it). */
  locked(w: CellWrite): boolean;
  cell(w: CellWrite): Found;
}

/** The last read's answers, or null when a target sheet or the store was not read by this host. */
export function cachedView(state: HostState, writes: CellWrite[]): View | null {
  if (!state.store || writes.some((w) => !state.knows(w.sheet))) return null;
  return {
    missing: [],
    locked: (w) => state.isLocked(w.sheet, w.row, w.col),
    cell: (w) => state.cell(w.sheet, w.row, w.col),
  };
}

/** One sync loading the target sheets' protection, the target cells (with their locked flags) and the store. */
export async function loadView(
  context: Excel.RequestContext,
  state: HostState,
  writes: CellWrite[],
  content = false
): Promise<View> {
  const sheets = new Map<string, Excel.Worksheet>();
  const [cells] = await syncWithStore(
    context,
    state,
    () => {
      sheets.clear();
      for (const w of writes) {
        if (sheets.has(w.sheet)) continue;
        const ws = context.workbook.worksheets.getItemOrNullObject(w.sheet).load("name");
        ws.protection.load("protected");
        sheets.set(w.sheet, ws);
      }
      return writes.map((w) => {
        const range = sheets.get(w.sheet)!.getRangeByIndexes(w.row, w.col, 1, 1).load("values, formulas");
        return { range, locked: queueLocked(range) };
      });
    },
    content
  );
  const found = new Map<CellWrite, Found>();
  const locked = new Set<CellWrite>();
  writes.forEach((w, i) => {
    const ws = sheets.get(w.sheet)!;
    if (ws.isNullObject) return;
    const { range } = cells[i];
    found.set(w, foundOf(range.values[0][0], range.formulas[0][0]));
    if (ws.protection.protected && unlockedOf(cells[i].locked.value, w.row, w.col).size === 0) locked.add(w);
  });
  return {
    missing: [...sheets].filter(([, ws]) => ws.isNullObject).map(([name]) => name),
    locked: (w) => locked.has(w),
    cell: (w) => found.get(w) ?? { value: null, formula: null },
  };
}

/** Throws the HostError that explains why these writes must not happen; returns when they may. */
export function refuse(view: View, writes: CellWrite[]): void {
  if (view.missing.length > 0) throw new HostError(excelText.noSheet(view.missing[0]), "no-sheet");
  const locked = writes.filter((w) => view.locked(w));
  if (locked.length > 0) throw new HostError(excelText.protectedCells(bySheet(locked)), "protected");
  const formulas = writes.filter((w) => view.cell(w).formula !== null);
  if (formulas.length > 0) throw new HostError(excelText.formulaCells(bySheet(formulas)), "failed");
  const stale = writes.filter((w) => !holds(view.cell(w), w.expect));
  if (stale.length > 0) throw new HostError(excelText.staleCells(bySheet(stale)), "failed");
}

/**
 * After Excel rejected a guarded write: finds out why (one sync), puts back any cell the batch already
 * wrote and the store's previous fix (one more sync, only if needed), and throws the explanation.
 * `ours` is the fix the batch was storing (null: it was clearing it); `previous` what the store held
 * (undefined when unknown: the store is then cleared rather than left claiming an unapplied fix).
 * When Excel cannot be asked either, the message names every cell the batch may have written.
 */
export async function recover(
  context: Excel.RequestContext,
  state: HostState,
  writes: CellWrite[],
  stored: { previous: AppliedFix | null | undefined; ours: AppliedFix | null },
  error: unknown
): Promise<never> {
  const protection = context.workbook.protection.load("protected");
  let view: View;
  let store: StoreState;
  let done: CellWrite[];
  try {
    view = await loadView(context, state, writes, true);
    store = state.store!;
    done = writes.filter(
      (w) => !view.missing.includes(w.sheet) && holds(view.cell(w), w.value) && !holds(view.cell(w), w.expect)
    );
    const { previous, ours } = stored;
    const storeWritten =
      store.exists && (ours ? store.fix?.at === ours.at : store.fix === null && previous !== null);
    if (done.length > 0 || storeWritten) {
      queueRestore(
        context,
        done.map((w) => ({ write: w, found: { value: w.expect, formula: null } }))
      );
      if (storeWritten)
        queueStoreWrite(context.workbook.worksheets.getItem(STORE_SHEET), "fix", previous ?? null);
      await context.sync();
      if (storeWritten) state.store = { ...store, fix: previous ?? null };
    }
  } catch (failure) {
    // Nothing the host remembers can be trusted now: the next write verifies first.
    state.store = null;
    for (const w of writes) state.forget(w.sheet);
    if (failure instanceof HostError) throw failure;
    throw new HostError(excelText.mayBeWritten(bySheet(writes), detail(error)), "failed");
  }
  // Cells just put back hold what was expected: only the others explain the failure.
  refuse(
    { ...view, cell: (w) => (done.includes(w) ? { value: w.expect, formula: null } : view.cell(w)) },
    writes
  );
  if (!store.exists && protection.protected) throw new HostError(excelText.structureProtected, "protected");
  const unexpected = toHostError(error);
  if (unexpected.reason === "unsupported" || error instanceof HostError) throw unexpected;
  throw new HostError(
    done.length > 0 ? excelText.undone(bySheet(done), detail(error)) : excelText.notWritten(detail(error)),
    "failed"
  );
}
