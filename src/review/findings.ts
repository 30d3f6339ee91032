/** Findings in the order a reader takes them, and their counts. */
import { parseA1, type Finding, type Severity } from "../core/index";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function position(cell: string): [number, number] {
  try {
    const p = parseA1(cell);
    return [p.row, p.col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** Errors first, then warnings, then infos; within a severity, down the form. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const bySeverity = RANK[a.severity] - RANK[b.severity];
    if (bySeverity !== 0) return bySeverity;
    const [ra, ca] = position(a.cell);
    const [rb, cb] = position(b.cell);
    return ra - rb || ca - cb;
  });
}

/** Counts of findings by severity. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Whether a finding asks something of the department: every error and warning, and the one note that backs a
 * cell 一键重算 fills in (VALUE_EMPTY) — so a form that is 需修改 only for such cells lists what they are.
 */
export function asksAction(finding: { severity: string; code: string }): boolean {
  return finding.severity !== "info" || finding.code === "VALUE_EMPTY";
}
