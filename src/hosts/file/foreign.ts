/**
 * Browser mode refuses a package that is not a spreadsheet before reading it: a Word or PowerPoint file
 * renamed .xlsx is 不是电子表格文件 (spec/cli.md "Verdicts"), never a workbook of no sheets that 下载 would
 * hand back. The reader itself says the same once it refuses such packages; this is the narrow check.
 */
import { WorkbookError, foreignFile } from "../xlsx/errors";
import { parseZip } from "../xlsx/zip";

/** Whether an error says that the file is not a spreadsheet (also across the worker boundary, by name). */
export function isNotSpreadsheet(error: unknown): error is Error & { reason: "not-a-workbook" } {
  return (
    error instanceof Error &&
    (error instanceof WorkbookError || error.name === "WorkbookError") &&
    (error as { reason?: unknown }).reason === "not-a-workbook"
  );
}

/** Throws WorkbookError "not-a-workbook" for a Word or PowerPoint package (no workbook part in it). */
export function refuseForeignPackage(bytes: Uint8Array, name?: string): void {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return; // not a zip: the reader decides
  let names: string[];
  try {
    names = parseZip(bytes).entries.map((e) => e.name);
  } catch {
    return; // a damaged zip: the reader says what is wrong with it
  }
  if (names.some((n) => n.startsWith("xl/"))) return;
  if (names.some((n) => n.startsWith("word/"))) throw foreignFile("word", name);
  if (names.some((n) => n.startsWith("ppt/"))) throw foreignFile("powerpoint", name);
}
