/** `zpb fix`: writes the recomputed values of every form of a workbook into a new file (or in place). */
import { basename, dirname, extname, join } from "node:path";
import type { Finding, FormReport, Patch } from "../core/index";
import type { FormStatus } from "../core/status";
import { linkTarget, unchangedSince } from "../hosts/xlsx/node";
import { writePatches } from "../hosts/xlsx/write";
import { readWorkbook, type WorkbookExtension } from "../hosts/xlsx/read";
import { cliText as T } from "../i18n/cli";
import { analyzeWorkbook, type CheckOptions } from "./check";
import { CliError, type SheetResult } from "./types";
import { canonicalPath, openWorkbook, processLimits, saveAtomic, type OpenedWorkbook } from "./workbook";
import { convertToXlsx } from "./convert";

export interface FixOptions extends CheckOptions {
  /** `-o`: where to write; default `<name>.checked.xlsx` beside the input. */
  output?: string;
  /** `--in-place`: replace the input (temporary file + rename). */
  inPlace?: boolean;
  /** Waits this long before the rename (a test hook, ZPB_TEST_PAUSE_BEFORE_RENAME_MS). */
  pauseBeforeRename?: number;
  /** The LibreOffice converter for .xls / .xlsb / .ods inputs (default: found on this machine; null: none). */
  soffice?: string | null;
  /** Environment (ZPB_SOFFICE); defaults to process.env. */
  env?: Record<string, string | undefined>;
}

/** One form of the workbook and what its fix writes. */
export interface FixSheet {
  /** The sheet's name. */
  name: string;
  /** The form's range, and whether it shares its sheet with other forms. */
  range: string;
  shared: boolean;
  patches: Patch[];
  /** FORMULA_KEPT findings: formula cells the fix did not overwrite. */
  formulaKept: Finding[];
  /** Planned patches of locked cells of a protected sheet: not written, as Excel would refuse them. */
  locked: Patch[];
  /** The form's verdict in the check. */
  status: FormStatus;
  /** 总分 and 评分等级 as the form printed them, before the fix and in the written workbook. */
  before: Outcome;
  after: Outcome;
}

/** What a form prints as its result: its 总分 and 评分等级 (null where it prints none). */
export interface Outcome {
  total: number | null;
  grade: string | null;
}

function outcomeOf(report: FormReport): Outcome {
  return { total: report.total.submitted, grade: report.grade.submitted };
}

export interface FixResult {
  input: string;
  /** The file written, or null when `--in-place` had nothing to change. */
  output: string | null;
  /** Every form of every sheet, in workbook order. */
  forms: FixSheet[];
  /** The sheets of the written workbook, checked again: what a person still has to correct. */
  after: SheetResult[];
  /** The input's format when it was converted to .xlsx by LibreOffice (an .xls, .xlsb or .ods). */
  convertedFrom?: string;
}

/**
 * `<dir>/<name>.checked<ext>` for `<dir>/<name>.<any>`: `ext` is the workbook's own kind (".xlsm" for a
 * macro-enabled one), by default the input's extension when it is a workbook's, else ".xlsx".
 */
export function defaultOutput(input: string, ext?: WorkbookExtension): string {
  const given = extname(input).toLowerCase();
  const kind = ext ?? (/^\.(xlsx|xlsm|xltx|xltm)$/.test(given) ? given : ".xlsx");
  const name = basename(input).replace(/\.[^.]*$/, "");
  return join(dirname(input), `${name}.checked${kind}`);
}

async function target(input: string, options: FixOptions, ext: WorkbookExtension): Promise<string> {
  if (options.inPlace) return input;
  const output = options.output ?? defaultOutput(input, ext);
  if ((await canonicalPath(output)) === (await canonicalPath(input)))
    throw new CliError(T.argError(T.outputIsInput(input)));
  // A macro-enabled package under an .xlsx name (or the reverse) is a file Excel refuses to open, and an
  // .xlsx named .xls, .ods or .csv claims to be what it is not: the name says the kind written.
  const given = extname(output).toLowerCase();
  if (given !== "" && given !== ext) throw new CliError(T.argError(T.outputExtension(output, ext)));
  return output;
}

