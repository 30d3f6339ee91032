import { describe, expect, it } from "vitest";
import { analyzeSheet, a1, parseA1 } from "../../src/core";
import type { FormReport, Grid } from "../../src/core";
import { insertBlank, loadGrids, mapTexts, shift, unmerge } from "./variants";
import { firstForm } from "./builder";

const grids = [
  ...loadGrids("forms-2022-minhang-wujing.xlsx"),
  ...loadGrids("forms-2023-putuo-taopu-001-070.xlsx"),
];

/** What must not change when only the layout changes. */
function essence(r: FormReport) {
  return {
    project: r.project,
    weights: r.weights,
    budget: [r.budget.rate, r.budget.score, r.budget.submittedRate, r.budget.submittedScore],
    total: [r.total.submitted, r.total.recomputed, r.total.printedSum],
    grade: [r.grade.submitted, r.grade.recomputed],
    indicators: r.indicators.map((i) => [
      i.level1,
      i.level2,
      i.level3,
      i.target,
      i.actual,
      i.weight,
      i.submittedScore,
      i.score,
      i.method,
    ]),
    findings: r.findings.map((f) => `${f.code}:${f.severity}`).sort(),
  };
}

const moveCell = (cell: string, dr: number, dc: number) => {
  const p = parseA1(cell);
  return a1(p.row + dr, p.col + dc);
};

describe("layout variants of every real form", () => {
  it("has 93 forms to vary", () => {
    expect(grids.filter((g) => analyzeSheet(g).forms.length > 0)).toHaveLength(93);
  });

  it("the form starting anywhere on the sheet: same result, addresses moved", () => {
    for (const g of grids) {
      const base = firstForm(g);
      const moved = firstForm(shift(g, 4, 3));
      expect(essence(moved.report), g.name).toEqual(essence(base.report));
      expect(moved.report.findings.map((f) => f.cell)).toEqual(
        base.report.findings.map((f) => moveCell(f.cell, 4, 3))
      );
      expect(moved.patches.map((p) => p.cell)).toEqual(base.patches.map((p) => moveCell(p.cell, 4, 3)));
    }
  });

  it("header texts that vary: 分值/分数, 执行率 spellings, 偏差原因 spellings, line breaks and spaces", () => {
    const renames: [RegExp, string][] = [
      [/^分值$/, "分数"],
      [/^执行率(\(%\))?$/, "预算执行率"],
      [/^偏差原因分析及改进措施$/, "偏差原因及\n改进措施"],
      [/^年度指标值$/, "年度\n指标值"],
      [/^三级指标$/, "三 级 指 标"],
      [/^实际完成值$/, "实际完成值 "],
    ];
    for (const g of grids) {
      const renamed = mapTexts(g, (s) => renames.reduce((t, [re, to]) => (re.test(t) ? to : t), s));
      expect(essence(firstForm(renamed).report), g.name).toEqual(essence(firstForm(g).report));
    }
  });

  it("三级指标 in one column (unmerged) and 一级/二级 labels repeated on every row or left only on the first", () => {
    const horizontal = (m: { top: number; bottom: number }) => m.top === m.bottom;
    const vertical = (m: { top: number; bottom: number; left: number; right: number }) =>
      m.top !== m.bottom && m.left === m.right;
    for (const g of grids) {
      const want = essence(firstForm(g).report);
      const body = (m: { top: number }) => m.top >= 11;
      expect(
        essence(firstForm(unmerge(g, (m) => horizontal(m) && body(m) && m.left === 2, false)).report),
        g.name
      ).toEqual(want);
      expect(essence(firstForm(unmerge(g, (m) => vertical(m) && body(m), true)).report), g.name).toEqual(
        want
      );
      expect(essence(firstForm(unmerge(g, (m) => vertical(m) && body(m), false)).report), g.name).toEqual(
        want
      );
    }
  });

  it("extra blank rows and columns around and inside the form", () => {
    for (const g of grids) {
      const want = essence(firstForm(g).report);
      // A blank column before the form and blank rows above the header and inside the indicator table.
      let v: Grid = insertBlank(g, 0, 2, 0, 1);
      v = insertBlank(v, 13, 1, 0, 0);
      v = insertBlank(v, 16, 2, 0, 0);
      expect(essence(firstForm(v).report), g.name).toEqual(want);
    }
  });
});

describe("numbers as the user sees them", () => {
  const fullWidth = (s: string) =>
    s.replace(/[0-9.%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  /** Every number cell turned into the text it shows: "10.00", "96%", and full-width on every other row. */
  function asText(g: Grid): Grid {
    return {
      ...g,
      values: g.values.map((row, r) =>
        row.map((v, c) => {
          if (typeof v !== "number") return v;
          const f = g.formats?.[r]?.[c] ?? null;
          const shown =
            f && f.includes("%")
              ? `${Math.round(v * 10000) / 100}%`
              : f === "0.00"
                ? v.toFixed(2)
                : String(v);
          return r % 2 ? fullWidth(shown) : shown;
        })
      ),
      formats: g.formats?.map((row) => row.map(() => "@")),
    };
  }

  it("numbers stored as text (also full-width) and percent-formatted fractions read the same on every form", () => {
    for (const g of grids) {
      const want = essence(firstForm(g).report);
      expect(essence(firstForm(asText(g)).report), g.name).toEqual(want);
    }
  });
});
