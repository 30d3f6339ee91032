/** A parent row that repeats the sum of its sub-rows (保山 family), and a form that prints no scores. */
import { describe, expect, it } from "vitest";
import { analyzeSheet, type Grid } from "../../src/core";
import { buildForm, cleanRows, type RowSpec } from "./builder";

const sub = (name: string, w: number): RowSpec => ({
  l1: "产出指标",
  l2: "数量指标",
  name,
  target: "≥10(次)",
  actual: "10(次)",
  weight: w,
  score: w,
});

/** The 产出 row of cleanRows() split into a parent "合计" row and two sub-rows that add up to it. */
function withParent(): RowSpec[] {
  const [, ...rest] = cleanRows();
  return [sub("全部培训", 50), sub("线上培训", 20), sub("线下培训", 30), ...rest];
}

function only(grid: Grid) {
  const sheet = analyzeSheet(grid);
  expect(sheet.forms).toHaveLength(1);
  return sheet.forms[0];
}

describe("a row that prints the sum of the rows below it", () => {
  it("is counted once: weights add up, the total is not doubled", () => {
    const { report } = only(buildForm({ rows: withParent(), total: 100, grade: "优" }));
    expect(report.weights.total).toBe(100);
    expect(report.total.recomputed).toBe(100);
    expect(report.indicators.map((i) => i.level3)).not.toContain("全部培训");
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("is left alone where the weights add up with it (a 20 + 30 under a real 50 is not a sum)", () => {
    const rows = [sub("甲", 20), sub("乙", 10), sub("丙", 10), ...cleanRows().slice(1)];
    rows.push({ ...sub("丁", 10), l1: "产出指标" });
    const { report } = only(buildForm({ rows, total: 100, grade: "优" }));
    expect(report.indicators.map((i) => i.level3)).toContain("甲");
    expect(report.weights.total).toBe(100);
  });
});

describe("a form that prints no scores", () => {
  it("an empty 得分 column: no total, no grade, one SCORE_MISSING warning saying what is missing", () => {
    const rows = cleanRows().map((r) => ({ ...r, actual: null, score: null }));
    const { report, patches } = only(buildForm({ rows, total: null, grade: null }));
    expect(report.total.recomputed).toBeNull();
    expect(report.grade.recomputed).toBeNull();
    const missing = report.findings.filter((f) => f.code === "SCORE_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: "warning", cell: "H16" });
    expect(missing[0].message).toContain("3 个指标都没有得分");
    expect(patches.filter((p) => p.what === "total" || p.what === "grade")).toEqual([]);
  });

  it("empty scores with actuals are not 'no scores': 一键重算 fills them and the total", () => {
    const rows = cleanRows().map((r) => ({ ...r, score: null }));
    const { report, patches } = only(buildForm({ rows, total: null, grade: null }));
    expect(report.total.recomputed).toBe(100);
    expect(patches.map((p) => `${p.cell}=${p.value}`)).toEqual([
      "H13=50",
      "H14=30",
      "H15=10",
      "H16=100",
      "C17=优",
    ]);
  });
});
