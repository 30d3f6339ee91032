/** Reads an .xlsx file's worksheets into Grids, without any workbook library (fast enough for batches). */
import type { Grid } from "../../core/grid";
import { guard, openPackage, type SheetInfo, type XlsxPackage } from "./package";
import { parseWorksheet } from "./sheet";
import { parseCellFormats } from "./styles";
import { elements, runText } from "./xml";

export type { SheetInfo, SheetState } from "./package";

export interface WorkbookSnapshot {
  sheets: (SheetInfo & { grid: Grid })[];
}

export interface ReadOptions {
  /** The file's name, for error messages. */
  file?: string;
  /** Reads only these sheets (by name); default every worksheet. */
  sheets?: readonly string[];
  /** Called before the first sheet and after each one (browser mode shows it as progress). */
  onProgress?: (done: number, total: number) => void;
}

function sharedStrings(pkg: XlsxPackage): string[] {
  const xml = pkg.text(pkg.parts.get("sharedStrings") ?? "xl/sharedStrings.xml");
  if (!xml) return [];
  return elements(xml, "si").map((si) => runText(si.inner));
}

/**
 * The worksheets of a workbook, in workbook order, without reading their cells. Throws WorkbookError
 * when the bytes are not a readable .xlsx.
 */
export function listSheetsFast(bytes: Uint8Array, file?: string): SheetInfo[] {
  return openPackage(bytes, file).sheets.map((s) => ({ ...s }));
}

/**
 * Reads every worksheet (chartsheets skipped) into a Grid: values, formulas ("=…"), number-format codes
 * and merged areas. Throws WorkbookError ("corrupt", "encrypted", "legacy", "not-a-workbook") with a
 * Chinese message naming `options.file`.
 */
export function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const pkg = openPackage(bytes, options.file);
  return guard(options.file, () => {
    const wanted = options.sheets ? new Set(options.sheets) : null;
    const infos = pkg.sheets.filter((s) => !wanted || wanted.has(s.name));
    if (infos.length === 0) return { sheets: [] };
    const strings = sharedStrings(pkg);
    const formats = parseCellFormats(pkg.text(pkg.parts.get("styles") ?? "xl/styles.xml"));
    options.onProgress?.(0, infos.length);
    return {
      sheets: infos.map((info, i) => {
        const xml = pkg.text(info.path) ?? "";
        const sheet = { ...info, grid: parseWorksheet(xml, info.name, strings, formats) };
        options.onProgress?.(i + 1, infos.length);
        return sheet;
      }),
    };
  });
}
