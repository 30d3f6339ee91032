/** `zpb check`: reads every workbook given and analyses every sheet; never writes to the inputs. */
import { resolve, sep } from "node:path";
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
   * Folders whose HTML pages are never taken as inputs (the letters folder, as a canonical path): only the
   * pages, so that a letters folder that is also an input folder still has its workbooks checked.
   */
  lettersDirs?: readonly string[];
  /** Called with every other file found in an input folder (a .txt, a .pdf): not checked, accounted for. */
  onOtherFile?: (path: string) => void;
  /** Called with a summary an earlier run wrote, found in an input folder: not checked, accounted for. */
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
  return (await checkFound(path, options, false)) as FileResult;
}

/** Checks a file; null for a summary written by an earlier run, found in a folder (never an input). */
async function checkFound(
  path: string,
  options: CheckOptions,
  inFolder: boolean
): Promise<FileResult | null> {
  try {
    const opened = await openWorkbook(path);
    if (inFolder && isOwnWorkbook(opened.bytes)) return null;
    const read = analyzeWorkbook(opened, options);
    return { path, error: null, ...read, ...fileVerdict(read.sheets) };
  } catch (err) {
    if (!(err instanceof WorkbookError) && systemReason(err) === null) options.onInternalError?.(err);
    const error = describeFailure(path, err);
    const status =
      err instanceof WorkbookError && err.reason === "not-a-workbook" ? "not-spreadsheet" : "unreadable";
    return { path, error, sheets: [], skipped: [], ...fileVerdict([], { status, why: error }) };
  }
}

async function excluded(path: string, options: CheckOptions): Promise<boolean> {
  if (!options.exclude && !options.lettersDirs) return false;
  const real = await canonicalPath(path);
  if (options.exclude?.has(real)) return true;
  return /\.html$/i.test(real) && (options.lettersDirs ?? []).some((dir) => real.startsWith(dir + sep));
}

/** Checks every file and folder given, in the order given (folders sorted inside). */
export async function checkPaths(paths: readonly string[], options: CheckOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const seen = new Set<string>(); // a file given and also inside a folder given is checked once
  for (const input of await expandInputs(paths)) {
    if (input.folder && input.files.length === 0) options.onEmptyFolder?.(input.given);
    for (const other of input.others) {
      if (!seen.has(resolve(other)) && !(await excluded(other, options))) options.onOtherFile?.(other);
      seen.add(resolve(other));
    }
    for (const file of input.files) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      if (input.folder && (await excluded(file, options))) continue;
      const result = await checkFound(file, options, input.folder);
      if (result) results.push(result);
      else options.onOwnOutput?.(file);
    }
  }
  return results;
}
