/// <reference types="office-js" />
/**
 * Loading the store along with other reads. The store sheet may not exist: its content is loaded through
 * the null object getItemOrNullObject returns, which Excel answers with null objects down the chain. Should
 * an Excel build refuse calls on a null object instead, the sync fails once, the host stops chaining
 * (`state.chainOnNull`) and loads the content from the existing sheet in a second sync.
 */
import { HostError } from "../types";
import { isMergeRefusal, isPayloadError, toScalar } from "./office";
import type { HostState } from "./state";
import { column, isFix, isMarks, parse, STORE_SHEET, type StoreState } from "./store";

type Content = Pick<StoreState, "fix" | "marks">;

/** Queues the content load from a store sheet proxy; call the returned function after the sync. */
export function queueContent(sheet: Excel.Worksheet): () => Content {
  const used = sheet.getUsedRangeOrNullObject(true).load("values, rowIndex, columnIndex");
  return () => {
    if (used.isNullObject) return { fix: null, marks: [] };
    const values = used.values.map((line) => line.map(toScalar));
    return {
      fix: parse(column(values, used.rowIndex, used.columnIndex, "fix"), isFix),
      marks: parse(column(values, used.rowIndex, used.columnIndex, "marks"), isMarks) ?? [],
    };
  };
}

function queueStore(context: Excel.RequestContext, chain: boolean): () => StoreState {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET).load("name");
  const content = chain ? queueContent(sheet) : null;
  return () => {
    if (sheet.isNullObject) return { exists: false, known: true, fix: null, marks: [] };
    if (content) return { exists: true, known: true, ...content() };
    return { exists: true, known: false, fix: null, marks: [] };
  };
}

/**
 * Queues `others` and the store, syncs once and returns both; `content` asks for the store's content even
 * when that costs a second sync (only where Excel refuses calls on null objects).
 */
export async function syncWithStore<T>(
  context: Excel.RequestContext,
  state: HostState,
  others: () => T,
  content: boolean
): Promise<[T, StoreState]> {
  for (;;) {
    const chain = state.chainOnNull;
    const queued = others();
    const read = queueStore(context, chain);
    try {
      await context.sync();
    } catch (error) {
      if (!chain || isPayloadError(error) || isMergeRefusal(error) || error instanceof HostError) throw error;
      state.chainOnNull = false;
      continue;
    }
    let store = read();
    if (content && !store.known) {
      const more = queueContent(context.workbook.worksheets.getItem(STORE_SHEET));
      await context.sync();
      store = { exists: true, known: true, ...more() };
    }
    state.store = store;
    return [queued, store];
  }
}
