import { describe, expect, it } from "vitest";
import { analyzeSheet, type FormReport } from "../../src/core";
import { buildForm, filler, firstForm, type FormSpec, type RowSpec } from "./builder";

const run = (spec: FormSpec, profile?: "mof2020" | "mof2020-linear" | "mof2020-strict") =>
  firstForm(buildForm(spec), { profile });
const codes = (r: FormReport) => r.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`).sort();
const one = (row: RowSpec, profile?: "mof2020" | "mof2020-linear" | "mof2020-strict") =>
  run(
    { rows: [{ ...row, weight: row.weight }, ...filler(Number(row.weight) || 0)], total: 100, grade: "优" },
    profile
  );

describe("indicator methods (spec §4)", () => {
  it("positive: min(B/A, 1) × w, with the computation shown", () => {
    const { report } = one({
      name: "满意度",
      target: "≥100.00(%)",
      actual: "95.00(%)",
      weight: 10,
      score: 9.5,
      reason: "原因",
    });
    expect(report.indicators[0]).toMatchObject({
      method: "positive",
      score: 9.5,
      explain: "95 ÷ 100 × 10 = 9.50",
    });
  });
  it("positive over target is capped and OVERSHOOT above 1.5 A", () => {
    const { report } = one({
      name: "场次",
      target: ">10.00(次)",
      actual: "16.00(次)",
      weight: 10,
      score: 10,
    });
    expect(report.indicators[0]).toMatchObject({ method: "positive", score: 10 });
    expect(codes(report)).toContain("OVERSHOOT@H13:info");
  });
  it("equal", () => {
    const { report } = one({
      name: "次数",
      target: "=2.00(次)",
      actual: "1.00(次)",
      weight: 10,
      score: 5,
      reason: "r",
    });
    expect(report.indicators[0]).toMatchObject({ method: "equal", score: 5 });
  });
  it("zero, whatever the unit", () => {
    expect(
      one({ name: "事故", target: "=0(件)", actual: "0.00(件)", weight: 5, score: 5 }).report.indicators[0]
    ).toMatchObject({ method: "zero", score: 5 });
    const r = one({
      name: "故障",
      target: "≤0(起)",
      actual: "2.00(起)",
      weight: 4,
      score: 2,
      reason: "r",
    }).report;
    expect(r.indicators[0]).toMatchObject({ method: "zero", score: 0 });
    expect(codes(r)).toContain("SCORE_MISMATCH@H13:error");
  });
  it("reverse: ratio by default, linear as a profile option", () => {
    const row = { name: "投诉", target: "≤10(件)", actual: "15(件)", weight: 10, score: 10 };
    expect(one(row).report.indicators[0]).toMatchObject({ method: "reverse", score: 6.67 });
    expect(one(row, "mof2020-linear").report.indicators[0]).toMatchObject({ method: "reverse", score: 5 });
    expect(one({ ...row, actual: "25(件)" }, "mof2020-linear").report.indicators[0].score).toBe(0);
    expect(one({ ...row, actual: "8(件)" }).report.indicators[0].score).toBe(10);
  });
  it("completion: a count target with a percentage actual", () => {
    const r = one({
      name: "服装",
      target: "81 套",
      actual: "90%",
      weight: 20,
      score: 18,
      reason: "r",
    }).report;
    expect(r.indicators[0]).toMatchObject({ method: "completion", score: 18 });
  });
  it("unscorable keeps the submitted score, with an info finding", () => {
    const r = one({ name: "年底", target: "年底", actual: "100%", weight: 4, score: 3 }).report;
    expect(r.indicators[0]).toMatchObject({ method: "unscorable", score: 3 });
    expect(codes(r)).toContain("UNSCORABLE@H13:info");
    expect(
      one({ name: "x", target: "≥5(次)", actual: "3(个)", weight: 4, score: 4 }).report.indicators[0].method
    ).toBe("unscorable");
    expect(
      one({ name: "x", target: "≥0(次)", actual: "3(次)", weight: 4, score: 4 }).report.indicators[0].method
    ).toBe("unscorable");
  });
  it("a negative actual counts as 0", () => {
    expect(
      one({ name: "x", target: "≥5(次)", actual: "-2(次)", weight: 4, score: 0, reason: "r" }).report
        .indicators[0].score
    ).toBe(0);
  });
});

describe("qualitative ratings and bands", () => {
  it("达成指标 with an empty score gets w and SCORE_MISSING (warning), written by fix", () => {
    const { report, patches } = one({
      name: "及时性",
      target: "及时",
      actual: "达成指标",
      weight: 5,
      score: null,
    });
    expect(report.indicators[0]).toMatchObject({ method: "qualitative", score: 5 });
    expect(codes(report)).toContain("SCORE_MISSING@H13:warning");
    expect(patches.find((p) => p.cell === "H13")?.value).toBe(5);
  });
  it("部分达成 at exactly 80 % is in band by default, out of band with strictBands", () => {
    const row = {
      name: "规范",
      target: "规范",
      actual: "部分达成指标并具有一定效果",
      weight: 5,
      score: 4,
      reason: "r",
    };
    expect(codes(one(row).report).filter((c) => c.startsWith("QUALITATIVE"))).toEqual([]);
    expect(codes(one(row, "mof2020-strict").report)).toContain("QUALITATIVE_BAND@H13:error");
  });
  it("a score outside the band is an error and is kept", () => {
    const r = one({
      name: "效果",
      target: "有效",
      actual: "未达成指标且效果较差",
      weight: 10,
      score: 8,
      reason: "r",
    }).report;
    expect(codes(r)).toContain("QUALITATIVE_BAND@H13:error");
    expect(r.indicators[0].score).toBe(8);
  });
  it("部分达成 with an empty score: SCORE_MISSING error, counts 0", () => {
    const r = one({
      name: "效果",
      target: "有效",
      actual: "部分达成",
      weight: 10,
      score: null,
      reason: "r",
    }).report;
    expect(codes(r)).toContain("SCORE_MISSING@H13:error");
    expect(r.indicators[0].score).toBeNull();
  });
});

describe("every finding code", () => {
  it("SCORE_OVER_WEIGHT", () => {
    expect(
      codes(one({ name: "x", target: "及时", actual: "达成指标", weight: 5, score: 6 }).report)
    ).toContain("SCORE_OVER_WEIGHT@H13:error");
  });
  it("SCORE_MISMATCH is an error when points are given, a warning when withheld", () => {
    expect(
      codes(one({ name: "x", target: "≥90(%)", actual: "85(%)", weight: 10, score: 10, reason: "r" }).report)
    ).toContain("SCORE_MISMATCH@H13:error");
    expect(
      codes(one({ name: "x", target: "≥90(%)", actual: "90(%)", weight: 10, score: 8, reason: "r" }).report)
    ).toContain("SCORE_MISMATCH@H13:warning");
  });
  it("SCORE_MISSING on a quantitative row is filled in by fix", () => {
    const { report, patches } = one({
      name: "x",
      target: "≥90(%)",
      actual: "90(%)",
      weight: 10,
      score: null,
    });
    expect(codes(report)).toContain("SCORE_MISSING@H13:warning");
    expect(patches.find((p) => p.cell === "H13")).toMatchObject({ old: null, value: 10, what: "score" });
  });
  it("WEIGHT_MISSING, and such a row gets no other check", () => {
    const r = run({
      rows: [{ name: "x", target: "≥90(%)", actual: "10(%)", weight: null, score: 9 }, ...filler(0)],
    }).report;
    expect(codes(r)).toEqual(expect.arrayContaining(["WEIGHT_MISSING@G13:error"]));
    expect(codes(r).filter((c) => c.includes("@H13"))).toEqual([]);
    expect(codes(r).filter((c) => c.startsWith("REASON"))).toEqual([]);
  });
  it("placeholder rows are skipped silently", () => {
    const r = run({
      rows: [
        { name: "指标 2：", target: null, actual: null, weight: null, score: null },
        { name: "指标 1：无", target: "无", actual: "无", weight: "无", score: "无" },
        ...filler(0),
      ],
      total: 100,
      grade: "优",
    }).report;
    expect(r.indicators).toHaveLength(1);
    expect(codes(r).filter((c) => !c.startsWith("WEIGHT_SPLIT"))).toEqual([]);
  });
  it("WEIGHT_SUM points at the 总分 row's 分值 cell, WEIGHT_SPLIT is info", () => {
    const r = run({
      rows: [{ name: "x", target: "≥1(次)", actual: "1(次)", weight: 95, score: 95 }],
      total: 105,
    }).report;
    expect(codes(r)).toEqual(expect.arrayContaining(["WEIGHT_SUM@G14:error", "WEIGHT_SPLIT@G14:info"]));
    expect(r.weights).toEqual({ budget: 10, indicators: 95, total: 105, byBlock: false });
  });
  it("BUDGET_BASE_MISSING keeps the submitted budget score in the total", () => {
    const r = run({
      budget: { annual: 0, executed: 0, weight: 10, rate: 0, score: 3 },
      rows: filler(0),
      total: 93,
    }).report;
    expect(codes(r)).toContain("BUDGET_BASE_MISSING@E6:error");
    expect(r.budget.score).toBeNull();
    expect(r.total.recomputed).toBe(93);
  });
  it("BUDGET_RATE_MISMATCH (against 全年预算数, not 年初) and BUDGET_SCORE_MISMATCH", () => {
    const r = run({
      budget: { initial: 120, annual: 100, executed: 96, weight: 10, rate: 80, score: 8 },
      rows: filler(0),
      total: 98,
      grade: "优",
    }).report;
    expect(codes(r)).toEqual(
      expect.arrayContaining(["BUDGET_RATE_MISMATCH@H6:warning", "BUDGET_SCORE_MISMATCH@I6:error"])
    );
    expect(r.budget).toMatchObject({ rate: 96, score: 9.6, submittedRate: 80 });
  });
  it("a percent-formatted 执行率 gets a fraction on fix", () => {
    const { patches } = run({
      budget: { annual: 100, executed: 50, weight: 10, rate: 0.6, score: 5 },
      rateFormat: "0.00%",
      rows: filler(0),
      total: 95,
    });
    expect(patches.find((p) => p.cell === "H6")).toMatchObject({ old: 0.6, value: 0.5, what: "rate" });
  });
  it("TOTAL_MISMATCH and GRADE_MISMATCH on the form's own arithmetic", () => {
    const r = run({ rows: filler(0), total: 85, grade: "优" }).report;
    expect(codes(r)).toEqual(
      expect.arrayContaining(["TOTAL_MISMATCH@H14:error", "GRADE_MISMATCH@C15:error"])
    );
    expect(r.grade).toEqual({ submitted: "优", recomputed: "优", cell: "C15" });
  });
  it("REASON_MISSING writes a prompt that cannot be read as a formula; text is never overwritten", () => {
    const { report, patches } = run({
      rows: [
        { name: "x", target: "≥90.00(%)", actual: "85.00(%)", weight: 10, score: 9.44 },
        { name: "y", target: "=5(个)", actual: "4(个)", weight: 10, score: 8, reason: "已说明" },
        ...filler(20),
      ],
      total: 97.44,
    });
    expect(codes(report)).toContain("REASON_MISSING@I13:warning");
    expect(codes(report)).not.toContain("REASON_MISSING@I14:warning");
    const prompt = patches.find((p) => p.cell === "I13");
    expect(prompt?.value).toBe(
      "【待说明】年度指标值 ≥90.00(%)，实际完成值 85.00(%)，扣 0.56 分：请说明偏差原因及改进措施。"
    );
    expect(patches.some((p) => p.cell === "I14")).toBe(false);
  });
  it("prompts can be switched off", () => {
    const { patches } = firstForm(
      buildForm({
        rows: [{ name: "x", target: "≥90(%)", actual: "45(%)", weight: 10, score: 5 }, ...filler(10)],
        total: 95,
      }),
      { prompts: false }
    );
    expect(patches.some((p) => p.what === "reason")).toBe(false);
  });
  it("VALUE_UNREADABLE: a score that cannot be read is reported, never scored as 0", () => {
    const r = one({ name: "x", target: "≥90(%)", actual: "90(%)", weight: 10, score: "十分" }).report;
    expect(codes(r)).toContain("VALUE_UNREADABLE@H13:error");
    expect(r.indicators[0].submittedScore).toBeNull();
  });
  it("FORMULA_KEPT: a formula cell is never written", () => {
    const grid = buildForm({ rows: filler(0), total: 50 });
    grid.formulas = grid.values.map((row) => row.map(() => null));
    grid.formulas[13][7] = "=SUM(H13:H13)+I6";
    const { report, patches } = firstForm(grid);
    expect(codes(report)).toContain("FORMULA_KEPT@H14:info");
    expect(patches.some((p) => p.cell === "H14")).toBe(false);
  });
  it("LAYOUT_NOT_FOUND on a sheet that is not a form", () => {
    const r = analyzeSheet({
      name: "说明",
      top: 0,
      left: 0,
      values: [["项目"], ["得分", 3]],
      merges: [],
    });
    expect(r.forms).toEqual([]);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: "LAYOUT_NOT_FOUND", severity: "info", cell: "A1" }),
    ]);
  });
});

describe("total and grade", () => {
  it("recomputed total uses the 2-decimal scores the fix writes, so a fixed form passes its own check", () => {
    const grid = buildForm({
      rows: [{ name: "x", target: "≥3(次)", actual: "2(次)", weight: 10, score: 10 }, ...filler(10)],
      total: 100,
      grade: "优",
    });
    const first = firstForm(grid);
    expect(first.report.total.recomputed).toBe(96.67);
    for (const p of first.patches) grid.values[p.row][p.col] = p.value;
    const second = firstForm(grid);
    expect(second.report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(second.patches).toEqual([]);
  });
});
