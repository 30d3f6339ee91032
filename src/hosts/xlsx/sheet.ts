/**
 * Reads one worksheet part into a sparse Grid: values, formulas, number formats and merged areas. The part
 * arrives in pieces as it is inflated and is read a run of whole rows at a time, so the memory it takes is
 * that of the cells it holds, never that of the part's text or of the rectangle up to its farthest cell.
 */
import type { Grid, Merge, Scalar } from "../../core/grid";
import { parseRef } from "./cells";
import { shiftFormula } from "./formula";
import { attr, decodeText, elements, findClose, runText } from "./xml";

const F = /<(?:\w+:)?f(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;
const SHEET_DATA = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(?=[\s/>])([^>]*)>/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const GENERAL = "General";

function cellValue(t: string, inner: string, strings: readonly string[]): Scalar {
  if (t === "inlineStr") {
    const is = IS.exec(inner);
    return is ? runText(is[1]) : null;
  }
  const v = V.exec(inner);
  return v ? valueOf(t, v[1], strings) : null;
}

/** The value of a <v>'s text in a cell of type `t`. */
function valueOf(t: string, text: string, strings: readonly string[]): Scalar {
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

const COLS = 16384;
const ROW = 1;
const CELL = 2;
/** An attribute that is not there. */
const NONE = -1;

/** ROW or CELL when text[from, to) is the name row or c (any prefix), else 0. */
function localName(text: string, from: number, to: number): number {
  const len = to - from;
  if (text.charCodeAt(to - 1) === 99 && (len === 1 || text.charCodeAt(to - 2) === 58)) return CELL;
  if (
    len >= 3 &&
    text.charCodeAt(to - 1) === 119 &&
    text.charCodeAt(to - 2) === 111 &&
    text.charCodeAt(to - 3) === 114 &&
    (len === 3 || text.charCodeAt(to - 4) === 58)
  )
    return ROW;
  return 0;
}

/** Where the value of the one-letter attribute `name` (a char code) starts in a tag's text, or NONE. */
function attrAt(text: string, from: number, to: number, name: number): number {
  let i = from;
  while (i < to) {
    const eq = text.indexOf("=", i);
    if (eq < 0 || eq >= to) return NONE;
    let k = eq - 1;
    while (k > i && text.charCodeAt(k) <= 32) k--;
    let q = eq + 1;
    while (q < to && text.charCodeAt(q) <= 32) q++;
    const quote = text.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return NONE;
    if (text.charCodeAt(k) === name && text.charCodeAt(k - 1) <= 32) return q + 1;
    const close = text.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0) return NONE;
    i = close + 1;
  }
  return NONE;
}

/** Where the values of a cell's r, s and t attributes start (NONE when absent); reused for every cell. */
interface CellAttrs {
  r: number;
  s: number;
  t: number;
}
const found: CellAttrs = { r: NONE, s: NONE, t: NONE };

/** Finds a cell tag's r, s and t in one pass over its attributes. */
function scanAttrs(text: string, from: number, to: number, out: CellAttrs): void {
  out.r = out.s = out.t = NONE;
  let i = from;
  while (i < to) {
    const eq = text.indexOf("=", i);
    if (eq < 0 || eq >= to) return;
    let k = eq - 1;
    while (k > i && text.charCodeAt(k) <= 32) k--;
    let q = eq + 1;
    while (q < to && text.charCodeAt(q) <= 32) q++;
    const quote = text.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return;
    if (text.charCodeAt(k - 1) <= 32) {
      const name = text.charCodeAt(k);
      if (name === 114) out.r = q + 1;
      else if (name === 115) out.s = q + 1;
      else if (name === 116) out.t = q + 1;
    }
    const close = text.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0) return;
    i = close + 1;
  }
}

/** The non-negative integer value of a one-letter attribute; NONE when absent, -2 when not a number. */
function intAttr(text: string, from: number, to: number, name: number): number {
  const at = attrAt(text, from, to, name);
  return at < 0 ? NONE : intAt(text, at);
}

