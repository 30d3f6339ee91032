/**
 * The reviewer's papers, platform-neutral (no node, no DOM, no I/O): analyses in, documents' bytes and text
 * out. `zpb check` (src/cli) and the pane's desk both call this and only read files and save what it returns.
 *
 *   const { sheets, skipped } = analyzeWorkbook(workbook, { profile });   // per file, from its reader
 *   const files: FileResult[] = [...];                                     // with path, status, why
 *   const earlier = readEarlier(bytesOfEarlierSummaryOrJson);              // optional, for the second round
 *   const batch = buildBatch(files, { when: new Date(), profile, version, inputs }, earlier);
 *   const xlsx = summaryXlsx(batch, (file) => relativeLinkTo(file));      // Uint8Array
 *   const html = reportHtml(batch, (file) => relativeLinkTo(file));       // string
 *   const letters = await letterFiles(batch);                              // [{ name, bytes }] .docx/.html
 *   const zip = zipFiles(letters);                                         // Uint8Array
 *
 * `links(file)` gives the href of a file (FileResult.path) as seen from where the document is saved: the CLI
 * gives a relative path, the pane the file's name (the documents are saved beside the forms).
 */
export { analyzeWorkbook, type AnalyzeOptions, type WorkbookResult, type WorkbookSheets } from "./analyze";
export {
  buildBatch,
  formatWhen,
  overview,
  provenance,
  type Batch,
  type BatchMeta,
  type BatchRow,
  type ProblemRow,
} from "./batch";
export { summaryXlsx, type Links } from "./summary";
export { reportHtml } from "./report";
export { letterFiles, sortLetters, type Letter, type Letters, type NamedBytes } from "./letters";
export { zipFiles } from "./zip";
export {
  readEarlier,
  EarlierError,
  CHANGES,
  type Change,
  type Earlier,
  type EarlierForm,
  type EarlierProblem,
} from "./since";
export { isOwnWorkbook } from "./xlsxout";
export type { FileResult, FormResult, SheetResult, SkippedSheet } from "./types";
export { fileVerdict, sheetFindings } from "./types";
