/** Spec §9: several forms on one sheet — each read on its own, with its own range, findings and patches. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeSheet, parseA1 } from "../../src/core";
import type { FormAnalysis, Grid } from "../../src/core";
import { cleanInds, dense, mofForm, moveCell, outside, OUTSIDE, SHANGHAI, sheet, stack } from "./sheet";

/** A form's reading with its addresses moved back by `dr` rows: what it reads alone. */
function alone(f: FormAnalysis, dr: number) {
  const r = f.report;
  return {
    kind: r.kind,
    project: r.project,
    rows: [r.top - dr, r.bottom - dr],
    weights: r.weights,
    budget: [r.budget.rate, r.budget.score, r.budget.submittedRate, r.budget.submittedScore],
    total: [
      r.total.submitted,
      r.total.recomputed,
      r.total.printedSum,
      r.total.cell && moveCell(r.total.cell, -dr),
    ],
    grade: [r.grade.submitted, r.grade.recomputed, r.grade.cell && moveCell(r.grade.cell, -dr)],
    indicators: r.indicators.map((i) => [
      i.row - dr,
      i.level3,
      i.target,
      i.actual,
      i.weight,
      i.submittedScore,
      i.score,
    ]),
    findings: r.findings.map((f) => `${f.code}:${f.severity}@${moveCell(f.cell, -dr)}`),
    patches: f.patches.map((p) => `${p.what}@${moveCell(p.cell, -dr)}=${p.value}`),
  };
}

/** Every finding and patch of a form lies in the form's rows. */
function ownCells(f: FormAnalysis) {
  const { top, bottom } = f.report;
  for (const x of [...f.report.findings.map((g) => g.cell), ...f.patches.map((p) => p.cell)]) {
    const { row } = parseA1(x);
    expect(row, `${x} in rows ${top + 1}–${bottom + 1}`).toBeGreaterThanOrEqual(top);
    expect(row, `${x} in rows ${top + 1}–${bottom + 1}`).toBeLessThanOrEqual(bottom);
  }
}

/** Checks that each form of the stacked sheet reads as it does alone. */
function eachAlone(parts: Grid[], gap = 2) {
  const { grid, offsets } = stack(parts, gap);
  const a = analyzeSheet(grid);
  expect(a.findings).toEqual([]);
  expect(a.forms).toHaveLength(parts.length);
  a.forms.forEach((f, i) => {
    const single = analyzeSheet(parts[i]).forms[0];
    const got = alone(f, offsets[i]);
    const want = alone(single, 0);
    if (single.report.total.cell === null && i + 1 < parts.length) {
      // A form without 总分 ends where the next one starts: lines between them (an "附件:" caption above
      // the next title) are in its range, though they are no indicators.
      expect(got.rows[1]).toBeGreaterThanOrEqual(want.rows[1]);
      expect(f.report.bottom).toBeLessThan(a.forms[i + 1].report.top);
      got.rows = want.rows;
    }
    expect(got, `form ${i + 1}`).toEqual(want);
    ownCells(f);
    if (i > 0) expect(f.report.top).toBeGreaterThan(a.forms[i - 1].report.bottom);
  });
  return a;
}

describe("two and three real forms on one sheet", () => {
  it("two Shanghai forms (2023 below 2022)", () => {
    eachAlone([SHANGHAI[0], SHANGHAI[40]]);
  });

  it("three forms of three templates: Shanghai, 云南 two-row header with grade on 总分, 湖北 weights by block", () => {
    const a = eachAlone([
      SHANGHAI[30],
      outside("yunnan-yongde-mingliang-2022.xlsx"),
      outside("hubei-huanggang-shuitu-2020.xlsx"),
    ]);
    expect(a.forms.map((f) => f.report.weights.byBlock)).toEqual([false, false, true]);
    expect(a.forms[1].patches.length).toBeGreaterThan(0);
  });

  it("the outside forms two by two, with no gap between them", () => {
    const files = [
      "yunnan-shidian-xinxingzhuti-2019.xlsx",
      "sichuan-qingshen-gongzi-2023.xlsx",
      "yunnan-yongde-mingliang-2022.xlsx",
      "anhui-xiaoxian-hexicun-2023-TRUNCATED.xlsx",
    ] as const;
    for (let i = 0; i + 1 < files.length; i++) eachAlone([outside(files[i]), outside(files[i + 1])], 0);
  });
});

