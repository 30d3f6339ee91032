/**
 * Finds the rows and cells of a worksheet part's <sheetData> with their text positions, so that reading
 * can decode them and writing can splice them without re-serialising the part.
 */
import { attrs, findClose, nextTag } from "./xml";

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

/** The cells of a row's content, xml[from, to). */
function rowCells(xml: string, row: number, from: number, to: number): RawCell[] {
  const cells: RawCell[] = [];
  let nextCol = 0;
  let at = from;
  for (;;) {
    const t = nextTag(xml, at, to);
    if (!t) return cells;
    if (t.end < 0) throw new SyntaxError("unclosed tag");
    at = t.end;
    if (t.local !== "c") continue;
    if (t.closing) throw new SyntaxError("unexpected </c>");
    const a = attrs(t.attrText);
    const pos = a.r !== undefined ? parseRef(a.r) : { row, col: nextCol };
    if (!pos || pos.col > LAST_COL || pos.row > LAST_ROW) throw new SyntaxError("bad cell reference");
    let inner = "";
    let end = t.end;
    if (!t.selfClosed) {
      const closeAt = findClose(xml, "c", end);
      if (closeAt < 0 || closeAt >= to) throw new SyntaxError("unclosed <c>");
      inner = xml.slice(end, closeAt);
      end = xml.indexOf(">", closeAt) + 1;
      at = end;
    }
    cells.push({ row: pos.row, col: pos.col, at: a, inner, start: t.start, end });
    nextCol = pos.col + 1;
  }
}

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
  const empty = { rows: [], numbers: [], starts: [], prefix, start, innerStart };
  if (t.selfClosed) return { ...empty, innerEnd: innerStart, end: innerStart, selfClosed: true };
  const rows: RawRow[] = [];
  const numbers: number[] = [];
  const starts: number[] = [];
  let nextRow = 0;
  let at = innerStart;
  for (let r = nextTag(xml, at); r; r = nextTag(xml, at)) {
    if (r.end < 0) throw new SyntaxError("unclosed tag");
    at = r.end;
    if (r.local === "sheetData") {
      if (!r.closing) throw new SyntaxError("nested <sheetData>");
      return {
        rows,
        numbers,
        starts,
        prefix,
        start,
        innerStart,
        innerEnd: r.start,
        end: r.end,
        selfClosed: false,
      };
    }
    // Rows are passed over whole: a cell seen here is outside any row.
    if (r.local === "c") throw new SyntaxError("<c> outside a <row>");
    if (r.local !== "row" || r.closing) continue;
    const a = attrs(r.attrText);
    const row = a.r !== undefined ? Number(a.r) - 1 : nextRow;
    if (!Number.isInteger(row) || row < 0 || row > LAST_ROW) throw new SyntaxError(`bad row number`);
    nextRow = row + 1;
    numbers.push(row);
    starts.push(r.start);
    if (r.selfClosed) {
      if (!wanted || wanted.has(row))
        rows.push({
          row,
          start: r.start,
          innerStart: r.end,
          innerEnd: r.end,
          end: r.end,
          selfClosed: true,
          cells: [],
        });
      continue;
    }
    const closeAt = findClose(xml, "row", r.end);
    if (closeAt < 0) throw new SyntaxError("unclosed <row>");
    const end = xml.indexOf(">", closeAt) + 1;
    // Cells are read for wanted rows only (the reader has checked the others before any write).
    if (!wanted || wanted.has(row)) {
      const cells = rowCells(xml, row, r.end, closeAt);
      rows.push({ row, start: r.start, innerStart: r.end, innerEnd: closeAt, end, selfClosed: false, cells });
    }
    at = end;
  }
  throw new SyntaxError("unclosed <sheetData>");
}
