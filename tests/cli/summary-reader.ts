/**
 * Reads a written summary workbook the way another program would: unzip it, parse its XML, follow its
 * relationships. Not the writer's model: what is checked is what is in the file.
 */
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { parseA1 } from "../../src/core/address";
import { parseZip, readEntry } from "../../src/hosts/xlsx/zip";

export interface ReadSheet {
  name: string;
  /** Cell texts and numbers by A1 address. */
  cells: Map<string, string | number>;
  /** Rows as arrays of values (1-based row r is rows[r - 1]). */
  rows: (string | number | null)[][];
  /** Hyperlinks: cell → external target and location. */
  links: Map<string, { target: string; location: string | null }>;
  pageSetup: Record<string, string>;
  fitToPage: boolean;
  pane: Record<string, string> | null;
  autoFilter: string | null;
  printTitles: string | null;
  /** Every inline or shared string text. */
  texts: string[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  const n = node as Record<string, unknown>;
  if (n["#text"] !== undefined) return String(n["#text"]);
  return "";
}

/** The sheets of a summary workbook, in order. */
export function readSummary(path: string): ReadSheet[] {
  const zip = parseZip(new Uint8Array(readFileSync(path)));
  const part = (name: string): string | null => {
    const entry = zip.byName.get(name);
    return entry ? new TextDecoder().decode(readEntry(zip, entry)) : null;
  };
  const workbook = parser.parse(part("xl/workbook.xml") ?? "") as {
    workbook: {
      sheets: { sheet: { name: string; "r:id": string } | { name: string; "r:id": string }[] };
      definedNames?: { definedName: unknown };
    };
  };
  const rels = parser.parse(part("xl/_rels/workbook.xml.rels") ?? "") as {
    Relationships: { Relationship: { Id: string; Target: string }[] };
  };
  const defined = list(workbook.workbook.definedNames?.definedName as Record<string, string>[] | undefined);
  const shared = (() => {
    const xml = part("xl/sharedStrings.xml");
    if (!xml) return [];
    const sst = parser.parse(xml) as { sst: { si: unknown } };
    return list(sst.sst.si as Record<string, unknown>[]).map((si) => text(si.t));
  })();
  return list(workbook.workbook.sheets.sheet).map((s, index) => {
    const target = list(rels.Relationships.Relationship).find((r) => r.Id === s["r:id"])?.Target ?? "";
    const path = `xl/${target.replace(/^\/?xl\//, "")}`;
    const xml = part(path) ?? "";
    const ws = (parser.parse(xml) as { worksheet: Record<string, unknown> }).worksheet;
    const sheetRelsPath = path.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
    const sheetRels = part(sheetRelsPath);
    const relTargets = new Map<string, string>();
    if (sheetRels) {
      const parsed = parser.parse(sheetRels) as {
        Relationships: { Relationship: { Id: string; Target: string } | { Id: string; Target: string }[] };
      };
      for (const r of list(parsed.Relationships.Relationship)) relTargets.set(r.Id, r.Target);
    }
    const cells = new Map<string, string | number>();
    const rows: (string | number | null)[][] = [];
    const texts: string[] = [];
    const sheetData = ws.sheetData as { row?: unknown } | "";
    for (const row of list((sheetData === "" ? {} : sheetData).row as Record<string, unknown>[])) {
      for (const c of list(row.c as Record<string, unknown>[])) {
        const ref = String(c.r);
        let value: string | number | null = null;
        if (c.t === "inlineStr") value = text((c.is as Record<string, unknown>).t);
        else if (c.t === "s") value = shared[Number(text(c.v))];
        else if (c.v !== undefined) value = Number(text(c.v));
        if (value === null) continue;
        if (typeof value === "string") texts.push(value);
        cells.set(ref, value);
        const { row: r, col } = parseA1(ref);
        (rows[r] ??= [])[col] = value;
      }
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const links = new Map<string, { target: string; location: string | null }>();
    const hyperlinks = ws.hyperlinks as { hyperlink: unknown } | undefined;
    for (const h of list(hyperlinks?.hyperlink as Record<string, string>[] | undefined))
      links.set(h.ref, { target: relTargets.get(h["r:id"]) ?? "", location: h.location ?? null });
    const views = (ws.sheetViews as { sheetView: Record<string, unknown> }).sheetView;
    const printTitles =
      defined.find((d) => d.name === "_xlnm.Print_Titles" && Number(d.localSheetId) === index)?.["#text"] ??
      null;
    const sheetPr = ws.sheetPr as { pageSetUpPr?: { fitToPage?: string } } | undefined;
    return {
      name: s.name,
      cells,
      rows,
      links,
      pageSetup: (ws.pageSetup ?? {}) as Record<string, string>,
      fitToPage: sheetPr?.pageSetUpPr?.fitToPage === "1",
      pane: (views.pane as Record<string, string> | undefined) ?? null,
      autoFilter: (ws.autoFilter as { ref?: string } | undefined)?.ref ?? null,
      printTitles,
      texts,
    };
  });
}

/** The table of a sheet under its header row: one record per row, keyed by the header's titles. */
export function tableOf(sheet: ReadSheet, headerRow: number): Record<string, string | number | null>[] {
  const header = sheet.rows[headerRow - 1].map((h) => String(h ?? ""));
  return sheet.rows.slice(headerRow).map((row, i) => {
    const record: Record<string, string | number | null> = { __row: headerRow + 1 + i };
    header.forEach((h, c) => (record[h] = row[c] ?? null));
    return record;
  });
}
