/**
 * The Excel JavaScript API members the Excel host calls, with the ExcelApi requirement set that brought
 * each (Microsoft's reference pages, "[API set: ExcelApi x.y]"), the version the add-in needs, and the
 * start-up check against the running Excel (Office.context.requirements.isSetSupported).
 * tests/addin/requirements.test.ts checks this table against the calls in src/hosts/excel and the manifest.
 */

/** Member (as called in the source) → the ExcelApi version that introduced it. */
export const EXCEL_API_MEMBERS: Readonly<Record<string, string>> = {
  getActiveWorksheet: "1.1",
  getItem: "1.1",
  getRange: "1.1",
  activate: "1.1",
  select: "1.1",
  clear: "1.1",
  delete: "1.1",
  add: "1.1",
  fill: "1.1",
  // Reading it is 1.1; hiding the store sheet sets it (1.2).
  visibility: "1.2",
  protection: "1.2",
  getItemOrNullObject: "1.4",
  getUsedRangeOrNullObject: "1.4",
  getRangeByIndexes: "1.7",
  onActivated: "1.7",
  onChanged: "1.7",
  worksheetId: "1.7",
  getCellProperties: "1.9",
  pattern: "1.9",
  getMergedAreasOrNullObject: "1.13",
  triggerSource: "1.14",
};

/**
 * Members whose absence only lessens the pane: without `triggerSource` (1.14) the add-in's own writes are
 * reported as edits and the findings are marked stale once more. Everything else is needed to read a form.
 */
export const OPTIONAL_MEMBERS: readonly string[] = ["triggerSource"];

/** "1.13" > "1.9": requirement-set versions compare by number per part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function highest(members: string[]): string {
  return members.map((m) => EXCEL_API_MEMBERS[m]).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
}

/** The ExcelApi version the add-in cannot work without (what the manifest declares). */
export const REQUIRED_EXCEL_API = highest(
  Object.keys(EXCEL_API_MEMBERS).filter((m) => !OPTIONAL_MEMBERS.includes(m))
);
/** The ExcelApi version with which nothing is lessened. */
export const FULL_EXCEL_API = highest(Object.keys(EXCEL_API_MEMBERS));

/** The part of Office.js the check needs (Office.context.requirements). */
export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** What the running Excel lacks: null when it has what the add-in needs. */
export function missingRequirement(requirements: RequirementsLike | null | undefined): string | null {
  try {
    if (requirements && requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return null;
  } catch {
    // An Office.js that cannot answer counts as one that lacks the set.
  }
  return `ExcelApi ${REQUIRED_EXCEL_API}`;
}

/** The highest ExcelApi 1.x the running Excel supports (for diagnostics), or null when it answers none. */
export function supportedExcelApi(
  requirements: RequirementsLike | null | undefined,
  upTo = 20
): string | null {
  let best: string | null = null;
  for (let minor = 1; minor <= upTo; minor++) {
    try {
      if (!requirements?.isSetSupported("ExcelApi", `1.${minor}`)) break;
    } catch {
      break;
    }
    best = `1.${minor}`;
  }
  return best;
}
