/// <reference types="office-js" />
/**
 * apply and revertLast. apply is ONE sync when the patches come from this host's last read: protection,
 * formulas and old values were answered by that read; the batch itself re-checks (see write.ts) and is
 * undone when the sheet was protected or a cell edited since. Otherwise one verifying sync comes first.
 */
import type { AppliedFix } from "../types";
import type { Patch } from "../../core/types";
import { HostError } from "../types";
import { excelText } from "../../i18n/excel";
import { toHostError, toInput, type Run } from "./office";
import type { HostState } from "./state";
import { queueStoreLoad, queueStoreWrite, storeSheet, STORE_SHEET } from "./store";
import { bySheet, guardedWrite, holds, queueRestore, type CellWrite, type Found } from "./write";

interface View {
  missing: string[];
  protectedSheets: Set<string>;
  cell(w: CellWrite): Found;
}

/** The last read's answers, or null when a target sheet or the store was not read by this host. */
function cachedView(state: HostState, writes: CellWrite[]): View | null {
  if (!state.store || writes.some((w) => !state.knows(w.sheet))) return null;
  const protectedSheets = new Set(writes.filter((w) => state.isProtected(w.sheet)).map((w) => w.sheet));
  return { missing: [], protectedSheets, cell: (w) => state.cell(w.sheet, w.row, w.col) };
}

/** One sync loading the target sheets' protection, the target cells and the store. */
async function loadView(context: Excel.RequestContext, state: HostState, writes: CellWrite[]): Promise<View> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const w of writes) {
    if (sheets.has(w.sheet)) continue;
    const ws = context.workbook.worksheets.getItemOrNullObject(w.sheet).load("name");
    ws.protection.load("protected");
    sheets.set(w.sheet, ws);
  }
  const cells = writes.map((w) =>
    sheets.get(w.sheet)!.getRangeByIndexes(w.row, w.col, 1, 1).load("values, formulas")
  );
  const store = queueStoreLoad(context);
  await context.sync();
  state.store = store();
  const found = new Map<CellWrite, Found>();
  writes.forEach((w, i) => {
    if (sheets.get(w.sheet)!.isNullObject) return;
    const v = cells[i].values[0][0];
    const f = cells[i].formulas[0][0];
    found.set(w, {
      value: v === "" ? null : v,
      formula: typeof f === "string" && f.startsWith("=") && f !== v ? f : null,
    });
  });
  return {
    missing: [...sheets].filter(([, ws]) => ws.isNullObject).map(([name]) => name),
    protectedSheets: new Set(
      [...sheets].filter(([, ws]) => !ws.isNullObject && ws.protection.protected).map(([n]) => n)
    ),
    cell: (w) => found.get(w) ?? { value: null, formula: null },
  };
}

/** Throws the HostError that explains why these writes must not happen; returns when they may. */
function refuse(view: View, writes: CellWrite[]): void {
  if (view.missing.length > 0) throw new HostError(excelText.noSheet(view.missing[0]), "no-sheet");
  const locked = writes.filter((w) => view.protectedSheets.has(w.sheet));
  if (locked.length > 0) throw new HostError(excelText.protectedCells(bySheet(locked)), "protected");
  const formulas = writes.filter((w) => view.cell(w).formula !== null);
  if (formulas.length > 0) throw new HostError(excelText.formulaCells(bySheet(formulas)), "failed");
  const stale = writes.filter((w) => !holds(view.cell(w), w.expect));
  if (stale.length > 0) throw new HostError(excelText.staleCells(bySheet(stale)), "failed");
}

/**
 * After Excel rejected a guarded write: finds out why (one sync), puts back any cell the batch already
 * wrote and the store's previous fix (one more sync, only if needed), and throws the explanation.
 */
