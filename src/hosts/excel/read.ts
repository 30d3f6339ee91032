/// <reference types="office-js" />
/** Reading sheets: the active one in one sync, all of them in ≤ 3 syncs for a normal workbook. */
import type { Grid } from "../../core/grid";
import { excelText } from "../../i18n/excel";
import { HostError } from "../types";
import { toGrid, type Block } from "./grid";
import { queueLocked, unlockedOf } from "./locked";
import { isPayloadError, toHostError, type Run } from "./office";
import { chooseBox, planBatches, type SheetBox, type Slice } from "./plan";
import type { HostState } from "./state";
import { STORE_SHEET } from "./store";
import { syncWithStore } from "./storeload";

const CELL_PROPS = "values, formulas, numberFormat, rowIndex, columnIndex";

function block(range: Excel.Range): Block {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    values: range.values,
    formulas: range.formulas,
    formats: range.numberFormat,
  };
}

function queueMerges(range: Excel.Range): Excel.RangeAreas {
  return range.getMergedAreasOrNullObject().load("areas/items/address");
}

function mergeAddresses(areas: Excel.RangeAreas): string[] {
  return areas.isNullObject ? [] : areas.areas.items.map((r) => r.address);
}

/**
 * One sync: the active sheet's name and protection, its used range (values, formulas, number formats),
 * merged areas and the cells' locked flags, and the revert store. The used range counts formatted empty cells (valuesOnly would
 * drop an empty bordered 偏差原因 column and the formats of empty score cells); only when that range is
 * too big for one response (formatting dragged down a whole column) is it read again values-only.
 */
export async function readActive(run: Run, state: HostState): Promise<Grid> {
  return run(async (context) => {
    const attempt = async (valuesOnly: boolean, chainMerges = true) => {
      const [{ sheet, used, ...rest }] = await syncWithStore(
        context,
        state,
        () => {
          const sheet = context.workbook.worksheets.getActiveWorksheet().load("name, id");
          sheet.protection.load("protected");
          const used = sheet.getUsedRangeOrNullObject(valuesOnly).load(CELL_PROPS);
          // Chained on the used range, a null object on an empty sheet (see storeload.ts). The locked
          // flags come in the same sync: the sheet's protection is not known before it.
          const merged = chainMerges ? queueMerges(used) : null;
          const locked = chainMerges ? queueLocked(used) : null;
          return { sheet, used, merged, locked };
        },
        false
      );
      let { merged, locked } = rest;
      if (!merged && !used.isNullObject) {
        merged = queueMerges(used);
        locked = queueLocked(used);
        await context.sync();
      }
      const blocks = used.isNullObject ? [] : [block(used)];
      const grid = toGrid(sheet.name, blocks, merged && !used.isNullObject ? mergeAddresses(merged) : []);
      const isProtected = sheet.protection.protected;
      const unlocked =
        isProtected && locked && !used.isNullObject
          ? unlockedOf(locked.value, used.rowIndex, used.columnIndex)
          : null;
      state.remember(grid, isProtected, unlocked, sheet.id);
      return grid;
    };
    try {
      return await attempt(false);
    } catch (error) {
      if (isPayloadError(error)) return attempt(true).catch(tooLarge);
      if (error instanceof HostError) throw error;
    }
    // An Excel that refuses calls on a null object fails on an empty sheet: merges in their own sync.
    return attempt(false, false).catch(tooLarge);
  });
}

function tooLarge(error: unknown): never {
  if (isPayloadError(error)) throw new HostError(excelText.tooLargeActive, "too-large");
  throw toHostError(error);
}

interface Listed {
  sheet: Excel.Worksheet;
  all: Excel.Range;
  vals: Excel.Range;
}

const DIMS = "rowIndex, columnIndex, rowCount, columnCount";

function boxOf(r: Excel.Range): { top: number; left: number; rows: number; cols: number } | null {
  return r.isNullObject
    ? null
    : { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}

/**
 * Sync 1: sheet names and visibility (and the store). Sync 2: each sheet's protection and used-range
 * size, with and without formatting. Then the cells, batched under the payload limit (one sync for a
 * 70-form workbook); a batch Excel still refuses is split in two and retried.
 */
export async function readAll(
  run: Run,
  state: HostState,
  onProgress?: (done: number, total: number) => void
): Promise<Grid[]> {
  return run(async (context) => {
    try {
      const [collection] = await syncWithStore(
        context,
        state,
        () => context.workbook.worksheets.load("items/name, items/visibility, items/id"),
        false
      );
      const listed: Listed[] = collection.items
        .filter((s) => s.visibility !== "VeryHidden" && s.name !== STORE_SHEET)
        .map((sheet) => {
          sheet.protection.load("protected");
          return {
            sheet,
            all: sheet.getUsedRangeOrNullObject(false).load(DIMS),
            vals: sheet.getUsedRangeOrNullObject(true).load(DIMS),
          };
        });
      onProgress?.(0, listed.length);
      if (listed.length === 0) return [];
      await context.sync();
      const boxes: SheetBox[] = listed.map((l, index) => ({ index, all: boxOf(l.all), vals: boxOf(l.vals) }));
      const blocks = listed.map((): Block[] => []);
      const merges = listed.map((): string[] => []);
      // Protected sheets also load their cells' locked flags, with the cells (known after sync 2).
      const unlocked = listed.map((l) => (l.sheet.protection.protected ? new Set<string>() : null));
      let done = boxes.filter((b) => chooseBox(b) === null).length;
      const load = async (slices: Slice[]): Promise<void> => {
        const queued = slices.map((s) => {
          const ws = listed[s.index].sheet;
          const range = ws.getRangeByIndexes(s.top, s.left, s.rows, s.cols).load(CELL_PROPS);
          const whole = s.first && s.sheetBox;
          const areas = whole
            ? ws.getRangeByIndexes(whole.top, whole.left, whole.rows, whole.cols).getMergedAreasOrNullObject()
            : null;
          areas?.load("areas/items/address");
          const locked = unlocked[s.index] ? queueLocked(range) : null;
          return { s, range, areas, locked };
        });
        try {
          await context.sync();
        } catch (error) {
          if (!isPayloadError(error)) throw error;
          if (slices.length < 2)
            throw new HostError(excelText.tooLarge(listed[slices[0].index].sheet.name), "too-large");
          const half = Math.ceil(slices.length / 2);
          await load(slices.slice(0, half));
          await load(slices.slice(half));
          return;
        }
        for (const { s, range, areas, locked } of queued) {
          blocks[s.index].push(block(range));
          if (locked) unlockedOf(locked.value, s.top, s.left, unlocked[s.index] ?? undefined);
          if (areas) merges[s.index] = mergeAddresses(areas);
          if (s.last) done++;
        }
        onProgress?.(done, listed.length);
      };
      for (const batch of planBatches(boxes)) await load(batch);
      return listed.map((l, i) => {
        const grid = toGrid(l.sheet.name, blocks[i], merges[i]);
        state.remember(grid, l.sheet.protection.protected, unlocked[i], l.sheet.id);
        return grid;
      });
    } catch (error) {
      throw toHostError(error);
    }
  });
}
