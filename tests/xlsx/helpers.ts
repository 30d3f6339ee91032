/** Shared helpers of the .xlsx host tests: fixtures, cell lookup, hand-made packages, LibreOffice. */
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { cellAt, type CellInfo, type Grid } from "../../src/core/grid";
import { parseA1 } from "../../src/core/address";

export const FORMS_DIR = fileURLToPath(new URL("../fixtures/forms/", import.meta.url));

/** The bytes of a fixture workbook, relative to tests/fixtures/forms. */
export function fixture(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(FORMS_DIR + rel));
}

/** The cell at an A1 address of a grid. */
export function at(grid: Grid, address: string): CellInfo {
  const { row, col } = parseA1(address);
  return cellAt(grid, row, col);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  /** Part path inside the package. */
  path: string;
  /** The relationship target written in workbook.xml.rels (default: relative to xl/). */
  target?: string;
  state?: string;
  kind?: "worksheet" | "chartsheet";
  xml: string;
}

/** Wraps <sheetData> content (and anything after it) in a worksheet part. */
export function worksheet(sheetData: string, after = "", prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? NS.replace("xmlns=", `xmlns:${prefix}=`) : NS;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} ${RNS}><${p}sheetData>${sheetData}</${p}sheetData>${after}</${p}worksheet>`;
}

/** A minimal .xlsx package built by hand, so each test controls the exact XML a reader sees. */
export function handWorkbook(sheets: HandSheet[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, text: string) => (files[path] = strToU8(text));
  put(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  const rels = sheets
    .map(
      (s, i) =>
        `<Relationship Id="rId${i + 10}" Type="${REL}/${s.kind ?? "worksheet"}" Target="${s.target ?? s.path.replace(/^xl\//, "")}"/>`
    )
    .join("");
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  );
  const list = sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 10}"/>`
    )
    .join("");
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${RNS}><sheets>${list}</sheets></workbook>`
  );
  for (const s of sheets) put(s.path, s.xml);
  for (const [path, text] of Object.entries(extra)) put(path, text);
  return zipSync(files);
}

/** The LibreOffice binary, or null when it is not installed. */
export function sofficeBinary(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** Whether two byte arrays are equal (far faster than a deep equality on large arrays). */
export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a !== undefined && b !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** Parses CSV text (RFC 4180 quoting, as LibreOffice writes it) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}
