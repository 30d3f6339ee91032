/** Reads an .xlsx file's worksheets into Grids, without any workbook library (fast enough for batches). */
import type { Grid } from "../../core/grid";
import { guard, openPackage, type SheetInfo, type XlsxPackage } from "./package";
import type { ReadLimits } from "./limits";
import { WorksheetReader } from "./sheet";
import { parseCellFormats } from "./styles";
import { elements, runText } from "./xml";

export type { SheetInfo, SheetState } from "./package";

export interface WorkbookSnapshot {
  sheets: (SheetInfo & { grid: Grid })[];
  /**
   * The extension the package's content type calls for (".xlsm" for a macro-enabled workbook): a copy
   * under another one is refused by Excel.
   */
  extension: WorkbookExtension;
}

export type WorkbookExtension = ".xlsx" | ".xlsm" | ".xltx" | ".xltm";

/** The extension of a workbook part's content type. */
export function extensionOf(contentType: string | null): WorkbookExtension {
  const t = (contentType ?? "").toLowerCase();
  if (t.includes("macroenabledtemplate")) return ".xltm";
  if (t.includes("macroenabled")) return ".xlsm";
  if (t.includes("template")) return ".xltx";
  return ".xlsx";
}

export interface ReadOptions {
  /** The file's name, for error messages. */
  file?: string;
  /** Reads only these sheets (by name); default every worksheet. */
  sheets?: readonly string[];
  /** Replaces some of the read limits (DEFAULT_LIMITS, docs/reliability.md). */
  limits?: Partial<ReadLimits>;
  /** Called before the first sheet and after each one (browser mode shows it as progress). */
  onProgress?: (done: number, total: number) => void;
}

function sharedStrings(pkg: XlsxPackage): string[] {
  const xml = pkg.text(pkg.parts.get("sharedStrings") ?? "xl/sharedStrings.xml");
  if (!xml) return [];
  const out: string[] = [];
  for (const si of elements(xml, "si")) out.push(runText(si.inner));
  return out;
}

/**
 * The worksheets of a workbook, in workbook order, without reading their cells. Throws WorkbookError
 * when the bytes are not a readable .xlsx.
 */
export function listSheetsFast(bytes: Uint8Array, file?: string): SheetInfo[] {
  return openPackage(bytes, file).sheets.map((s) => ({ ...s }));
}

/**
 * Reads every worksheet (chartsheets skipped) into a sparse Grid: values, formulas ("=…"), number-format
 * codes and merged areas, each worksheet inflated and read a piece at a time. Throws WorkbookError
 * ("empty", "corrupt", "encrypted", "legacy", "not-a-workbook", "too-large") with a Chinese message naming
 * `options.file`.
 */
export function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  const pkg = openPackage(bytes, options.file, options.limits);
  return guard(options.file, () => {
    const wanted = options.sheets ? new Set(options.sheets) : null;
    const infos = pkg.sheets.filter((s) => !wanted || wanted.has(s.name));
    const extension = extensionOf(pkg.contentType(pkg.workbookPath));
    if (infos.length === 0) return { sheets: [], extension };
    const strings = sharedStrings(pkg);
    const formats = parseCellFormats(pkg.text(pkg.parts.get("styles") ?? "xl/styles.xml"));
    options.onProgress?.(0, infos.length);
    return {
      extension,
      sheets: infos.map((info, i) => {
        const reader = new WorksheetReader(info.name, strings, formats, (n) => pkg.budget.cells(n));
        pkg.stream(info.path, (text) => reader.push(text));
        const sheet = { ...info, grid: reader.end() };
        options.onProgress?.(i + 1, infos.length);
        return sheet;
      }),
    };
  });
}
