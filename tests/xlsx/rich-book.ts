/**
 * A workbook made by exceljs with data validation, conditional formatting, an image, comments, styles and
 * a second sheet, to which a chart (drawing + chart + relationships + content types) is added as raw parts.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'数据'!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/** Parts the chart adds, every one of which a patch of the first sheet must leave byte-identical. */
export const CHART_PARTS = [
  "xl/charts/chart1.xml",
  "xl/drawings/drawing2.xml",
  "xl/drawings/_rels/drawing2.xml.rels",
  "xl/worksheets/_rels/sheet2.xml.rels",
  "xl/worksheets/sheet2.xml",
  "[Content_Types].xml",
];

/** Builds the workbook: sheet "自评" (A1:D6 values, styles, validation, formatting, image, notes) and "数据". */
export async function richWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评");
  ws.getCell("A1").value = "项目";
  ws.getCell("B1").value = "得分";
  ws.getCell("A2").value = "指标一";
  ws.getCell("B2").value = 8;
  ws.getCell("B2").numFmt = "0.00";
  ws.getCell("B2").font = { bold: true, color: { argb: "FFFF0000" } };
  ws.getCell("A3").value = "指标二";
  ws.getCell("B3").value = 7.5;
  ws.getCell("B3").numFmt = "0.00";
  ws.getCell("B4").value = { formula: "SUM(B2:B3)", result: 15.5 };
  ws.getCell("C5").value = "说明";
  decorate(wb, ws, { note: ["A2", "请核对"], list: "C3", below: ["B2:B3", 6], image: "E2:F4" });
  return withDataSheetAndChart(wb);
}

/**
 * A real form (2023-taopu-003) carrying what government workbooks carry: data validation, conditional
 * formatting, an image and a comment on the form sheet, and a second unrelated sheet with a chart.
 */
export async function richForm(form: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(form as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  decorate(wb, ws, { note: ["H23", "请核对故障次数"], list: "C32", below: ["H13:H30", 3], image: "K2:L4" });
  return withDataSheetAndChart(wb);
}

/** A comment, a 优/良/中/差 list validation, a red fill below a limit, and an image on a sheet. */
function decorate(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  at: { note: [string, string]; list: string; below: [string, number]; image: string }
): void {
  ws.getCell(at.note[0]).note = at.note[1];
  ws.getCell(at.list).dataValidation = { type: "list", allowBlank: true, formulae: ['"优,良,中,差"'] };
  ws.addConditionalFormatting({
    ref: at.below[0],
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: [at.below[1]],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  ws.addImage(
    wb.addImage({ buffer: Buffer.from(PNG, "base64") as unknown as ExcelJS.Buffer, extension: "png" }),
    at.image
  );
}

/** Adds the sheet "数据" with three numbers and a bar chart over them, as raw package parts. */
async function withDataSheetAndChart(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const data = wb.addWorksheet("数据");
  data.getCell("B1").value = 3;
  data.getCell("B2").value = 5;
  data.getCell("B3").value = 4;
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const text = (p: string) => strFromU8(files[p]);
  files["xl/charts/chart1.xml"] = strToU8(CHART);
  files["xl/drawings/drawing2.xml"] = strToU8(DRAWING);
  files["xl/drawings/_rels/drawing2.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`
  );
  files["xl/worksheets/_rels/sheet2.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`
  );
  files["xl/worksheets/sheet2.xml"] = strToU8(
    text("xl/worksheets/sheet2.xml").replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>')
  );
  files["[Content_Types].xml"] = strToU8(
    text("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/><Override PartName="/xl/drawings/drawing2.xml" ContentType="${CT}.drawing+xml"/></Types>`
    )
  );
  return zipSync(files);
}
