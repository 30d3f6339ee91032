/** `zpb check`: reads every workbook given and analyses every sheet; never writes to the inputs. */
import { open } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import type { Profile } from "../core/index";
import { analyzeWorkbook as analyzeSheets, type WorkbookResult } from "../review/analyze";
import { cliText as T } from "../i18n/cli";
import { expandInputs } from "./files";
import { canonicalPath, openWorkbook, systemReason, WorkbookError, type OpenedWorkbook } from "./workbook";
import { fileVerdict, type FileResult } from "./types";
import { isOwnWorkbook } from "./xlsxout";

export interface CheckOptions {
  profile: Profile;
  /** Whether the planned fix writes prompts into empty reason cells (fix only; check ignores patches). */
  prompts?: boolean;
  /** Called with a folder that holds no workbook (the command notes it on stderr). */
  onEmptyFolder?: (folder: string) => void;
  /** Files never read as inputs (the summary, report and letters this run writes), as canonical paths. */
  exclude?: ReadonlySet<string>;
  /**
   * Folders whose letters (.html and .docx pages) are never taken as inputs (the letters folder, as a
   * canonical path): only the letters, so that a letters folder that is also an input folder still has its
   * workbooks checked.
   */
  lettersDirs?: readonly string[];
  /**
   * Called with every other file found in an input folder (a .txt, a .pdf), which is also in the results as
   * 不是电子表格文件: for the summary, which lists these files itself.
   */
  onOtherFile?: (path: string) => void;
  /** Called with a summary an earlier run wrote, found in an input folder: not checked, in the results as
   * 不是自评表 with why. */
  onOwnOutput?: (path: string) => void;
  /** Called with an unexpected error (not a WorkbookError), for ZPB_DEBUG. */
  onInternalError?: (err: unknown) => void;
}

/** One line naming the file and why it could not be read. */
export function describeFailure(path: string, err: unknown): string {
  if (err instanceof WorkbookError) {
    const line = err.message.split("\n")[0];
    return line.includes(path) ? line : `${path}：${line}`;
  }
  const system = systemReason(err);
  if (system !== null) return T.unreadable(path, system);
  const detail = err instanceof Error ? err.message.split("\n")[0] : String(err);
  return T.unreadable(path, T.internalError(detail));
}

export type { WorkbookResult } from "../review/analyze";

/** Analyses every form of the sheets of an opened workbook (src/review/analyze.ts). */
export function analyzeWorkbook(opened: OpenedWorkbook, options: CheckOptions): WorkbookResult {
  return analyzeSheets(opened.workbook, options);
}

/** Checks one file; a file that cannot be read gives a result with `error` set, never a throw. */
export async function checkFile(path: string, options: CheckOptions): Promise<FileResult> {
  return (await checkFound(path, options, false)).result;
}

/**
 * Checks a file; `own` marks a summary an earlier run wrote, found in a folder: not checked, but listed (a
 * spreadsheet with no form, saying what it is).
 */
async function checkFound(
  path: string,
  options: CheckOptions,
  inFolder: boolean
): Promise<{ result: FileResult; own: boolean }> {
  try {
    const opened = await openWorkbook(path);
    if (inFolder && isOwnWorkbook(opened.bytes)) {
      const result = { path, error: null, sheets: [], skipped: [] };
      return { result: { ...result, status: "no-form", why: T.ownOutput }, own: true };
    }
    const read = analyzeWorkbook(opened, options);
    return { result: { path, error: null, ...read, ...fileVerdict(read.sheets) }, own: false };
  } catch (err) {
    if (!(err instanceof WorkbookError) && systemReason(err) === null) options.onInternalError?.(err);
    const error = describeFailure(path, err);
    const errorReason = err instanceof WorkbookError ? err.reason : "system";
    const status = errorReason === "not-a-workbook" ? "not-spreadsheet" : "unreadable";
    const result = {
      path,
      error,
      errorReason,
      sheets: [],
      skipped: [],
      ...fileVerdict([], { status, why: error }),
    };
    return { result, own: false };
  }
}

/**
 * Whether a file's first bytes are a zip's or an OLE2 compound file's ("maybe": it may be a spreadsheet),
 * or something else ("no"); "unread" when they cannot be read (the reader then names why).
 */
async function mayBeSpreadsheet(path: string): Promise<"maybe" | "no" | "unread"> {
  let handle;
  try {
    handle = await open(path, "r");
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    const zip = bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304;
    const ole = bytesRead === 8 && head.readBigUInt64BE(0) === 0xd0cf11e0a1b11ae1n;
    return zip || ole ? "maybe" : "no";
  } catch {
    return "unread";
  } finally {
    await handle?.close();
  }
}

/**
 * A file found in a folder whose name is not a spreadsheet's (a .pdf, a .txt, a .docx): checked when its
 * content opens as a workbook (content, not names), otherwise listed as 不是电子表格文件 with why.
 */
async function checkOther(
  path: string,
  options: CheckOptions
): Promise<{ result: FileResult; own: boolean; other: boolean }> {
  const head = await mayBeSpreadsheet(path);
  if (head !== "no") {
    const found = await checkFound(path, options, true);
    // Opened as a workbook, or could not be read at all (no permission …): what the reader says stands.
    if (found.result.error === null || head === "unread") return { ...found, other: false };
  }
  const why = T.notSpreadsheetFile(path, extname(path) || T.noExtension);
  const result: FileResult = {
    path,
    error: why,
    sheets: [],
    skipped: [],
    ...fileVerdict([], { status: "not-spreadsheet", why }),
  };
  return { result, own: false, other: true };
}

async function excluded(path: string, options: CheckOptions): Promise<boolean> {
  if (!options.exclude && !options.lettersDirs) return false;
  const real = await canonicalPath(path);
  if (options.exclude?.has(real)) return true;
  return (
    /\.(html|docx)$/i.test(real) && (options.lettersDirs ?? []).some((dir) => real.startsWith(dir + sep))
  );
}

/**
 * Checks every file and folder given, in the order given (folders sorted inside). Every file found is in
 * the result, with its status and why: workbooks, `*.checked.xlsx`, an earlier run's summary (listed, not
 * checked; also passed to `onOwnOutput`) and every other file (listed as 不是电子表格文件; also passed to
 * `onOtherFile`). Only what this run writes (`exclude`, the letters' pages) is left out.
 */
export async function checkPaths(paths: readonly string[], options: CheckOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const seen = new Set<string>(); // a file given and also inside a folder given is checked once
  for (const input of await expandInputs(paths)) {
    if (input.folder && input.files.length === 0) options.onEmptyFolder?.(input.given);
    for (const { path, workbook } of input.found) {
      if (seen.has(resolve(path))) continue;
      seen.add(resolve(path));
      if (input.folder && (await excluded(path, options))) continue;
      const found = workbook
        ? { ...(await checkFound(path, options, input.folder)), other: false }
        : await checkOther(path, options);
      results.push(found.result);
      if (found.own) options.onOwnOutput?.(path);
      if (found.other) options.onOtherFile?.(path);
    }
  }
  return results;
}
