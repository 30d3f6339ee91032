/**
 * A small writer of new .xlsx workbooks (the reviewer's summary): inline-string cells, a few styles,
 * frozen header, filter, merged title, hyperlinks to other files' cells, A4 landscape printing at a fixed
 * scale (never shrunk to fit: text stays readable) with repeated header rows and hidden columns left out. Written straight as SpreadsheetML, so that what is written is exactly what
 * the spec asks for, whatever a workbook library would add or leave out.
 */
import { zipSync, strToU8 } from "fflate";
import { columnName } from "../core/index";
import { safeText } from "../core/fix";
import { escapeXml } from "../hosts/xlsx/xml";
import { parseZip, readEntry } from "../hosts/xlsx/zip";
import { displayWidth } from "./format";

/** The styles a cell may take. */
export type Style =
  | "normal"
  | "header"
  | "title"
  | "note"
  | "section"
  | "link"
  | "percent"
  | "decimal"
  | "bad"
  | "warn"
  | "ok"
  | "wrap";
const STYLE_ID: Record<Style, number> = {
  normal: 0,
  header: 1,
  title: 2,
  note: 3,
  section: 4,
  link: 5,
  percent: 6,
  decimal: 7,
  bad: 8,
  warn: 9,
  ok: 10,
  wrap: 11,
};

/** A link to a cell of another file (or to the file alone when `location` is null). */
export interface Link {
  /** The target as a relative or file: URI, already encoded. */
  target: string;
  /** "'Sheet'!H13" */
  location: string | null;
}

export interface Cell {
  value: string | number | null;
  style?: Style;
  link?: Link;
}

/** What a cell is given as: a plain value, or a value with a style or a link. */
export type Value = Cell | string | number | null;

export interface SheetSpec {
  name: string;
  rows: Value[][];
  /** Column widths in characters; computed from the contents when left out. */
  widths?: number[];
  maxWidth?: number;
  /** 1-based row of the table header: frozen below it, filtered, repeated on every printed page. */
  headerRow?: number;
  /** Merged areas ("A1:Q1"). */
  merges?: string[];
  /** 0-based columns hidden on screen and in print (machine-readable data such as a content identity). */
  hidden?: number[];
  /** Row heights in points by 1-based row (rows left out are sized by the application). */
  heights?: Record<number, number>;
  /** Print scale in percent (default 75): every font is at least 11 pt, so nothing prints under 8 pt. */
  scale?: number;
  /**
   * Whether rows holding wrapped text get a height for all their lines (neither Excel nor LibreOffice sizes
   * the rows of a written file on opening, and a wrapped text in a one-line row prints cut off).
   */
  fitRows?: boolean;
}

/** Styles whose text wraps inside its cell. */
const WRAPPED: ReadonlySet<Style> = new Set<Style>(["wrap", "header", "note"]);
/** Points per line of 11 pt text, and the share of a column's width a line of text may fill. */
const LINE_HEIGHT = 15;
const FILL = 0.95;

/** The lines a wrapped text takes in a column `width` characters wide. */
function linesOf(text: string, width: number): number {
  const room = Math.max(1, (width - 1) * FILL);
  return text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / room)), 0);
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A text as written: no control characters, never read as a formula (= + - @ are led by 【】). */
export function cellText(text: string): string {
  return safeText(text.replace(CONTROL, ""));
}

function normalize(cell: Value): Cell {
  if (cell === null || typeof cell === "string" || typeof cell === "number") return { value: cell };
  return cell;
}

