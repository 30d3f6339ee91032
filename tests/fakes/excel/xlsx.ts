/**
 * Reads an .xlsx fixture with exceljs into Grids (values, formulas, number formats, merges), to seed the
 * fake independently of the project's own xlsx reader.
 */
import ExcelJS from "exceljs";
import type { Grid, Merge, Scalar } from "../../../src/core/grid";
import { parseBox } from "./address";
import { FakeExcel, type Visibility } from "./index";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function scalar(v: ExcelJS.CellValue): { value: Scalar; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    return { value: v, formula: null };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH) / 86400000, formula: null };
  if ("richText" in v) return { value: v.richText.map((r) => r.text).join(""), formula: null };
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: ExcelJS.CellValue }).result;
    const text = "formula" in v ? v.formula : (v as { sharedFormula: string }).sharedFormula;
    return { value: scalar(result ?? null).value, formula: `=${text}` };
  }
  if ("error" in v) return { value: String(v.error), formula: null };
  if ("text" in v) return { value: String(v.text), formula: null };
  return { value: String(v), formula: null };
}

function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const merges: Merge[] = ((ws.model as { merges?: string[] }).merges ?? []).map((ref) => {
    const b = parseBox(ref);
    return { top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 };
  });
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const v: Scalar[] = [];
    const f: (string | null)[] = [];
    const n: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const isSlave = cell.type === ExcelJS.ValueType.Merge;
      const s = isSlave ? { value: null, formula: null } : scalar(cell.value);
      v.push(s.value === "" ? null : s.value);
      f.push(s.formula);
      n.push(cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null);
    }
    values.push(v);
    formulas.push(f);
    formats.push(n);
  }
  return { name: ws.name, top: 0, left: 0, values, formulas, formats, merges };
}

/** Every worksheet of the file as a Grid, with each sheet's visibility. */
export async function gridsFromXlsx(
  bytes: Uint8Array
): Promise<{ grids: Grid[]; visibility: Record<string, Visibility> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const visibility: Record<string, Visibility> = {};
  const grids = wb.worksheets.map((ws) => {
    visibility[ws.name] =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    return sheetGrid(ws);
  });
  return { grids, visibility };
}

/** A fake Excel holding the workbook of an .xlsx file. */
export async function fakeFromXlsx(bytes: Uint8Array): Promise<FakeExcel> {
  const { grids, visibility } = await gridsFromXlsx(bytes);
  return FakeExcel.fromGrids(grids, visibility);
}
