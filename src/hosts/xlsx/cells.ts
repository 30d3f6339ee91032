/**
 * Finds the rows and cells of a worksheet part's <sheetData> with their text positions, so that reading
 * can decode them and writing can splice them without re-serialising the part.
 */
import { attrs, findClose } from "./xml";

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

const TAG = /<(\/?)((?:[A-Za-z_][\w.-]*:)?)(row|c|sheetData)(?=[\s/>])([^>]*)>/g;

const CELL = /<(\/?)(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])([^>]*)>/g;

/** The cells of a row's content, xml[from, to). */
function rowCells(xml: string, row: number, from: number, to: number): RawCell[] {
  const cells: RawCell[] = [];
  let nextCol = 0;
  CELL.lastIndex = from;
  for (let m = CELL.exec(xml); m && m.index < to; m = CELL.exec(xml)) {
    const [, close, rest] = m;
    if (close) throw new SyntaxError("unexpected </c>");
    const selfClosed = rest.endsWith("/");
    const at = attrs(selfClosed ? rest.slice(0, -1) : rest);
    const pos = at.r !== undefined ? parseRef(at.r) : { row, col: nextCol };
    if (!pos) throw new SyntaxError(`bad cell reference ${at.r}`);
    let inner = "";
    let end = CELL.lastIndex;
    if (!selfClosed) {
      const closeAt = findClose(xml, "c", end);
      if (closeAt < 0 || closeAt >= to) throw new SyntaxError("unclosed <c>");
      inner = xml.slice(end, closeAt);
      end = xml.indexOf(">", closeAt) + 1;
      CELL.lastIndex = end;
    }
    cells.push({ row: pos.row, col: pos.col, at, inner, start: m.index, end });
    nextCol = pos.col + 1;
  }
  return cells;
}

/**
 * Scans <sheetData>; null when the part has none. Every row's number and start are noted; the rows in
 * `wanted` (all rows when it is not given) are read with their cells, so that patching a few cells of a
 * sheet of a million rows costs two numbers per row, not an object per cell. Rows without an r attribute
 * follow the previous one, and so do cells.
 */
export function scanSheetData(xml: string, wanted?: ReadonlySet<number>): RawSheetData | null {
  TAG.lastIndex = 0;
  let m = TAG.exec(xml);
  while (m && !(m[3] === "sheetData" && m[1] === "")) m = TAG.exec(xml);
  if (!m) return null;
  const prefix = m[2];
  const start = m.index;
  const innerStart = TAG.lastIndex;
  const empty = { rows: [], numbers: [], starts: [], prefix, start, innerStart };
  if (m[4].endsWith("/")) return { ...empty, innerEnd: innerStart, end: innerStart, selfClosed: true };
  const rows: RawRow[] = [];
  const numbers: number[] = [];
  const starts: number[] = [];
  let nextRow = 0;
  const ROWS = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|sheetData)(?=[\s/>])([^>]*)>/g;
  ROWS.lastIndex = innerStart;
  for (let r = ROWS.exec(xml); r; r = ROWS.exec(xml)) {
    const [, close, name, rest] = r;
    if (name === "sheetData") {
      if (!close) throw new SyntaxError("nested <sheetData>");
      return {
        rows,
        numbers,
        starts,
        prefix,
        start,
        innerStart,
        innerEnd: r.index,
        end: ROWS.lastIndex,
        selfClosed: false,
      };
    }
    if (close) continue;
    const at = attrs(rest);
    const row = at.r !== undefined ? Number(at.r) - 1 : nextRow;
    if (!Number.isInteger(row) || row < 0) throw new SyntaxError(`bad row number ${at.r}`);
    nextRow = row + 1;
    numbers.push(row);
    starts.push(r.index);
    if (wanted && !wanted.has(row)) continue;
    const selfClosed = rest.endsWith("/");
    const here = ROWS.lastIndex;
    if (selfClosed) {
      rows.push({ row, start: r.index, innerStart: here, innerEnd: here, end: here, selfClosed, cells: [] });
      continue;
    }
    const closeAt = findClose(xml, "row", here);
    if (closeAt < 0) throw new SyntaxError("unclosed <row>");
    const end = xml.indexOf(">", closeAt) + 1;
    rows.push({
      row,
      start: r.index,
      innerStart: here,
      innerEnd: closeAt,
      end,
      selfClosed,
      cells: rowCells(xml, row, here, closeAt),
    });
    ROWS.lastIndex = end;
  }
  throw new SyntaxError("unclosed <sheetData>");
}
