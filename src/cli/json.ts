/** The `zpb check --json` document, version 1 (spec/cli.md): only the contract's fields, in its order. */
import type { SheetReport } from "../core/index";
import { round2 } from "./format";
import type { FileResult } from "./types";

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

export interface JsonSheet {
  name: string;
  isForm: boolean;
  project: string;
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
  grade: { submitted: string | null; recomputed: string; cell: string } | null;
  findings: { code: string; severity: string; cell: string; message: string }[];
}

export interface JsonDocument {
  version: 1;
  files: { path: string; error: string | null; sheets: JsonSheet[] }[];
}

/**
 * One sheet of the document. A sheet that is not a form keeps the same shape with empty values (null
 * totals, no indicators), so that a reader never has to test for missing fields.
 */
export function sheetJson(r: SheetReport): JsonSheet {
  const form = r.isForm;
  return {
    name: r.name,
    isForm: form,
    project: r.project,
    weights: {
      budget: round2(r.weights.budget),
      indicators: form ? round2(r.weights.indicators) : null,
      total: form ? round2(r.weights.total) : null,
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
      recomputed: form ? round2(r.total.recomputed) : null,
      cell: r.total.cell,
    },
    grade: r.grade
      ? { submitted: r.grade.submitted, recomputed: r.grade.recomputed, cell: r.grade.cell }
      : null,
    findings: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell,
      message: f.message,
    })),
  };
}

/** The whole document. */
export function checkJson(files: readonly FileResult[]): JsonDocument {
  return {
    version: 1,
    files: files.map((f) => ({
      path: f.path,
      error: f.error,
      sheets: f.sheets.map((s) => sheetJson(s.report)),
    })),
  };
}