/** The non-negative integer of an attribute value starting at `at`; -2 when it is not one. */
function intAt(text: string, at: number): number {
  let v = 0;
  let i = at;
  for (let ch = text.charCodeAt(i); ch >= 48 && ch <= 57; ch = text.charCodeAt(++i)) v = v * 10 + ch - 48;
  const end = text.charCodeAt(i);
  return i === at || (end !== 34 && end !== 39) ? -2 : v;
}

/** row × COLS + col of the A1 reference at `at` (up to its closing quote), or -1 when it is not one. */
function refAt(text: string, at: number): number {
  let col = 0;
  let i = at;
  for (let ch = text.charCodeAt(i) & ~32; ch >= 65 && ch <= 90; ch = text.charCodeAt(++i) & ~32)
    col = col * 26 + ch - 64;
  const letters = i - at;
  if (letters === 0 || letters > 3 || col > COLS) return -1;
  let row = 0;
  const digits = i;
  for (let ch = text.charCodeAt(i); ch >= 48 && ch <= 57; ch = text.charCodeAt(++i)) row = row * 10 + ch - 48;
  const end = text.charCodeAt(i);
  if (i === digits || row < 1 || row > 1048576 || (end !== 34 && end !== 39)) return -1;
  return (row - 1) * COLS + col - 1;
}

const TYPES = ["s", "str", "n", "b", "e", "d", "inlineStr"];

/** The cell type whose text starts at `at` (up to its quote): a constant, not a new string per cell. */
function typeAt(text: string, at: number): string {
  for (const t of TYPES) {
    const q = text.charCodeAt(at + t.length);
    if ((q === 34 || q === 39) && text.startsWith(t, at)) return t;
  }
  return text.slice(at, text.indexOf(text[at - 1], at));
}

/** The integer written in text[from, to) with digits only (at most 15), or NONE. */
function digitsAt(text: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return NONE;
  let v = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return NONE;
    v = v * 10 + ch - 48;
  }
  return v;
}

/** The value of a <v> of a cell of type `t`. */
function plainValue(t: string, raw: string, strings: readonly string[]): Scalar {
  switch (t) {
    case "n": {
      const n = Number(raw);
      if (Number.isFinite(n) && raw.trim() !== "") return n;
      break;
    }
    case "s":
      return strings[Number(raw)] ?? "";
  }
  return valueOf(t, raw, strings);
}

/** Sets `rows[r][c]`, creating the row on first use: rows and cells that hold nothing stay holes. */
function put<T>(rows: T[][], r: number, c: number, v: T): void {
  const line = rows[r] ?? (rows[r] = []);
  line[c] = v;
}

/**
 * A worksheet part read piece by piece: `push` its text as it is decoded, then `end` for the Grid.
 * `onCells` is told how many cells each run of rows stored (the caller's cell budget).
 */
export class WorksheetReader {
  private state: "head" | "data" | "tail" = "head";
  private pending = "";
  private prefix = "";
  private rowTag = "<row";
  private closeTag = "</sheetData>";
  private nextRow = 0;
  private nextCol = 0;
  private row = -1;
  private readonly values: Scalar[][] = [];
  private readonly formulas: (string | null)[][] = [];
  private readonly fmts: (string | null)[][] = [];
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;
  private readonly masters = new Map<string, { row: number; col: number; text: string }>();
  private readonly dependents: { row: number; col: number; si: string }[] = [];

  constructor(
    private readonly name: string,
    private readonly strings: readonly string[],
    private readonly formats: readonly string[],
    private readonly onCells: (n: number) => void = () => undefined
  ) {}

