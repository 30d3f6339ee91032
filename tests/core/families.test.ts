/**
 * Template families seen in published tables but not rebuilt as workbooks (outside/README.md): each is a
 * real form of ours with the family's difference made to it, and must read to the same result.
 */
import { describe, expect, it } from "vitest";
import { analyzeSheet, type Grid } from "../../src/core";
import { buildForm, cleanRows } from "./builder";
import { insertBlank, mapTexts } from "./variants";

const base = buildForm({ rows: cleanRows(), total: 100, grade: "优" });

/** A copy of the grid with one more column before `col`, its header row cell set to `header`. */
function withColumn(grid: Grid, col: number, header: string, fill: string | null = null): Grid {
  const g = insertBlank(grid, 0, 0, col, 1);
  g.values[11][col] = header;
  for (let r = 12; r < 15; r++) g.values[r][col] = fill;
  return g;
}

function summary(grid: Grid) {
  const sheet = analyzeSheet(grid);
  expect(sheet.findings).toEqual([]);
  expect(sheet.forms).toHaveLength(1);
  const r = sheet.forms[0].report;
  return {
    weights: r.weights.total,
    budget: r.budget.rate,
    total: r.total.recomputed,
    grade: r.grade.recomputed,
    codes: r.findings.map((f) => f.code).sort(),
    scores: r.indicators.map((i) => i.score),
  };
}

const expected = summary(base);

describe("families seen but not rebuilt", () => {
  it("江西: a 评分标准 column between 分值 and 得分", () => {
    expect(summary(withColumn(base, 7, "评分标准", "完成得满分"))).toEqual(expected);
  });

  it("宁夏 / 北京: a 得分计算方法 column", () => {
    expect(summary(withColumn(base, 9, "得分计算方法", "实际值÷目标值×分值"))).toEqual(expected);
  });

  it("重庆: 得分系数 and 是否核心指标 columns", () => {
    const g = withColumn(withColumn(base, 9, "是否核心指标", "是"), 9, "得分系数", "1");
    expect(summary(g)).toEqual(expected);
  });

  it("北京 2016: only 年初预算数(A) as the budget base", () => {
    const g = mapTexts(base, (s) => (s === "全年预算数" ? "" : s === "年初预算数" ? "年初预算数(A)" : s));
    g.values[4][4] = null;
    expect(summary(g)).toEqual(expected);
  });

  it("湖北 复核分: a 复核分 column after 得分 is not the score", () => {
    expect(summary(withColumn(base, 8, "复核分", "9"))).toEqual(expected);
  });
});
