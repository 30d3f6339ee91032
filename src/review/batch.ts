/**
 * What a batch came to, in the shape the reviewer's outputs share (the summary workbook, the HTML report,
 * the letters): a row for every form and for every input that gave none, every error and warning, and the
 * overview by department, grade, problem and duplicate. Built once from the check's results.
 */
import type { Finding, FindingCode, FormKind, FormReport, Grade, Severity } from "../core/index";
import { readGrade } from "../core/rules/totals";
import { statusRank, type FileStatus } from "../core/status";
import { cliText as T } from "../i18n/cli";
import { reviewText as R } from "../i18n/review";
import { round2 } from "./format";
import { asksAction, countFindings, sortFindings } from "./findings";
import type { FileResult, FormResult, SheetResult } from "./types";
import {
  compare,
  fingerprint,
  type Change,
  type Earlier,
  type EarlierForm,
  type EarlierProblem,
} from "./since";

export type { Change, Earlier, EarlierForm, EarlierProblem };
export const GRADES: readonly Grade[] = ["优", "良", "中", "差"];

/** One row of the 汇总 sheet: a form, or an input (file or sheet) that gave none. */
export interface BatchRow {
  file: string;
  /** "" for a row about a whole file. */
  sheet: string;
  /** The cell a link opens: the form's first cell, A1 of a sheet; null for a whole file. */
  cell: string | null;
  range: string | null;
  kind: FormKind | null;
  project: string;
  department: string;
  implementer: string;
  /** Percent units (100 = 100 %). */
  rate: { submitted: number | null; recomputed: number | null };
  total: { submitted: number | null; recomputed: number | null; diff: number | null };
  grade: { submitted: string | null; recomputed: string | null };
  counts: Record<Severity, number>;
  /** The core's verdict: the form's, or the file's or sheet's where it gave none. */
  status: FileStatus;
  /** The worst problem with its cell, or why the input gave no form. */
  main: string;
  /** The row's findings, worst first (a form's own, or the sheet's FORM_UNREADABLE). */
  findings: Finding[];
  /** What identifies the form's content across two rounds (its indicators, not its figures); "" for none. */
  fingerprint: string;
  /** With an earlier check: how the form changed since (null for a row that is not a form, or no earlier). */
  change: Change | null;
  /** With an earlier check: the problems it had then that are no longer found. */
  corrected: EarlierProblem[];
}

/** One row of the 问题明细 sheet: an error or a warning. */
export interface ProblemRow {
  file: string;
  sheet: string;
  cell: string;
  severity: Severity;
  code: FindingCode;
  project: string;
  department: string;
  message: string;
}

/** Forms of one 主管部门 or 实施单位. */
export interface Group {
  name: string;
  forms: number;
  /** Average recomputed total of the forms that have one. */
  average: number | null;
  grades: Record<Grade, number>;
  withErrors: number;
}

export interface CodeCount {
  code: FindingCode;
  severity: Severity;
  count: number;
  /** Forms (or sheets) it was found on. */
  forms: number;
}

/** Forms that appear twice: same 项目名称 and 主管部门 in two files, or the same content. */
export interface Duplicate {
  project: string;
  department: string;
  why: "name" | "content";
  places: { file: string; sheet: string; range: string }[];
}

/** When, with which rules and version, over what. */
export interface BatchMeta {
  when: Date;
  profile: string;
  version: string;
  /** The files and folders given (as the user named them). */
  inputs: readonly string[];
  /** Other files found in the input folders (a .pdf, a .txt): accounted for, not checked. */
  others?: readonly string[];
  /** Summaries an earlier run wrote, found in the input folders: accounted for, not checked. */
  ownOutputs?: readonly string[];
}

