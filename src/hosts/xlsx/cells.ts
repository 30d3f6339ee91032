/**
 * Finds the rows and cells of a worksheet part's <sheetData> with their text positions, so that reading
 * can decode them and writing can splice them without re-serialising the part.
 */
import { attr, attrs, decodeText, findClose, firstElement, nextTag } from "./xml";

export interface RawCell {
  row: number;
  col: number;
  /** Attributes of the start tag (r, s, t, …). */
  at: Record<string, string>;
  /** Inner XML; "" for a self-closed <c/>. */
  inner: string;
  start: number;
  end: number;
}

export interface RawRow {
  row: number;
  start: number;
  /** Where the row's content starts and ends (equal for a self-closed <row/>). */
  innerStart: number;
  innerEnd: number;
  end: number;
  selfClosed: boolean;
  cells: RawCell[];
}

export interface RawSheetData {
  /** The rows asked for (every row when no filter was given), in document order, with their cells. */
  rows: RawRow[];
  /** Every row's number and the position of its start tag, in document order (cheap: two numbers a row). */
  numbers: number[];
  starts: number[];
  /** The namespace prefix of the worksheet's elements ("" or e.g. "x:"). */
  prefix: string;
  /** Where <sheetData> starts and ends; innerStart === innerEnd for <sheetData/>. */
  start: number;
  innerStart: number;
  innerEnd: number;
  end: number;
  selfClosed: boolean;
  /**
   * The areas of the array formulas of every cell (not only the wanted rows'), found as the reader finds
   * them: the first <f> of a cell, with t="array", a ref and a text. Their cells are formula cells.
   */
  arrays: Area[];
  /**
   * Every cell whose own row is wanted, wherever its row element is (a damaged part can hold a cell of
   * row 23 inside the element of row 22), in document order: the last one of a reference is the one the
   * reader keeps.
   */
  cells: RawCell[];
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The array-formula area of a cell's inner XML, or null (the reader's rule, sheet.ts). */
function arrayArea(inner: string): Area | null {
  if (inner.indexOf("array") < 0) return null;
  const f = firstElement(inner, "f");
  if (!f || attr(f.tag, "t") !== "array" || !decodeText(f.inner)) return null;
  const ref = attr(f.tag, "ref");
  if (!ref) return null;
  const [a, b] = ref.split(":").map((x) => parseRef(x.replace(/\$/g, "")));
  const q = b ?? a;
  if (!a || !q) return null;
  return {
    top: Math.min(a.row, q.row),
    left: Math.min(a.col, q.col),
    bottom: Math.max(a.row, q.row),
    right: Math.max(a.col, q.col),
  };
}

/** Where the first row (in document order) numbered after `row` starts, or null. */
export function nextRowStart(data: RawSheetData, row: number): number | null {
  for (let i = 0; i < data.numbers.length; i++) if (data.numbers[i] > row) return data.starts[i];
  return null;
}

/** 0-based row and column of an A1 reference; null when it is not one. */
export function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Excel's last row and column (0-based). */
const LAST_ROW = 1048575;
const LAST_COL = 16383;

/**
 * Scans <sheetData>; null when the part has none. Every row's number and start are noted; the rows in
 * `wanted` (all rows when it is not given) are read with their cells, so that patching a few cells of a
 * sheet of a million rows costs two numbers per row, not an object per cell. Rows without an r attribute
 * follow the previous one, and so do cells. Comments and processing instructions are passed over (give
 * it maskMarkup's text when positions matter: a comment inside a row could hold "</row>"). Linear in the
 * text; throws SyntaxError on what the reader (sheet.ts) also refuses: a nested <sheetData>, a cell
 * outside a row, an unclosed element, a row or column past Excel's last.
 */
export function scanSheetData(xml: string, wanted?: ReadonlySet<number>): RawSheetData | null {
  let t = nextTag(xml, 0);
  while (t && !(t.end >= 0 && t.local === "sheetData" && !t.closing)) {
    if (t.end < 0) return null;
    t = nextTag(xml, t.end);
  }
  if (!t) return null;
  const prefix = t.prefix;
  const start = t.start;
  const innerStart = t.end;
  const empty = { rows: [], numbers: [], starts: [], prefix, start, innerStart, arrays: [], cells: [] };
  if (t.selfClosed) return { ...empty, innerEnd: innerStart, end: innerStart, selfClosed: true };
  const rows: RawRow[] = [];
  const numbers: number[] = [];
  const starts: number[] = [];
  const arrays: Area[] = [];
  const found: RawCell[] = [];
  let nextRow = 0;
  let nextCol = 0;
  // The row being read (null between rows), and whether its cells are kept.
  let open: RawRow | null = null;
  let keep = false;
  const finish = (innerEnd: number, end: number): void => {
    if (open && keep) rows.push({ ...open, innerEnd, end });
    open = null;
  };
  // One pass in document order, as the reader (sheet.ts) reads: cells are taken whole (a "</row>"
  // inside a cell does not end its row), a row ends at its "</row>" or where the next one starts.
  let at = innerStart;
  for (let t = nextTag(xml, at); t; t = nextTag(xml, at)) {
    if (t.end < 0) throw new SyntaxError("unclosed tag");
    at = t.end;
    if (t.local === "sheetData") {
      if (!t.closing) throw new SyntaxError("nested <sheetData>");
      finish(t.start, t.start);
      return {
        rows,
        numbers,
        starts,
        prefix,
        start,
        innerStart,
        innerEnd: t.start,
        end: t.end,
        selfClosed: false,
        arrays,
        cells: found,
      };
    }
    if (t.local === "row") {
      if (t.closing) {
        finish(t.start, t.end);
        continue;
      }
      finish(t.start, t.start);
      const a = attrs(t.attrText);
      const row = a.r !== undefined ? (/^\d+$/.test(a.r) ? Number(a.r) - 1 : -1) : nextRow;
      if (row < 0 || row > LAST_ROW) throw new SyntaxError("bad row number");
      nextRow = row + 1;
      nextCol = 0;
      numbers.push(row);
      starts.push(t.start);
      keep = !wanted || wanted.has(row);
      const here: RawRow = {
        row,
        start: t.start,
        innerStart: t.end,
        innerEnd: t.end,
        end: t.end,
        selfClosed: t.selfClosed,
        cells: [],
      };
      if (t.selfClosed) {
        if (keep) rows.push(here);
      } else open = here;
      continue;
    }
    if (t.local !== "c") continue;
    const row: RawRow | null = open;
    if (t.closing || row === null) throw new SyntaxError("<c> outside a <row>");
    const a = attrs(t.attrText);
    const pos = a.r !== undefined ? parseRef(a.r) : { row: row.row, col: nextCol };
    if (!pos || pos.col > LAST_COL || pos.row > LAST_ROW) throw new SyntaxError("bad cell reference");
    nextCol = pos.col + 1;
    let inner = "";
    let end = t.end;
    if (!t.selfClosed) {
      const closeAt = findClose(xml, "c", end);
      if (closeAt < 0) throw new SyntaxError("unclosed <c>");
      inner = xml.slice(end, closeAt);
      end = xml.indexOf(">", closeAt) + 1;
      at = end;
      const area = arrayArea(inner);
      if (area) arrays.push(area);
    }
    const cell = { row: pos.row, col: pos.col, at: a, inner, start: t.start, end };
    if (keep) row.cells.push(cell);
    if (!wanted || wanted.has(pos.row)) found.push(cell);
  }
  throw new SyntaxError("unclosed <sheetData>");
}
