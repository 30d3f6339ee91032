/** Reads one worksheet part into a Grid: values, formulas, number formats and merged areas. */
import type { Grid, Merge, Scalar } from "../../core/grid";
import { scanSheetData, parseRef, type RawCell } from "./cells";
import { shiftFormula } from "./formula";
import { attr, decodeText, elements, runText } from "./xml";

interface Cell {
  row: number;
  col: number;
  value: Scalar;
  formula: string | null;
  format: string | null;
}

const F = /<(?:\w+:)?f(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cellValue(c: RawCell, strings: readonly string[]): Scalar {
  const t = c.at.t ?? "n";
  if (t === "inlineStr") {
    const is = IS.exec(c.inner);
    return is ? runText(is[1]) : null;
  }
  const v = V.exec(c.inner);
  if (!v) return null;
  const text = v[1];
  switch (t) {
    case "s":
      return strings[Number(text)] ?? "";
    case "str":
    case "e":
      return decodeText(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "d": {
      const ms = Date.parse(text);
      return Number.isFinite(ms) ? (ms - EXCEL_EPOCH) / 86400000 : decodeText(text);
    }
    default: {
      if (text.trim() === "") return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : decodeText(text);
    }
  }
}

/**
 * Parses a worksheet part. `strings` are the shared strings, `formats` the format code of each cellXfs
 * index. Bounds are those of the cells holding a value or a formula; absent cells read null.
 */
export function parseWorksheet(
  xml: string,
  name: string,
  strings: readonly string[],
  formats: readonly string[]
): Grid {
  const data = scanSheetData(xml);
  const cells: Cell[] = [];
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const dependents: { cell: Cell; si: string }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const row of data?.rows ?? []) {
    for (const c of row.cells) {
      const s = c.at.s;
      const cell: Cell = {
        row: c.row,
        col: c.col,
        value: c.inner ? cellValue(c, strings) : null,
        formula: null,
        format: s === undefined ? "General" : (formats[Number(s)] ?? "General"),
      };
      const f = c.inner ? F.exec(c.inner) : null;
      if (f) {
        const text = f[2] === undefined ? "" : decodeText(f[2]);
        const si = attr(f[1], "si");
        if (text) {
          cell.formula = `=${text}`;
          if (si !== undefined && attr(f[1], "t") === "shared")
            masters.set(si, { row: c.row, col: c.col, text });
        } else if (si !== undefined) dependents.push({ cell, si });
      }
      cells.push(cell);
      if (cell.value !== null || f) {
        if (c.row < top) top = c.row;
        if (c.row > bottom) bottom = c.row;
        if (c.col < left) left = c.col;
        if (c.col > right) right = c.col;
      }
    }
  }
  for (const { cell, si } of dependents) {
    const m = masters.get(si);
    // A dependent without its master still holds a formula: never report it as a plain value.
    cell.formula = m ? `=${shiftFormula(m.text, cell.row - m.row, cell.col - m.col)}` : "=";
  }
  const merges = readMerges(xml);
  if (bottom < 0) return { name, top: 0, left: 0, values: [], formulas: [], formats: [], merges };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const fmts: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<Scalar>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
    fmts.push(new Array<string | null>(width).fill(null));
  }
  for (const cell of cells) {
    const r = cell.row - top;
    const c = cell.col - left;
    if (r < 0 || c < 0 || r >= height || c >= width) continue;
    values[r][c] = cell.value;
    formulas[r][c] = cell.formula;
    fmts[r][c] = cell.format;
  }
  return { name, top, left, values, formulas, formats: fmts, merges };
}

/** The merged areas of a worksheet part. */
export function readMerges(xml: string): Merge[] {
  const at = xml.search(/<(?:\w+:)?mergeCells[\s>]/);
  if (at < 0) return [];
  const merges: Merge[] = [];
  for (const el of elements(xml, "mergeCell", at)) {
    const ref = attr(el.tag, "ref");
    if (!ref) continue;
    const [a, b] = ref.split(":");
    const p = parseRef(a.replace(/\$/g, ""));
    const q = b ? parseRef(b.replace(/\$/g, "")) : p;
    if (!p || !q) continue;
    merges.push({
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    });
  }
  return merges;
}
