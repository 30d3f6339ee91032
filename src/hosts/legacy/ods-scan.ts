/**
 * What the library does not read from an .ods: which sheets are hidden (a table style with
 * `table:display="false"`) and merged areas that hold no value (a spanning cell written as an empty
 * element). Both are read here from content.xml's tags as it is inflated, a piece at a time: the styles
 * before <office:body> are kept, and each <table:…> tag of the body is read for its position and spans;
 * the cells' text is never kept. Linear in the part: indexOf scans, no expression on the file's text
 * beyond single short tags.
 */
import type { Merge } from "../../core/grid";
import { attr, elements } from "../xlsx/xml";

export interface OdsTable {
  name: string;
  style: string;
  merges: Merge[];
}

export interface OdsScan {
  /** The automatic styles (everything before <office:body>). */
  styles: string;
  tables: OdsTable[];
}

/** A row repeated this many times copies its merged areas at most so often (trailing empty rows repeat). */
const MAX_REPEAT = 1000;

const count = (tag: string, name: string): number => {
  const n = Number(attr(tag, name) ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/** Reads content.xml piece by piece: `push` each decoded piece, then `end()`. */
export class OdsScanner {
  private styles = "";
  private inBody = false;
  private carry = "";
  private readonly tables: OdsTable[] = [];
  private table: OdsTable | null = null;
  private row = 0;
  private col = 0;
  private rowRepeat = 1;
  private rowMerges: Merge[] = [];

  push(piece: string): void {
    let text = this.carry + piece;
    this.carry = "";
    if (!this.inBody) {
      const body = text.indexOf("<office:body");
      if (body < 0) {
        const keep = Math.max(0, text.length - 16); // "<office:body" may be cut between two pieces
        this.styles += text.slice(0, keep);
        this.carry = text.slice(keep);
        return;
      }
      this.styles += text.slice(0, body);
      this.inBody = true;
      text = text.slice(body);
    }
    let at = 0;
    for (let i = text.indexOf("<", at); i >= 0; i = text.indexOf("<", at)) {
      const end = text.indexOf(">", i);
      if (end < 0) {
        // A tag cut between two pieces is read with the next one (a start tag is short; a huge one dropped).
        if (text.length - i < 65536) this.carry = text.slice(i);
        return;
      }
      if (text.startsWith("<table:", i) || text.startsWith("</table:", i)) this.tag(text.slice(i, end + 1));
      at = end + 1;
    }
  }

  private tag(tag: string): void {
    const closing = tag.startsWith("</");
    const name = tag.slice(closing ? 8 : 7).match(/^[\w-]+/)?.[0] ?? "";
    const empty = tag.endsWith("/>");
    if (name === "table") {
      if (closing) this.table = null;
      else if (this.table === null) {
        this.table = { name: attr(tag, "name") ?? "", style: attr(tag, "style-name") ?? "", merges: [] };
        this.tables.push(this.table);
        this.row = 0;
      }
      return;
    }
    if (!this.table) return;
    if (name === "table-row") {
      if (closing) return this.endRow();
      this.col = 0;
      this.rowRepeat = count(tag, "number-rows-repeated");
      this.rowMerges = [];
      if (empty) this.endRow();
      return;
    }
    if (closing || (name !== "table-cell" && name !== "covered-table-cell")) return;
    const repeat = count(tag, "number-columns-repeated");
    const across = count(tag, "number-columns-spanned");
    const down = count(tag, "number-rows-spanned");
    if (name === "table-cell" && (across > 1 || down > 1))
      for (let k = 0; k < Math.min(repeat, MAX_REPEAT); k++)
        this.rowMerges.push({
          top: this.row,
          left: this.col + k,
          bottom: this.row + down - 1,
          right: this.col + k + across - 1,
        });
    this.col += repeat;
  }

  private endRow(): void {
    if (!this.table) return;
    const times = Math.min(this.rowRepeat, MAX_REPEAT);
    for (let k = 0; k < times && this.rowMerges.length > 0; k++)
      for (const m of this.rowMerges)
        this.table.merges.push({ top: m.top + k, left: m.left, bottom: m.bottom + k, right: m.right });
    this.row += this.rowRepeat;
    this.rowMerges = [];
    this.rowRepeat = 1;
  }

  end(): OdsScan {
    return { styles: this.styles, tables: this.tables };
  }
}

/** The names of the tables a scan found hidden (their style says `table:display="false"`). */
export function hiddenTables(scan: OdsScan): Set<string> {
  const hiddenStyles = new Set<string>();
  for (const el of elements(scan.styles, "style")) {
    if (attr(el.tag, "family") !== "table") continue;
    if (/table:display\s*=\s*["']false["']/.test(el.inner)) hiddenStyles.add(attr(el.tag, "name") ?? "");
  }
  return new Set(scan.tables.filter((t) => hiddenStyles.has(t.style)).map((t) => t.name));
}
