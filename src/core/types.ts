/** The core's public data: findings, per-sheet reports and patches. Everything hosts and the UI show. */
import type { Scalar } from "./grid";
import type { FormStatus, SheetStatus } from "./status";

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
  "FORM_UNREADABLE",
  "FIX_HELD",
  "VALUE_EMPTY",
  "TOTAL_OVER_FULL",
  "COLUMN_INFERRED",
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

/** What a form is (spec §9): 项目支出 (project), 部门整体支出 (department) or 绩效目标 (target) 自评表. */
export type FormKind = "project" | "department" | "target";

/** The evaluation of one form. Shapes follow a form of the `zpb check --json` document (spec/cli.md). */
export interface FormReport {
  /** The sheet the form is on. */
  sheet: string;
  /** The form's cells, "A1:I28" (from its title or first label to its last row). */
  range: string;
  /** 0-based absolute first and last row of the form (inclusive). */
  top: number;
  bottom: number;
  kind: FormKind;
  project: string;
  department: string;
  implementer: string;
  /** Weights; `byBlock` when the template prints weights only on block labels (no 分值 column). */
  weights: { budget: number | null; indicators: number; total: number; byBlock: boolean };
  budget: BudgetResult;
  indicators: IndicatorResult[];
  /** `recomputed` is null for a form that prints no scores at all (nothing to recompute). */
  total: { submitted: number | null; recomputed: number | null; cell: string | null; printedSum: number };
  /**
   * Always given: `submitted`/`cell` null where the form prints no grade; `recomputed` null with the total, or
   * where the recomputed total is above the full marks (TOTAL_OVER_FULL: no grade is derived from it).
   */
  grade: { submitted: string | null; recomputed: Grade | null; cell: string | null };
  findings: Finding[];
  /** The form's one verdict (status.ts), decided after the fix is planned: every surface shows this. */
  status: FormStatus;
}

/** One form as analysed: its report and the patches 一键重算 would write. */
export interface FormAnalysis {
  report: FormReport;
  patches: Patch[];
}

/** What the core says of one sheet: every form on it, top to bottom. */
export interface SheetAnalysis {
  name: string;
  forms: FormAnalysis[];
  /**
   * Sheet-level findings: LAYOUT_NOT_FOUND (info) for a sheet with no form, FORM_UNREADABLE (error) for a
   * part of the sheet that looks like a form but could not be read (also beside forms that were read).
   */
  findings: Finding[];
  /** The sheet's verdict: its forms' worst, 未能读取 with FORM_UNREADABLE, 不是自评表 with no form. */
  status: SheetStatus;
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
  /**
   * The number format the cell takes with the value ("0.00%"): set only for a rate written into an empty
   * cell without a percentage format among rates in one, whose format it takes (the value is a fraction).
   */
  numberFormat?: string;
  /** The cell whose format that is (same sheet, 0-based): a file writer gives the cell its style. */
  formatFrom?: { row: number; col: number };
  /** The cell's number format before the fix ("General" when it had none), kept for revert. */
  oldFormat?: string;
}
