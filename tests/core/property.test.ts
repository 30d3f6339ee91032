import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeSheet, parseA1 } from "../../src/core";
import type { Grid, Scalar } from "../../src/core";
import { dense, loadGrids } from "./variants";
import { readNumber } from "../../src/core/cells";

const HEADER_WORDS = [
  "三级指标",
  "年度指标值",
  "实际完成值",
  "分值",
  "得分",
  "偏差原因分析及改进措施",
  "一级指标",
  "二级指标",
  "总分",
  "评分等级",
  "年度资金总额",
  "全年预算数",
  "全年执行数",
  "执行率",
  "达成指标",
  "部分达成",
  "≥90(%)",
  "=0(件)",
  "—",
  "无",
  "=SUM(A1)",
  "-5",
  "１０．５",
  "96%",
];

const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...HEADER_WORDS),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100, max: 200 }),
  fc.boolean()
);

const randomGrid: fc.Arbitrary<Grid> = fc
  .record({
    top: fc.nat(5),
    left: fc.nat(5),
    values: fc.array(fc.array(scalar, { maxLength: 10 }), { maxLength: 25 }),
    merges: fc.array(fc.record({ top: fc.nat(30), left: fc.nat(12), h: fc.nat(4), w: fc.nat(4) }), {
      maxLength: 8,
    }),
    formats: fc.constantFrom(null, "0.00", "0%", "General"),
  })
  .map(({ top, left, values, merges, formats }) => ({
    name: "随机",
    top,
    left,
    values,
    formats: values.map((r) => r.map(() => formats)),
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));

const forms = [
  ...loadGrids("forms-2022-minhang-wujing.xlsx").slice(0, 8),
  ...loadGrids("forms-2023-putuo-taopu-001-070.xlsx").slice(0, 12),
];

/** A real form with random cells replaced, some by formulas. */
const damagedForm = fc
  .record({
    form: fc.constantFrom(...forms),
    hits: fc.array(fc.record({ r: fc.nat(40), c: fc.nat(9), v: scalar, formula: fc.boolean() }), {
      minLength: 1,
      maxLength: 12,
    }),
  })
  .map(({ form, hits }) => {
    const d = dense(form);
    for (const { r, c, v, formula } of hits) {
      if (r >= d.values.length || c >= d.values[0].length) continue;
      d.values[r][c] = v;
      d.formulas[r][c] = formula ? "=1+1" : null;
    }
    const grid: Grid = {
      name: form.name,
      top: 0,
      left: 0,
      values: d.values,
      formats: d.formats,
      formulas: d.formulas,
      merges: form.merges,
    };
    return grid;
  });

describe("the engine never throws", () => {
  it("on random grids: a result, LAYOUT_NOT_FOUND or FORM_UNREADABLE", () => {
    fc.assert(
      fc.property(randomGrid, (g) => {
        const sheet = analyzeSheet(g);
        if (sheet.forms.length === 0)
          expect(["LAYOUT_NOT_FOUND", "FORM_UNREADABLE"]).toContain(sheet.findings[0].code);
        for (const f of sheet.forms) expect(f.report.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
      }),
      { numRuns: 400 }
    );
  });

  it("on real forms with random cells damaged; the fix never touches a formula or a reason the user wrote", () => {
    fc.assert(
      fc.property(damagedForm, (g) => {
        const sheet = analyzeSheet(g);
        const patches = sheet.forms.flatMap((f) => f.patches);
        const findings = [...sheet.findings, ...sheet.forms.flatMap((f) => f.report.findings)];
        for (const p of patches) {
          const { row, col } = parseA1(p.cell);
          expect([row, col]).toEqual([p.row, p.col]);
          expect(g.formulas?.[row]?.[col] ?? null).toBeNull();
          const before = g.values[row]?.[col] ?? null;
          expect(p.old).toEqual(before === "" ? null : before);
          if (typeof p.value === "string") expect(p.value).not.toMatch(/^[=+\-@]/);
          if (p.what === "reason") expect(String(p.old ?? "").trim()).toBe("");
          if (p.what !== "reason" && p.what !== "grade")
            expect(readNumber({ value: p.old, formula: null, format: null }).kind).not.toBe("text");
        }
        expect(findings.every((f) => /^[A-Z]{1,3}\d+$/.test(f.cell))).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});
