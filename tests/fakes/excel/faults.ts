/**
 * Fault injection for the Excel fake: what goes wrong between the pane and Excel in real use, armed one
 * at a time and consumed by the sync it matches.
 *
 *   fake.inject({ kind: "reject-after" });            // the next writing sync runs, then its answer is lost
 *   fake.inject({ kind: "fail-at-write", write: 3 }); // the 3rd write of that sync fails; earlier ones stay
 *   fake.inject({ kind: "close", run: true });        // the pane closes during the sync: no answer, ever
 *   fake.inject({ kind: "switch", to: other });       // from this sync on, another workbook is under the pane
 */
import type { FakeWorkbookModel } from "./model";

export type FaultKind =
  /** Every action of the sync runs, then the sync rejects (a lost connection): nothing loads. */
  | { kind: "reject-after" }
  /**
   * The n-th write (1-based: Range.values / Range.formulas assignments, store and probe writes included)
   * fails: the writes and other actions before it stay done, the rest are dropped, the sync rejects.
   */
  | { kind: "fail-at-write"; write: number }
  /** The pane is closed during the sync: its actions ran (run) or not, the batch never hears back. */
  | { kind: "close"; run: boolean }
  /** Another workbook answers from this sync on; objects of the first one no longer resolve. */
  | { kind: "switch"; to: FakeWorkbookModel }
  /** The sync rejects with this Office error before running anything (any code Excel documents). */
  | { kind: "error"; code: string; message: string };

export type Fault = FaultKind & {
  /** Which sync the fault hits, by its queued action labels (default: the first that writes cells). */
  when?: (labels: readonly string[]) => boolean;
};

/** Assignments of cell content: what "a write" counts. */
export const isWrite = (label: string): boolean => label === "Range.values" || label === "Range.formulas";

/** The default trigger: a sync that writes cells. */
export const writesCells = (labels: readonly string[]): boolean => labels.some(isWrite);

/** Removes and returns the first armed fault that matches this sync. */
export function takeFault(faults: Fault[], labels: readonly string[]): Fault | undefined {
  const i = faults.findIndex((f) => (f.when ?? writesCells)(labels));
  return i < 0 ? undefined : faults.splice(i, 1)[0];
}

/** The error a lost or broken connection gives, as Office reports it. */
export const CONNECTION_LOST = {
  code: "GeneralException",
  message: "There was an internal error while processing the request.",
};
