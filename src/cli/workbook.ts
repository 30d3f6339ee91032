/**
 * The command's access to workbook files, through the .xlsx host: read a file into sheets, write bytes
 * without ever leaving a partial file. One place, so that check, fix and the summary read and write alike.
 */
import { realpath } from "node:fs/promises";
import { getHeapStatistics } from "node:v8";
import { limitsForHeap } from "../hosts/xlsx/limits";
import { resolve } from "node:path";
import { PatchError, WorkbookError } from "../hosts/xlsx/errors";
import {
  readWorkbookBytes,
  stampOf,
  writeFileAtomic,
  type AtomicOptions,
  type FileStamp,
} from "../hosts/xlsx/node";
import type { WorkbookSnapshot } from "../hosts/xlsx/read";
import { readSpreadsheet, type SpreadsheetFormat } from "../hosts/legacy/index";
import { cliText as T } from "../i18n/cli";
import { CliError } from "./types";

export { PatchError, WorkbookError };

export interface OpenedWorkbook {
  bytes: Uint8Array;
  workbook: WorkbookSnapshot;
  /** What the file was read as, by its content: "xlsx" for every OOXML package (default). */
  format?: SpreadsheetFormat;
  /** What the file was when read (`fix --in-place` refuses to replace it once it changed). */
  stamp?: FileStamp;
}

/** The read limits of this process (the cell limit follows the heap it may grow to). */
export function processLimits(): ReturnType<typeof limitsForHeap> {
  return limitsForHeap(getHeapStatistics().heap_size_limit);
}

/**
 * Reads a spreadsheet file of any format, told by its content (.xlsx / .xlsm, .xls / .et, .xlsb, .ods);
 * throws WorkbookError (Chinese message naming `path`) when it cannot be read — reason "not-a-workbook"
 * when it is not a spreadsheet at all.
 */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const bytes = await readWorkbookBytes(path);
  const stamp = await stampOf(path, bytes);
  const workbook = await readSpreadsheet(bytes, { file: path, limits: processLimits() });
  return { bytes, workbook, format: workbook.format, stamp };
}

/**
 * The Chinese reason of an operating-system error (one with an errno `code`) or of running out of memory
 * (V8's RangeError for an array, string or buffer it cannot make, a stack too deep), or null for any other
 * error. Node's and V8's own messages are not shown: they are English (and name temporary paths).
 */
export function systemReason(err: unknown): string | null {
  if (err instanceof RangeError) return T.outOfMemory;
  if (!(err instanceof Error) || !("code" in err)) return null;
  const code = (err as { code: unknown }).code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return null;
  return T.system[code] ?? T.systemOther(code);
}

/**
 * Writes bytes through a temporary file and a rename (a symbolic link is followed); throws CliError naming
 * the file when it fails. A CliError from `options.beforeRename` passes through as it is.
 */
export async function saveAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicOptions = {}
): Promise<void> {
  try {
    await writeFileAtomic(path, bytes, options);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const detail = systemReason(err) ?? (err instanceof Error ? err.message.split("\n")[0] : String(err));
    throw new CliError(T.writeFailed(path, detail));
  }
}

/** One name per file (links and `./` resolved), to tell whether two paths name the same file. */
export async function canonicalPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path); // not there yet: it cannot be another name of an existing file
  }
}
