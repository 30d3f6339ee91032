/**
 * Hostile and huge workbooks, generated (never committed): a real form with a stray cell at XFD1048576, a
 * zip bomb, a million rows, 200 sheets, 20,000 merged areas, files of other kinds under an .xlsx name. The
 * big parts are written as a stream of XML text, so that building them costs little memory.
 */
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from "fflate";

/** A worksheet of the generated package: its name and its XML, whole or in pieces. */
export interface BuiltSheet {
  name: string;
  xml: string | Iterable<string>;
  /** Deflate level of its part (1 is quick for the big ones). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** The XML text of a part of a package. */
export function partText(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!part) throw new Error(`no part ${name}`);
  return strFromU8(part);
}

/** The first worksheet's XML and name of a one-form fixture. */
export function formSheet(base: Uint8Array): { name: string; xml: string } {
  const workbook = partText(base, "xl/workbook.xml");
  const name = /<sheet [^>]*name="([^"]*)"/.exec(workbook)?.[1] ?? "Sheet1";
  return { name, xml: partText(base, "xl/worksheets/sheet1.xml") };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A package with the base fixture's styles, shared strings and theme, and the given worksheets in order.
 * `macro` gives it the content type of an .xlsm (a macro-enabled workbook).
 */
export function workbookWith(
  base: Uint8Array,
  sheets: BuiltSheet[],
  options: { macro?: boolean; parts?: Record<string, string> } = {}
): Uint8Array {
  const kept = unzipSync(base, {
    filter: (f) => ["xl/styles.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml"].includes(f.name),
  });
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (
    name: string,
    data: string | Uint8Array | Iterable<string>,
    level: BuiltSheet["level"] = 6
  ) => {
    const entry = new ZipDeflate(name, { level });
    zip.add(entry);
    if (typeof data === "string") entry.push(strToU8(data), true);
    else if (data instanceof Uint8Array) entry.push(data, true);
    else {
      let buffered = "";
      for (const piece of data) {
        buffered += piece;
        if (buffered.length >= 1 << 20) {
          entry.push(strToU8(buffered));
          buffered = "";
        }
      }
      entry.push(strToU8(buffered), true);
    }
  };
  const overrides = sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join("");
  add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${options.macro ? XLSM_MAIN : XLSX_MAIN}"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
  );
  add(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  const rels = sheets
    .map(
      (_s, i) =>
        `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    )
    .join("");
  add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${rels}</Relationships>`
  );
  const list = sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`)
    .join("");
  add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>`
  );
  for (const [name, data] of Object.entries(kept)) add(name, options.parts?.[name] ?? data);
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, s.xml, s.level));
  zip.end();
  return concat(chunks);
}

/** The form sheet with `rows` (row XML) added at the end of its <sheetData>. */
export function withRows(xml: string, rows: string): string {
  return xml.replace("</sheetData>", `${rows}</sheetData>`);
}

/** The form with one stray value at XFD1048576, the last cell of a sheet. */
export function strayCell(base: Uint8Array): Uint8Array {
  const form = formSheet(base);
  const stray = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>';
  return workbookWith(base, [{ name: form.name, xml: withRows(form.xml, stray) }]);
}

/** The text of a worksheet with `count` generated rows (number, text, decimal, date) from row 1. */
export function* dataSheet(count: number, kinds = 1000): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>`;
  let batch = "";
  for (let i = 1; i <= count; i++) {
    batch += `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}" t="str"><v>物品${i % kinds}</v></c><c r="C${i}"><v>${(i * 1.25).toFixed(2)}</v></c><c r="D${i}"><v>${45000 + (i % 365)}</v></c></row>`;
    if (i % 10000 === 0) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

/** The form, and a second sheet 明细 of `rows` generated rows. */
export function millionRows(base: Uint8Array, rows = 1_000_000): Uint8Array {
  const form = formSheet(base);
  return workbookWith(base, [
    { name: form.name, xml: form.xml },
    { name: "明细", xml: dataSheet(rows), level: 1 },
  ]);
}

