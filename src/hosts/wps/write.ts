/**
 * apply and revertLast on the ET object model. Every target cell is checked live first (its sheet exists
 * and is not protected, it holds no formula and still holds what the fix expects), then written inside
 * one undo transaction with screen updating off, each write read back. Should a write throw or not keep
 * its value, the cells already written are put back; only if that fails too is the user told exactly
 * which cells hold new values, and the snapshot keeps exactly those, so that 撤销 restores them.
 */
import type { Patch } from "../../core/types";
import type { Scalar } from "../../core/grid";
import { wpsText } from "../../i18n/wps";
import { HostError, type AppliedFix } from "../types";
import type { StoreState } from "../store-format";
import type { EtApplication, EtRange, EtWorkbook, EtWorksheet } from "./et";
import { formulaOf, needsQuote, sameValue, scalarOf } from "./adapter";
import { detail, inTransaction, optional } from "./app";
import { readStore, writeStorePart } from "./store";

/** One cell to write: `value` goes in; `expect` is what it holds now (and what a rollback puts back). */
export interface CellWrite {
  patch: Patch;
  range: EtRange;
  value: Scalar;
  expect: Scalar;
  /** A number format set with the value (a rate taking its neighbour's "0.00%"; revert: the old one). */
  format?: string;
  /** With `format`: the format the cell has now, put back with `expect` by a rollback. */
  prior?: string;
  /** Set when a failed run put the cell back to `expect`. */
  put?: boolean;
}

/** The format change that goes with a patch's write (apply), or with putting its old value back (revert). */
export function formatsOf(p: Patch, revert: boolean): Pick<CellWrite, "format" | "prior"> {
  if (p.numberFormat === undefined) return {};
  const old = p.oldFormat ?? "General";
  return revert ? { format: old, prior: p.numberFormat } : { format: p.numberFormat, prior: old };
}

/** Cells by sheet, in order, for messages. */
export function bySheet(patches: readonly Patch[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of patches) groups.set(p.sheet, [...(groups.get(p.sheet) ?? []), p.cell]);
  return groups;
}

/** Resolves each patch's sheet once; a missing sheet is a HostError naming it. */
export function sheetsOf(wb: EtWorkbook, patches: readonly Patch[]): Map<string, EtWorksheet> {
  const sheets = new Map<string, EtWorksheet>();
  for (const p of patches) {
    if (sheets.has(p.sheet)) continue;
    const ws = optional(() => wb.Worksheets.Item(p.sheet));
    if (!ws || optional(() => String(ws.Name)) !== p.sheet)
      throw new HostError(wpsText.noSheet(p.sheet), "no-sheet");
    sheets.set(p.sheet, ws);
  }
  return sheets;
}

/**
 * The patches whose cells a protected sheet refuses: on a protected sheet every cell not explicitly
 * unlocked (Range.Locked false; templates often unlock the 得分 and 偏差原因 cells).
 */
export function lockedOf(sheets: Map<string, EtWorksheet>, patches: readonly Patch[]): Set<Patch> {
  const locked = new Set<Patch>();
  const guarded = new Map<string, boolean>();
  for (const p of patches) {
    const ws = sheets.get(p.sheet)!;
    if (!guarded.has(p.sheet)) guarded.set(p.sheet, Boolean(ws.ProtectContents));
    if (!guarded.get(p.sheet)) continue;
    const flag = optional(() => ws.Range(p.cell).Locked);
    if (flag !== false && flag !== 0) locked.add(p);
  }
  return locked;
}

/** Refuses writes to locked cells of protected sheets, naming them (protection is left alone). */
export function refuseLocked(locked: ReadonlySet<Patch>, patches: readonly Patch[]): void {
  const refused = patches.filter((p) => locked.has(p));
  if (refused.length > 0) throw new HostError(wpsText.protectedCells(bySheet(refused)), "protected");
}

/** What a cell holds now. */
export function cellNow(range: EtRange): { value: Scalar; formula: string | null } {
  const value = range.Value2;
  return { value: scalarOf(value), formula: formulaOf(range.Formula, value) };
}

/**
 * Writes one value and reads it back. Text is tried with and without the apostrophe prefix (a host that
 * parses assigned text like typed input drops the apostrophe and keeps text; one that stores text as
 * given would keep it): whichever reads back as exactly the text wins.
 */
export function writeCell(range: EtRange, value: Scalar, patch: Patch): void {
  if (value === null || value === "") {
    range.ClearContents();
    if (scalarOf(range.Value2) === null) return;
  } else if (typeof value === "string") {
    const tries = needsQuote(value) ? [`'${value}`, value] : [value, `'${value}`];
    for (const input of tries) {
      range.Value2 = input;
      if (scalarOf(range.Value2) === value) return;
    }
  } else {
    range.Value2 = value;
    if (sameValue(range.Value2, value)) return;
  }
  throw new HostError(wpsText.notKept(patch.sheet, patch.cell), "failed");
}

/**
 * Writes the cells, then the snapshot `done` gives for them, in one undo transaction. On failure puts the
 * written cells back (and the store's previous fix); throws a HostError saying what was left written.
 */
export function writeAll(
  app: EtApplication,
  wb: EtWorkbook,
  store: StoreState,
  writes: CellWrite[],
  snapshot: { done: AppliedFix | null; partial: (stuck: CellWrite[]) => AppliedFix | null },
  description: string
): void {
  inTransaction(app, wb, description, () => {
    const written: CellWrite[] = [];
    let storeTouched = false;
    try {
      for (const w of writes) {
        written.push(w); // pushed first: a write that throws may still have changed the cell
        writeCell(w.range, w.value, w.patch);
        if (w.format !== undefined) w.range.NumberFormat = w.format;
      }
      storeTouched = true;
      writeStorePart(wb, store, "fix", snapshot.done);
    } catch (error) {
      const why = error instanceof HostError ? error.message : detail(error);
      const stuck: CellWrite[] = [];
      for (const w of [...written].reverse()) {
        try {
          if (!sameValue(w.range.Value2, w.expect) || formulaOf(w.range.Formula, w.range.Value2) !== null) {
            writeCell(w.range, w.expect, w.patch);
            w.put = true;
          }
          if (w.prior !== undefined) w.range.NumberFormat = w.prior;
        } catch {
          stuck.unshift(w);
        }
      }
      const keep = stuck.length > 0 ? snapshot.partial(stuck) : store.fix;
      if (storeTouched || stuck.length > 0) {
        try {
          writeStorePart(wb, { ...store, exists: readStore(wb).exists }, "fix", keep);
        } catch {
          // The message below still names the cells.
        }
      }
      if (stuck.length === 0) {
        const back = written.filter((w) => w.put);
        throw new HostError(wpsText.rolledBack(bySheet(back.map((w) => w.patch)), why), "failed");
      }
      throw new HostError(wpsText.partlyWritten(bySheet(stuck.map((w) => w.patch)), why), "failed");
    }
  });
}
