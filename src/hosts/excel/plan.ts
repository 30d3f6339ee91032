/**
 * Batching reads under Excel on the web's 5 MB payload limit (and so far under Excel's 5 M cells per read):
 * from each sheet's used-range size, cut row bands and pack them into as few syncs as fit.
 */

export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** One sheet's used range with formatting (`all`) and values only (`vals`); null when empty. */
export interface SheetBox {
  index: number;
  all: Box | null;
  vals: Box | null;
}

/** A row band of one sheet to load in a batch (its merged areas are asked in smaller bands, read.ts). */
export interface Slice extends Box {
  index: number;
  first: boolean;
  last: boolean;
  sheetBox: Box;
}

/** Stay well under 5 MB: the estimate below is an average, and text-heavy sheets cost more. */
export const BATCH_BYTES = 3 * 1024 * 1024;
/**
 * Estimated response bytes per cell for values + formulas + numberFormat as JSON. Measured on the 70 real
 * forms at about 41 (text is sent twice: as value and as "formula"); doubled for wordy 偏差原因 columns.
 * An underestimate only costs a retry: a batch Excel refuses is split in two.
 */
export const BYTES_PER_CELL = 80;
/** A formatted range this much larger than the values is formatting dragged down a sheet: read values only. */
const SPARSE_FACTOR = 4;
const SPARSE_SLACK = 20000;

/** The range to read for a sheet: the formatted used range, unless it is mostly empty formatting. */
export function chooseBox(b: SheetBox): Box | null {
  if (!b.all) return null;
  if (!b.vals) return b.all.rows * b.all.cols > SPARSE_SLACK ? null : b.all;
  const all = b.all.rows * b.all.cols;
  const vals = b.vals.rows * b.vals.cols;
  return all > vals * SPARSE_FACTOR + SPARSE_SLACK ? b.vals : b.all;
}

/** Packs all sheets' row bands into batches whose estimated response stays under `budget` bytes. */
export function planBatches(boxes: SheetBox[], budget = BATCH_BYTES): Slice[][] {
  const batches: Slice[][] = [];
  let current: Slice[] = [];
  let used = 0;
  for (const b of boxes) {
    const box = chooseBox(b);
    if (!box) continue;
    const rowBytes = Math.max(1, box.cols * BYTES_PER_CELL);
    const bandRows = Math.max(1, Math.floor(budget / rowBytes));
    for (let top = box.top; top < box.top + box.rows; top += bandRows) {
      const rows = Math.min(bandRows, box.top + box.rows - top);
      const cost = rows * rowBytes;
      if (used + cost > budget && current.length > 0) {
        batches.push(current);
        current = [];
        used = 0;
      }
      current.push({
        index: b.index,
        top,
        left: box.left,
        rows,
        cols: box.cols,
        first: top === box.top,
        last: top + rows >= box.top + box.rows,
        sheetBox: box,
      });
      used += cost;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
