/**
 * Text splicing of one worksheet part: replaces or inserts <c> elements (and <row>s) in place, leaving
 * every other byte of the part as it was.
 */
import { columnName } from "../../core/address";
import type { Patch } from "../../core/types";
import { nextRowStart, scanSheetData, parseRef, type RawCell, type RawRow } from "./cells";
import { PatchError } from "./errors";
import { attrs, elements, escapeXml, firstElement, hasElement, maskMarkup } from "./xml";
import { xlsxText } from "../../i18n/xlsx";
import { isSheetProtected } from "./styles";

interface Edit {
  start: number;
  end: number;
  /**
   * Orders edits at the same position: new rows (key row − 1e9) before an existing row's tag (−1), then
   * cells by column (a new cell goes before the next existing one, which may itself be replaced).
   */
  key: number;
  text: string;
}

function refKey(row: number, col: number): number {
  return row * 16384 + col;
}

/** The cells by position; of a reference present twice, the last (the one the reader keeps). */
function cellsByRef(cells: readonly RawCell[]): Map<number, RawCell> {
  return new Map(cells.map((c) => [refKey(c.row, c.col), c]));
}

/** A self-closed tag's text ("<row …/>") as a start tag ("<row …>"), without a backtracking regex. */
function reopen(tag: string): string {
  return tag.endsWith("/>") ? `${tag.slice(0, -2).trimEnd()}>` : tag;
}

/** Shortest text that reads back as the same double (never "-0"). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

/** Escapes text for a <t>: XML escaping, plus Excel's _xHHHH_ for control characters and look-alikes. */
export function encodeCellText(s: string): string {
  const guarded = s
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
  return escapeXml(guarded);
}

/**
 * A patch as this writer can write it: one that gives the cell a number format takes the style of the cell
 * it names (`formatFrom`, whose style carries that format: styles.xml is left as it is). Where that cell
 * has no style, the format cannot be given: the rate is written as a cell without one gets it, in
 * percent units (spec §7) — the core never asks for that, as a cell without a style is General.
 */
function withFormat(p: Patch, existing: Map<number, RawCell>): { patch: Patch; style?: string } {
  if (p.numberFormat === undefined || typeof p.value !== "number") return { patch: p };
  const from = p.formatFrom ? existing.get(refKey(p.formatFrom.row, p.formatFrom.col)) : undefined;
  const style = from?.at.s;
  if (style !== undefined && style !== "") return { patch: p, style };
  return { patch: { ...p, value: Number((p.value * 100).toPrecision(12)) } };
}

function cellXml(prefix: string, p: Patch, style: string | undefined): string {
  const s = style !== undefined ? ` s="${escapeXml(style)}"` : "";
  if (typeof p.value === "number")
    return `<${prefix}c r="${p.cell}"${s}><${prefix}v>${numberText(p.value)}</${prefix}v></${prefix}c>`;
  const t = `<${prefix}t xml:space="preserve">${encodeCellText(p.value)}</${prefix}t>`;
  return `<${prefix}c r="${p.cell}"${s} t="inlineStr"><${prefix}is>${t}</${prefix}is></${prefix}c>`;
}

function widenSpans(tag: string, cols: number[]): string {
  const m = /\sspans="(\d+):(\d+)"/.exec(tag);
  if (!m) return tag;
  const lo = Math.min(Number(m[1]), ...cols.map((c) => c + 1));
  const hi = Math.max(Number(m[2]), ...cols.map((c) => c + 1));
  return tag.replace(m[0], ` spans="${lo}:${hi}"`);
}

