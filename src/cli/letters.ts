/** The letters, written by `zpb check --letters <folder>`: the files come from src/review. */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { cliText as T } from "../i18n/cli";
import type { Batch } from "../review/batch";
import { letterFiles, sortLetters } from "../review/letters";
import { CliError } from "./types";
import { saveAtomic, systemReason } from "./workbook";

/**
 * Writes every letter (.docx and .html per department, and the reviewer's own 未能归属.html) into `folder`
 * (created when missing); returns how many departments got a letter.
 */
export async function writeLetters(folder: string, batch: Batch): Promise<number> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new CliError(T.argError(T.lettersFolderIsFile(folder)));
  } catch (err) {
    if (err instanceof CliError) throw err;
    try {
      await mkdir(folder, { recursive: true });
    } catch (mkdirErr) {
      const detail = systemReason(mkdirErr) ?? String(mkdirErr);
      throw new CliError(T.writeFailed(folder, detail));
    }
  }
  for (const file of await letterFiles(batch)) await saveAtomic(join(folder, file.name), file.bytes);
  return sortLetters(batch).letters.length;
}
