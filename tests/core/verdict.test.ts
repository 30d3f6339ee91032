/**
 * A verdict a reviewer can trust (scoring.md §5, §6, §9): check and fix agree, impossible totals are errors,
 * an unscored form says so and what it checked, forms are read by what their columns hold, and a prompt names
 * the points the sheet loses after the fix. Each case on a small form built from the real ones.
 */
import { describe, expect, it } from "vitest";
import { analyzeSheet, FINDING_CODES } from "../../src/core";
import type { FormAnalysis, Grid, Scalar } from "../../src/core";
import { MSG } from "../../src/i18n/core";
import { applyPatches, cleanInds, mofForm, sheet, type Ind } from "./sheet";
import { loadGrids } from "./variants";

/** The one form on the sheet, with no sheet-level finding. */
function only(grid: Grid): FormAnalysis {
  const a = analyzeSheet(grid);
  expect(a.findings, "sheet findings").toEqual([]);
  expect(a.forms).toHaveLength(1);
  return a.forms[0];
}

const codes = (a: FormAnalysis) => a.report.findings.map((f) => `${f.code}@${f.cell}:${f.severity}`).sort();
const has = (a: FormAnalysis, code: string) => a.report.findings.filter((f) => f.code === code);

/** Sets the number format of a cell ("H4") of a grid built from A1. */
function format(grid: Grid, cell: string, fmt: string): Grid {
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell) ?? [];
  const r = Number(row) - 1;
  const c = col.charCodeAt(0) - 65;
  const formats = grid.values.map((line, i) => line.map((_, j) => grid.formats?.[i]?.[j] ?? null));
  formats[r][c] = fmt;
  return { ...grid, formats };
}

