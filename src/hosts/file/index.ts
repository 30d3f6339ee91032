/**
 * The browser-mode host: a workbook the user opened from disk, held in memory. Fixes rewrite the bytes
 * (the previous bytes are kept for 撤销) and 下载 saves them; nothing is uploaded.
 */
import type { Grid } from "../../core/grid";
import type { Patch } from "../../core/types";
import { paneText } from "../../i18n/pane";
import { HostError, type AppliedFix } from "../types";
import { checkedName, saveBytes } from "./download";
import { refuseForeignPackage } from "./foreign";
import { checkLimits, FILE_LIMITS, type FileLimits } from "./limits";
import type {
  CellMark,
  FileHost,
  FileView,
  ReadControl,
  WorkbookData,
  WorkbookSheet,
  XlsxCodec,
} from "./types";

export type {
  FileHost,
  FileView,
  WorkbookSheet,
  WorkbookData,
  XlsxCodec,
  CellMark,
  ReadControl,
} from "./types";
export { ReadCancelled } from "./types";
export { checkedName } from "./download";
export { isNotSpreadsheet } from "./foreign";

/** The view before any workbook is opened (also what the pane shows for hosts other than this one). */
export const EMPTY_VIEW: FileView = {
  fileName: null,
  sheets: [],
  active: null,
  selection: null,
  highlights: {},
  version: 0,
};

/**
 * Creates a file host over an xlsx reader/writer.
 * @param codec reads a package into grids and applies patches to its bytes
 * @param save how 下载 hands the bytes to the user (default: a Blob URL download link)
 * @param limits what `open` refuses as too large (default FILE_LIMITS)
 */
export function createFileHost(
  codec: XlsxCodec,
  save: (bytes: Uint8Array, fileName: string) => void = saveBytes,
  limits: FileLimits = FILE_LIMITS
): FileHost {
  let bytes: Uint8Array | null = null;
  let undo: { bytes: Uint8Array; fix: AppliedFix }[] = [];
  let view = EMPTY_VIEW;
  const listeners = new Set<() => void>();

  function update(change: Partial<FileView>): FileView {
    view = { ...view, ...change, version: view.version + 1 };
    for (const listener of listeners) listener();
    return view;
  }

  function sheet(name: string | null): WorkbookSheet {
    const found = view.sheets.find((s) => s.name === name);
    if (!found) throw new HostError(bytes ? paneText.noSuchSheet(name ?? "") : paneText.noFile, "no-sheet");
    return found;
  }

  /** The workbook's sheets a user can reach: very hidden ones (Excel's undo store, template data) are
   * left out of the sheet list and the workbook run, as the Excel host and `zpb check` leave them out. */
  async function reload(next: Uint8Array, control?: ReadControl): Promise<WorkbookSheet[]> {
    return (await readBook(next, control)).sheets;
  }

  async function readBook(next: Uint8Array, control?: ReadControl): Promise<WorkbookData> {
    const data = await codec.read(next, control);
    return { ...data, sheets: data.sheets.filter((s) => s.state !== "veryHidden") };
  }

  /** An .xls / .xlsb / .ods is checked here but never rewritten: as .xlsx it would lose its formatting. */
  const writable = (): boolean => (view.format ?? "xlsx") === "xlsx";

  return {
    kind: "file",

    async open(data, name, control) {
      checkLimits(data, limits);
      refuseForeignPackage(data, name);
      const book = await readBook(data, control);
      const sheets = book.sheets;
      bytes = data;
      undo = [];
      const first = sheets.find((s) => s.state === undefined || s.state === "visible") ?? sheets[0];
      return update({
        fileName: name,
        sheets,
        format: book.format ?? "xlsx",
        active: first?.name ?? null,
        selection: null,
        highlights: {},
      });
    },

    download() {
      if (!bytes || !view.fileName || !writable()) return false;
      save(bytes, checkedName(view.fileName));
      return true;
    },

    bytes: () => bytes,
    view: () => view,

    setActiveSheet(name) {
      update({ active: sheet(name).name, selection: null });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async readActiveSheet(): Promise<Grid> {
      return sheet(view.active).grid;
    },

    async readAllSheets(onProgress) {
      if (!bytes) throw new HostError(paneText.noFile, "no-sheet");
      const grids = view.sheets.map((s) => s.grid);
      onProgress?.(grids.length, grids.length);
      return grids;
    },

    async apply(patches: Patch[]) {
      if (!bytes) throw new HostError(paneText.noFile, "no-sheet");
      if (!writable()) throw new HostError(paneText.legacyNoFix(view.fileName ?? ""), "failed");
      const before = bytes;
      let next: Uint8Array;
      try {
        next = await codec.write(before, patches);
      } catch (error) {
        // The writer refuses before writing anything (formula cell, unknown sheet): the file is unchanged.
        throw new HostError(error instanceof Error ? error.message : String(error), "failed");
      }
      const sheets = await reload(next);
      const fix: AppliedFix = { at: new Date().toISOString(), patches };
      bytes = next;
      undo.push({ bytes: before, fix });
      update({ sheets });
      return fix;
    },

    async revertLast() {
      const last = undo.pop();
      if (!last) return null;
      const sheets = await reload(last.bytes);
      bytes = last.bytes;
      update({ sheets });
      return last.fix;
    },

    async hasRevert() {
      return undo.length > 0;
    },

    async select(sheetName, cell) {
      const target = sheet(sheetName).name;
      update({ active: target, selection: { sheet: target, cell } });
    },

    async highlight(sheetName, cells: CellMark[]) {
      update({ highlights: { ...view.highlights, [sheetName]: cells } });
    },

    async clearHighlights(sheetName) {
      const rest = { ...view.highlights };
      delete rest[sheetName];
      update({ highlights: rest });
    },
  };
}
