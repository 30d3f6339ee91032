/**
 * Reading one workbook for the reviewer's desk: the package opened, refused when it is not a spreadsheet,
 * and every sheet analysed as `zpb check` does (src/review/analyze). Runs in the desk's worker, or in the
 * page where no worker starts. Only the analyses come back: the grids stay where they were read.
 */
import { PROFILES, type ProfileName } from "../../core/index";
import { analyzeWorkbook, type WorkbookResult } from "../../review/analyze";
import { readSpreadsheet } from "../legacy/index";
import { refuseForeignPackage } from "./foreign";

/** An .xlsx is read at once; an .xls / .et / .xlsb / .ods through the library reader, loaded only then. */
export async function readForDesk(bytes: Uint8Array, profile: ProfileName): Promise<WorkbookResult> {
  refuseForeignPackage(bytes);
  const workbook = await readSpreadsheet(bytes);
  return analyzeWorkbook(
    { sheets: workbook.sheets.map((s) => ({ name: s.name, state: s.state ?? "visible", grid: s.grid })) },
    { profile: PROFILES[profile] }
  );
}
