/**
 * The reviewer's summary workbook (spec/cli.md): 汇总 (a row for every form and for every input that gave
 * none), 问题明细 (one row per error and warning, each a link to its cell) and 统计 (by department and
 * implementer, grades, frequent problems, duplicates, and with an earlier check the forms gone). Printed on A4
 * landscape at a fixed scale: columns narrow enough to fit, long text wrapped, header repeated, no shrinking.
 */
import type { FileStatus } from "../core/status";
import { columnName } from "../core/index";
import { cliText as T } from "../i18n/cli";
import { codeAdvice, codeName } from "../i18n/codes";
import { reviewText as R } from "../i18n/review";
import { overview, provenance, type Batch, type BatchRow, type Group } from "./batch";
import { displayWidth } from "./format";
import {
  quoteSheet,
  workbookBytes,
  type Cell,
  type Link,
  type SheetSpec,
  type Style,
  type Value,
} from "./xlsxout";

/** How a file is reached from where the document is saved (a relative URI, or a file: URI). */
export type Links = (file: string) => string;

function fileLink(links: Links, file: string, sheet: string, cell: string | null): Link {
  return { target: links(file), location: sheet && cell ? `${quoteSheet(sheet)}!${cell}` : null };
}

const STATUS_STYLE: Record<FileStatus, Style> = {
  pass: "ok",
  fix: "bad",
  unscored: "warn",
  unreadable: "warn",
  "no-form": "normal",
  "not-spreadsheet": "normal",
};

function num(value: number | null, style: Style = "decimal"): Cell {
  return { value, style: value === null ? "normal" : style };
}

function text(value: string): Cell {
  return { value, style: "wrap" };
}

/**
 * Column widths (characters at 11 pt) of 汇总. Their sum stays under what A4 landscape holds at the print
 * scale (about 150 with LibreOffice's fallback fonts, measured by tests/cli/print.test.ts), so
 * that the sheet prints at 75 % on one page width without being shrunk further.
 */
const SUMMARY_WIDTHS = [16, 8, 16, 11, 11, 8, 8, 7, 7, 6, 5, 5, 4, 4, 4, 8, 22];
const SINCE_WIDTH = 6;
const FINGERPRINT_WIDTH = 18;

function summaryRow(r: BatchRow, links: Links, since: boolean): Value[] {
  const gradeChanged =
    r.grade.submitted !== null && r.grade.recomputed !== null && r.grade.submitted !== r.grade.recomputed;
  const cells: Value[] = [
    { value: r.file, link: fileLink(links, r.file, r.sheet, r.cell) },
    text(r.sheet),
    text(r.project),
    text(r.department),
    text(r.implementer),
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
    { value: R.status[r.status], style: STATUS_STYLE[r.status] },
    text(r.main),
  ];
  if (since) cells.push(r.change === null ? null : { value: R.change[r.change], style: changeStyle(r) });
  cells.push(r.fingerprint || null);
  return cells;
}

function changeStyle(r: BatchRow): Style {
  return r.change === "worse" || r.change === "still" ? "bad" : r.change === "fixed" ? "ok" : "normal";
}

function heading(title: string, batch: Batch, widths: readonly number[]): SheetSpec & { rows: Cell[][] } {
  const end = columnName(widths.length - 1);
  const note = provenance(batch);
  const chars = widths.reduce((a, b) => a + b, 0);
  const lines = Math.max(1, Math.ceil((displayWidth(note) * 1.1) / chars));
  return {
    name: title,
    rows: [
      [{ value: title, style: "title" }],
      [{ value: note, style: "note" }],
      [{ value: overview(batch), style: "section" }],
    ],
    merges: [`A1:${end}1`, `A2:${end}2`, `A3:${end}3`],
    heights: { 1: 20, 2: lines * 15 + 3 },
  };
}

function headerCells(titles: readonly string[]): Cell[] {
  return titles.map((value) => ({ value, style: "header" as const }));
}