export interface Batch {
  meta: BatchMeta;
  rows: BatchRow[];
  problems: ProblemRow[];
  departments: Group[];
  implementers: Group[];
  /** Forms per grade, as printed and as recomputed; `none` counts forms without one. */
  grades: { grade: Grade | null; submitted: number; recomputed: number }[];
  codes: CodeCount[];
  duplicates: Duplicate[];
  counts: {
    files: number;
    forms: number;
    passed: number;
    toCorrect: number;
    unscored: number;
    unreadable: number;
    others: number;
  };
  /** With an earlier check: when it was, and its forms no longer found. */
  since: { when: string; gone: EarlierForm[] } | null;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The worst problem with its cell: an error or warning, else a cell 一键重算 fills in (asksAction). */
function worst(findings: readonly Finding[]): string {
  const first = sortFindings(findings).find(asksAction);
  return first ? `${first.cell}：${first.message}` : "";
}

function emptyRow(file: string, sheet: string, status: FileStatus, main: string): BatchRow {
  return {
    file,
    sheet,
    cell: sheet ? "A1" : null,
    range: null,
    kind: null,
    project: "",
    department: "",
    implementer: "",
    rate: { submitted: null, recomputed: null },
    total: { submitted: null, recomputed: null, diff: null },
    grade: { submitted: null, recomputed: null },
    counts: { error: 0, warning: 0, info: 0 },
    status,
    main,
    findings: [],
    fingerprint: "",
    change: null,
    corrected: [],
  };
}

function formRow(file: string, sheet: SheetResult, form: FormResult): BatchRow {
  const r = form.report;
  const counts = countFindings(r.findings);
  const submitted = round2(r.total.submitted);
  const recomputed = round2(r.total.recomputed);
  return {
    file,
    sheet: sheet.name,
    cell: r.range.split(":")[0],
    range: r.range,
    kind: r.kind,
    project: r.project,
    department: r.department,
    implementer: r.implementer,
    rate: { submitted: round2(r.budget.submittedRate), recomputed: round2(r.budget.rate) },
    total: {
      submitted,
      recomputed,
      diff: submitted === null || recomputed === null ? null : round2(recomputed - submitted),
    },
    grade: { submitted: r.grade.submitted, recomputed: r.grade.recomputed },
    counts,
    status: r.status,
    main: worst(r.findings),
    findings: sortFindings(r.findings),
    fingerprint: fingerprint(r),
    change: null,
    corrected: [],
  };
}

/** The reason of a file that could not be read, without the path it starts with. */
function reasonOf(file: FileResult): string {
  const error = file.error ?? "";
  return error.startsWith(`${file.path}：`) ? error.slice(file.path.length + 1) : error;
}

function fileRows(file: FileResult): BatchRow[] {
  if (file.error !== null) return [emptyRow(file.path, "", file.status, reasonOf(file))];
  const rows: BatchRow[] = [];
  for (const sheet of file.sheets) {
    for (const form of sheet.forms) rows.push(formRow(file.path, sheet, form));
    for (const f of sheet.findings) {
      if (f.code === "FORM_UNREADABLE") {
        const row = emptyRow(file.path, sheet.name, "unreadable", `${f.cell}：${f.message}`);
        rows.push({ ...row, cell: f.cell, counts: countFindings([f]), findings: [f] });
      } else if (sheet.forms.length === 0 && f.code === "LAYOUT_NOT_FOUND") {
        rows.push(emptyRow(file.path, sheet.name, "no-form", T.noFormOnSheet));
      }
    }
  }
  for (const s of file.skipped)
    rows.push(emptyRow(file.path, s.sheet, "no-form", T.skippedNotChecked(s.why)));
  if (rows.length === 0) rows.push(emptyRow(file.path, "", file.status, file.why ?? T.noSheets));
  return rows;
}

function problemRows(files: readonly FileResult[]): ProblemRow[] {
  const out: ProblemRow[] = [];
  for (const file of files) {
    for (const sheet of file.sheets) {
      const add = (findings: readonly Finding[], r: FormReport | null): void => {
        for (const f of sortFindings(findings)) {
          if (!asksAction(f)) continue;
          out.push({
            file: file.path,
            sheet: sheet.name,
            cell: f.cell,
            severity: f.severity,
            code: f.code,
            project: r?.project ?? "",
            department: r?.department ?? "",
            message: f.message,
          });
        }
      };
      add(sheet.findings, null);
      for (const form of sheet.forms) add(form.report.findings, form.report);
    }
  }
  return out;
}

function groups(rows: readonly BatchRow[], key: (r: BatchRow) => string): Group[] {
  const map = new Map<string, { group: Group; sum: number; scored: number }>();
  for (const r of rows) {
    const name = key(r) || T.unnamed;
    let entry = map.get(name);
    if (!entry) {
      const grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
      entry = { group: { name, forms: 0, average: null, grades, withErrors: 0 }, sum: 0, scored: 0 };
      map.set(name, entry);
    }
    const g = entry.group;
    g.forms++;
    if (r.counts.error > 0) g.withErrors++;
    const grade = r.grade.recomputed as Grade | null;
    if (grade) g.grades[grade]++;
    if (r.total.recomputed !== null) {
      entry.sum += r.total.recomputed;
      entry.scored++;
    }
  }
  return [...map.values()]
    .map(({ group, sum, scored }) => ({ ...group, average: scored ? round2(sum / scored) : null }))
    .sort((a, b) => b.forms - a.forms || byCodePoint(a.name, b.name));
}

function gradeCounts(forms: readonly BatchRow[]): Batch["grades"] {
  const rows: Batch["grades"] = [...GRADES, null].map((grade) => ({ grade, submitted: 0, recomputed: 0 }));
  const at = (g: Grade | null) => rows[g === null ? GRADES.length : GRADES.indexOf(g)];
  for (const r of forms) {
    at(r.grade.recomputed as Grade | null).recomputed++;
    at(r.grade.submitted === null ? null : readGrade(r.grade.submitted)).submitted++;
  }
  return rows;
}

function codeCounts(rows: readonly BatchRow[]): CodeCount[] {
  const map = new Map<FindingCode, CodeCount>();
  for (const r of rows) {
    const seen = new Set<FindingCode>();
    for (const f of r.findings) {
      if (!asksAction(f)) continue;
      const c = map.get(f.code) ?? { code: f.code, severity: f.severity, count: 0, forms: 0 };
      c.count++;
      if (!seen.has(f.code)) c.forms++;
      seen.add(f.code);
      map.set(f.code, c);
    }
  }
  return [...map.values()].sort((a, b) => b.count - a.count || byCodePoint(a.code, b.code));
}

/** What makes two forms the same content: every figure and indicator read from them (not their name). */
function contentKey(r: FormReport): string {
  return JSON.stringify([
    r.budget.annual,
    r.budget.executed,
    r.budget.submittedScore,
    r.total.submitted,
    r.indicators.map((i) => [i.level3, i.target, i.actual, i.weight, i.submittedScore, i.reason]),
  ]);
}

function duplicates(files: readonly FileResult[]): Duplicate[] {
  const byName = new Map<string, Duplicate>();
  const byContent = new Map<string, Duplicate>();
  for (const file of files) {
    for (const sheet of file.sheets) {
      for (const { report: r } of sheet.forms) {
        const place = { file: file.path, sheet: sheet.name, range: r.range };
        const base = { project: r.project, department: r.department, places: [] };
        if (r.project) {
          const k = JSON.stringify([r.project, r.department]);
          const d = byName.get(k) ?? { ...base, why: "name" as const, places: [] };
          d.places.push(place);
          byName.set(k, d);
        }
        if (r.indicators.length > 0) {
          const k = contentKey(r);
          const d = byContent.get(k) ?? { ...base, why: "content" as const, places: [] };
          d.places.push(place);
          byContent.set(k, d);
        }
      }
    }
  }
  const inTwoFiles = (d: Duplicate) => new Set(d.places.map((p) => p.file)).size > 1;
  const named = [...byName.values()].filter(inTwoFiles);
  // Same content under the same name in two files is said once, as a name duplicate.
  const namedKeys = new Set(named.map((d) => JSON.stringify(d.places)));
  const same = [...byContent.values()].filter(
    (d) => d.places.length > 1 && !namedKeys.has(JSON.stringify(d.places))
  );
  return [...named, ...same];
}

function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
}