describe("any real forms stacked", () => {
  const forms = [...SHANGHAI, ...OUTSIDE];
  it("two or three of the 100, any gap: each reads as alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(forms.length - 1), { minLength: 2, maxLength: 3 }),
        fc.nat(3),
        (picks, gap) => {
          eachAlone(
            picks.map((i) => forms[i]),
            gap
          );
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("three small forms, each with its own problems", () => {
  const clean = mofForm({ rows: cleanInds(), total: 100, grade: "优" });
  const mismatch = (() => {
    const rows = cleanInds();
    rows[0] = { ...rows[0], actual: "8(次)" };
    return mofForm({ project: "第二个项目", rows, total: 100, grade: "优" });
  })();
  const badGrade = mofForm({ project: "第三个项目", rows: cleanInds(), total: 100, grade: "良" });

  it("findings and patches stay with their form", () => {
    const a = eachAlone([clean, mismatch, badGrade]);
    expect(a.forms.map((f) => f.report.project)).toEqual(["测试项目", "第二个项目", "第三个项目"]);
    expect(a.forms.map((f) => f.report.range)).toEqual(["A1:H11", "A14:H24", "A27:H37"]);
    expect(a.forms[0].report.findings).toEqual([]);
    expect(a.forms[1].report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "SCORE_MISMATCH@G20",
      "REASON_MISSING@H20",
    ]);
    expect(a.forms[1].patches.map((p) => `${p.what}@${p.cell}=${p.value}`)).toEqual([
      "score@G20=40",
      "reason@H20=" + String(a.forms[1].patches[1].value),
      "total@G23=90",
    ]);
    expect(a.forms[2].report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["GRADE_MISMATCH@B37"]);
    expect(a.forms[2].patches.map((p) => `${p.what}@${p.cell}=${p.value}`)).toEqual(["grade@B37=优"]);
  });
});

describe("a form ends where the next one starts", () => {
  /** The cut 金寨 form (no 总分 row) with a complete form right below it. */
  const cut = outside("anhui-jinzhai-meilixiangcun-2023-dept-TRUNCATED.xlsx");
  const whole = mofForm({
    title: "2023年度项目支出绩效自评表",
    project: "下一个项目",
    rows: cleanInds(),
    total: 100,
    grade: "优",
  });

  /** `whole` with the rows before `from` blanked (its title, its 项目名称 line …). */
  const from = (first: number): Grid => {
    const d = dense(whole);
    for (let r = 0; r < first; r++) d.values[r] = d.values[r].map(() => null);
    return { ...whole, values: d.values };
  };

  it.each([
    ["its title", 0],
    ["its 项目名称 line", 1],
    ["its budget block", 2],
    ["its indicator header", 5],
  ])("at %s", (_what, first) => {
    const next = from(first as number);
    const { grid, offsets } = stack([cut, next], 1);
    const a = analyzeSheet(grid);
    expect(a.forms).toHaveLength(2);
    const [one, two] = a.forms;
    expect(alone(one, 0)).toEqual(alone(analyzeSheet(cut).forms[0], 0));
    expect(one.report.bottom).toBe(18);
    expect([one.report.kind, two.report.kind]).toEqual(["department", "project"]);
    expect(two.report.top).toBe(offsets[1] + (first as number));
    expect(two.report.indicators.map((i) => i.row - offsets[1])).toEqual([7, 8, 9]);
    // Without its budget block the form below has no budget score (and its weights make 90).
    expect(two.report.total).toMatchObject({ submitted: 100, recomputed: first === 5 ? 90 : 100 });
    ownCells(one);
    ownCells(two);
  });

  it("a form without a 总分 row does not take the next form's 总分 or 评分等级", () => {
    const first = mofForm({ rows: cleanInds().slice(0, 2) });
    const a = analyzeSheet(stack([first, whole], 1).grid);
    expect(a.forms[0].report.total).toMatchObject({ submitted: null, cell: null });
    expect(a.forms[0].report.grade).toMatchObject({ submitted: null, cell: null });
    expect(a.forms[0].report.indicators).toHaveLength(2);
    expect(a.forms[1].report.grade).toMatchObject({ submitted: "优", cell: "B20" });
  });

  it("an unreadable form between two forms: FORM_UNREADABLE for it, the others read", () => {
    const broken = sheet([
      ["项目支出绩效自评表"],
      ["项目名称", "坏表"],
      [],
      [],
      [],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "完成情况", "分值", "得分"],
      ["产出指标", "数量指标", "x", "≥1(次)", "1(次)", 90, 90],
    ]);
    const a = analyzeSheet(stack([whole, broken, whole], 2).grid);
    expect(a.forms).toHaveLength(2);
    expect(a.findings.map((f) => f.code)).toEqual(["FORM_UNREADABLE"]);
    expect(a.findings[0].message).toContain("缺少「实际完成值」列");
    for (const f of a.forms) expect(f.report.findings).toEqual([]);
    expect(a.forms[0].report.bottom).toBeLessThan(14);
  });
});
