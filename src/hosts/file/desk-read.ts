/**
 * Reading one workbook for the reviewer's desk: the package opened, refused when it is not a spreadsheet,
 * and every sheet analysed as `zpb check` does (src/review/analyze). Runs in the desk's worker, or in the
 * page where no worker starts. Only the analyses come back: the grids stay where they were read.
 */
import { PROFILES, type ProfileName } from "../../core/index";
import { analyzeWorkbook, type WorkbookResult } from "../../review/analyze";
import { readWorkbook } from "../xlsx/read";
import { refuseForeignPackage } from "./foreign";

export function readForDesk(bytes: Uint8Array, profile: ProfileName): WorkbookResult {
  refuseForeignPackage(bytes);
  const workbook = readWorkbook(bytes);
  return analyzeWorkbook(
    { sheets: workbook.sheets.map((s) => ({ name: s.name, state: s.state ?? "visible", grid: s.grid })) },
    { profile: PROFILES[profile] }
  );
}
