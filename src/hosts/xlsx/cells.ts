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
  rows: RawRow[];
  /** The namespace prefix of the worksheet's elements ("" or e.g. "x:"). */
  prefix: string;
  /** Where <sheetData> starts and ends; innerStart === innerEnd for <sheetData/>. */
  start: number;
  innerStart: number;
  innerEnd: number;
  end: number;
  selfClosed: boolean;
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

/** Scans <sheetData>; null when the part has none. Cells without an r attribute follow the previous one. */
export function scanSheetData(xml: string): RawSheetData | null {
  TAG.lastIndex = 0;
  let m = TAG.exec(xml);
  while (m && !(m[3] === "sheetData" && m[1] === "")) m = TAG.exec(xml);
  if (!m) return null;
  const prefix = m[2];
  const start = m.index;
  const innerStart = TAG.lastIndex;
  if (m[4].endsWith("/")) {
    return { rows: [], prefix, start, innerStart, innerEnd: innerStart, end: innerStart, selfClosed: true };
  }
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let nextRow = 0;
  let nextCol = 0;
  for (m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, close, , name, rest] = m;
    if (name === "sheetData") {
      if (!close) throw new SyntaxError("nested <sheetData>");
      return { rows, prefix, start, innerStart, innerEnd: m.index, end: TAG.lastIndex, selfClosed: false };
    }
    if (name === "row") {
      if (close) {
        if (row) {
          row.innerEnd = m.index;
          row.end = TAG.lastIndex;
        }
        row = null;
        continue;
      }
      const at = attrs(rest);
      const r = at.r !== undefined ? Number(at.r) - 1 : nextRow;
      const selfClosed = rest.endsWith("/");
      const here = TAG.lastIndex;
      row = { row: r, start: m.index, innerStart: here, innerEnd: here, end: here, selfClosed, cells: [] };
      rows.push(row);
      nextRow = r + 1;
      nextCol = 0;
      if (selfClosed) row = null;
      continue;
    }
    if (close || !row) throw new SyntaxError("<c> outside a <row>");
    const selfClosed = rest.endsWith("/");
    const at = attrs(selfClosed ? rest.slice(0, -1) : rest);
    const pos = at.r !== undefined ? parseRef(at.r) : { row: row.row, col: nextCol };
    if (!pos) throw new SyntaxError(`bad cell reference ${at.r}`);
    let inner = "";
    let end = TAG.lastIndex;
    if (!selfClosed) {
      const closeAt = findClose(xml, "c", end);
      if (closeAt < 0) throw new SyntaxError("unclosed <c>");
      inner = xml.slice(end, closeAt);
      end = xml.indexOf(">", closeAt) + 1;
      TAG.lastIndex = end;
    }
    row.cells.push({ row: pos.row, col: pos.col, at, inner, start: m.index, end });
    nextCol = pos.col + 1;
  }
  throw new SyntaxError("unclosed <sheetData>");
}