describe("check and fix agree (§5): every cell fix writes has a finding; 通过 means fix leaves it untouched", () => {
  it("an empty 执行率 is VALUE_EMPTY at its cell, naming the rate fix writes; the form is 需修改 until fixed", () => {
    const a = only(
      mofForm({ rows: cleanInds(), budget: [90, 70, 10, null, 7.78], total: 97.78, grade: "优" })
    );
    const empty = has(a, "VALUE_EMPTY");
    expect(empty.map((f) => `${f.cell}:${f.severity}`)).toEqual(["G4:info"]);
    expect(empty[0].message).toContain("77.78%");
    expect(a.report.findings.every((f) => f.severity !== "error")).toBe(true);
    expect(a.patches.map((p) => `${p.cell}=${p.value}`)).toEqual(["G4=77.78"]);
    expect(a.report.status).toBe("fix");
    const after = only(
      applyPatches(
        mofForm({ rows: cleanInds(), budget: [90, 70, 10, null, 7.78], total: 97.78, grade: "优" }),
        a.patches
      )
    );
    expect(after.patches).toEqual([]);
    expect(after.report.status).toBe("pass");
  });

  it("an empty budget score, 总分 and 评分等级 are each VALUE_EMPTY, naming what fix writes", () => {
    const a = only(
      mofForm({ rows: cleanInds(), budget: [100, 100, 10, 100, null], total: null, grade: null })
    );
    const byCell = Object.fromEntries(has(a, "VALUE_EMPTY").map((f) => [f.cell, f.message]));
    expect(Object.keys(byCell).sort()).toEqual(["B11", "G10", "H4"]);
    expect(byCell.H4).toContain("10.00");
    expect(byCell.G10).toContain("总分未填写");
    expect(byCell.G10).toContain("100.00");
    expect(byCell.B11).toContain("「优」");
    const written = new Set(a.patches.map((p) => p.cell));
    for (const cell of Object.keys(byCell)) expect(written.has(cell)).toBe(true);
    expect(a.report.status).toBe("fix");
  });

  it("a form with only warnings that fix would write (a low score, a prompt) is 需修改, not 通过", () => {
    const rows: Ind[] = cleanInds();
    rows[0] = { ...rows[0], actual: "9(次)", score: 40 };
    const a = only(mofForm({ rows, total: 90, grade: "优" }));
    expect(a.report.findings.some((f) => f.severity === "error")).toBe(false);
    expect(a.patches.length).toBeGreaterThan(0);
    expect(a.report.status).toBe("fix");
  });

  it("the verdict does not depend on whether prompts are written", () => {
    const rows: Ind[] = cleanInds();
    rows[2] = { ...rows[2], actual: "部分达成", score: 7 };
    const grid = mofForm({ rows, total: 97, grade: "优" });
    const a = analyzeSheet(grid, { prompts: false }).forms[0];
    expect(a.patches).toEqual([]);
    expect(a.report.status).toBe("fix");
    expect(only(grid).patches.map((p) => p.what)).toEqual(["reason"]);
  });

  it("a percent-formatted empty 执行率 gets the fraction; an unformatted one among percentages gets the fraction and the nearest one's format", () => {
    // 2022-wujing-006 (610 工作经费): 全年预算数 3.6, 全年执行数 2.8 → 77.78 %.
    const base = sheet([
      ["项目支出绩效自评表"],
      ["项目名称", "610 工作经费"],
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 3.6, 3.6, 2.8, 10, null, 7.78],
      [null, "其中：当年财政拨款", 3.6, 3.6, 2.8, null, null, null],
      [null, "上年结转资金", null, 1, 1, null, 1, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "演练次数", "≥10(次)", "10(次)", 90, 90],
      ["总分", null, null, null, null, 100, 97.78],
      ["评分等级", "优"],
    ]);
    const grid = format(format(base, "G4", "0.00%"), "G6", "0.00%");
    const a = only(grid);
    const byCell = Object.fromEntries(a.patches.map((p) => [p.cell, p.value]));
    expect(byCell).toEqual({ G4: 0.7778, G5: 0.7778 });
    const [g4, g5] = a.patches;
    // G4 keeps its own format: nothing to carry; G5 takes G4's (the nearest, above on a tie with G6).
    expect([g4.numberFormat, g4.formatFrom, g4.oldFormat]).toEqual([undefined, undefined, undefined]);
    expect(g5).toMatchObject({ numberFormat: "0.00%", formatFrom: { row: 3, col: 6 }, oldFormat: "General" });
    expect(only(applyPatches(grid, a.patches)).report.budget.submittedRate).toBe(77.78);
    expect(
      has(a, "VALUE_EMPTY")
        .map((f) => f.cell)
        .sort()
    ).toEqual(["G4", "G5"]);
    expect(a.report.budget.rate).toBe(77.78);
  });
});

describe("an empty 执行率 among rates typed as text keeps the typed form", () => {
  it("writes “77.78%” as text where the block's rates are texts, with no format to carry", () => {
    const grid = sheet([
      ["项目支出绩效自评表"],
      ["项目名称", "610 工作经费"],
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 3.6, 3.6, 2.8, 10, "77.78%", 7.78],
      [null, "其中：当年财政拨款", 3.6, 3.6, 2.8, null, null, null],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "演练次数", "≥10(次)", "10(次)", 90, 90],
      ["总分", null, null, null, null, 100, 97.78],
      ["评分等级", "优"],
    ]);
    const a = only(grid);
    expect(a.patches.map((p) => [p.cell, p.value, p.numberFormat, p.formatFrom])).toEqual([
      ["G5", "77.78%", undefined, undefined],
    ]);
  });
});

describe("the real 610 工作经费 (2022-wujing-006): 77.77% printed, 其中 row's 执行率 empty", () => {
  it("fix writes the fraction into the %-formatted cell and under it, which takes its format, each with its finding", () => {
    const [grid] = loadGrids("single/2022-wujing-006.xlsx");
    const a = only(grid);
    expect(a.patches.map((p) => [p.cell, p.value, p.numberFormat, p.formatFrom, p.oldFormat])).toEqual([
      ["H6", 0.7778, undefined, undefined, undefined],
      ["H7", 0.7778, "0.00%", { row: 5, col: 7 }, "General"],
    ]);
    expect(codes(a)).toEqual(["BUDGET_RATE_MISMATCH@H6:warning", "VALUE_EMPTY@H7:info"]);
    expect(a.report.status).toBe("fix");
    const after = only(applyPatches(grid, a.patches));
    expect(after.report.status).toBe("pass");
    expect(after.report.findings).toEqual([]);
  });
});

