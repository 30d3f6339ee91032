/** The HTML report, written by `zpb check --report 报告.html`: the page comes from src/review. */
import { reportHtml } from "../review/report";
import type { Batch } from "../review/batch";
import { linksFrom } from "./summary";
import { saveAtomic } from "./workbook";

/** Writes the report to `path` (temporary file + rename); its links are relative to its folder. */
export async function writeReport(path: string, batch: Batch): Promise<void> {
  await saveAtomic(path, new TextEncoder().encode(reportHtml(batch, linksFrom(path))));
}
