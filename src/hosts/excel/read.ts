/// <reference types="office-js" />
/**
 * Reading sheets within Excel's limits: the active one in one sync when it is an ordinary sheet, all of
 * them in ≤ 3 syncs for a normal workbook. Excel refuses getMergedAreasOrNullObject over more than 512
 * merged areas (InvalidOperation), answers a read of more than 5,000,000 cells with `null` values, and
 * Excel on the web refuses payloads over 5 MB: the bounded path below reads in row bands that stay under
 * all three, asking for merged areas in smaller bands than the cells.
 */
import type { Grid } from "../../core/grid";
import { excelText } from "../../i18n/excel";
import { HostError } from "../types";
import { toGrid, type Block } from "./grid";
import { queueLocked, unlockedOf } from "./locked";
import { errorLocation, isMergeRefusal, isPayloadError, namesMerges, toHostError, type Run } from "./office";
import { chooseBox, planBatches, type Box, type SheetBox, type Slice } from "./plan";
import type { HostState } from "./state";
import { STORE_SHEET } from "./store";
import { syncWithStore } from "./storeload";

const CELL_PROPS = "values, formulas, numberFormat, rowIndex, columnIndex";
const DIMS = "rowIndex, columnIndex, rowCount, columnCount";

/** Excel's limit on the cells of one read: above it `values` comes back null. */
export const CELL_READ_LIMIT = 5_000_000;
/**
 * Rows per merged-areas request. Excel refuses a request over more than 512 merged areas; the real forms
 * have 13–46 merged areas in 25–60 rows, so 128 rows stay far below it. A band Excel still refuses is
 * asked again in halves.
 */
export const MERGE_BAND_ROWS = 128;

/** A loaded range whose cell arrays may be null (Excel's answer above 5 M cells). */
function block(range: Excel.Range): Block | null {
  const { values, formulas, numberFormat } = range;
  if (!Array.isArray(values) || !Array.isArray(formulas) || !Array.isArray(numberFormat)) return null;
  return { top: range.rowIndex, left: range.columnIndex, values, formulas, formats: numberFormat };
}

function mergeAddresses(areas: Excel.RangeAreas): string[] {
  return areas.isNullObject ? [] : areas.areas.items.map((r) => r.address);
}

/** The ordinary case, one sync: the used range with its merged areas and locked flags, and the store. */
async function readActiveAtOnce(context: Excel.RequestContext, state: HostState): Promise<Grid | null> {
  const [{ sheet, used, merged, locked }] = await syncWithStore(
    context,
    state,
    () => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name, id");
      sheet.protection.load("protected");
      // The used range counts formatted empty cells (valuesOnly would drop an empty bordered 偏差原因
      // column and the formats of empty score cells). Chained on it, null objects on an empty sheet.
      const used = sheet.getUsedRangeOrNullObject(false).load(CELL_PROPS);
      const merged = used.getMergedAreasOrNullObject().load("areas/items/address");
      const locked = queueLocked(used);
      return { sheet, used, merged, locked };
    },
    false
  );
  const cells = used.isNullObject ? null : block(used);
  if (!used.isNullObject && !cells) return null; // over 5 M cells: the bounded path
  const grid = toGrid(sheet.name, cells ? [cells] : [], used.isNullObject ? [] : mergeAddresses(merged));
  const isProtected = sheet.protection.protected;
  const unlocked =
    isProtected && !used.isNullObject ? unlockedOf(locked.value, used.rowIndex, used.columnIndex) : null;
  state.remember(grid, isProtected, unlocked, sheet.id);
  return grid;
}

/**
 * Reads the active sheet. One sync for an ordinary sheet; when Excel refuses that read (too many merged
 * areas, a payload too large, calls on null objects) or answers null (over 5 M cells), the bounded path:
 * one sync for the sizes of the used range with and without formatting, then the cells in bands.
 */
export async function readActive(run: Run, state: HostState): Promise<Grid> {
  return run(async (context) => {
    try {
      const grid = await readActiveAtOnce(context, state);
      if (grid) return grid;
    } catch (error) {
      if (error instanceof HostError) throw error;
    }
    try {
      const [listed] = await syncWithStore(
        context,
        state,
        () => {
          const sheet = context.workbook.worksheets.getActiveWorksheet().load("name, id");
          return [listSheet(sheet)];
        },
        false
      );
      const [grid] = await readListed(context, state, listed);
      return grid;
    } catch (error) {
      throw toHostError(error);
    }
  });
}

interface Listed {
  sheet: Excel.Worksheet;
  all: Excel.Range;
  vals: Excel.Range;
}

