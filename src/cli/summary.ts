/**
 * The reviewer's summary workbook (`zpb check --summary out.xlsx`, spec/cli.md): 汇总 (a row for every form
 * and for every input that gave none), 问题明细 (one row per error and warning, each a link to its cell) and
 * 统计 (by department and implementer, grades, frequent problems, duplicates).
 */
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { columnName } from "../core/index";
import { cliText as T } from "../i18n/cli";
import { provenance, type Batch, type BatchRow, type Group, type Status } from "./batch";
import { CliError, type FileResult } from "./types";
import { canonicalPath, saveAtomic } from "./workbook";
import {
  quoteSheet,
  workbookBytes,
  type Cell,
  type Link,
  type SheetSpec,
  type Style,
  type Value,
} from "./xlsxout";

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

function fileLink(fromDir: string, file: string, sheet: string, cell: string | null): Link {
  return {
    target: linkTarget(fromDir, file),
    location: sheet && cell ? `${quoteSheet(sheet)}!${cell}` : null,
  };
}

const STATUS_STYLE: Record<Status, Style> = { pass: "ok", fix: "bad", unreadable: "warn", notForm: "normal" };

function num(value: number | null, style: Style = "decimal"): Cell {
  return { value, style: value === null ? "normal" : style };
}

function summaryRow(r: BatchRow, fromDir: string): Value[] {
  const gradeChanged =
    r.grade.submitted !== null && r.grade.recomputed !== null && r.grade.submitted !== r.grade.recomputed;
  return [
    { value: r.file, link: fileLink(fromDir, r.file, r.sheet, r.cell) },
    { value: r.sheet },
    { value: r.project },
    { value: r.department },
    { value: r.implementer },
    num(r.rate.submitted === null ? null : r.rate.submitted / 100, "percent"),
    num(r.rate.recomputed === null ? null : r.rate.recomputed / 100, "percent"),
    num(r.total.submitted),
    num(r.total.recomputed),
    num(r.total.diff, r.total.diff ? "bad" : "decimal"),
    { value: r.grade.submitted },
    { value: r.grade.recomputed, style: gradeChanged ? "bad" : "normal" },
    r.range === null && r.counts.error === 0
      ? null
      : { value: r.counts.error, style: r.counts.error ? "bad" : "normal" },
    r.range === null ? null : r.counts.warning,
    r.range === null ? null : r.counts.info,
    { value: T.status[r.status], style: STATUS_STYLE[r.status] },
    { value: r.main, style: "wrap" },
  ];
}

function heading(title: string, batch: Batch, width: number): { rows: Cell[][]; merges: string[] } {
  const end = columnName(width - 1);
  const c = batch.counts;
  return {
    rows: [
      [{ value: title, style: "title" }],
      [{ value: provenance(batch), style: "note" }],
      [{ value: T.overview(c.forms, c.passed, c.toCorrect, c.unreadable), style: "section" }],
    ],
    merges: [`A1:${end}1`, `A2:${end}2`, `A3:${end}3`],
  };
}

function headerCells(titles: readonly string[]): Cell[] {
  return titles.map((value) => ({ value, style: "header" as const }));
}

function summarySheet(batch: Batch, fromDir: string): SheetSpec {
  const top = heading(T.summaryTitle, batch, T.summaryHeader.length);
  return {
    name: T.summarySheet,
    rows: [...top.rows, headerCells(T.summaryHeader), ...batch.rows.map((r) => summaryRow(r, fromDir))],
    headerRow: 4,
    merges: top.merges,
    widths: [36, 18, 30, 24, 24, 11, 11, 9, 9, 10, 9, 9, 6, 6, 6, 10, 70],
  };
}

function problemSheet(batch: Batch, fromDir: string): SheetSpec {
  const top = heading(T.problemSheet, batch, T.problemHeader.length);
  const rows: Cell[][] = batch.problems.map((p) => [
    { value: p.file },
    { value: p.sheet },
    { value: p.cell, link: fileLink(fromDir, p.file, p.sheet, p.cell) },
    { value: T.severity[p.severity], style: p.severity === "error" ? "bad" : "warn" },
    { value: p.code },
    { value: p.project },
    { value: p.message, style: "wrap" },
  ]);
  if (rows.length === 0) rows.push([{ value: T.noProblems, style: "note" }]);
  return {
    name: T.problemSheet,
    rows: [...top.rows, headerCells(T.problemHeader), ...rows],
    headerRow: 4,
    merges: top.merges,
    widths: [36, 18, 8, 9, 22, 30, 90],
  };
}

function groupRows(title: string, by: string, groups: readonly Group[]): Cell[][] {
  return [
    [{ value: title, style: "section" }],
    headerCells(T.groupHeader(by)),
    ...groups.map((g) => [
      { value: g.name },
      { value: g.forms },
      num(g.average),
      { value: g.grades["优"] },
      { value: g.grades["良"] },
      { value: g.grades["中"] },
      { value: g.grades["差"] },
      { value: g.withErrors, style: g.withErrors ? ("bad" as const) : ("normal" as const) },
    ]),
    [],
  ];
}

function statsSheet(batch: Batch): SheetSpec {
  const top = heading(T.statsSheet, batch, 8);
  const forms = batch.counts.forms;
  const grades: Cell[][] = [
    [{ value: T.gradeTitle, style: "section" }],
    headerCells(T.gradeHeader),
    ...batch.grades.map((g) => [
      { value: g.grade ?? T.noGradeLabel },
      { value: g.submitted },
      { value: g.recomputed },
      num(forms ? g.recomputed / forms : null, "percent"),
    ]),
    [],
  ];
  const codes: Cell[][] = [
    [{ value: T.codeTitle, style: "section" }],
    headerCells(T.codeHeader),
    ...batch.codes.map((c) => [
      { value: c.code },
      { value: T.codeLabel[c.code] ?? c.code },
      { value: T.severity[c.severity], style: c.severity === "error" ? ("bad" as const) : ("warn" as const) },
      { value: c.count },
      { value: c.forms },
      { value: T.codeAdvice[c.code] ?? "" },
    ]),
    ...(batch.codes.length ? [] : [[{ value: T.noProblems, style: "note" as const }]]),
    [],
  ];
  const duplicates: Cell[][] = [
    [{ value: T.duplicateTitle, style: "section" }],
    headerCells(T.duplicateHeader),
    ...batch.duplicates.map((d) => [
      { value: d.project },
      { value: d.department },
      { value: T.duplicateWhy[d.why] },
      { value: d.places.map((p) => `${p.file}「${p.sheet}」${p.range}`).join("；") },
    ]),
    ...(batch.duplicates.length ? [] : [[{ value: T.noDuplicates, style: "note" as const }]]),
  ];
  return {
    name: T.statsSheet,
    rows: [
      ...top.rows,
      [],
      ...groupRows(T.byDepartment, "主管部门", batch.departments),
      ...groupRows(T.byImplementer, "实施单位", batch.implementers),
      ...grades,
      ...codes,
      ...duplicates,
    ],
    merges: top.merges,
    widths: [30, 30, 14, 10, 10, 60, 8, 12],
  };
}

/** The summary workbook's bytes; links are relative to `fromDir`, the folder it is written to. */
export function summaryBytes(batch: Batch, fromDir: string): Uint8Array {
  return workbookBytes([summarySheet(batch, fromDir), problemSheet(batch, fromDir), statsSheet(batch)]);
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
  await saveAtomic(path, summaryBytes(batch, dirname(resolve(path))));
  return batch.rows.length;
}