  /** The next piece of the part's text. */
  push(text: string): void {
    this.pending += text;
    if (this.state === "head") {
      const m = SHEET_DATA.exec(this.pending);
      if (!m) return;
      this.prefix = m[1];
      this.rowTag = `<${m[1]}row`;
      this.closeTag = `</${m[1]}sheetData>`;
      this.pending = this.pending.slice(m.index + m[0].length);
      this.state = m[2].endsWith("/") ? "tail" : "data";
    }
    if (this.state !== "data") return;
    const close = this.pending.indexOf(this.closeTag);
    if (close >= 0) {
      this.rows(this.pending.slice(0, close));
      this.pending = this.pending.slice(close + this.closeTag.length);
      this.state = "tail";
      return;
    }
    // Everything before the last row's start tag is whole rows.
    const cut = this.pending.lastIndexOf(this.rowTag);
    if (cut > 0) {
      this.rows(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
  }

  /**
   * Reads a run of whole rows. A hand-written scan (no regex, no object per cell on the usual path): this
   * runs once per cell of sheets that may hold millions.
   */
  private rows(text: string): void {
    const n = text.length;
    const vOpen = `<${this.prefix}v>`;
    const vClose = `</${this.prefix}v>`;
    const cClose = `</${this.prefix}c>`;
    let stored = 0;
    let i = 0;
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt < 0) break;
      let j = lt + 1;
      const closing = text.charCodeAt(j) === 47; // "/"
      if (closing) j++;
      const nameStart = j;
      for (
        let ch = text.charCodeAt(j);
        j < n && ch > 32 && ch !== 62 && ch !== 47;
        ch = text.charCodeAt(++j)
      );
      const gt = text.indexOf(">", j);
      if (gt < 0) throw new SyntaxError("unclosed tag");
      i = gt + 1;
      const kind = localName(text, nameStart, j);
      if (kind === 0) continue; // another element (an extLst inside a row): passed over
      if (kind === ROW) {
        if (closing) {
          this.row = -1;
          continue;
        }
        const r = intAttr(text, j, gt, 114); // r
        this.row = r > 0 ? r - 1 : r === NONE ? this.nextRow : -2;
        if (this.row < 0) throw new SyntaxError("bad row number");
        this.nextRow = this.row + 1;
        this.nextCol = 0;
        if (text.charCodeAt(gt - 1) === 47) this.row = -1;
        continue;
      }
      if (closing || this.row < 0) throw new SyntaxError("<c> outside a <row>");
      const selfClosed = text.charCodeAt(gt - 1) === 47;
      const tagEnd = selfClosed ? gt - 1 : gt;
      let row = this.row;
      let col = this.nextCol;
      scanAttrs(text, j, tagEnd, found);
      const ref = found.r;
      if (ref >= 0) {
        const pos = refAt(text, ref);
        if (pos < 0) throw new SyntaxError("bad cell reference");
        row = Math.floor(pos / COLS);
        col = pos % COLS;
      }
      this.nextCol = col + 1;
      const s = found.s < 0 ? NONE : intAt(text, found.s);
      const tAt = found.t;
      const t = tAt < 0 ? "n" : typeAt(text, tAt);
      const format = s === NONE ? GENERAL : (this.formats[s] ?? GENERAL);
      if (selfClosed) {
        if (this.store(row, col, null, null, false, format)) stored++;
        continue;
      }
      // The usual cell: <c …><v>text</v></c>.
      if (text.startsWith(vOpen, i)) {
        const vs = i + vOpen.length;
        const ve = text.indexOf(vClose, vs);
        if (ve >= 0 && text.startsWith(cClose, ve + vClose.length)) {
          i = ve + vClose.length + cClose.length;
          const int = t === "n" || t === "s" ? digitsAt(text, vs, ve) : NONE;
          const value =
            int === NONE
              ? plainValue(t, text.slice(vs, ve), this.strings)
              : t === "n"
                ? int
                : (this.strings[int] ?? "");
          if (this.store(row, col, value, null, false, format)) stored++;
          continue;
        }
      }
      const closeAt = findClose(text, "c", i);
      if (closeAt < 0) throw new SyntaxError("unclosed <c>");
      const inner = text.slice(i, closeAt);
      i = text.indexOf(">", closeAt) + 1;
      if (this.general(row, col, t, inner, format)) stored++;
    }
    if (stored > 0) this.onCells(stored);
  }

