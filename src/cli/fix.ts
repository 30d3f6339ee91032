/** `zpb fix`: writes the recomputed values of every form of a workbook into a new file (or in place). */
import { basename, dirname, join } from "node:path";
import type { Finding, Patch } from "../core/index";
import { applyPatches } from "../hosts/xlsx/write";
import { readWorkbook } from "../hosts/xlsx/read";
import { cliText as T } from "../i18n/cli";
import { analyzeWorkbook, type CheckOptions } from "./check";
import { CliError, type SheetResult } from "./types";
import { canonicalPath, openWorkbook, saveAtomic } from "./workbook";

export interface FixOptions extends CheckOptions {
  /** `-o`: where to write; default `<name>.checked.xlsx` beside the input. */
  output?: string;
  /** `--in-place`: replace the input (temporary file + rename). */
  inPlace?: boolean;
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
}

export interface FixResult {
  input: string;
  /** The file written, or null when `--in-place` had nothing to change. */
  output: string | null;
  /** Every form of every sheet, in workbook order. */
  forms: FixSheet[];
  /** The sheets of the written workbook, checked again: what a person still has to correct. */
  after: SheetResult[];
}

/** `<dir>/<name>.checked.xlsx` for `<dir>/<name>.xlsx` (any extension is replaced). */
export function defaultOutput(input: string): string {
  const name = basename(input).replace(/\.[^.]*$/, "");
  return join(dirname(input), `${name}.checked.xlsx`);
}

async function target(input: string, options: FixOptions): Promise<string> {
  if (options.inPlace && options.output !== undefined) throw new CliError(T.argError(T.outputAndInPlace));
  if (options.inPlace) return input;
  const output = options.output ?? defaultOutput(input);
  if ((await canonicalPath(output)) === (await canonicalPath(input)))
    throw new CliError(T.argError(T.outputIsInput(input)));
  return output;
}

/**
 * Reads the workbook, plans the fix of every form sheet, writes the patched workbook atomically and checks
 * the written bytes again. Throws WorkbookError when the input cannot be read and CliError on wrong
 * arguments or a failed write; the input is never written unless `inPlace`.
 */
export async function fixFile(input: string, options: FixOptions): Promise<FixResult> {
  const output = await target(input, options);
  const opened = await openWorkbook(input);
  const { sheets } = analyzeWorkbook(opened, options);
  const forms: FixSheet[] = sheets.flatMap((s) =>
    s.forms.map(({ report, patches }) => ({
      name: s.name,
      range: report.range,
      shared: s.forms.length > 1,
      patches,
      formulaKept: report.findings.filter((f) => f.code === "FORMULA_KEPT"),
    }))
  );
  const patches = forms.flatMap((f) => f.patches);
  if (patches.length === 0 && options.inPlace) return { input, output: null, forms, after: sheets };
  const bytes = patches.length === 0 ? opened.bytes : applyPatches(opened.bytes, patches, input);
  await saveAtomic(output, bytes);
  // Checking what was written (not what was planned) is what tells the user which errors remain.
  const after =
    patches.length === 0
      ? sheets
      : analyzeWorkbook({ bytes, workbook: readWorkbook(bytes, { file: output }) }, options).sheets;
  return { input, output, forms, after };
}