/**
 * Reads the workbook, plans the fix of every form sheet, writes the patched workbook atomically and checks
 * the written bytes again. Locked cells of protected sheets are not written (`locked`). Throws
 * WorkbookError when the input cannot be read and CliError on wrong arguments, a failed write, or — with
 * `inPlace` — an input changed since it was read (nothing is written then); the input is never written
 * unless `inPlace`, and then through a symbolic link to the file it names.
 */
export async function fixFile(input: string, options: FixOptions): Promise<FixResult> {
  if (options.inPlace && options.output !== undefined) throw new CliError(T.argError(T.outputAndInPlace));
  let opened: OpenedWorkbook = await openWorkbook(input);
  const convertedFrom = opened.format !== undefined && opened.format !== "xlsx" ? opened.format : undefined;
  const output = await target(input, options, opened.workbook.extension);
  if (opened.format !== undefined && opened.format !== "xlsx") {
    // The workbook is written as .xlsx, converted by LibreOffice, and patched like any .xlsx; the fix is
    // planned on the converted workbook, so that what is patched is what was checked.
    if (options.inPlace) throw new CliError(T.argError(T.legacyInPlace(input)));
    const bytes = await convertToXlsx(input, opened.format, { soffice: options.soffice, env: options.env });
    opened = { bytes, workbook: readWorkbook(bytes, { file: input, limits: processLimits() }) };
  }
  const { sheets } = analyzeWorkbook(opened, options);
  // The grids are no longer needed: a sheet of a million rows should not stay in memory while it is written.
  opened.workbook.sheets.splice(0);
  const all = sheets.flatMap((s) => s.forms.flatMap((f) => f.patches));
  const written =
    all.length === 0 ? { bytes: opened.bytes, locked: [] } : writePatches(opened.bytes, all, input);
  const locked = new Set(written.locked.map((p) => `${p.sheet}\u0000${p.cell}`));
  const isLocked = (p: Patch) => locked.has(`${p.sheet}\u0000${p.cell}`);
  const forms: FixSheet[] = sheets.flatMap((s) =>
    s.forms.map(({ report, patches }) => ({
      name: s.name,
      range: report.range,
      shared: s.forms.length > 1,
      patches: patches.filter((p) => !isLocked(p)),
      formulaKept: report.findings.filter((f) => f.code === "FORMULA_KEPT"),
      locked: patches.filter(isLocked),
      status: report.status,
      before: outcomeOf(report),
      after: outcomeOf(report),
    }))
  );
  const patches = forms.flatMap((f) => f.patches);
  if (patches.length === 0 && options.inPlace)
    return { input, output: null, forms, after: sheets, convertedFrom };
  const bytes = patches.length === 0 ? opened.bytes : written.bytes;
  const real = options.inPlace ? await linkTarget(input) : output;
  await saveAtomic(real, bytes, {
    pauseMs: options.pauseBeforeRename,
    // A save the user made while this ran wins: the fix is refused rather than overwriting it.
    beforeRename: async () => {
      if (options.inPlace && opened.stamp && !(await unchangedSince(real, opened.stamp)))
        throw new CliError(T.changedWhileFixing(input));
    },
  });
  // Checking what was written (not what was planned) is what tells the user which errors remain.
  // Only the patched sheets are read again: the others are byte for byte what was checked.
  const patched = new Set(patches.map((p) => p.sheet));
  const again =
    patches.length === 0
      ? []
      : analyzeWorkbook(
          { bytes, workbook: readWorkbook(bytes, { file: output, sheets: [...patched] }) },
          options
        ).sheets;
  const after = sheets.map((s) => (patched.has(s.name) ? (again.shift() ?? s) : s));
  for (const form of forms) {
    const sheet = after.find((s) => s.name === form.name);
    const report = sheet?.forms.find((f) => f.report.range === form.range)?.report;
    if (report) form.after = outcomeOf(report);
  }
  return { input, output, forms, after, convertedFrom };
}
