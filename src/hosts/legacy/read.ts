/**
 * Reads the spreadsheet formats other than .xlsx — .xls (BIFF8 and BIFF5, and a WPS .et saved as one),
 * .xlsb and .ods — into the same Grids as the .xlsx reader: values, formulas ("=…"), number-format codes,
 * merged areas and sheet visibility. The parsing is SheetJS's (@e965/xlsx), loaded by a dynamic import
 * the first time such a file is opened, so that neither the pane's first load nor an .xlsx-only run pays
 * for it. Sizes are checked before the library is given anything (docs/formats.md).
 */
import type { Grid, Merge, Scalar } from "../../core/grid";
import { xlsxText } from "../../i18n/xlsx";
import { WorkbookError, foreignFile, workbookError } from "../xlsx/errors";
import { Budget, LimitError, limitsWith } from "../xlsx/limits";
import type { ReadOptions, SheetState, WorkbookSnapshot } from "../xlsx/read";
import { ZipError, inflateEntry, parseZip } from "../xlsx/zip";
import { hasBookStream, type LegacyFormat } from "./detect";
import { odsFormula } from "./ods-formula";
import { OdsScanner, hiddenTables, type OdsScan } from "./ods-scan";

const MiB = 1024 * 1024;

/**
 * What the library may be given. It parses a whole file into objects at once (about ten times the file's
 * size in memory), so the file itself is bounded, and a zip's parts are inflated once by our own bounded
 * inflater (bytes, ratio, package total) before the library inflates them again.
 */
export const LEGACY_LIMITS = {
  /** Bytes of an .xls / .xlsb / .ods file (a real form is well under 1 MB). */
  fileBytes: 32 * MiB,
  /** Bytes all the parts of an .xlsb / .ods may inflate to, together. */
  packageBytes: 160 * MiB,
} as const;

/** The library's shape, as far as this reader uses it (its own typings are loose). */
interface LibCell {
  t: string;
  v?: unknown;
  f?: string;
  z?: unknown;
  w?: string;
}
interface LibSheet {
  "!data"?: (LibCell | undefined)[][];
  "!merges"?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  "!type"?: string;
}
interface LibBook {
  SheetNames: string[];
  Sheets: Record<string, LibSheet>;
  Workbook?: { Sheets?: { Hidden?: number }[] };
}
interface Lib {
  read(data: Uint8Array, options: Record<string, unknown>): LibBook;
  CFB: { read(data: Uint8Array, options: Record<string, unknown>): unknown };
  set_cptable?(table: unknown): void;
}

let loading: Promise<Lib> | null = null;

/**
 * The library, imported once. The code-page tables come along: a BIFF5 .xls stores its text in the
 * workbook's ANSI code page (GBK, code page 936, on a Chinese machine).
 */