function widenDimension(xml: string, before: number, patches: Patch[]): Edit | null {
  const el = firstElement(xml, "dimension", 0, before);
  if (!el) return null;
  const tagText = xml.slice(el.start, el.end);
  const found = /\sref\s*=\s*"/.exec(tagText);
  if (!found) return null;
  const valueAt = el.start + found.index + found[0].length;
  const close = xml.indexOf('"', valueAt);
  if (close < 0 || close > el.end) return null;
  const m = { value: xml.slice(valueAt, close) };
  const [a, b] = m.value.split(":").map((r) => parseRef(r.replace(/\$/g, "")));
  if (!a) return null;
  const q = b ?? a;
  let [top, left, bottom, right] = [
    Math.min(a.row, q.row),
    Math.min(a.col, q.col),
    Math.max(a.row, q.row),
    Math.max(a.col, q.col),
  ];
  for (const p of patches) {
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  const ref = `${columnName(left)}${top + 1}:${columnName(right)}${bottom + 1}`;
  if (ref === m.value) return null;
  return { start: valueAt, end: close, key: 0, text: ref };
}

/**
 * The style a new cell takes, as Excel gives a cell typed into an empty spot: the row's style when the row
 * has one (customFormat), else its column's style, else none.
 */
export function newCellStyle(xml: string): (rowTag: string | null, col: number) => string | undefined {
  let cols: { min: number; max: number; style: string }[] | null = null;
  return (rowTag, col) => {
    if (rowTag) {
      const at = attrs(rowTag.replace(/^<[^\s/>]+|\/?>$/g, ""));
      if (at.s !== undefined && (at.customFormat === "1" || at.customFormat === "true")) return at.s;
    }
    if (!cols) {
      const block = elements(xml.slice(0, xml.search(/<(?:\w+:)?sheetData[\s/>]/)), "cols")[0];
      cols = block
        ? elements(block.inner, "col").map((c) => {
            const at = attrs(c.tag);
            return { min: Number(at.min), max: Number(at.max), style: at.style ?? "" };
          })
        : [];
    }
    const hit = cols.find((c) => col + 1 >= c.min && col + 1 <= c.max && c.style !== "" && c.style !== "0");
    return hit?.style;
  };
}

/**
 * The patches that would write a locked cell of a protected sheet, as Excel refuses them: the cell's own
 * style, or for a cell not yet there the style it would take (its row's, its column's, else the first).
 */
export function lockedPatches(text: string, patches: readonly Patch[], locks: readonly boolean[]): Patch[] {
  const xml = maskMarkup(text);
  if (patches.length === 0 || !isSheetProtected(xml)) return [];
  const data = scanSheetData(xml, new Set(patches.map((p) => p.row)));
  const rows = new Map<number, RawRow>((data?.rows ?? []).map((r) => [r.row, r]));
  const existing = cellsByRef(data?.cells ?? []);
  const styleOf = newCellStyle(xml);
  const lockedStyle = (s: string | undefined) => locks[Number(s ?? 0)] ?? true;
  return patches.filter((p) => {
    const row = rows.get(p.row);
    const cell = existing.get(refKey(p.row, p.col));
    if (cell) return lockedStyle(cell.at.s);
    return lockedStyle(styleOf(row ? xml.slice(row.start, row.innerStart) : null, p.col));
  });
}

/**
 * Applies a sheet's patches to its worksheet XML by splicing. Throws PatchError when a patched cell holds
 * a formula. Patches must already be validated and deduplicated (one per cell). The part is scanned with
 * its comments and processing instructions masked (nothing in them is taken for a cell); every byte
 * outside the edits is copied from `text` as it is. `encode` turns the XML written into the text's own
 * representation (write.ts passes the part as one character per byte, and the UTF-8 of what it adds).
 */
export function spliceSheet(
  text: string,
  sheet: string,
  patches: Patch[],
  encode: (xml: string) => string = (x) => x
): string {
  const xml = maskMarkup(text);
  const wanted = new Set(patches.flatMap((p) => (p.formatFrom ? [p.row, p.formatFrom.row] : [p.row])));
  const data = scanSheetData(xml, wanted);
  if (!data) throw new SyntaxError("worksheet without <sheetData>");
  const pre = data.prefix;
  const rows = new Map<number, RawRow>(data.rows.map((r) => [r.row, r]));
  const arrays = data.arrays;
  const byRow = new Map<number, Patch[]>();
  for (const p of [...patches].sort((x, y) => x.row - y.row || x.col - y.col)) {
    if (arrays.some((a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right)) {
      throw new PatchError(xlsxText.writeFormula(sheet, p.cell), "formula");
    }
    byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  }
  const styleOf = newCellStyle(xml);
  const edits: Edit[] = [];
  const dim = widenDimension(xml, data.start, patches);
  if (dim) edits.push(dim);
  const newRows: string[] = [];
  const existing = cellsByRef(data.cells);
  // A patch that gives its cell a format writes it with its source cell's style, else as its cell would be.
  const styled = new Map(patches.map((p) => [p, withFormat(p, existing)]));
  const xmlOf = (p: Patch, style: string | undefined) => {
    const w = styled.get(p) ?? { patch: p };
    return cellXml(pre, w.patch, "style" in w ? w.style : style);
  };
  for (const [r, all] of byRow) {
    // A cell already there is replaced where it is (whichever row element holds it).
    for (const p of all) {
      const c = existing.get(refKey(p.row, p.col));
      if (!c) continue;
      if (hasElement(c.inner, "f")) throw new PatchError(xlsxText.writeFormula(sheet, p.cell), "formula");
      edits.push({ start: c.start, end: c.end, key: p.col, text: xmlOf(p, c.at.s) });
    }
    const list = all.filter((p) => !existing.has(refKey(p.row, p.col)));
    if (list.length === 0) continue;
    const row = rows.get(r);
    if (!row) {
      const text = `<${pre}row r="${r + 1}">${list.map((p) => xmlOf(p, styleOf(null, p.col))).join("")}</${pre}row>`;
      const next = nextRowStart(data, r);
      if (data.selfClosed) newRows.push(text);
      else {
        const at = next ?? data.innerEnd;
        edits.push({ start: at, end: at, key: r - 1e9, text });
      }
      continue;
    }
    const tag = xml.slice(row.start, row.innerStart);
    const widened = widenSpans(
      tag,
      list.map((p) => p.col)
    );
    if (row.selfClosed) {
      const text = `${reopen(widened)}${list.map((p) => xmlOf(p, styleOf(tag, p.col))).join("")}</${pre}row>`;
      edits.push({ start: row.start, end: row.end, key: -1, text });
      continue;
    }
    if (widened !== tag) edits.push({ start: row.start, end: row.innerStart, key: -1, text: widened });
    for (const p of list) {
      const next = row.cells.find((x) => x.row === r && x.col > p.col);
      const at = next ? next.start : row.innerEnd;
      edits.push({ start: at, end: at, key: p.col, text: xmlOf(p, styleOf(tag, p.col)) });
    }
  }
  if (data.selfClosed && newRows.length > 0) {
    const open = reopen(xml.slice(data.start, data.innerStart));
    edits.push({
      start: data.start,
      end: data.end,
      key: 0,
      text: `${open}${newRows.join("")}</${pre}sheetData>`,
    });
  }
  edits.sort((a, b) => a.start - b.start || a.key - b.key);
  const out: string[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(text.slice(at, e.start), encode(e.text));
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join("");
}
