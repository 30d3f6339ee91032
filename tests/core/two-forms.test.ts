import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core";
import { buildForm, cleanRows, withoutTotalRow, firstForm } from "./builder";

const rows = cleanRows();

/** `second` below `first` on one sheet, two empty rows between them. */
function stack(first: Grid, second: Grid): Grid {
  const offset = first.values.length + 2;
  return {
    name: "两张表",
    top: 0,
    left: 0,
    values: [...first.values, [], [], ...second.values],
    formats: [...(first.formats ?? []), [], [], ...(second.formats ?? [])],
    merges: [
      ...first.merges,
      ...second.merges.map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })),
    ],
  };
}

describe("two forms on one sheet", () => {
  const second = buildForm({ rows, total: 100, grade: "良" });

  it("a first form without 评分等级 does not take the grade of the form below it", () => {
    const first = buildForm({ rows, total: 100, grade: "none" });
    const { report } = firstForm(stack(first, second));
    expect(report.grade).toMatchObject({ submitted: null, cell: null });
    expect(report.findings.map((f) => f.code)).toEqual([]);
  });

  it("a first form without 总分 ends where the next form starts", () => {
    const first = withoutTotalRow(buildForm({ rows, total: 100, grade: "none" }));
    const { report, patches } = firstForm(stack(first, second));
    expect(report.indicators.map((i) => i.row)).toEqual([13, 14, 15]);
    expect(report.total).toMatchObject({ submitted: null, recomputed: 100, cell: null });
    expect(report.grade).toMatchObject({ submitted: null, cell: null });
    expect(report.findings).toEqual([]);
    expect(patches).toEqual([]);
  });
});

describe("a form's end is not taken from its own rows", () => {
  it("an indicator named 项目名称… does not end the form", () => {
    const named = rows.map((r, i) => (i === 1 ? { ...r, name: "项目名称变更次数" } : r));
    const { report } = firstForm(buildForm({ rows: named, total: 100, grade: "优" }));
    expect(report.indicators.map((i) => i.row)).toEqual([13, 14, 15]);
    expect(report.total.cell).toBe("H16");
    expect(report.grade.cell).toBe("C17");
  });
});