async function recover(
  context: Excel.RequestContext,
  state: HostState,
  writes: CellWrite[],
  previous: AppliedFix | null,
  error: unknown
): Promise<never> {
  const protection = context.workbook.protection.load("protected");
  const view = await loadView(context, state, writes);
  const store = state.store!;
  const done = writes.filter(
    (w) => !view.missing.includes(w.sheet) && holds(view.cell(w), w.value) && !holds(view.cell(w), w.expect)
  );
  if (done.length > 0 || store.fix?.at !== previous?.at) {
    queueRestore(
      context,
      done.map((w) => ({ write: w, found: { value: w.expect, formula: null } }))
    );
    if (store.exists) queueStoreWrite(context.workbook.worksheets.getItem(STORE_SHEET), "fix", previous);
    await context.sync();
    state.store = { ...store, fix: previous };
  }
  // Cells just put back hold what was expected: only the others explain the failure.
  refuse(
    { ...view, cell: (w) => (done.includes(w) ? { value: w.expect, formula: null } : view.cell(w)) },
    writes
  );
  if (!store.exists && protection.protected) throw new HostError(excelText.structureProtected, "protected");
  throw toHostError(error);
}

function validate(patches: Patch[]): void {
  for (const p of patches) {
    const ok = (typeof p.value === "number" && Number.isFinite(p.value)) || typeof p.value === "string";
    if (!ok) throw new HostError(excelText.badValue(p.sheet, p.cell), "failed");
    toInput(p.value);
  }
}

/** Writes the patches (normally one sync) and keeps the fix in the document for revert. */
export async function applyPatches(run: Run, state: HostState, patches: Patch[]): Promise<AppliedFix> {
  validate(patches);
  const fix: AppliedFix = { at: new Date().toISOString(), patches };
  if (patches.length === 0) return fix;
  const writes: CellWrite[] = patches.map((p) => ({ ...p, expect: p.old }));
  return run(async (context) => {
    try {
      refuse(cachedView(state, writes) ?? (await loadView(context, state, writes)), writes);
      const store = state.store!;
      let found: Map<CellWrite, Found>;
      try {
        found = await guardedWrite(context, writes, () =>
          queueStoreWrite(storeSheet(context, store.exists), "fix", fix)
        );
      } catch (error) {
        return await recover(context, state, writes, store.fix, error);
      }
      state.store = { ...store, exists: true, fix };
      const stale = writes.filter((w) => !holds(found.get(w), w.expect));
      if (stale.length > 0) {
        // Someone edited a target cell between the read and this batch: undo the whole batch.
        queueRestore(
          context,
          writes.map((w) => ({ write: w, found: found.get(w)! }))
        );
        queueStoreWrite(context.workbook.worksheets.getItem(STORE_SHEET), "fix", store.fix);
        await context.sync();
        state.store = { ...store, exists: true };
        for (const w of writes) state.forget(w.sheet);
        refuse({ missing: [], protectedSheets: new Set(), cell: (w) => found.get(w)! }, writes);
      }
      for (const w of writes) state.wrote(w.sheet, w.row, w.col, w.value);
      return fix;
    } catch (error) {
      throw toHostError(error);
    }
  });
}

/** Restores the last fix's old values (two syncs: load the snapshot, then write) and clears the snapshot. */
export async function revertFix(run: Run, state: HostState): Promise<AppliedFix | null> {
  return run(async (context) => {
    try {
      const load = queueStoreLoad(context);
      await context.sync();
      const store = (state.store = load());
      const fix = store.fix;
      if (!fix) return null;
      const writes: CellWrite[] = fix.patches.map((p) => ({ ...p, value: p.old, expect: p.value }));
      let found: Map<CellWrite, Found>;
      try {
        found = await guardedWrite(context, writes, () =>
          queueStoreWrite(storeSheet(context, true), "fix", null)
        );
      } catch (error) {
        return await recover(context, state, writes, fix, error);
      }
      state.store = { ...store, fix: null };
      // A cell changed by the user after the fix keeps the user's content.
      const kept = writes.filter((w) => !holds(found.get(w), w.expect) && !holds(found.get(w), w.value));
      if (kept.length > 0) {
        queueRestore(
          context,
          kept.map((w) => ({ write: w, found: found.get(w)! }))
        );
        await context.sync();
      }
      for (const w of writes) if (!kept.includes(w)) state.wrote(w.sheet, w.row, w.col, w.value);
      return { at: fix.at, patches: fix.patches.filter((_, i) => !kept.includes(writes[i])) };
    } catch (error) {
      throw toHostError(error);
    }
  });
}
