/** A large generated workbook for the responsiveness test: many sheets of plain numbers and text. */
import { strToU8, zipSync } from "fflate";

const CT = "application/vnd.openxmlformats-officedocument";

function sheetXml(rows: number, cols: number): string {
  const lines: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [`<c r="A${r}" t="inlineStr"><is><t>第${r}行</t></is></c>`];
    for (let c = 1; c < cols; c++)
      cells.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * c}</v></c>`);
    lines.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines.join("")}</sheetData></worksheet>`;
}

/** An .xlsx of `sheets` sheets named 数据1…, each `rows` × `cols` cells. */
export function largeWorkbook(sheets: number, rows: number, cols = 8): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const entries: string[] = [];
  const rels: string[] = [];
  const sheet = strToU8(sheetXml(rows, cols));
  for (let i = 1; i <= sheets; i++) {
    files[`xl/worksheets/sheet${i}.xml`] = sheet;
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`
    );
    entries.push(`<sheet name="数据${i}" sheetId="${i}" r:id="rId${i}"/>`);
    rels.push(
      `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`
    );
  }
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${entries.join("")}</sheets></workbook>`
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`
  );
  return zipSync(files, { level: 1 });
}
