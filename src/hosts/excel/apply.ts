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
import { cachedView, loadView, recover, refuse } from "./guard";
import { toHostError, toInput, type Run } from "./office";
import type { HostState } from "./state";
import { queueStoreWrite, storeSheet, STORE_SHEET } from "./store";
import { queueContent, syncWithStore } from "./storeload";
import { guardedWrite, holds, queueRestore, writesOf, type CellWrite, type Found } from "./write";

function validate(patches: Patch[]): void {
  for (const p of patches) {
    const ok = (typeof p.value === "number" && Number.isFinite(p.value)) || typeof p.value === "string";
    if (!ok) throw new HostError(excelText.badValue(p.sheet, p.cell), "failed");
    toInput(p.value);
  }
}

/** Writes the patches (normally one sync) and keeps the fix in the document for revert. */
export async function applyPatches(run: Run, state: HostState, all: Patch[]): Promise<AppliedFix> {
  validate(all);
  if (all.length === 0) return { at: new Date().toISOString(), patches: all };
  const planned: CellWrite[] = all.map((p) => writesOf(p, false));
  return run(async (context) => {
    try {
      const view = cachedView(state, planned) ?? (await loadView(context, state, planned));
      // A protected sheet with unlocked 得分 / 偏差原因 cells: write those, refuse only the locked ones
      // (when every cell is locked, nothing is written and the HostError names them).
      const writes = planned.filter((w) => !view.locked(w));
      refuse(view, writes.length === 0 ? planned : writes);
      const patches = all.filter((_, i) => !view.locked(planned[i]));
      const refused = all.filter((_, i) => view.locked(planned[i]));
      const fix: AppliedFix = { at: new Date().toISOString(), patches };
      const store = state.store!;
      // The previous fix is needed to undo this batch; when the read did not load it, load it in the batch.
      let previousRead: (() => { fix: AppliedFix | null }) | null = null;
      let found: Map<CellWrite, Found>;
      try {
        found = await guardedWrite(
          context,
          writes,
          () => {
            // Loaded in the batch even when the read knew it: the workbook may not be the one read.
            if (store.exists) previousRead = queueContent(context.workbook.worksheets.getItem(STORE_SHEET));
            queueStoreWrite(storeSheet(context, store.exists), "fix", fix);
          },
          "before"
        );
      } catch (error) {
        return await recover(
          context,
          state,
          writes,
          { previous: store.known ? store.fix : undefined, ours: fix },
          error
        );
      }
      const previous = previousRead ? (previousRead as () => { fix: AppliedFix | null })().fix : store.fix;
      state.store = { exists: true, known: true, fix, marks: store.marks };
      const stale = writes.filter((w) => !holds(found.get(w), w.expect));
      if (stale.length > 0) {
        // Someone edited a target cell between the read and this batch: undo the whole batch.
        queueRestore(
          context,
          writes.map((w) => ({ write: w, found: found.get(w)! }))
        );
        queueStoreWrite(context.workbook.worksheets.getItem(STORE_SHEET), "fix", previous);
        await context.sync();
        state.store = { exists: true, known: store.known, fix: previous, marks: store.marks };
        for (const w of writes) state.forget(w.sheet);
        refuse({ missing: [], locked: () => false, cell: (w) => found.get(w)! }, writes);
      }
      for (const w of writes) state.wrote(w.sheet, w.row, w.col, w.value);
      return refused.length > 0 ? { ...fix, refused } : fix;
    } catch (error) {
      throw toHostError(error);
    }
  });
}

/** Restores the last fix's old values (two syncs: load the snapshot, then write) and clears the snapshot. */
export async function revertFix(run: Run, state: HostState): Promise<AppliedFix | null> {
  return run(async (context) => {
    try {
      const [, store] = await syncWithStore(context, state, () => null, true);
      const fix = store.fix;
      if (!fix) return null;
      const writes: CellWrite[] = fix.patches.map((p) => writesOf(p, true));
      let found: Map<CellWrite, Found>;
      try {
        found = await guardedWrite(
          context,
          writes,
          () => queueStoreWrite(storeSheet(context, true), "fix", null),
          "after"
        );
      } catch (error) {
        return await recover(context, state, writes, { previous: fix, ours: null }, error);
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
      // Restored: the cells that held the fix's value. A cell of the snapshot that an interrupted fix never
      // wrote already held its old value; it is not counted.
      const restored = (w: CellWrite) => holds(found.get(w), w.expect);
      return { at: fix.at, patches: fix.patches.filter((_, i) => restored(writes[i])) };
    } catch (error) {
      throw toHostError(error);
    }
  });
}
