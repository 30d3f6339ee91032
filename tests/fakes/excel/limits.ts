/**
 * The real Excel's limits, as the fake enforces them:
 * - a Range.getMergedAreasOrNullObject over more than 512 merged areas fails the sync with Excel's
 *   InvalidOperation ("The operation is invalid for the object or its current state.");
 * - a read of more than 5,000,000 cells gives `null` for values, formulas and numberFormat;
 * - every call needs its ExcelApi requirement set: a fake with `apiVersion = "1.8"` refuses 1.9+ calls at
 *   sync with ApiNotFound, as an older Excel does.
 */
import { FakeOfficeError } from "./proxy";

export const MERGE_AREA_LIMIT = 512;
export const CELL_READ_LIMIT = 5_000_000;

export const INVALID_OPERATION = {
  code: "InvalidOperation",
  message: "The operation is invalid for the object or its current state.",
};

/**
 * The ExcelApi version each queued action label needs (Microsoft's reference: "[API set: ExcelApi x.y]").
 * Labels not listed need 1.1 or 1.2, which every Excel the fake models has.
 */
const LABEL_SETS: Readonly<Record<string, string>> = {
  "Range.getMergedAreasOrNullObject": "1.13",
  "Range.getCellProperties": "1.9",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.onactivated.add": "1.7",
  "WorksheetCollection.onchanged.add": "1.7",
  "Range.merge": "1.2",
};

function newer(a: string, b: string): boolean {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 2; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

/** Whether an Excel with `version` supports ExcelApi `wanted` (isSetSupported). */
export function supports(version: string, wanted: string): boolean {
  return !newer(wanted, version);
}

/** Throws ApiNotFound for the first queued call the fake's ExcelApi version does not have. */
export function refuseUnsupported(version: string, labels: readonly string[]): void {
  for (const label of labels) {
    const wanted = LABEL_SETS[label];
    if (wanted && !supports(version, wanted)) {
      const error = new FakeOfficeError(
        "ApiNotFound",
        "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
        label
      );
      throw error;
    }
  }
}