/** Queues what the bounded path needs to know of a sheet: its protection and both used ranges' sizes. */
function listSheet(sheet: Excel.Worksheet): Listed {
  sheet.protection.load("protected");
  return {
    sheet,
    all: sheet.getUsedRangeOrNullObject(false).load(DIMS),
    vals: sheet.getUsedRangeOrNullObject(true).load(DIMS),
  };
}

function boxOf(r: Excel.Range): Box | null {
  return r.isNullObject
    ? null
    : { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
}

/** Row bands of at most `height` rows over a slice's rows, across its sheet box's columns. */
function mergeBands(s: Slice, height: number): Box[] {
  const bands: Box[] = [];
  for (let top = s.top; top < s.top + s.rows; top += height)
    bands.push({
      top,
      left: s.sheetBox.left,
      rows: Math.min(height, s.top + s.rows - top),
      cols: s.sheetBox.cols,
    });
  return bands;
}

/**
 * The cells of listed sheets (sizes already synced), batched under the payload limit; each batch is one
 * sync. A batch Excel refuses for its size is split in two; merged-area bands Excel refuses are asked
 * again in halves. A sheet whose chosen range is over 5 M cells is refused with a Chinese message.
 */
async function readListed(
  context: Excel.RequestContext,
  state: HostState,
  listed: Listed[],
  onProgress?: (done: number, total: number) => void
): Promise<Grid[]> {
  const boxes: SheetBox[] = listed.map((l, index) => ({ index, all: boxOf(l.all), vals: boxOf(l.vals) }));
  for (const b of boxes) {
    const box = chooseBox(b);
    if (box && box.rows * box.cols > CELL_READ_LIMIT)
      throw new HostError(excelText.tooLarge(listed[b.index].sheet.name), "too-large");
  }
  const blocks = listed.map((): Block[] => []);
  const merges = listed.map(() => new Set<string>());
  // Protected sheets also load their cells' locked flags, with the cells.
  const unlocked = listed.map((l) => (l.sheet.protection.protected ? new Set<string>() : null));
  let done = boxes.filter((b) => chooseBox(b) === null).length;
  const load = async (slices: Slice[], bandRows: number): Promise<void> => {
    const queued = slices.map((s) => {
      const ws = listed[s.index].sheet;
      const range = ws.getRangeByIndexes(s.top, s.left, s.rows, s.cols).load(CELL_PROPS);
      const areas = mergeBands(s, bandRows).map((b) =>
        ws
          .getRangeByIndexes(b.top, b.left, b.rows, b.cols)
          .getMergedAreasOrNullObject()
          .load("areas/items/address")
      );
      const locked = unlocked[s.index] ? queueLocked(range) : null;
      return { s, range, areas, locked };
    });
    try {
      await context.sync();
    } catch (error) {
      if (isMergeRefusal(error)) {
        if (bandRows <= 1) {
          // One row still refused: too many merged areas — unless Excel did not say the merged areas failed.
          if (!namesMerges(errorLocation(error))) throw toHostError(error);
          throw new HostError(excelText.tooManyMerges(listed[slices[0].index].sheet.name), "too-large");
        }
        return load(slices, Math.ceil(bandRows / 2));
      }
      if (!isPayloadError(error)) throw error;
      if (slices.length < 2)
        throw new HostError(excelText.tooLarge(listed[slices[0].index].sheet.name), "too-large");
      const half = Math.ceil(slices.length / 2);
      await load(slices.slice(0, half), bandRows);
      await load(slices.slice(half), bandRows);
      return;
    }
    for (const { s, range, areas, locked } of queued) {
      const cells = block(range);
      if (!cells) throw new HostError(excelText.tooLarge(listed[s.index].sheet.name), "too-large");
      blocks[s.index].push(cells);
      if (locked) unlockedOf(locked.value, s.top, s.left, unlocked[s.index] ?? undefined);
      // A merged area across two bands may be reported by both (or, in Excel, by the band of its top-left cell).
      for (const a of areas) for (const address of mergeAddresses(a)) merges[s.index].add(address);
      if (s.last) done++;
    }
    onProgress?.(done, listed.length);
  };
  for (const batch of planBatches(boxes)) await load(batch, MERGE_BAND_ROWS);
  return listed.map((l, i) => {
    const grid = toGrid(l.sheet.name, blocks[i], [...merges[i]]);
    state.remember(grid, l.sheet.protection.protected, unlocked[i], l.sheet.id);
    return grid;
  });
}

/**
 * Sync 1: sheet names and visibility (and the store). Sync 2: each sheet's protection and used-range
 * size, with and without formatting. Then the cells, batched (one sync for a 70-form workbook).
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
        .map(listSheet);
      onProgress?.(0, listed.length);
      if (listed.length === 0) return [];
      await context.sync();
      return await readListed(context, state, listed, onProgress);
    } catch (error) {
      throw toHostError(error);
    }
  });
}