export function loadLibrary(): Promise<Lib> {
  loading ??= (async () => {
    const [lib, cptable] = await Promise.all([
      import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx"),
      import(/* webpackChunkName: "sheetjs" */ "@e965/xlsx/dist/cpexcel"),
    ]);
    const api = lib as unknown as Lib;
    api.set_cptable?.(cptable);
    return api;
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * Runs `fn` with the console silenced: the library prints English warnings of its own ("ODS number
 * format may be incorrect") that must not reach the user's terminal or the pane's console.
 */
function quietly<T>(fn: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const mute = (): void => undefined;
  console.log = console.warn = console.error = console.info = mute;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

/** Excel's error codes as BIFF stores them, to the text the .xlsx reader gives ("#DIV/0!"). */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const GENERAL = "General";

function valueOf(cell: LibCell): Scalar {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v == null ? null : String(cell.v);
    case "b":
      return cell.v === true;
    case "e":
      return typeof cell.v === "number" ? (ERRORS[cell.v] ?? cell.w ?? "#VALUE!") : (cell.w ?? "#VALUE!");
    case "d":
      // Only with cellDates, which is not asked for; a serial number all the same.
      return cell.v instanceof Date ? cell.v.getTime() / 86400000 + 25569 : null;
    default:
      return null; // "z": a stub (an empty cell with a format)
  }
}

function formatOf(cell: LibCell): string {
  return typeof cell.z === "string" && cell.z !== "" ? cell.z : GENERAL;
}

/**
 * One sheet's Grid, mirroring the .xlsx reader: the bounds are those of the cells holding a value or a
 * formula; empty cells are kept only for a number format other than General; General is left out.
 */
export function gridOfSheet(
  name: string,
  sheet: LibSheet,
  budget: Budget,
  formulaText: (f: string) => string = (f) => f
): Grid {
  const rows = sheet["!data"] ?? [];
  const merges: Merge[] = (sheet["!merges"] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const key in rows) {
    const r = Number(key);
    const line = rows[r];
    for (const ck in line) {
      const cell = line[Number(ck)];
      if (!cell) continue;
      const c = Number(ck);
      if (valueOf(cell) === null && !cell.f) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (bottom < 0) return { name, top: 0, left: 0, values: [], formulas: [], formats: [], merges };
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  let count = 0;
  for (const key in rows) {
    const r = Number(key);
    if (r < top || r > bottom) continue;
    const line = rows[r];
    for (const ck in line) {
      const c = Number(ck);
      const cell = line[c];
      if (!cell || c < left || c > right) continue;
      const value = valueOf(cell);
      const format = formatOf(cell);
      const formula = cell.f ? `=${formulaText(cell.f)}` : null;
      if (value === null && formula === null && format === GENERAL) continue;
      const i = r - top;
      const j = c - left;
      (values[i] ??= [])[j] = value;
      if (formula !== null) (formulas[i] ??= [])[j] = formula;
      if (format !== GENERAL) (formats[i] ??= [])[j] = format;
      count++;
    }
  }
  budget.cells(count);
  if (values.length < bottom - top + 1) values.length = bottom - top + 1;
  return { name, top, left, values, formulas, formats, merges };
}

const STATES: SheetState[] = ["visible", "hidden", "veryHidden"];

/**
 * Inflates every part of an .xlsb / .ods once, bounded, so that the library never meets a zip bomb; an
 * .ods's content.xml is scanned on the way for what the library does not read (ods-scan.ts).
 */
function checkPackage(bytes: Uint8Array, budget: Budget): OdsScan {
  const zip = parseZip(bytes);
  const scanner = new OdsScanner();
  for (const entry of zip.entries) {
    if (entry.name.endsWith("/")) continue;
    if (entry.name !== "content.xml") {
      inflateEntry(zip, entry, budget, () => undefined);
      continue;
    }
    const decoder = new TextDecoder("utf-8");
    inflateEntry(zip, entry, budget, (chunk) => scanner.push(decoder.decode(chunk, { stream: true })));
    scanner.push(decoder.decode());
  }
  return scanner.end();
}

/** The library's merged areas and those the scan found (an empty spanning cell), each once. */
function withMerges(grid: Grid, extra: readonly Merge[] | undefined): Grid {
  if (!extra || extra.length === 0) return grid;
  const key = (m: Merge) => `${m.top},${m.left},${m.bottom},${m.right}`;
  const seen = new Set(grid.merges.map(key));
  const merges = [...grid.merges];
  for (const m of extra) {
    if (seen.has(key(m))) continue;
    seen.add(key(m));
    merges.push(m);
  }
  return { ...grid, merges };
}

function tooLarge(file: string | undefined, limit: number): WorkbookError {
  return workbookError("too-large", file, xlsxText.legacyFileLimit(limit));
}

/** A WorkbookError for whatever reading threw: limits, damaged zips, and the library's English errors. */
function failure(err: unknown, file?: string): WorkbookError {
  if (err instanceof WorkbookError) return err;
  if (err instanceof LimitError)
    return workbookError("too-large", file, xlsxText.limit(err.kind, err.limit, err.part));
  if (err instanceof RangeError) return workbookError("too-large", file, xlsxText.outOfMemory);
  if (err instanceof ZipError)
    return err.reason === "encrypted"
      ? workbookError("encrypted", file)
      : workbookError("corrupt", file, err.message);
  const message = err instanceof Error ? err.message : String(err);
  if (/password|encrypt|decrypt|RC4|FILEPASS/i.test(message)) return workbookError("encrypted", file);
  return workbookError("corrupt", file, xlsxText.legacyUnreadable);
}

/**
 * Reads an .xls / .xlsb / .ods file's worksheets (chartsheets and macro sheets left out) into Grids.
 * Throws WorkbookError: "too-large" (file or parts past the limits), "encrypted", "corrupt", and
 * "not-a-workbook" for an OLE2 file that holds no workbook stream.
 */
export async function readLegacyWorkbook(
  bytes: Uint8Array,
  format: LegacyFormat,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  const file = options.file;
  const limits = limitsWith(options.limits);
  if (bytes.length > LEGACY_LIMITS.fileBytes) throw tooLarge(file, LEGACY_LIMITS.fileBytes);
  const budget = new Budget({
    ...limits,
    packageBytes: Math.min(limits.packageBytes, LEGACY_LIMITS.packageBytes),
  });
  try {
    const scan = format === "xls" ? null : checkPackage(bytes, budget);
    const ods = format === "ods" && scan ? scan : null;
    const odsHidden = ods ? hiddenTables(ods) : new Set<string>();
    const odsMerges = new Map((ods?.tables ?? []).map((t) => [t.name, t.merges]));
    const lib = await loadLibrary();
    if (format === "xls" && !hasBookStream(bytes)) {
      // An OLE2 file whose directory reads but lists no workbook is something else (an Outlook message, a
      // Visio drawing …); one whose directory does not read is a damaged file, most likely a cut .xls.
      let readable = true;
      try {
        lib.CFB.read(bytes, { type: "array" });
      } catch {
        readable = false;
      }
      throw readable
        ? foreignFile("unknown", file)
        : workbookError("corrupt", file, xlsxText.legacyUnreadable);
    }
    const book = quietly(() =>
      lib.read(bytes, {
        type: "array",
        dense: true,
        cellFormula: true,
        cellNF: true,
        cellDates: false,
        cellHTML: false,
        cellText: false,
        cellStyles: false,
        sheetStubs: true,
        bookVBA: false,
        bookDeps: false,
        WTF: false,
      })
    );
    const wanted = options.sheets ? new Set(options.sheets) : null;
    const infos = book.SheetNames.map((name, i) => ({ name, i, sheet: book.Sheets[name] })).filter(
      ({ name, sheet }) =>
        sheet !== undefined &&
        (sheet["!type"] === undefined || sheet["!type"] === "sheet") &&
        (!wanted || wanted.has(name))
    );
    options.onProgress?.(0, infos.length);
    const sheets = infos.map(({ name, i, sheet }, done) => {
      const read = gridOfSheet(name, sheet, budget, ods ? odsFormula : undefined);
      const grid = withMerges(read, odsMerges.get(name));
      options.onProgress?.(done + 1, infos.length);
      const hidden = odsHidden.has(name) ? 1 : (book.Workbook?.Sheets?.[i]?.Hidden ?? 0);
      return { name, path: `#${i + 1}`, state: STATES[hidden] ?? "visible", grid };
    });
    return { sheets, extension: ".xlsx" };
  } catch (err) {
    throw failure(err, file);
  }
}
