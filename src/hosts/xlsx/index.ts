/** The .xlsx package layer: read worksheets into Grids, write patches by splicing, tell files apart. */
export { readWorkbook, listSheetsFast } from "./read";
export type { WorkbookSnapshot, ReadOptions, SheetInfo, SheetState } from "./read";
export { applyPatches } from "./write";
export { WorkbookError, PatchError, sniff } from "./errors";
export type { WorkbookErrorReason, FileKind } from "./errors";