/**
 * A zip bomb: the form, then `mb` MB of empty styled rows without row numbers (they compress a thousand
 * times: a 400 MB sheet takes a few hundred KB).
 */
export function bomb(base: Uint8Array, mb: number): Uint8Array {
  const form = formSheet(base);
  const [head, tail] = form.xml.split("</sheetData>");
  const row = `<row>${'<c s="1"/>'.repeat(100)}</row>`;
  const chunk = row.repeat(Math.ceil((1 << 20) / row.length));
  function* xml(): Iterable<string> {
    yield head;
    for (let i = 0; i < mb; i++) yield chunk;
    yield `</sheetData>${tail}`;
  }
  return workbookWith(base, [{ name: form.name, xml: xml(), level: 9 }]);
}

/** `count` copies of the form, each on a sheet of its own (表1 … 表200). */
export function manySheets(base: Uint8Array, count: number): Uint8Array {
  const form = formSheet(base);
  return workbookWith(
    base,
    Array.from({ length: count }, (_v, i) => ({ name: `表${i + 1}`, xml: form.xml }))
  );
}

/** The form with `count` more merged areas, two cells each, in columns K:L under it. */
export function manyMerges(base: Uint8Array, count: number): Uint8Array {
  const form = formSheet(base);
  let refs = "";
  for (let i = 0; i < count; i++) refs += `<mergeCell ref="K${i + 40}:L${i + 40}"/>`;
  const xml = form.xml.includes("</mergeCells>")
    ? form.xml.replace("</mergeCells>", `${refs}</mergeCells>`)
    : form.xml.replace("</sheetData>", `</sheetData><mergeCells>${refs}</mergeCells>`);
  return workbookWith(base, [{ name: form.name, xml }]);
}

/** A package with the given parts only (another kind of zip: a Word document, an OpenDocument, …). */
export function zipOf(parts: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, text] of Object.entries(parts)) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(strToU8(text), true);
  }
  zip.end();
  return concat(chunks);
}

/**
 * The form on a protected sheet (<sheetProtection sheet="1">) whose cells are locked, except `unlocked`
 * ones, given a new cell format with <protection locked="0"/>.
 */
export function protectedForm(base: Uint8Array, unlocked: string[]): Uint8Array {
  const form = formSheet(base);
  const styles = partText(base, "xl/styles.xml");
  const count = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
  const open = styles.replace(
    /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/,
    (_m, inner: string) =>
      `<cellXfs count="${count + 1}">${inner}<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs>`
  );
  let xml = form.xml.replace(
    "</sheetData>",
    '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'
  );
  for (const cell of unlocked)
    xml = xml.replace(new RegExp(`<c r="${cell}"( s="\\d+")?`), `<c r="${cell}" s="${count}"`);
  return workbookWith(base, [{ name: form.name, xml }], { parts: { "xl/styles.xml": open } });
}

/** The form with `count` generated rows below it on the same sheet (from row 101), as one big part. */
export function millionRowsBelow(base: Uint8Array, count = 1_000_000): Uint8Array {
  const form = formSheet(base);
  const [head, tail] = form.xml.split("</sheetData>");
  function* xml(): Iterable<string> {
    yield head;
    let batch = "";
    for (let i = 101; i < 101 + count; i++) {
      batch += `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c r="B${i}" t="str"><v>物品${i % 1000}</v></c><c r="C${i}"><v>${(i * 1.25).toFixed(2)}</v></c><c r="D${i}"><v>${45000 + (i % 365)}</v></c></row>`;
      if (i % 10000 === 0) {
        yield batch;
        batch = "";
      }
    }
    yield `${batch}</sheetData>${tail}`;
  }
  return workbookWith(base, [{ name: form.name, xml: xml(), level: 1 }]);
}
