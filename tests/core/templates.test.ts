/** Spec §9: the other templates, each on a small form — header words, layouts, operators, ratings, kinds. */
import { describe, expect, it } from "vitest";
import { analyzeSheet } from "../../src/core";
import type { Finding, FormAnalysis, FormReport, Grid, Scalar } from "../../src/core";
import { cleanInds, dense, mofForm, outside, sheet, SHANGHAI, type Col, type Ind } from "./sheet";
import { mapTexts } from "./variants";

/** The one form on the sheet (failing when there is not exactly one). */
function only(grid: Grid): FormAnalysis {
  const a = analyzeSheet(grid);
  expect(a.findings, "sheet findings").toEqual([]);
  expect(a.forms).toHaveLength(1);
  return a.forms[0];
}

const codes = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.cell}`).sort();

/** What must not change when only the way a form is written changes. */
function essence(r: FormReport) {
  return {
    weights: r.weights,
    budget: [r.budget.rate, r.budget.score, r.budget.submittedRate, r.budget.submittedScore],
    total: [r.total.submitted, r.total.recomputed, r.total.printedSum],
    grade: [r.grade.submitted, r.grade.recomputed],
    indicators: r.indicators.map((i) => [
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

/** A 云南 公开14表 form: 年度指标值 spans 指标性质 / 指标值 / 度量单位; the grade on the 总分 row. */
function twoRowHeader(grade: Scalar = "优"): Grid {
  return sheet(
    [
      ["2022年度项目支出绩效自评表"],
      ["项目名称", "测试项目"],
      ["项目资金 (元)", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", null, null, 1000, 1000, 10, 1, 10],
      [
        "绩效指标",
        null,
        null,
        "年度指标值",
        null,
        null,
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ],
      ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
      ["产出指标", "数量指标", "学生受资助人数", "≧", 100, "人次", "90", 50, 45, "部分学生转学"],
      ["效益指标", "社会效益 指标", "政策知晓率", "═", 100, "%", "98%", 30, 29.4, null],
      ["满意度指标", "服务对象满意度指标", "投诉率", "≦", 5, "%", "3%", 10, 10, null],
      ["总分", null, null, null, null, null, null, 100, 94.4, grade],
    ],
    [
      { top: 4, left: 0, bottom: 4, right: 2 },
      { top: 4, left: 3, bottom: 4, right: 5 },
      { top: 4, left: 6, bottom: 5, right: 6 },
      { top: 4, left: 7, bottom: 5, right: 7 },
      { top: 4, left: 8, bottom: 5, right: 8 },
      { top: 4, left: 9, bottom: 5, right: 9 },
      { top: 9, left: 0, bottom: 9, right: 6 },
    ],
    { H4: "0%" }
  );
}

describe("two-row header: 年度指标值 over 指标性质 / 指标值 / 度量单位", () => {
  it("reads the three parts together as the target, and every row under the second header row", () => {
    const { report, patches } = only(twoRowHeader());
    expect(report.indicators.map((i) => [i.row, i.target, i.method, i.score])).toEqual([
      [7, "≧100人次", "positive", 45],
      [8, "═100%", "equal", 29.4],
      [9, "≦5%", "reverse", 10],
    ]);
    expect(report.weights).toEqual({ budget: 10, indicators: 90, total: 100, byBlock: false });
    expect(report.total).toEqual({ submitted: 94.4, recomputed: 94.4, cell: "I10", printedSum: 94.4 });
    expect(codes(report.findings)).toEqual(["REASON_MISSING@J8"]);
    expect(patches.map((p) => [p.cell, p.what])).toEqual([["J8", "reason"]]);
  });

  it("grade on the 总分 row: read as the printed grade, checked and written there", () => {
    expect(only(twoRowHeader()).report.grade).toEqual({ submitted: "优", recomputed: "优", cell: "J10" });
    const { report, patches } = only(twoRowHeader("良"));
    expect(report.grade).toEqual({ submitted: "良", recomputed: "优", cell: "J10" });
    expect(codes(report.findings)).toContain("GRADE_MISMATCH@J10");
    expect(patches.find((p) => p.what === "grade")).toMatchObject({ cell: "J10", old: "良", value: "优" });
  });

  it('"/" in 指标性质 or 度量单位 is no operator, no unit', () => {
    const d = dense(twoRowHeader());
    d.values[6][3] = "/";
    d.values[7][5] = "—";
    d.values[7][6] = "98";
    const g: Grid = { ...twoRowHeader(), ...d };
    const { report } = only(g);
    expect(report.indicators.map((i) => [i.target, i.method, i.score])).toEqual([
      ["100人次", "positive", 45],
      ["═100", "equal", 29.4],
      ["≦5%", "reverse", 10],
    ]);
  });

  it("an error value in 指标值 of a split target: VALUE_UNREADABLE at that cell, the score kept", () => {
    const d = dense(twoRowHeader());
    d.values[7][4] = "#N/A";
    const { report } = only({ ...twoRowHeader(), ...d });
    expect(codes(report.findings)).toEqual(["VALUE_UNREADABLE@E8"]);
    expect(report.indicators[1]).toMatchObject({ submittedScore: 29.4, score: 29.4 });
  });

  it("grade on the 总分 row of a one-row header form: right of its 得分, or after a 等级 label there", () => {
    const g = mofForm({ rows: cleanInds(), total: 100 });
    g.values[9][7] = "良";
    const { report, patches } = only(g);
    expect(report.grade).toEqual({ submitted: "良", recomputed: "优", cell: "H10" });
    expect(patches.map((p) => `${p.what}@${p.cell}=${p.value}`)).toEqual(["grade@H10=优"]);
    const labelled = sheet(mofForm({ rows: cleanInds(), total: 100 }).values.map((r) => [...r, null, null]));
    labelled.values[9][7] = "等级";
    labelled.values[9][8] = "优";
    expect(only(labelled).report.grade).toEqual({ submitted: "优", recomputed: "优", cell: "I10" });
  });

  it("a two-row header with the MOF words in one row reads the same", () => {
    const d = dense(twoRowHeader());
    // One column 年度指标值 holding the whole target, the parts' header row left empty.
    for (let r = 6; r <= 8; r++) d.values[r][4] = `${d.values[r][3]}${d.values[r][4]}${d.values[r][5]}`;
    for (let r = 5; r <= 8; r++) d.values[r][3] = d.values[r][5] = null;
    d.values[4].splice(0, 3, "一级指标", "二级指标", "三级指标");
    d.values[4][4] = "年度指标值";
    d.values[4][3] = null;
    d.values[5] = d.values[5].map(() => null);
    const one: Grid = {
      name: "测试",
      top: 0,
      left: 0,
      ...d,
      merges: [{ top: 9, left: 0, bottom: 9, right: 6 }],
    };
    const a = only(one).report;
    const b = only(twoRowHeader()).report;
    expect(a.indicators.map((i) => [i.method, i.score])).toEqual(
      b.indicators.map((i) => [i.method, i.score])
    );
    expect(a.total).toEqual(b.total);
  });

  it("the real 云南 form (永德): budget, both score warnings, total 96 → 99.8, printed 优 on the 总分 row", () => {
    const { report } = only(outside("yunnan-yongde-mingliang-2022.xlsx"));
    expect(report.total).toMatchObject({ submitted: 96, recomputed: 99.8, cell: "I25" });
    expect(report.grade).toEqual({ submitted: "优", recomputed: "优", cell: "J25" });
    expect(codes(report.findings)).toEqual(
      [
        "REASON_MISSING@J19",
        "SCORE_MISMATCH@I16",
        "SCORE_MISMATCH@I19",
        "UNSCORABLE@I18",
        "VALUE_EMPTY@H7",
        "WEIGHT_SPLIT@H25",
      ].sort()
    );
  });
});

/** A 湖北 / 保山 20分 form: no 分值 column, weights on the block labels, the budget's in its label. */
function byBlock(
  opts: { label2?: string; budgetLabel?: string; g4?: Scalar; g10?: Scalar; total?: Scalar } = {}
) {
  const header = ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"];
  return sheet(
    [
      ["2020年度测试项目绩效自评表"],
      ["项目名称", "测试项目"],
      [
        opts.budgetLabel ?? "预算执行情况(万元)(20分)",
        null,
        null,
        "预算数(A)",
        "执行数(B)",
        "执行率(B/A)",
        "得分(20分*执行率)",
      ],
      [null, "年度财政资金总额", null, 10, 9, 0.9, opts.g4 ?? 18],
      ["年度绩效目标1(40分)", ...header],
      [null, "产出指标", "数量指标", "监测点数", "100%", "100%", 20],
      [null, "效益指标", "社会效益指标", "资料采用率", "≥90%", "95%", 20],
      [opts.label2 ?? "年度绩效目标2(40分)", ...header],
      [null, "产出指标", "质量指标", "整编合格率", "100%", "100%", 20],
      [null, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", opts.g10 ?? 19],
      ["总分", null, null, null, null, null, opts.total ?? 97],
      ["偏差大或目标未完成原因分析"],
    ],
    [
      { top: 2, left: 0, bottom: 2, right: 2 },
      { top: 3, left: 1, bottom: 3, right: 2 },
      { top: 4, left: 0, bottom: 6, right: 0 },
      { top: 7, left: 0, bottom: 9, right: 0 },
      { top: 10, left: 0, bottom: 10, right: 5 },
    ],
    { F4: "0%" }
  );
}

describe("weights by block (no 分值 column)", () => {
  it("budget 20 from its label, blocks 40 + 40: no WEIGHT_MISSING, no WEIGHT_SUM, one info finding", () => {
    const { report, patches } = only(byBlock());
    expect(report.weights).toEqual({ budget: 20, indicators: 80, total: 100, byBlock: true });
    expect(report.budget).toMatchObject({ rate: 90, score: 18, cell: "G4" });
    expect(report.indicators.map((i) => [i.row, i.weight, i.score])).toEqual([
      [6, null, 20],
      [7, null, 20],
      [9, null, 20],
      [10, null, 19],
    ]);
    expect(report.total).toEqual({ submitted: 97, recomputed: 97, cell: "G11", printedSum: 97 });
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([["UNSCORABLE", "info"]]);
    expect(report.findings[0].message).toContain("年度绩效目标1(40分)、年度绩效目标2(40分)");
    expect(patches).toEqual([]);
  });

  it("a block's header repeated on the next page (label repeated or left empty): its points count once", () => {
    for (const label of ["年度绩效目标2(40分)", null]) {
      const g = byBlock();
      const values = [...g.values];
      values.splice(9, 0, [label, ...values[7].slice(1)]);
      const { report } = only(sheet(values, [{ top: 7, left: 0, bottom: 8, right: 0 }], { F4: "0%" }));
      expect(report.weights, String(label)).toEqual({
        budget: 20,
        indicators: 80,
        total: 100,
        byBlock: true,
      });
      expect(report.indicators.map((i) => i.row)).toEqual([6, 7, 9, 11]);
      expect(codes(report.findings)).toEqual(["UNSCORABLE@G5"]);
    }
  });

  it("the budget weight is also read from 得分(20分*执行率) alone", () => {
    const { report } = only(byBlock({ budgetLabel: "预算执行情况(万元)" }));
    expect(report.weights).toMatchObject({ budget: 20, total: 100 });
    expect(report.budget.score).toBe(18);
  });

  it("a block's scores above its points: SCORE_OVER_WEIGHT at the block label", () => {
    const { report } = only(byBlock({ g10: 21, total: 99 }));
    expect(codes(report.findings)).toEqual(["SCORE_OVER_WEIGHT@A8", "UNSCORABLE@G5"]);
  });

  it("block points that do not reach 100 with the budget: WEIGHT_SUM, and the fix is held", () => {
    const { report, patches } = only(byBlock({ label2: "年度绩效目标2(50分)", g4: 20, total: 99 }));
    expect(report.weights.total).toBe(110);
    expect(codes(report.findings)).toEqual(
      // No 分值 cell on the 总分 row or the header: WEIGHT_SUM points at the 总分 row's 得分.
      ["BUDGET_SCORE_MISMATCH@G4", "FIX_HELD@G11", "UNSCORABLE@G5", "WEIGHT_SUM@G11"]
    );
    expect(patches).toEqual([]);
  });

  it("the real 湖北 and 保山 forms: by block, totals as printed, no WEIGHT_MISSING", () => {
    const hubei = only(outside("hubei-huanggang-shuitu-2020.xlsx")).report;
    expect(hubei.weights).toEqual({ budget: 20, indicators: 80, total: 100, byBlock: true });
    expect(hubei.total).toMatchObject({ submitted: 99.6, recomputed: 99.6 });
    expect(hubei.grade).toEqual({ submitted: null, recomputed: "优", cell: null });
    const shidian = only(outside("yunnan-shidian-xinxingzhuti-2019.xlsx")).report;
    expect(shidian.weights).toEqual({ budget: 20, indicators: 80, total: 100, byBlock: true });
    expect(shidian.budget).toMatchObject({ rate: 14.46, score: 2.89 });
    expect(shidian.total).toMatchObject({ submitted: 71.7, recomputed: 71.69 });
    expect(shidian.grade.recomputed).toBe("中");
    for (const r of [hubei, shidian]) {
      const found = r.findings.map((f) => f.code);
      expect(found).not.toContain("WEIGHT_MISSING");
      expect(found).not.toContain("WEIGHT_SUM");
      expect(found).not.toContain("TOTAL_MISMATCH");
      expect(found.filter((c) => c === "UNSCORABLE").length).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("其中 detail lines under a weighted row", () => {
  const rows: Ind[] = [
    {
      l1: "产出指标",
      l2: "数量指标",
      l3: "★补助种植面积",
      target: "29.5亩",
      actual: "29.5亩",
      weight: 50,
      score: 50,
    },
    { l3: "其中桃树种植面积", target: "1.5亩", actual: "1.5亩" },
    { l3: "其中 苹果树种植面积", target: "28亩", actual: "20亩" },
    ...cleanInds().slice(1),
  ];

  it("are not indicators and give no finding", () => {
    const { report, patches } = only(mofForm({ rows, total: 100, grade: "优" }));
    expect(report.indicators.map((i) => i.level3)).toEqual(["★补助种植面积", "覆盖人数", "满意度"]);
    expect(report.findings).toEqual([]);
    expect(patches).toEqual([]);
  });

  it("the real 安徽 (萧县) form: the seven 其中 lines are details, Σ shown 90 of a cut form", () => {
    const { report } = only(outside("anhui-xiaoxian-hexicun-2023-TRUNCATED.xlsx"));
    expect(report.indicators.map((i) => i.row)).toEqual([12, 17, 19, 23, 24, 27, 28]);
    expect(report.findings.map((f) => f.code)).not.toContain("WEIGHT_MISSING");
    expect(report.weights).toMatchObject({ budget: 10, indicators: 80 });
    expect(report.budget).toMatchObject({ rate: 100, score: 10 });
    expect(report.total.recomputed).toBeNull();
  });

  it("a 其中 line with its own weight is an indicator", () => {
    const weighted = rows.map((r, i) => (i === 1 ? { ...r, weight: 5, score: 5 } : r));
    const { report } = only(mofForm({ rows: weighted, total: 105, grade: "优" }));
    expect(report.indicators.map((i) => i.level3)).toContain("其中桃树种植面积");
    expect(report.findings.map((f) => f.code)).toContain("WEIGHT_SUM");
  });

  it("a 其中 line under a row without a weight is not a detail: WEIGHT_MISSING", () => {
    const first: Ind = { l1: "产出指标", l3: "其中桃树", target: "1.5亩", actual: "1.5亩" };
    const { report } = only(mofForm({ rows: [first, ...cleanInds()], total: 100, grade: "优" }));
    expect(codes(report.findings)).toEqual(["WEIGHT_MISSING@F7"]);
  });
});

describe("a form split across printed pages repeats its header", () => {
  /** The clean form with its indicator header repeated after the first indicator (a page break). */
  function split(): Grid {
    const g = mofForm({ rows: cleanInds(), total: 100, grade: "优" });
    const values = [...g.values];
    values.splice(7, 0, [...values[5]]);
    return sheet(values);
  }

  it("all rows are read, the header is no indicator, no false WEIGHT_SUM", () => {
    const { report, patches } = only(split());
    expect(report.indicators.map((i) => i.row)).toEqual([7, 9, 10]);
    expect(report.weights.total).toBe(100);
    expect(report.total).toMatchObject({ submitted: 100, recomputed: 100, cell: "G11" });
    expect(report.grade).toMatchObject({ submitted: "优", cell: "B12" });
    expect(report.findings).toEqual([]);
    expect(patches).toEqual([]);
    expect(report.range).toBe("A1:H12");
  });

  it("on every real Shanghai form: a repeated header row changes nothing but the rows below it", () => {
    for (const g of SHANGHAI) {
      const base = analyzeSheet(g).forms[0];
      if (!base) continue;
      const header = base.report.indicators[0].row - 2;
      const at = base.report.indicators[Math.min(2, base.report.indicators.length - 1)].row - 1;
      const d = dense(g);
      const copy = (rows: unknown[][]) => rows.splice(at, 0, [...rows[header]]);
      copy(d.values);
      copy(d.formats);
      copy(d.formulas);
      const merges = g.merges.flatMap((m) => {
        const moved = (r: number) => (r >= at ? r + 1 : r);
        const own = { top: moved(m.top), bottom: moved(m.bottom), left: m.left, right: m.right };
        return m.top === header && m.bottom === header ? [own, { ...m, top: at, bottom: at }] : [own];
      });
      const paged: Grid = { name: g.name, top: 0, left: 0, ...d, merges };
      const again = analyzeSheet(paged);
      expect(again.forms, g.name).toHaveLength(1);
      expect(essence(again.forms[0].report), g.name).toEqual(essence(base.report));
    }
  });
});

describe("operators as printed", () => {
  /** One 50-point row under test, then the clean 效益 30 and 满意度 10 rows. */
  function withRow(target: string, actual: string, score: number): FormReport {
    const row: Ind = {
      l1: "产出指标",
      l2: "数量指标",
      l3: "受测指标",
      target,
      actual,
      weight: 50,
      score,
      reason: "原因已说明",
    };
    const total = Math.round((10 + score + 40) * 100) / 100;
    return only(mofForm({ rows: [row, ...cleanInds().slice(1)], total, grade: total >= 90 ? "优" : "良" }))
      .report;
  }

  it.each(["≥", "≧", ">=", "＞=", "不低于", "不少于", "≥ ", "不低于 "])("%s is ≥ (positive)", (op) => {
    const r = withRow(`${op}100%`, "90%", 45);
    expect(r.indicators[0]).toMatchObject({ method: "positive", score: 45 });
    expect(r.findings).toEqual([]);
    // The rule is applied, not the printed score taken: a wrong score is found.
    expect(withRow(`${op}100%`, "90%", 50).findings.map((f) => f.code)).toContain("SCORE_MISMATCH");
  });

  it.each(["≤", "≦", "<=", "不高于", "不超过"])("%s is ≤ (reverse)", (op) => {
    const r = withRow(`${op}10万元`, "12万元", 41.67);
    expect(r.indicators[0]).toMatchObject({ method: "reverse", score: 41.67 });
    expect(r.findings).toEqual([]);
    expect(withRow(`${op}10万元`, "9万元", 50).indicators[0]).toMatchObject({ method: "reverse", score: 50 });
  });

  it.each(["=", "＝", "═", "﹦"])("%s is = (equal)", (op) => {
    const r = withRow(`${op}100%`, "98%", 49);
    expect(r.indicators[0]).toMatchObject({ method: "equal", score: 49 });
    expect(r.findings).toEqual([]);
    expect(withRow(`${op}0(起)`, "0(起)", 50).indicators[0]).toMatchObject({ method: "zero", score: 50 });
  });

  it.each([">", "＞"])("%s is > (positive)", (op) => {
    expect(withRow(`${op}100%`, "90%", 45).indicators[0]).toMatchObject({ method: "positive", score: 45 });
  });

  it.each(["<", "＜"])("%s is < (reverse)", (op) => {
    expect(withRow(`${op}10万元`, "12万元", 41.67).indicators[0]).toMatchObject({
      method: "reverse",
      score: 41.67,
    });
  });

  it('"/" is no value: a row of "/" is no indicator; a "/" target keeps the submitted score', () => {
    const slash: Ind = { l3: "/", target: "/", actual: "/", weight: "/", score: "/" };
    const { report } = only(mofForm({ rows: [...cleanInds(), slash], total: 100, grade: "优" }));
    expect(report.indicators).toHaveLength(3);
    expect(report.findings).toEqual([]);
    const r = withRow("/", "/", 45);
    expect(r.indicators[0]).toMatchObject({ method: "unscorable", score: 45, submittedScore: 45 });
    expect(r.total.recomputed).toBe(95);
  });
});

describe("rating words", () => {
  function rated(actual: string, score: number, reason: string | null = null): FormReport {
    const row: Ind = {
      l1: "产出指标",
      l2: "质量指标",
      l3: "受测指标",
      target: "效果明显",
      actual,
      weight: 50,
      score,
      reason,
    };
    const total = 10 + score + 40;
    return only(
      mofForm({
        rows: [row, ...cleanInds().slice(1)],
        total,
        grade: total >= 90 ? "优" : total >= 80 ? "良" : "中",
      })
    ).report;
  }

  it.each(["达成指标", "达成预期指标", "达成年度指标", "全部达成", "已达成", "完成"])(
    "%s is 达成 [80 %, 100 %]",
    (w) => {
      expect(rated(w, 50).findings).toEqual([]);
      expect(rated(w, 40).indicators[0]).toMatchObject({ method: "qualitative", score: 40 });
      expect(codes(rated(w, 39).findings)).toContain("QUALITATIVE_BAND@G7");
    }
  );

  it.each(["部分达成", "部分达成指标并具有一定效果", "基本达成"])("%s is 部分达成 [60 %, 80 %]", (w) => {
    expect(rated(w, 35, "原因").findings).toEqual([]);
    expect(codes(rated(w, 35).findings)).toEqual(["REASON_MISSING@H7"]);
    expect(codes(rated(w, 41, "原因").findings)).toContain("QUALITATIVE_BAND@G7");
  });

  it.each(["未达成", "未达成指标且效果较差", "未完成"])("%s is 未达成 [0, 60 %]", (w) => {
    expect(rated(w, 20, "原因").findings).toEqual([]);
    expect(codes(rated(w, 31, "原因").findings)).toContain("QUALITATIVE_BAND@G7");
  });

  it("the real 安徽 (棠溪) form: every 达成预期指标 row is 达成, full marks in band", () => {
    const { report } = only(outside("anhui-tangxi-weituo-2022-TRUNCATED.xlsx"));
    const rated = report.indicators.filter((i) => i.actual === "达成预期指标");
    expect(rated).toHaveLength(6);
    for (const i of rated) expect(i).toMatchObject({ method: "qualitative", score: i.weight });
    expect(report.findings.map((f) => f.code)).not.toContain("QUALITATIVE_BAND");
  });
});

describe("columns in another order and header synonyms", () => {
  const deviating = (): Ind[] => {
    const rows = cleanInds();
    rows[0] = { ...rows[0], actual: "8(次)", score: 40 };
    return rows;
  };
  const base = essence(only(mofForm({ rows: deviating(), total: 90, grade: "优" })).report);

  it.each<[string, Col[]]>([
    ["分值 before 年度指标值", ["l1", "l2", "l3", "weight", "target", "actual", "score", "reason"]],
    [
      "实际完成值 before 年度指标值, 分值 after 得分",
      ["l1", "l2", "l3", "actual", "target", "score", "weight", "reason"],
    ],
    ["偏差原因 before 得分", ["l1", "l2", "l3", "target", "actual", "weight", "reason", "score"]],
  ])("%s: same reading", (_name, order) => {
    const r = only(mofForm({ order, rows: deviating(), total: 90, grade: "优" })).report;
    expect(essence(r)).toEqual(base);
    const reasonCol = String.fromCharCode(65 + order.indexOf("reason"));
    expect(codes(r.findings)).toEqual([`REASON_MISSING@${reasonCol}7`]);
  });

  it.each<[Col, string]>([
    ["actual", "完成值"],
    ["actual", "全年实际值"],
    ["actual", "实际值"],
    ["target", "年度目标值"],
    ["target", "年初目标值(A)"],
    ["target", "指标值"],
    ["target", "目标值"],
    ["weight", "分数"],
    ["weight", "权重"],
    ["score", "自评得分"],
    ["score", "评分"],
    ["reason", "偏差原因"],
    ["reason", "未完成原因分析及改进措施"],
    ["reason", "偏差大或目标未完成原因分析"],
    ["l3", "三 级 指 标"],
    ["actual", "实际\n完成值"],
  ])("indicator header %s as 「%s」", (col, word) => {
    const r = only(mofForm({ words: { [col]: word }, rows: deviating(), total: 90, grade: "优" })).report;
    expect(essence(r)).toEqual(base);
    expect(codes(r.findings)).toEqual(["REASON_MISSING@H7"]);
  });

  it.each<[string, Partial<Record<"annual" | "executed" | "rate" | "weight", string>>]>([
    ["预算执行数", { executed: "预算执行数" }],
    ["执行数(B)", { executed: "执行数(B)" }],
    ["实际执行数", { executed: "实际执行数" }],
    ["预算数(A)", { annual: "预算数(A)" }],
    ["调整后预算数", { annual: "调整后预算数" }],
    ["预算执行率 and 权重", { rate: "预算执行率", weight: "权重" }],
  ])("budget header 「%s」", (_name, words) => {
    const grid = mofForm({
      budgetWords: words,
      budget: [100, 96, 10, 96, 9.6],
      rows: cleanInds(),
      total: 99.6,
      grade: "优",
    });
    const r = only(grid).report;
    expect(r.budget).toMatchObject({
      rate: 96,
      score: 9.6,
      submittedRate: 96,
      submittedScore: 9.6,
      cell: "H4",
    });
    expect(r.findings).toEqual([]);
    // The block is read, not assumed: a wrong rate is found.
    const wrong = mofForm({
      budgetWords: words,
      budget: [100, 96, 10, 90, 9.6],
      rows: cleanInds(),
      total: 99.6,
      grade: "优",
    });
    expect(codes(only(wrong).report.findings)).toEqual(["BUDGET_RATE_MISMATCH@G4"]);
  });

  it("the real 四川 form (完成值 / 权重 / 预算执行数): read, unscored, one SCORE_MISSING warning, no total", () => {
    const { report } = only(outside("sichuan-qingshen-gongzi-2023.xlsx"));
    expect(report.weights).toEqual({ budget: 10, indicators: 90, total: 100, byBlock: false });
    expect(report.budget).toMatchObject({ rate: 100, score: 10 });
    expect(report.total.recomputed).toBeNull();
    expect(report.grade.recomputed).toBeNull();
    expect(report.findings.filter((f) => f.code === "SCORE_MISSING")).toHaveLength(1);
    expect(report.findings.find((f) => f.code === "SCORE_MISSING")?.severity).toBe("warning");
  });
});

describe("spaced and weighted level-1 labels give the split", () => {
  const labelled = (l1: [string, string, string], weights: [number, number, number]): FormReport => {
    const rows = cleanInds().map((r, i) => ({ ...r, l1: l1[i], weight: weights[i], score: weights[i] }));
    return only(mofForm({ rows, total: 100, grade: "优" })).report;
  };

  it("「产 出 指 标 (50分)」… with 50 / 30 / 10: no WEIGHT_SPLIT", () => {
    expect(
      labelled(["产 出 指 标 (50分)", "效 益 指 标 (30分)", "满 意 度 指 标 (10分)"], [50, 30, 10]).findings
    ).toEqual([]);
  });

  it("labels 40 / 40 / 10: WEIGHT_SPLIT says 40 / 40 / 10", () => {
    const r = labelled(["产 出 指 标 (40分)", "效 益 指 标 (40分)", "满 意 度 指 标 (10分)"], [40, 40, 10]);
    expect(codes(r.findings)).toEqual(["WEIGHT_SPLIT@F10"]);
    expect(r.findings[0].message).toContain("产出 40 / 效益 40 / 满意度 10");
  });
});

describe("error values in cells", () => {
  const form = (patch: (rows: Ind[]) => void, total: Scalar = 100, grade: Scalar = "优") => {
    const rows = cleanInds();
    patch(rows);
    return only(mofForm({ rows, total, grade }));
  };

  it.each(["#VALUE!", "#REF!", "#N/A", "#DIV/0!"])(
    "%s as a score: VALUE_UNREADABLE, not 0, no TOTAL_MISMATCH",
    (e) => {
      const { report, patches } = form((rows) => (rows[1].score = e));
      // The unreadable score is reported once, on its row; the total's arithmetic does not count it as 0.
      expect(codes(report.findings)).toEqual(["VALUE_UNREADABLE@G8"]);
      expect(report.indicators[1]).toMatchObject({ submittedScore: null, score: 30 });
      expect(patches).toEqual([]);
    }
  );

  it.each(["#VALUE!", "#REF!"])(
    "%s as a score under an empty 总分: the total is not written (FIX_HELD)",
    (e) => {
      const { report, patches } = form((rows) => (rows[1].score = e), null, null);
      expect(codes(report.findings)).toEqual(["FIX_HELD@G10", "VALUE_UNREADABLE@G8"]);
      expect(report.findings.find((f) => f.code === "FIX_HELD")?.message).toContain("G8");
      expect(patches).toEqual([]);
    }
  );

  it.each(["#VALUE!", "#REF!", "#N/A"])(
    "%s as an actual or a target: VALUE_UNREADABLE at that cell, score kept",
    (e) => {
      const a = form((rows) => (rows[0].actual = e)).report;
      expect(codes(a.findings)).toEqual(["VALUE_UNREADABLE@E7"]);
      expect(a.indicators[0].score).toBe(50);
      const t = form((rows) => (rows[2].target = e)).report;
      expect(codes(t.findings)).toEqual(["VALUE_UNREADABLE@D9"]);
    }
  );

  it("text and error values as the budget score or a score: no TOTAL_MISMATCH counting them as 0", () => {
    const budget = mofForm({
      rows: cleanInds(),
      total: 100,
      grade: "优",
      budget: [100, 100, 10, 100, "#REF!"],
    });
    expect(codes(only(budget).report.findings)).toEqual(["VALUE_UNREADABLE@H4"]);
    expect(codes(form((rows) => (rows[0].score = "十分")).report.findings)).toEqual(["VALUE_UNREADABLE@G7"]);
    // Printed 97 against a recomputed 100: the total is not checked, and not written over the unread cell.
    expect(codes(form((rows) => (rows[0].score = "#N/A"), 97).report.findings)).toEqual([
      "FIX_HELD@G10",
      "VALUE_UNREADABLE@G7",
    ]);
  });

  it("in the budget block: 全年预算数 and 执行率", () => {
    const annual = mofForm({
      rows: cleanInds(),
      total: 100,
      grade: "优",
      budget: ["#REF!", 100, 10, 100, 10],
    });
    expect(codes(only(annual).report.findings)).toEqual(["VALUE_UNREADABLE@D4"]);
    const rate = mofForm({ rows: cleanInds(), total: 100, grade: "优", budget: [100, 100, 10, "#N/A", 10] });
    const r = only(rate);
    expect(codes(r.report.findings)).toEqual(["VALUE_UNREADABLE@G4"]);
    expect(r.patches).toEqual([]);
  });

  it("as a weight, the total and the grade", () => {
    expect(codes(form((rows) => (rows[0].weight = "#REF!")).report.findings)).toContain(
      "VALUE_UNREADABLE@F7"
    );
    expect(codes(form(() => undefined, "#VALUE!").report.findings)).toEqual(["VALUE_UNREADABLE@G10"]);
    const g = form(() => undefined, 100, "#N/A");
    expect(codes(g.report.findings)).toEqual(["VALUE_UNREADABLE@B11"]);
    expect(g.patches).toEqual([]);
  });
});

describe("FORM_UNREADABLE names what was found and what is missing", () => {
  it("a real Shanghai form with its 实际完成值 header removed", () => {
    const g = SHANGHAI[30];
    const broken = mapTexts(g, (s) => (s.replace(/\s/g, "") === "实际完成值" ? "" : s));
    const a = analyzeSheet(broken);
    expect(a.forms).toEqual([]);
    expect(a.findings).toHaveLength(1);
    const f = a.findings[0];
    expect([f.code, f.severity]).toEqual(["FORM_UNREADABLE", "error"]);
    expect(f.message).toMatch(/找到了「[^」]*三级指标[^」]*年度指标值[^」]*」列/);
    expect(f.message).toContain("缺少「实际完成值」列");
  });

  it("the real 永德 form with its 实际完成值 header removed", () => {
    const broken = mapTexts(outside("yunnan-yongde-mingliang-2022.xlsx"), (s) =>
      s === "实际完成值" ? "" : s
    );
    const a = analyzeSheet(broken);
    expect(a.forms).toEqual([]);
    expect(a.findings.map((f) => f.code)).toEqual(["FORM_UNREADABLE"]);
    expect(a.findings[0].message).toContain("缺少「实际完成值」列");
    expect(a.findings[0].message).toContain("2022年度项目支出绩效自评表");
  });

  it("a title alone, with no header: FORM_UNREADABLE at the title", () => {
    const a = analyzeSheet(sheet([[null], [null, "2023年度项目支出绩效自评表"], ["项目名称", "x"]]));
    expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["FORM_UNREADABLE@B2"]);
  });

  it("a list that names forms among its data (a summary of sheets) is no form, not an unreadable one", () => {
    const a = analyzeSheet(
      sheet([
        ["文件", "工作表", "状态"],
        ["甲.xlsx", "项目支出绩效自评表", "通过"],
        ["乙.xlsx", "部门整体支出绩效自评表", "需修改"],
      ])
    );
    expect(a.findings.map((f) => f.code)).toEqual(["LAYOUT_NOT_FOUND"]);
  });
});

describe("kinds", () => {
  const kindOf = (title: string, g?: Grid) =>
    only(g ?? mofForm({ title, rows: cleanInds(), total: 100, grade: "优" })).report.kind;

  it("by title", () => {
    expect(kindOf("2023年度部门整体支出绩效自评表")).toBe("department");
    expect(kindOf("部门整体绩效自评表")).toBe("department");
    expect(kindOf("项目支出绩效自评表")).toBe("project");
    // A 绩效目标自评表 that prints a budget block and scores is a project form.
    expect(kindOf("绩效目标自评表")).toBe("project");
  });

  it("a 绩效目标自评表 of targets and actuals only is a target form, reported unscored", () => {
    const g = sheet([
      ["绩效目标自评表"],
      ["项目名称", "测试"],
      [],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次"],
      ["效益指标", "社会效益", "覆盖率", "≥90%", "95%"],
    ]);
    const { report } = only(g);
    expect(report.kind).toBe("target");
    expect(report.total.recomputed).toBeNull();
    expect(report.findings.map((f) => f.code)).not.toContain("TOTAL_MISMATCH");
  });

  it("the real 金寨 部门整体 form is a department form", () => {
    expect(only(outside("anhui-jinzhai-meilixiangcun-2023-dept-TRUNCATED.xlsx")).report.kind).toBe(
      "department"
    );
  });
});

describe("forms without a 总分 row whose weights do not reach 100 have no total", () => {
  it("a cut real form and a cut small form", () => {
    const cut = only(outside("anhui-jinzhai-meilixiangcun-2023-dept-TRUNCATED.xlsx")).report;
    expect(cut.total).toMatchObject({ submitted: null, recomputed: null, cell: null });
    expect(cut.grade.recomputed).toBeNull();
    const small = only(mofForm({ rows: cleanInds().slice(0, 2) })).report;
    expect(small.weights.total).toBe(90);
    expect(small.total.recomputed).toBeNull();
    const whole = only(mofForm({ rows: cleanInds() })).report;
    expect(whole.total.recomputed).toBe(100);
  });
});