  /** A cell with more than a <v>: a formula, an inline string, an empty <c></c>. */
  private general(row: number, col: number, t: string, inner: string, format: string): boolean {
    const value = inner ? cellValue(t, inner, this.strings) : null;
    let formula: string | null = null;
    const f = inner.indexOf("f") >= 0 ? F.exec(inner) : null;
    if (f) {
      const text = f[2] === undefined ? "" : decodeText(f[2]);
      const si = attr(f[1], "si");
      if (text) {
        formula = `=${text}`;
        if (si !== undefined && attr(f[1], "t") === "shared") this.masters.set(si, { row, col, text });
      } else if (si !== undefined) this.dependents.push({ row, col, si });
      // A formula whose text is missing altogether still holds a formula: never report it as a value.
      else formula = "=";
    }
    return this.store(row, col, value, formula, f !== null, format);
  }

  /** Stores one cell; false when it holds nothing worth keeping (no value, no formula, General format). */
  private store(
    row: number,
    col: number,
    value: Scalar,
    formula: string | null,
    hasFormula: boolean,
    format: string
  ): boolean {
    if (value === null && !hasFormula) {
      // An empty cell matters only for its number format (a percent-formatted 执行率 waiting for a value).
      if (format === GENERAL) return false;
      put(this.values, row, col, null);
      put(this.fmts, row, col, format);
      return true;
    }
    put(this.values, row, col, value);
    // General is what a missing format means: only other formats take memory.
    if (format !== GENERAL) put(this.fmts, row, col, format);
    if (formula !== null) put(this.formulas, row, col, formula);
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
    return true;
  }

  /** The Grid: bounds are those of the cells holding a value or a formula; absent cells are holes. */
  end(): Grid {
    if (this.state === "data") {
      this.rows(this.pending);
      this.pending = "";
    }
    const merges = readMerges(this.pending);
    for (const { row, col, si } of this.dependents) {
      const m = this.masters.get(si);
      // A dependent without its master still holds a formula: never report it as a plain value.
      put(this.formulas, row, col, m ? `=${shiftFormula(m.text, row - m.row, col - m.col)}` : "=");
    }
    const name = this.name;
    if (this.bottom < 0) return { name, top: 0, left: 0, values: [], formulas: [], formats: [], merges };
    const { top, left, bottom, right } = this;
    return {
      name,
      top,
      left,
      values: clip(this.values, top, left, bottom, right),
      formulas: clip(this.formulas, top, left, bottom, right),
      formats: clip(this.fmts, top, left, bottom, right),
      merges,
    };
  }
}

/**
 * The rows top..bottom and columns left..right of sparse rows, moved to start at 0; holes stay holes.
 * Rows are walked by key, so a sheet with a cell at XFD1048576 costs its cells, not a million rows.
 */
function clip<T>(rows: T[][], top: number, left: number, bottom: number, right: number): T[][] {
  if (top === 0 && left === 0) {
    // The usual case (a form starting at A1): trim in place what lies past the last value.
    if (rows.length > bottom + 1) rows.length = bottom + 1;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r];
      if (line !== undefined && line.length > right + 1) line.length = right + 1;
    }
    return rows;
  }
  const out: T[][] = [];
  for (const key in rows) {
    const r = Number(key);
    if (r < top || r > bottom) continue;
    const moved: T[] = [];
    const line = rows[r];
    for (const ck in line) {
      const c = Number(ck);
      if (c >= left && c <= right) moved[c - left] = line[c];
    }
    out[r - top] = moved;
  }
  if (out.length < bottom - top + 1) out.length = bottom - top + 1;
  return out;
}

/**
 * Parses a whole worksheet part (see WorksheetReader). `strings` are the shared strings, `formats` the
 * format code of each cellXfs index.
 */
export function parseWorksheet(
  xml: string,
  name: string,
  strings: readonly string[],
  formats: readonly string[]
): Grid {
  const reader = new WorksheetReader(name, strings, formats);
  reader.push(xml);
  return reader.end();
}

/** The merged areas of a worksheet part (or of its text after <sheetData>). */
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
