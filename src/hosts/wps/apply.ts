/** apply and revertLast of the WPS host (the write itself: write.ts). */
import type { Patch } from "../../core/types";
import { wpsText } from "../../i18n/wps";
import { HostError, type AppliedFix } from "../types";
import type { EtApplication, EtWorkbook } from "./et";
import { sameValue } from "./adapter";
import { readStore } from "./store";
import {
  bySheet,
  cellNow,
  formatsOf,
  lockedOf,
  refuseLocked,
  sheetsOf,
  writeAll,
  type CellWrite,
} from "./write";

function validate(patches: Patch[]): void {
  for (const p of patches) {
    const ok = (typeof p.value === "number" && Number.isFinite(p.value)) || typeof p.value === "string";
    if (!ok) throw new HostError(wpsText.badValue(p.sheet, p.cell), "failed");
  }
}

/**
 * Writes the patches of a read of this workbook (`readSheets`: the sheets this host read in it) and keeps
 * the fix in the workbook for revert. Refuses, writing nothing, when a sheet was not read in this workbook
 * (the user switched workbooks), is protected, or a target cell holds a formula or changed since the read.
 */
export function applyPatches(
  app: EtApplication,
  wb: EtWorkbook,
  readSheets: ReadonlySet<string>,
  all: Patch[]
): AppliedFix {
  validate(all);
  const at = new Date().toISOString();
  if (all.length === 0) return { at, patches: all };
  const unread = all.find((p) => !readSheets.has(p.sheet));
  if (unread) throw new HostError(wpsText.notRead(unread.sheet), "failed");
  const sheets = sheetsOf(wb, all);
  // A protected sheet with unlocked 得分 / 偏差原因 cells: write those and refuse only the locked ones
  // (when every cell is locked, nothing is written and the HostError names them), as the Excel host does.
  const locked = lockedOf(sheets, all);
  const patches = all.filter((p) => !locked.has(p));
  if (patches.length === 0) refuseLocked(locked, all);
  const refused = all.filter((p) => locked.has(p));
  const fix: AppliedFix = { at, patches };
  const writes: CellWrite[] = patches.map((p) => ({
    patch: p,
    range: sheets.get(p.sheet)!.Range(p.cell),
    value: p.value,
    expect: p.old,
    ...formatsOf(p, false),
  }));
  const now = writes.map((w) => cellNow(w.range));
  const formulas = patches.filter((_, i) => now[i].formula !== null);
  if (formulas.length > 0) throw new HostError(wpsText.formulaCells(bySheet(formulas)), "failed");
  const stale = patches.filter((p, i) => !sameValue(now[i].value, p.old));
  if (stale.length > 0) throw new HostError(wpsText.staleCells(bySheet(stale)), "failed");
  const store = readStore(wb);
  writeAll(
    app,
    wb,
    store,
    writes,
    { done: fix, partial: (stuck) => ({ at, patches: stuck.map((w) => w.patch) }) },
    wpsText.undoFix
  );
  return refused.length > 0 ? { ...fix, refused } : fix;
}

/**
 * Restores the last fix's old values (the snapshot may come from the Excel host) and clears the snapshot.
 * A cell the user changed since the fix keeps the user's content and is left out of the result.
 */
export function revertFix(app: EtApplication, wb: EtWorkbook): AppliedFix | null {
  const store = readStore(wb);
  const fix = store.fix;
  if (!fix) return null;
  const sheets = sheetsOf(wb, fix.patches);
  const writes: CellWrite[] = [];
  const reverted: Patch[] = [];
  for (const p of fix.patches) {
    const range = sheets.get(p.sheet)!.Range(p.cell);
    const now = cellNow(range);
    if (now.formula !== null) continue;
    if (sameValue(now.value, p.value))
      writes.push({ patch: p, range, value: p.old, expect: p.value, ...formatsOf(p, true) });
    else if (!sameValue(now.value, p.old)) continue;
    reverted.push(p);
  }
  const targets = writes.map((w) => w.patch);
  refuseLocked(lockedOf(sheets, targets), targets);
  writeAll(
    app,
    wb,
    store,
    writes,
    {
      done: null,
      // Cells that could not be put back to the fix's values are reverted already: the rest stays to undo.
      partial: (stuck) => ({
        at: fix.at,
        patches: fix.patches.filter((p) => !stuck.some((w) => w.patch === p)),
      }),
    },
    wpsText.undoRevert
  );
  return { at: fix.at, patches: reverted };
}
