/**
 * The `zpb check --json` document, version 2 (spec/cli.md): only the contract's fields, in its order.
 * These types are the contract; they are kept apart from the core's, which may grow without changing it.
 */
import type { Finding, FormReport } from "../core/index";
import type { FileStatus, FormStatus } from "../core/status";
import { round2 } from "./format";
import type { FileResult, SheetResult } from "./types";

export interface JsonIndicator {
  row: number;
  scoreCell: string;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number | null;
  submittedScore: number | null;
  score: number | null;
  method: string;
}

export interface JsonFinding {
  code: string;
  severity: string;
  cell: string;
  message: string;
}

export interface JsonForm {
  range: string;
  kind: "project" | "department" | "target";
  /** The form's one verdict (spec/cli.md "Verdicts"). */
  status: FormStatus;
  project: string;
  department: string;
  implementer: string;
  weights: { budget: number | null; indicators: number | null; total: number | null };
  budget: {
    submittedRate: number | null;
    rate: number | null;
    submittedScore: number | null;
    score: number | null;
    cell: string | null;
  };
  indicators: JsonIndicator[];
  total: { submitted: number | null; recomputed: number | null; cell: string | null };
  grade: { submitted: string | null; recomputed: string | null; cell: string | null };
  findings: JsonFinding[];
}

export interface JsonSheet {
  name: string;
  findings: JsonFinding[];
  forms: JsonForm[];
}

export interface JsonFile {
  path: string;
  error: string | null;
  /** The file's one verdict: its worst form's, or why it gives none. */
  status: FileStatus;
  /** Only where the file gives no form: why, in Chinese. */
  why?: string;
  skipped: { sheet: string; why: string }[];
  sheets: JsonSheet[];
}

export interface JsonDocument {
  version: 2;
  files: JsonFile[];
}

function findingJson(f: Finding): JsonFinding {
  return { code: f.code, severity: f.severity, cell: f.cell, message: f.message };
}

/** One form of the document. */
export function formJson(r: FormReport): JsonForm {
  return {
    range: r.range,
    kind: r.kind,
    status: r.status,
    project: r.project,
    department: r.department,
    implementer: r.implementer,
    weights: {
      budget: round2(r.weights.budget),
      indicators: round2(r.weights.indicators),
      total: round2(r.weights.total),
    },
    budget: {
      submittedRate: round2(r.budget.submittedRate),
      rate: round2(r.budget.rate),
      submittedScore: round2(r.budget.submittedScore),
      score: round2(r.budget.score),
      cell: r.budget.cell,
    },
    indicators: r.indicators.map((i) => ({
      row: i.row,
      scoreCell: i.scoreCell,
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      target: i.target,
      actual: i.actual,
      weight: round2(i.weight),
      submittedScore: round2(i.submittedScore),
      score: round2(i.score),
      method: i.method,
    })),
    total: {
      submitted: round2(r.total.submitted),
      recomputed: round2(r.total.recomputed),
      cell: r.total.cell,
    },
    grade: { submitted: r.grade.submitted, recomputed: r.grade.recomputed, cell: r.grade.cell },
    findings: r.findings.map(findingJson),
  };
}

/** One sheet: its forms top to bottom, and its sheet-level findings. */
export function sheetJson(s: SheetResult): JsonSheet {
  return {
    name: s.name,
    findings: s.findings.map(findingJson),
    forms: s.forms.map((f) => formJson(f.report)),
  };
}

/** The whole document. */
export function checkJson(files: readonly FileResult[]): JsonDocument {
  return {
    version: 2,
    files: files.map((f) => ({
      path: f.path,
      error: f.error,
      status: f.status,
      ...(f.why !== null ? { why: f.why } : {}),
      skipped: f.skipped.map((s) => ({ sheet: s.sheet, why: s.why })),
      sheets: f.sheets.map(sheetJson),
    })),
  };
}
