/** The .xlsx package layer: read worksheets into Grids, write patches by splicing, tell files apart. */
export { readWorkbook, listSheetsFast, extensionOf } from "./read";
export type { WorkbookSnapshot, ReadOptions, SheetInfo, SheetState, WorkbookExtension } from "./read";
export { applyPatches, writePatches } from "./write";
export type { Written } from "./write";
export { DEFAULT_LIMITS } from "./limits";
export type { ReadLimits } from "./limits";
export { WorkbookError, PatchError, sniff } from "./errors";
export type { WorkbookErrorReason, FileKind } from "./errors";