/**
 * Builds the batch from the files checked, with the other files found in the input folders and the summaries
 * of earlier runs found there (`meta.others`, `meta.ownOutputs`: accounted for, not checked). With `earlier`
 * (readEarlier), every form is marked new / fixed / still / worse / same and the forms gone are listed.
 */
export function buildBatch(files: readonly FileResult[], meta: BatchMeta, earlier?: Earlier): Batch {
  const others = meta.others ?? [];
  const ownOutputs = meta.ownOutputs ?? [];
  const rows = files.flatMap(fileRows);
  for (const other of others)
    rows.push(emptyRow(other, "", "not-spreadsheet", T.otherFile(extensionOf(other) || T.noExtension)));
  for (const own of ownOutputs) rows.push(emptyRow(own, "", "no-form", T.ownOutput));
  const forms = rows.filter((r) => r.range !== null);
  let since: Batch["since"] = null;
  if (earlier) {
    const result = compare(forms, earlier);
    since = { when: earlier.when, gone: result.gone };
  }
  // Sorted by status and errors, then file; equal rows keep workbook order (the sort is stable).
  const sorted = [...rows].sort(
    (a, b) =>
      statusRank(a.status) - statusRank(b.status) ||
      b.counts.error - a.counts.error ||
      byCodePoint(a.file, b.file)
  );
  return {
    meta,
    rows: sorted,
    problems: problemRows(files),
    departments: groups(forms, (r) => r.department),
    implementers: groups(forms, (r) => r.implementer),
    grades: gradeCounts(forms),
    codes: codeCounts(rows),
    duplicates: duplicates(files),
    counts: {
      files: files.length,
      forms: forms.length,
      passed: forms.filter((r) => r.status === "pass").length,
      toCorrect: forms.filter((r) => r.status === "fix").length,
      unscored: forms.filter((r) => r.status === "unscored").length,
      unreadable: rows.filter((r) => r.status === "unreadable").length,
      others: others.length + ownOutputs.length,
    },
    since,
  };
}

/** Local date and time, as a reader writes it: "2026-12-02 10:35". */
export function formatWhen(when: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
  return `${date} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

/** The line above every table: when, with which profile, by which version, over what. */
export function provenance(batch: Batch): string {
  const { meta, counts } = batch;
  return T.provenance(
    formatWhen(meta.when),
    meta.profile,
    meta.version,
    meta.inputs.join("、"),
    counts.files,
    counts.forms,
    counts.others
  );
}

/** The overview line: forms by status. */
export function overview(batch: Batch): string {
  return R.overview(batch.counts);
}

/** With an earlier check: one line counting the forms by change and the forms gone. */
export function sinceLine(batch: Batch): string {
  const counts = { new: 0, fixed: 0, still: 0, worse: 0, same: 0 };
  for (const r of batch.rows) if (r.change) counts[r.change]++;
  const head = batch.since?.when ? `${R.sinceLine(batch.since.when)}；` : "";
  return `${R.sinceTitle}：${head}${R.sinceCounts(counts, batch.since?.gone.length ?? 0)}`;
}
