/** The core's public data: findings, per-sheet reports and patches. Everything hosts and the UI show. */
import type { Scalar } from "./grid";

export type Severity = "error" | "warning" | "info";

/** Every finding code of the scoring rules (spec §8). */
export const FINDING_CODES = [
  "LAYOUT_NOT_FOUND",
  "WEIGHT_SUM",
  "WEIGHT_MISSING",
  "WEIGHT_SPLIT",
  "BUDGET_BASE_MISSING",
  "BUDGET_RATE_MISMATCH",
  "BUDGET_SCORE_MISMATCH",
  "SCORE_OVER_WEIGHT",
  "SCORE_MISMATCH",
  "SCORE_MISSING",
  "QUALITATIVE_BAND",
  "OVERSHOOT",
  "UNSCORABLE",
  "TOTAL_MISMATCH",
  "GRADE_MISMATCH",
  "REASON_MISSING",
  "FORMULA_KEPT",
  "VALUE_UNREADABLE",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One problem on a form, about one cell. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A1 address of the cell it is about. */
  cell: string;
  /** Chinese message naming the row and saying what to do. */
  message: string;
  /** 1-based sheet row of the indicator or budget row, when the finding is about one. */
  row?: number;
  /** The row's 三级指标 (or budget label) when the finding is about a row. */
  label?: string;
  /** The value on the form and the value the rules give, when they differ. */
  submitted?: number | string | null;
  recomputed?: number | string | null;
  /** How the recomputed value was obtained, e.g. "95 ÷ 100 × 10 = 9.50". */
  explain?: string;
}

export type Method = "positive" | "equal" | "zero" | "reverse" | "completion" | "qualitative" | "unscorable";

/** One indicator row, as read and as recomputed. */
export interface IndicatorResult {
  /** 1-based sheet row. */
  row: number;
  scoreCell: string;
  reasonCell: string | null;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number | null;
  submittedScore: number | null;
  /** Recomputed score, rounded to 2 decimals; null when none can be given. */
  score: number | null;
  method: Method;
  /** How the score was computed, e.g. "95 ÷ 100 × 10 = 9.50". */
  explain: string;
  reason: string;
}

export interface BudgetResult {
  /** Percent units (100 = 100 %). */
  submittedRate: number | null;
  rate: number | null;
  submittedScore: number | null;
  score: number | null;
  /** The 年度资金总额 row's 得分 cell. */
  cell: string | null;
  rateCell: string | null;
  annual: number | null;
  executed: number | null;
  explain: string;
}

export type Grade = "优" | "良" | "中" | "差";

/** The evaluation of one sheet. Shapes follow the `zpb check --json` document (spec/cli.md). */
export interface SheetReport {
  name: string;
  isForm: boolean;
  project: string;
  department: string;
  implementer: string;
  weights: { budget: number | null; indicators: number; total: number };
  budget: BudgetResult;
  indicators: IndicatorResult[];
  total: { submitted: number | null; recomputed: number; cell: string | null; printedSum: number };
  grade: { submitted: string | null; recomputed: Grade; cell: string } | null;
  findings: Finding[];
}

/** What a fix writes into one cell. Coordinates are 0-based absolute; `old` is kept for revert. */
export interface Patch {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  /** The cell's value before the fix (null when empty). */
  old: Scalar;
  /** The value to write: a number, or a text that can never be read as a formula. */
  value: number | string;
  what: "score" | "rate" | "budgetScore" | "total" | "grade" | "reason";
}
