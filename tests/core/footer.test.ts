import { describe, expect, it } from "vitest";
import { buildForm, cleanRows, withoutTotalRow, firstForm } from "./builder";

const rows = cleanRows();

describe("rows with no name and no points are not indicators (spec/cli.md: no name, no numbers)", () => {
  it("the 填表人 line under a form without 总分 gives no finding", () => {
    const grid = withoutTotalRow(buildForm({ rows, total: 100, grade: "none" }));
    grid.values.push(
      [],
      ["填表人：张三", null, null, null, "联系电话：12345678", null, "填报日期：2024年3月1日", null, null]
    );
    const { report, patches } = firstForm(grid);
    expect(report.indicators.map((i) => i.row)).toEqual([13, 14, 15]);
    expect(report.findings).toEqual([]);
    expect(patches).toEqual([]);
  });

  it("a row without a name but with points is still an indicator", () => {
    const grid = buildForm({
      rows: [...rows, { name: "指标 2：", target: "≥1(次)", actual: "1(次)", weight: 5, score: 5 }],
      total: 105,
      grade: "优",
    });
    const { report } = firstForm(grid);
    expect(report.indicators.map((i) => i.row)).toEqual([13, 14, 15, 16]);
    expect(report.findings.map((f) => f.code)).toContain("WEIGHT_SUM");
  });
});
