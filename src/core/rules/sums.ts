/**
 * Rows that print the sum of the rows below them (保山 forms whose parent rows repeat their sub-rows' points,
 * spec §9): counted once. A row is taken for such a sum only where its weight and score are exactly those
 * of the two or more rows that follow it under the same 二级指标, and only where counting it once is what
 * makes the weights add up to 100 — a form whose weights add up is never second-guessed.
 */
import { round2 } from "../numbers";
import type { IndicatorEval } from "./indicator";

/** Whether rows[i] sums the rows right after it (same block and 二级指标). */
function sumsFollowing(rows: IndicatorEval[], i: number): boolean {
  const parent = rows[i];
  if (parent.weight <= 0) return false;
  let weight = 0;
  let printed = 0;
  let count = 0;
  for (let j = i + 1; j < rows.length; j++) {
    const r = rows[j];
    if (r.block !== parent.block || r.result.level2 !== parent.result.level2) break;
    weight = round2(weight + r.weight);
    printed = round2(printed + r.printed);
    count++;
    if (weight >= parent.weight) break;
  }
  return count >= 2 && weight === round2(parent.weight) && printed === round2(parent.printed);
}

/** The rows to count: without the parent rows that repeat their sub-rows, where that is what adds up. */
export function withoutSumRows(rows: IndicatorEval[], budgetWeight: number | null): IndicatorEval[] {
  const total = (list: IndicatorEval[]) =>
    round2(list.reduce((a, r) => a + r.weight, 0) + (budgetWeight ?? 0));
  if (total(rows) === 100) return rows;
  const parents = new Set(rows.filter((_, i) => sumsFollowing(rows, i)));
  if (parents.size === 0) return rows;
  const kept = rows.filter((r) => !parents.has(r));
  return total(kept) === 100 ? kept : rows;
}