describe("impossible figures are errors (§5)", () => {
  it("a 得分合计 row under a 一级指标 merged down over it is still the total row", () => {
    const rows: Scalar[][] = [
      ["区域绩效自评表"],
      ["项目名称", "测试区域"],
      ["项目资金(万元)", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", 100, 100, 100, 10, 100, 10],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "数量指标", "演练次数", "≥10(次)", "10(次)", 50, 50],
      [null, "质量指标", "合格率", "≥90%", "95%", 40, 40],
      [null, null, "得分合计", null, null, 100, 100],
    ];
    const a = only(sheet(rows, [{ top: 5, left: 0, bottom: 7, right: 0 }]));
    expect(a.report.indicators.map((i) => i.level3)).toEqual(["演练次数", "合格率"]);
    expect(a.report.total).toMatchObject({ submitted: 100, recomputed: 100, cell: "G8" });
    expect(a.report.findings.map((f) => f.code)).toEqual(["WEIGHT_SPLIT"]);
  });

  it("a last row labelled 得分合计 (100) is the total row, not an indicator (区域绩效自评表)", () => {
    for (const label of ["得分合计", "合计得分", "自评总分", "总 计"]) {
      const grid = mofForm({ rows: [...cleanInds(), { l1: label, l3: null, weight: 100, score: 100 }] });
      const a = only(grid);
      expect(
        a.report.indicators.map((i) => i.level3),
        label
      ).toEqual(["演练次数", "覆盖人数", "满意度"]);
      expect(a.report.total.submitted, label).toBe(100);
      expect(a.report.total.recomputed, label).toBe(100);
      expect(a.report.grade.recomputed, label).toBe("优");
      expect(has(a, "TOTAL_OVER_FULL"), label).toEqual([]);
      expect(a.report.status, label).toBe("pass");
    }
  });

  it("a 小计 row is a subtotal, counted once", () => {
    const rows: Ind[] = cleanInds();
    rows.splice(1, 0, { l3: "产出指标小计", weight: 50, score: 50 });
    const a = only(mofForm({ rows, total: 100, grade: "优" }));
    expect(a.report.indicators).toHaveLength(3);
    expect(a.report.weights.total).toBe(100);
    expect(a.report.status).toBe("pass");
  });

  it("a printed total above 100 is TOTAL_OVER_FULL at the 总分 cell, no grade is derived from it", () => {
    const a = only(mofForm({ rows: cleanInds(), total: 105, grade: "优" }));
    const over = has(a, "TOTAL_OVER_FULL");
    expect(over.map((f) => `${f.cell}:${f.severity}`)).toEqual(["G10:error"]);
    expect(has(a, "GRADE_MISMATCH")).toEqual([]);
    expect(a.report.status).toBe("fix");
  });

  it("a recomputed total above the full marks is TOTAL_OVER_FULL: no grade, and fix writes neither", () => {
    const rows: Ind[] = cleanInds();
    rows[0] = { ...rows[0], weight: 60, score: 60 };
    const a = only(mofForm({ rows, total: null, grade: null }));
    expect(a.report.total.recomputed).toBe(110);
    expect(has(a, "TOTAL_OVER_FULL").map((f) => f.cell)).toEqual(["G10"]);
    expect(a.report.grade.recomputed).toBeNull();
    expect(a.patches.filter((p) => p.what === "total" || p.what === "grade")).toEqual([]);
  });

  it("the full marks are those the 总分 row prints as its maximum", () => {
    const rows: Ind[] = cleanInds().map((r) => ({
      ...r,
      weight: Number(r.weight) * 2,
      score: Number(r.score) * 2,
    }));
    const a = only(
      mofForm({ rows, budget: [100, 100, 20, 100, 20], total: 200, totalWeight: 200, grade: "优" })
    );
    expect(has(a, "TOTAL_OVER_FULL")).toEqual([]);
  });
});

describe("an unscored form is 未评分 and says what it checked", () => {
  it("a 绩效目标自评表 with empty 分值 and 得分 columns: no WEIGHT_SUM of 0, no WEIGHT_MISSING", () => {
    const rows: Ind[] = cleanInds().map((r) => ({ ...r, weight: null, score: null }));
    const a = only(mofForm({ title: "绩效目标自评表", rows, budget: [100, 90, null, 90, null] }));
    expect(a.report.status).toBe("unscored");
    expect(a.report.findings.map((f) => f.code)).toEqual(["SCORE_MISSING"]);
    const [f] = a.report.findings;
    expect(f.severity).toBe("info");
    expect(f.message).toContain("未评分");
    expect(f.message).toContain("已核对：3 个指标的年度指标值与实际完成值、预算执行率 90.00%");
  });

  it("a form with weights but no scores is 未评分 (warning), naming the weights it checked", () => {
    const rows: Ind[] = cleanInds().map((r) => ({ ...r, score: null, actual: null }));
    const a = only(mofForm({ rows, budget: [100, 100, 10, 100, null], total: null }));
    expect(a.report.status).toBe("unscored");
    const missing = has(a, "SCORE_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^本表未评分/);
    expect(missing[0].message).toContain("分值合计 100");
  });

  it("a form with no 得分 column: 未评分, the message says so", () => {
    const a = only(
      mofForm({
        rows: cleanInds(),
        order: ["l1", "l2", "l3", "target", "actual", "reason"],
      })
    );
    expect(a.report.status).toBe("unscored");
    expect(has(a, "SCORE_MISSING")[0].message).toMatch(/^本表未评分：只有年度指标值和实际完成值/);
    expect(has(a, "UNSCORABLE")).toEqual([]);
  });
});

describe("read by what the columns hold (§9)", () => {
  it("the header words of real forms: 参考分值 / 指标分值 / 标准分值, 绩效目标值 / 预期指标值, 单项指标实际完成值", () => {
    for (const [weight, target, actual] of [
      ["参考分值", "绩效目标值", "单项指标实际完成值"],
      ["指标分值", "预期指标值", "实际完成值"],
      ["标准分值", "绩效\n目标值", "单项指标\n实际完成值"],
      ["参 考 分 值", "绩 效 目 标 值", "实际完成值"],
    ]) {
      const a = only(
        mofForm({ rows: cleanInds(), total: 100, grade: "优", words: { weight, target, actual } })
      );
      expect(a.report.weights, weight).toEqual({ budget: 10, indicators: 90, total: 100, byBlock: false });
      expect(a.report.status, weight).toBe("pass");
      expect(a.report.findings, weight).toEqual([]);
    }
  });

  it("“绩效” over “目标值” in one cell of a 部门整体 form reads as the target", () => {
    const a = only(
      mofForm({
        title: "部门整体支出绩效自评表",
        rows: cleanInds(),
        total: 100,
        grade: "优",
        words: { target: "绩效\r\n目标值" },
      })
    );
    expect(a.report.kind).toBe("department");
    expect(a.report.indicators[0].target).toBe("≥10(次)");
  });

  it("an unknown weight word: the column whose numbers with the budget weight make 100 is 分值 (COLUMN_INFERRED)", () => {
    const a = only(mofForm({ rows: cleanInds(), total: 100, grade: "优", words: { weight: "满分" } }));
    expect(a.report.weights).toEqual({ budget: 10, indicators: 90, total: 100, byBlock: false });
    const inferred = has(a, "COLUMN_INFERRED");
    expect(inferred.map((f) => `${f.cell}:${f.severity}`)).toEqual(["F6:info"]);
    expect(inferred[0].message).toContain("「满分」");
    expect(inferred[0].message).toContain("「分值」");
    expect(a.report.status).toBe("pass");
  });

  it("an unknown score word beside 分值: its numbers each within their row's 分值 make it 得分", () => {
    const rows: Ind[] = cleanInds();
    rows[0] = { ...rows[0], actual: "8(次)", score: 40 };
    const a = only(mofForm({ rows, total: 90, grade: "优", words: { score: "考核结果" } }));
    expect(has(a, "COLUMN_INFERRED").map((f) => f.cell)).toEqual(["G6"]);
    expect(a.report.indicators[0]).toMatchObject({ submittedScore: 40, score: 40 });
    expect(a.report.total.recomputed).toBe(90);
  });

  it("both words unknown: 分值 by its sum, then 得分 beside it", () => {
    const a = only(
      mofForm({ rows: cleanInds(), total: 100, grade: "优", words: { weight: "满分", score: "考核结果" } })
    );
    expect(
      has(a, "COLUMN_INFERRED")
        .map((f) => f.cell)
        .sort()
    ).toEqual(["F6", "G6"]);
    expect(a.report.total.recomputed).toBe(100);
  });

  it("a column of per-row numbers that does not prove to be 分值 is told, never “weights by block” in silence", () => {
    const rows: Ind[] = cleanInds().map((r) => ({ ...r, weight: Number(r.weight) - 5 }));
    const a = only(mofForm({ rows, total: 100, grade: "优", words: { weight: "满分" } }));
    const told = a.report.findings.filter((f) => f.message.includes("「满分」"));
    expect(told).toHaveLength(1);
    expect(told[0].cell).toBe("F6");
    expect(a.report.findings.some((f) => f.message === MSG.weightsByBlock("10", "—"))).toBe(false);
    // Its weights unread, no total could be checked: 未评分, never 通过.
    expect(a.report.status).toBe("unscored");
  });

  it("weights printed as percentages (20%, 10%) are points of 100", () => {
    const rows: Ind[] = cleanInds().map((r) => ({ ...r, weight: `${String(r.weight)}%` }));
    const a = only(mofForm({ rows, total: 100, grade: "优", budget: [100, 100, "10%", 100, 10] }));
    expect(a.report.weights).toEqual({ budget: 10, indicators: 90, total: 100, byBlock: false });
    expect(a.report.status).toBe("pass");
  });

  it("a level-1 label that is only “(50分)” gives WEIGHT_SPLIT its split", () => {
    const rows: Ind[] = [
      {
        l1: "产出指标",
        l2: "数量指标",
        l3: "演练次数",
        target: "≥10(次)",
        actual: "10(次)",
        weight: 30,
        score: 30,
      },
      { l1: "(40分)", l2: "质量指标", l3: "合格率", target: "≥90%", actual: "95%", weight: 10, score: 10 },
      {
        l1: "效益指标",
        l2: "社会效益",
        l3: "覆盖人数",
        target: "≥100(人)",
        actual: "100(人)",
        weight: 30,
        score: 30,
      },
      {
        l1: "(40分)",
        l2: "可持续",
        l3: "长效机制",
        target: "≥1(项)",
        actual: "1(项)",
        weight: 10,
        score: 10,
      },
      {
        l1: "满意度指标",
        l2: "服务对象",
        l3: "满意度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
    ];
    const a = only(mofForm({ rows, total: 100, grade: "优" }));
    const split = has(a, "WEIGHT_SPLIT");
    expect(split).toHaveLength(1);
    expect(split[0].message).toContain("产出 40 / 效益 40 / 满意度 10");
    expect(a.report.indicators[1].level2).toBe("质量指标");
  });

  it("a total printed in the header block (“自评得分 98”, no 总分 row) is the printed total", () => {
    const grid = mofForm({ rows: cleanInds(), grade: undefined });
    grid.values[1][4] = "自评得分";
    grid.values[1][5] = 98;
    const a = only(grid);
    expect(a.report.total).toMatchObject({ submitted: 98, recomputed: 100, cell: "F2" });
    expect(has(a, "TOTAL_MISMATCH").map((f) => f.cell)).toEqual(["F2"]);
  });

  it("the budget scored as an indicator row (预算执行率 under 项目管理): rate checked, scored as §3", () => {
    const budgetRow = (actual: Scalar, score: Scalar): Ind => ({
      l1: "项目管理",
      l2: "资金管理",
      l3: "预算执行率",
      target: "100%",
      actual,
      weight: 10,
      score,
      reason: "年底部分合同未结算",
    });
    const build = (actual: Scalar, score: Scalar) => {
      const grid = mofForm({
        rows: [...cleanInds(), budgetRow(actual, score)],
        total: 99,
        grade: "优",
        budget: [100, 90, null, null, null],
      });
      // The 项目资金 block prints no 分值 and no 得分.
      for (const line of grid.values.slice(2, 4)) [5, 6, 7].forEach((c) => (line[c] = null));
      grid.values[2][6] = "执行率";
      grid.values[3][6] = 90;
      return grid;
    };
    const ok = only(build("90%", 9));
    expect(ok.report.indicators[3]).toMatchObject({ weight: 10, score: 9, actual: "90%" });
    expect(ok.report.total.recomputed).toBe(99);
    expect(ok.report.weights.total).toBe(100);
    expect(ok.report.status).toBe("pass");
    const wrong = only(build("95%", 9.5));
    expect(codes(wrong)).toEqual(
      expect.arrayContaining(["BUDGET_RATE_MISMATCH@E10:warning", "SCORE_MISMATCH@G10:error"])
    );
    expect(wrong.report.indicators[3].score).toBe(9);
  });
});

describe("prompts match the sheet (§6)", () => {
  it("a held score: the prompt names the points lost in the sheet as it stays (扣 1 分, not 扣 0.05 分)", () => {
    // 2022-wujing-003: weights 103, so the fix holds the scores; the row's 4 of 5 stays.
    const rows: Ind[] = [
      { l1: "产出指标", l2: "质量指标", l3: "登记达标率", target: "98%", actual: "97%", weight: 5, score: 4 },
      {
        l1: "效益指标",
        l2: "社会效益",
        l3: "覆盖人数",
        target: "≥100(人)",
        actual: "100(人)",
        weight: 88,
        score: 88,
      },
    ];
    const a = only(mofForm({ rows, total: 102, totalWeight: 103, grade: "优" }));
    const prompt = a.patches.find((p) => p.what === "reason");
    expect(a.patches.find((p) => p.what === "score")).toBeUndefined();
    expect(String(prompt?.value)).toContain("扣 1 分");
    expect(has(a, "REASON_MISSING")[0].message).toContain("扣了 1 分");
  });

  it("a written score: the prompt names weight − the score written", () => {
    const rows: Ind[] = cleanInds();
    rows[0] = { ...rows[0], actual: "9(次)", score: 40 };
    const a = only(mofForm({ rows, total: 90, grade: "优" }));
    expect(a.patches.find((p) => p.what === "score")?.value).toBe(45);
    expect(String(a.patches.find((p) => p.what === "reason")?.value)).toContain("扣 5 分");
  });

  it("a printed score that matches within its decimals stays: the prompt names what the sheet loses", () => {
    const rows: Ind[] = cleanInds();
    rows[0] = { ...rows[0], actual: "9.81(次)", weight: 50, score: 49.1 };
    const a = only(mofForm({ rows: [...rows], total: 99.1, grade: "优" }));
    expect(a.patches.find((p) => p.what === "score")).toBeUndefined();
    expect(String(a.patches.find((p) => p.what === "reason")?.value)).toContain("扣 0.9 分");
  });
});

describe("finding codes", () => {
  it("VALUE_EMPTY, TOTAL_OVER_FULL and COLUMN_INFERRED are finding codes", () => {
    expect(FINDING_CODES).toEqual(
      expect.arrayContaining(["VALUE_EMPTY", "TOTAL_OVER_FULL", "COLUMN_INFERRED"])
    );
  });
});