function cellXml(ref: string, cell: Cell): string {
  const s = STYLE_ID[cell.style ?? (cell.link ? "link" : "normal")];
  const style = s ? ` s="${s}"` : "";
  if (cell.value === null || cell.value === "") return s ? `<c r="${ref}"${style}/>` : "";
  if (typeof cell.value === "number") {
    if (!Number.isFinite(cell.value)) return "";
    return `<c r="${ref}"${style}><v>${cell.value}</v></c>`;
  }
  const text = escapeXml(cellText(cell.value));
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/** 'Sheet name' quoted for a reference. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function sheetXml(spec: SheetSpec, index: number): { xml: string; rels: string | null } {
  const rows = spec.rows.map((r) => r.map(normalize));
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const last = `${columnName(columns - 1)}${Math.max(1, rows.length)}`;
  const links: { ref: string; link: Link }[] = [];
  const data: string[] = [];
  const widths =
    spec.widths ??
    Array.from({ length: columns }, (_, c) => {
      let widest = 6;
      rows.forEach((row, r) => {
        const v = row[c]?.value;
        // The title and note lines span the table: they do not size its columns.
        if (v === null || v === undefined || (spec.headerRow && r < spec.headerRow - 1)) return;
        widest = Math.max(widest, displayWidth(String(v)));
      });
      return Math.min(widest + 2, spec.maxWidth ?? 50);
    });

  rows.forEach((row, r) => {
    const cells = row
      .map((cell, c) => {
        const ref = `${columnName(c)}${r + 1}`;
        if (cell.link) links.push({ ref, link: cell.link });
        return cellXml(ref, cell);
      })
      .join("");
    let ht = spec.heights?.[r + 1];
    if (ht === undefined && spec.fitRows) {
      let lines = 1;
      row.forEach((cell, c) => {
        if (typeof cell.value !== "string" || !WRAPPED.has(cell.style ?? (cell.link ? "link" : "normal")))
          return;
        lines = Math.max(lines, linesOf(cell.value, widths[c] ?? 8));
      });
      if (lines > 1) ht = lines * LINE_HEIGHT + 2;
    }
    data.push(`<row r="${r + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ""}>${cells}</row>`);
  });
  const hide = new Set(spec.hidden ?? []);
  const cols = widths.map(
    (w, c) =>
      `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"${hide.has(c) ? ' hidden="1"' : ""}/>`
  );
  const h = spec.headerRow;
  const pane =
    h !== undefined
      ? `<pane ySplit="${h}" topLeftCell="A${h + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${h + 1}" sqref="A${h + 1}"/>`
      : "";
  const header = h !== undefined ? rows[h - 1] : undefined;
  const filter =
    h !== undefined && header && rows.length > h - 1
      ? `<autoFilter ref="A${h}:${columnName(header.length - 1)}${rows.length}"/>`
      : "";
  const merges = spec.merges?.length
    ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const hyperlinks = links.length
    ? `<hyperlinks>${links
        .map(({ ref, link }, i) => {
          const location = link.location === null ? "" : ` location="${escapeXml(link.location)}"`;
          return `<hyperlink ref="${ref}" r:id="rId${i + 1}"${location}/>`;
        })
        .join("")}</hyperlinks>`
    : "";
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ""}>${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols.join("")}</cols>` +
    `<sheetData>${data.join("")}</sheetData>${filter}${merges}${hyperlinks}` +
    `<printOptions gridLines="1"/>` +
    `<pageMargins left="0.3" right="0.3" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" scale="${spec.scale ?? PRINT_SCALE}"/>` +
    `<headerFooter><oddFooter>&amp;L${escapeXml(spec.name)}&amp;R第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>` +
    `</worksheet>`;
  const rels = links.length
    ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links
        .map(
          ({ link }, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escapeXml(link.target)}" TargetMode="External"/>`
        )
        .join("")}</Relationships>`
    : null;
  return { xml, rels };
}

/** The print scale: every font below is 11 pt or more, so 75 % prints nothing under 8.25 pt. */
export const PRINT_SCALE = 75;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="8">
<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><i/><sz val="11"/><color rgb="FF595959"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><color rgb="FFC55A11"/><name val="等线"/><family val="2"/><charset val="134"/></font>
<font><sz val="11"/><color rgb="FF548235"/><name val="等线"/><family val="2"/><charset val="134"/></font>
</fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color rgb="FF9BC2E6"/></left><right style="thin"><color rgb="FF9BC2E6"/></right><top style="thin"><color rgb="FF9BC2E6"/></top><bottom style="thin"><color rgb="FF9BC2E6"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>
<cellXfs count="12">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="5" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="6" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="7" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** What the workbooks written here say they were written by (docProps/app.xml), so that they are known again. */
const APPLICATION = "自评表助手 zpb 审核汇总";

/** Whether the bytes are a workbook written here (a summary of an earlier run); false for anything else. */
export function isOwnWorkbook(bytes: Uint8Array): boolean {
  try {
    const zip = parseZip(bytes);
    const entry = zip.byName.get("docProps/app.xml");
    if (!entry || entry.size > 4096) return false;
    return new TextDecoder()
      .decode(readEntry(zip, entry))
      .includes(`<Application>${APPLICATION}</Application>`);
  } catch {
    return false;
  }
}

/** The bytes of a new workbook holding the given sheets, in order. */
export function workbookBytes(sheets: readonly SheetSpec[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const defined: string[] = [];
  sheets.forEach((spec, i) => {
    const { xml, rels } = sheetXml(spec, i);
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
    if (rels) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(rels);
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    const h = spec.headerRow;
    if (h !== undefined) {
      const width = spec.rows[h - 1]?.length ?? 1;
      const q = escapeXml(quoteSheet(spec.name));
      defined.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${q}!$A$${h}:$${columnName(width - 1)}$${Math.max(h, spec.rows.length)}</definedName>`,
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${q}!$${h}:$${h}</definedName>`
      );
    }
  });
  const sheetList = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetList}</sheets>` +
      (defined.length ? `<definedNames>${defined.join("")}</definedNames>` : "") +
      `</workbook>`
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `</Relationships>`
  );
  files["xl/styles.xml"] = strToU8(STYLES);
  files["docProps/app.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${APPLICATION}</Application></Properties>`
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
      overrides.join("") +
      `</Types>`
  );
  // [Content_Types].xml first, as Office writes it.
  const ordered: Record<string, Uint8Array> = { "[Content_Types].xml": files["[Content_Types].xml"] };
  for (const [k, v] of Object.entries(files)) if (k !== "[Content_Types].xml") ordered[k] = v;
  return zipSync(ordered, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}
