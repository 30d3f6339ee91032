/**
 * The reviewer's summary workbook, written by `zpb check --summary out.xlsx`: the bytes come from src/review;
 * here only where it is written, the links relative to it, and the refusal to overwrite an input.
 */
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { cliText as T } from "../i18n/cli";
import type { Batch } from "../review/batch";
import { summaryXlsx } from "../review/summary";
import { CliError, type FileResult } from "./types";
import { canonicalPath, saveAtomic } from "./workbook";

/**
 * How a file is reached from the folder the summary is written to: a relative URI (the summary and the
 * forms can be moved or sent together), or a file: URI where no relative path exists (another drive).
 */
export function linkTarget(fromDir: string, file: string): string {
  const rel = relative(resolve(fromDir), resolve(file));
  if (rel === "" || isAbsolute(rel)) return pathToFileURL(resolve(file)).href;
  return rel
    .split(sep)
    .map((part) => part.replace(/[%#? ]/g, (c) => encodeURIComponent(c)))
    .join("/");
}

/** The links of a document written to `path`: relative to its folder. */
export function linksFrom(path: string): (file: string) => string {
  const dir = dirname(resolve(path));
  return (file) => linkTarget(dir, file);
}

/** The summary workbook's bytes; links are relative to `fromDir`, the folder it is written to. */
export function summaryBytes(batch: Batch, fromDir: string): Uint8Array {
  return summaryXlsx(batch, (file) => linkTarget(fromDir, file));
}

/**
 * Refuses an output path that names a checked workbook holding a form, or one that could not be read (it
 * may hold one): `check` never writes to its inputs. A previous output among the inputs (readable, no
 * form in it) may be replaced, so that a run can be repeated.
 */
export async function assertSummaryTarget(path: string, files: readonly FileResult[]): Promise<void> {
  const target = await canonicalPath(path);
  for (const file of files) {
    const kept =
      file.error !== null ||
      file.sheets.some((s) => s.forms.length > 0 || s.findings.some((f) => f.code === "FORM_UNREADABLE"));
    if (!kept || (await canonicalPath(file.path)) !== target) continue;
    // A file that is not there at all (the reader said so) is no input to protect.
    if (await exists(file.path)) throw new CliError(T.argError(T.summaryIsInput(path)));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes the summary to `path` (temporary file + rename); returns the number of rows on 汇总. */
export async function writeSummary(path: string, batch: Batch): Promise<number> {
  await saveAtomic(path, summaryXlsx(batch, linksFrom(path)));
  return batch.rows.length;
}