function summarySheet(batch: Batch, links: Links): SheetSpec {
  const since = batch.since !== null;
  const printed = since
    ? [...SUMMARY_WIDTHS.slice(0, -1), SUMMARY_WIDTHS.at(-1)! - SINCE_WIDTH, SINCE_WIDTH]
    : SUMMARY_WIDTHS;
  const titles = [...T.summaryHeader, ...(since ? [R.changeHeader] : []), R.fingerprintHeader];
  const top = heading(T.summaryTitle, batch, printed);
  return {
    name: T.summarySheet,
    rows: [...top.rows, headerCells(titles), ...batch.rows.map((r) => summaryRow(r, links, since))],
    headerRow: 4,
    merges: top.merges,
    heights: top.heights,
    widths: [...printed, FINGERPRINT_WIDTH],
    // The content identity is for the next round (--since), not for people: hidden, never printed.
    hidden: [printed.length],
    fitRows: true,
  };
}

const PROBLEM_WIDTHS = [18, 9, 6, 6, 16, 16, 76];

function problemSheet(batch: Batch, links: Links): SheetSpec {
  const top = heading(T.problemSheet, batch, PROBLEM_WIDTHS);
  const rows: Cell[][] = batch.problems.map((p) => [
    text(p.file),
    text(p.sheet),
    { value: p.cell, link: fileLink(links, p.file, p.sheet, p.cell) },
    { value: T.severity[p.severity], style: p.severity === "error" ? "bad" : "warn" },
    text(codeName(p.code)),
    text(p.project),
    text(p.message),
  ]);
  if (rows.length === 0) rows.push([{ value: T.noProblems, style: "note" }]);
  return {
    name: T.problemSheet,
    rows: [...top.rows, headerCells(R.problemHeader), ...rows],
    headerRow: 4,
    merges: top.merges,
    heights: top.heights,
    widths: PROBLEM_WIDTHS,
    fitRows: true,
  };
}

function groupRows(title: string, by: string, groups: readonly Group[]): Cell[][] {
  return [
    [{ value: title, style: "section" }],
    headerCells(T.groupHeader(by)),
    ...groups.map((g) => [
      text(g.name),
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

const STATS_WIDTHS = [30, 20, 12, 10, 10, 50, 8, 10];

function statsSheet(batch: Batch): SheetSpec {
  const top = heading(T.statsSheet, batch, STATS_WIDTHS);
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
    headerCells(R.codeHeader),
    ...batch.codes.map((c) => [
      text(codeName(c.code)),
      { value: T.severity[c.severity], style: c.severity === "error" ? ("bad" as const) : ("warn" as const) },
      { value: c.count },
      { value: c.forms },
      { value: null },
      text(codeAdvice(c.code)),
    ]),
    ...(batch.codes.length ? [] : [[{ value: T.noProblems, style: "note" as const }]]),
    [],
  ];
  // 怎么改 is long: it sits in the wide sixth column (the fifth is left empty).
  codes[1] = headerCells([...R.codeHeader.slice(0, 4), "", R.codeHeader[4]]);
  const duplicates: Cell[][] = [
    [{ value: T.duplicateTitle, style: "section" }],
    headerCells(T.duplicateHeader),
    ...batch.duplicates.map((d) => [
      text(d.project),
      text(d.department),
      text(T.duplicateWhy[d.why]),
      { value: null },
      { value: null },
      text(d.places.map((p) => `${p.file}「${p.sheet}」${p.range}`).join("；")),
    ]),
    ...(batch.duplicates.length ? [] : [[{ value: T.noDuplicates, style: "note" as const }]]),
    [],
  ];
  duplicates[1] = headerCells([...T.duplicateHeader.slice(0, 3), "", "", T.duplicateHeader[3]]);
  const gone: Cell[][] = batch.since
    ? [
        [{ value: R.goneTitle, style: "section" }],
        headerCells([R.goneHeader[0], R.goneHeader[1], R.goneHeader[2], R.goneHeader[3], R.goneHeader[4]]),
        ...batch.since.gone.map((g) => [
          text(g.file),
          text(g.sheet),
          text(g.project),
          text(g.department),
          { value: R.status[g.status as FileStatus] ?? g.status },
        ]),
        ...(batch.since.gone.length ? [] : [[{ value: R.noneGone, style: "note" as const }]]),
      ]
    : [];
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
      ...gone,
    ],
    merges: top.merges,
    heights: top.heights,
    widths: STATS_WIDTHS,
    fitRows: true,
  };
}

/**
 * The summary workbook's bytes. `links` gives the target of a file's link (relative to where the summary is
 * saved; the CLI computes it from paths, the pane from names).
 */
export function summaryXlsx(batch: Batch, links: Links): Uint8Array {
  return workbookBytes([summarySheet(batch, links), problemSheet(batch, links), statsSheet(batch)]);
}
