/**
 * Reads one worksheet part into a sparse Grid: values, formulas, number formats and merged areas. The part
 * arrives in pieces as it is inflated and is read a run of whole rows at a time, so the memory it takes is
 * that of the cells it holds, never that of the part's text or of the rectangle up to its farthest cell.
 */
import type { Grid, Merge, Scalar } from "../../core/grid";
import { parseRef } from "./cells";
import { shiftFormula } from "./formula";
import {
  attr,
  decodeText,
  elements,
  findClose,
  firstElement,
  hasElement,
  nextTag,
  runText,
  skipMarkup,
} from "./xml";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const GENERAL = "General";

function cellValue(t: string, inner: string, strings: readonly string[]): Scalar {
  if (t === "inlineStr") {
    const is = firstElement(inner, "is");
    return is ? runText(is.inner) : null;
  }
  const v = firstElement(inner, "v");
  return v ? valueOf(t, v.inner, strings) : null;
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
const ROWS = 1048576;
const ROW = 1;
const CELL = 2;
const SHEET_DATA = 3;
/** Array-formula areas larger than this mark only the cells the part holds (not every empty one). */
const ARRAY_FILL = 16384;
/** An attribute that is not there. */
const NONE = -1;

/** ROW, CELL or SHEET_DATA when text[from, to) is the name row, c or sheetData (any prefix), else 0. */
function localName(text: string, from: number, to: number): number {
  const len = to - from;
  if (len >= 9 && text.startsWith("sheetData", to - 9) && (len === 9 || text.charCodeAt(to - 10) === 58))
    return SHEET_DATA;
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
      // The first of a repeated attribute wins, as in attrs() (xml.ts), which the writer uses.
      if (name === 114) out.r = out.r === NONE ? q + 1 : out.r;
      else if (name === 115) out.s = out.s === NONE ? q + 1 : out.s;
      else if (name === 116) out.t = out.t === NONE ? q + 1 : out.t;
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

/** An array formula's area and its text (every cell of the area holds that formula). */
interface ArrayArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
  text: string;
}

/**
 * A worksheet part read piece by piece: `push` its text as it is decoded, then `end` for the Grid.
 * `onCells` is told how many cells each run of rows stored (the caller's cell budget).
 *
 * Linear in the part's size, whatever its shape: pieces are kept in a list and joined only once what is
 * held has doubled since the last attempt, and each attempt reads every whole row, cell, comment or
 * processing instruction it holds and keeps only the construct it ends in the middle of. A row of
 * millions of cells is read cell by cell as it arrives, never searched again from its start.
 */
export class WorksheetReader {
  private state: "head" | "data" | "tail" = "head";
  private chunks: string[] = [];
  private size = 0;
  /** Held text is read again once it is at least this long. */
  private need = 0;
  private readonly tail: string[] = [];
  private prefix = "";
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
  private readonly arrays: ArrayArea[] = [];

  constructor(
    private readonly name: string,
    private readonly strings: readonly string[],
    private readonly formats: readonly string[],
    private readonly onCells: (n: number) => void = () => undefined
  ) {}

  /** The next piece of the part's text. */
  push(text: string): void {
    if (text.length === 0) return;
    if (this.state === "tail") {
      this.tail.push(text);
      return;
    }
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= this.need) this.pump(false);
  }

  /** Reads what is held; keeps the unfinished construct it ends with (all of it when `final` is false). */
  private pump(final: boolean): void {
    const text = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join("");
    this.chunks = [];
    let at = 0;
    if (this.state === "head") at = this.head(text);
    if (this.state === "data") at = this.rows(text, at, final);
    if (this.state === "tail") {
      if (at < text.length) this.tail.push(text.slice(at));
      this.size = 0;
      return;
    }
    const rest = at < text.length ? text.slice(at) : "";
    if (rest) this.chunks.push(rest);
    this.size = rest.length;
    this.need = rest.length * 2;
  }

  /** Finds <sheetData>: where its content starts, or where the text's unfinished tag starts. */
  private head(text: string): number {
    let at = 0;
    for (;;) {
      const t = nextTag(text, at);
      if (!t) return text.length;
      if (t.end < 0) return t.start;
      at = t.end;
      if (t.local !== "sheetData" || t.closing) continue;
      this.prefix = t.prefix;
      this.state = t.selfClosed ? "tail" : "data";
      return t.end;
    }
  }

  /**
   * Reads the whole rows and cells of text[from…]; returns where it stopped: the end, the start of an
   * unfinished construct, or after </sheetData>. A hand-written scan (no regex, no object per cell on the
   * usual path): this runs once per cell of sheets that may hold millions.
   */
  private rows(text: string, from: number, final: boolean): number {
    const n = text.length;
    const vOpen = `<${this.prefix}v>`;
    const vClose = `</${this.prefix}v>`;
    const cClose = `</${this.prefix}c>`;
    let stored = 0;
    let i = from;
    try {
      for (;;) {
        const lt = text.indexOf("<", i);
        if (lt < 0) return n;
        const c1 = text.charCodeAt(lt + 1);
        if (c1 === 33 || c1 === 63 || lt + 1 === n) {
          // A comment, a processing instruction or CDATA between rows or cells: passed over.
          const end = lt + 1 === n ? -1 : skipMarkup(text, lt);
          if (end < 0) return this.unfinished(lt, final);
          i = end;
          continue;
        }
        let j = lt + 1;
        const closing = c1 === 47; // "/"
        if (closing) j++;
        const nameStart = j;
        for (
          let ch = text.charCodeAt(j);
          j < n && ch > 32 && ch !== 62 && ch !== 47;
          ch = text.charCodeAt(++j)
        );
        const gt = text.indexOf(">", j);
        if (gt < 0) return this.unfinished(lt, final);
        const kind = localName(text, nameStart, j);
        if (kind === 0) {
          i = gt + 1; // another element (an extLst inside a row): passed over
          continue;
        }
        if (kind === SHEET_DATA) {
          if (!closing) throw new SyntaxError("nested <sheetData>");
          this.state = "tail";
          return gt + 1;
        }
        if (kind === ROW) {
          i = gt + 1;
          if (closing) {
            this.row = -1;
            continue;
          }
          const r = intAttr(text, j, gt, 114); // r
          this.row = r > 0 ? r - 1 : r === NONE ? this.nextRow : -2;
          if (this.row < 0 || this.row >= ROWS) throw new SyntaxError("bad row number");
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
        } else if (col >= COLS) throw new SyntaxError("more than 16384 columns");
        const s = found.s < 0 ? NONE : intAt(text, found.s);
        const tAt = found.t;
        const t = tAt < 0 ? "n" : typeAt(text, tAt);
        const format = s === NONE ? GENERAL : (this.formats[s] ?? GENERAL);
        if (selfClosed) {
          i = gt + 1;
          this.nextCol = col + 1;
          if (this.store(row, col, null, null, false, format)) stored++;
          continue;
        }
        const body = gt + 1;
        // The usual cell: <c …><v>text</v></c>. The value holds no "<", so the next one must close it.
        if (text.startsWith(vOpen, body)) {
          const vs = body + vOpen.length;
          const ve = text.indexOf("<", vs);
          if (ve >= 0 && text.startsWith(vClose, ve) && text.startsWith(cClose, ve + vClose.length)) {
            i = ve + vClose.length + cClose.length;
            this.nextCol = col + 1;
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
        const closeAt = findClose(text, "c", body);
        if (closeAt < 0) return this.unfinished(lt, final);
        const closeEnd = text.indexOf(">", closeAt) + 1;
        if (closeEnd <= 0) return this.unfinished(lt, final);
        i = closeEnd;
        this.nextCol = col + 1;
        if (this.general(row, col, t, text.slice(body, closeAt), format)) stored++;
      }
    } finally {
      if (stored > 0) this.onCells(stored);
    }
  }

  /** Where reading stops at an unfinished construct: kept for the next piece, or damage at the end. */
  private unfinished(at: number, final: boolean): number {
    if (final) throw new SyntaxError("unclosed tag");
    return at;
  }

  /** A cell with more than a <v>: a formula, an inline string, an empty <c></c>. */
  private general(row: number, col: number, t: string, inner: string, format: string): boolean {
    const value = inner ? cellValue(t, inner, this.strings) : null;
    let formula: string | null = null;
    // A formula cell is one with an <f> start tag, closed or not (hasElement: the writer's own test).
    const f = hasElement(inner, "f") ? (firstElement(inner, "f") ?? { tag: "", inner: "" }) : null;
    if (f) {
      const text = decodeText(f.inner);
      const si = attr(f.tag, "si");
      const type = attr(f.tag, "t");
      if (text) {
        formula = `=${text}`;
        if (si !== undefined && type === "shared") this.masters.set(si, { row, col, text });
        const ref = type === "array" ? attr(f.tag, "ref") : undefined;
        if (ref) {
          const [a, b] = ref.split(":").map((x) => parseRef(x.replace(/\$/g, "")));
          const q = b ?? a;
          if (a && q)
            this.arrays.push({
              top: Math.min(a.row, q.row),
              left: Math.min(a.col, q.col),
              bottom: Math.max(a.row, q.row),
              right: Math.max(a.col, q.col),
              text,
            });
        }
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

  /**
   * Marks the cells of an array formula's area as formula cells (only its first cell holds the <f>): a
   * fix never plans to overwrite them, and a check never reads them as typed values.
   */
  private fillArray(a: ArrayArea): void {
    const formula = `=${a.text}`;
    const mark = (row: number, col: number): void => {
      if (this.formulas[row]?.[col]) return;
      put(this.formulas, row, col, formula);
      if (this.values[row]?.[col] === undefined) put(this.values, row, col, null);
      if (row < this.top) this.top = row;
      if (row > this.bottom) this.bottom = row;
      if (col < this.left) this.left = col;
      if (col > this.right) this.right = col;
    };
    if ((a.bottom - a.top + 1) * (a.right - a.left + 1) <= ARRAY_FILL) {
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) mark(r, c);
      return;
    }
    for (const rk in this.values) {
      const r = Number(rk);
      if (r < a.top || r > a.bottom) continue;
      for (const ck in this.values[r]) {
        const c = Number(ck);
        if (c >= a.left && c <= a.right) mark(r, c);
      }
    }
  }

  /** The Grid: bounds are those of the cells holding a value or a formula; absent cells are holes. */
  end(): Grid {
    if (this.state !== "tail") {
      this.pump(true);
      if (this.state === "data") throw new SyntaxError("unclosed <sheetData>");
    }
    const merges = readMerges(this.tail.join(""));
    for (const { row, col, si } of this.dependents) {
      const m = this.masters.get(si);
      // A dependent without its master still holds a formula: never report it as a plain value.
      put(this.formulas, row, col, m ? `=${shiftFormula(m.text, row - m.row, col - m.col)}` : "=");
    }
    for (const a of this.arrays) this.fillArray(a);
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
