/** Builds small 自评表 grids for rule tests (the 2023 layout: A–I, 三级指标 in C:D). */
import type { Grid, Merge, Scalar } from "../../src/core/grid";
import { analyzeSheet, type AnalyzeOptions, type FormAnalysis } from "../../src/core";

export interface RowSpec {
  l1?: string;
  l2?: string;
  name: string;
  target: Scalar;
  actual: Scalar;
  weight: Scalar;
  score: Scalar;
  reason?: Scalar;
}

export interface FormSpec {
  budget?: {
    annual: Scalar;
    executed: Scalar;
    weight: Scalar;
    rate: Scalar;
    score: Scalar;
    initial?: Scalar;
  };
  rateFormat?: string;
  rows: RowSpec[];
  total?: Scalar;
  totalWeight?: Scalar;
  grade?: Scalar | "none";
}

/** A 2023-style form: budget header row 5, 年度资金总额 row 6, header row 12, indicators from row 13. */
export function buildForm(spec: FormSpec): Grid {
  const b = spec.budget ?? { annual: 100, executed: 100, weight: 10, rate: 100, score: 10 };
  const values: Scalar[][] = [];
  const formats: (string | null)[][] = [];
  const set = (r: number, c: number, v: Scalar, f: string | null = null) => {
    while (values.length <= r) {
      values.push(Array(9).fill(null));
      formats.push(Array(9).fill(null));
    }
    values[r][c] = v;
    formats[r][c] = f;
  };
  set(0, 0, "财政项目支出绩效自评表");
  set(2, 0, "项目名称");
  set(2, 2, "测试项目");
  set(3, 0, "主管部门");
  set(3, 2, "测试部门");
  set(3, 5, "实施单位");
  set(3, 6, "测试单位");
  [
    "项目资金（万元）",
    null,
    null,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分数",
    "执行率(%)",
    "得分",
  ].forEach((v, c) => set(4, c, v));
  set(5, 2, "年度资金总额");
  set(5, 3, b.initial ?? b.annual);
  set(5, 4, b.annual);
  set(5, 5, b.executed);
  set(5, 6, b.weight);
  set(5, 7, b.rate, spec.rateFormat ?? "0.00");
  set(5, 8, b.score, "0.00");
  set(6, 2, "其中：当年财政拨款");
  set(6, 6, "-");
  set(6, 8, "-");
  set(9, 0, "年度总体目标");
  [
    "一级指标",
    "二级指标",
    "三级指标",
    null,
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ].forEach((v, c) => set(11, c, v));
  const merges: Merge[] = [{ top: 11, left: 2, bottom: 11, right: 3 }];
  let r = 12;
  for (const row of spec.rows) {
    set(r, 0, row.l1 ?? (r === 12 ? "产出指标" : null));
    set(r, 1, row.l2 ?? (r === 12 ? "数量指标" : null));
    set(r, 2, row.name);
    set(r, 4, row.target);
    set(r, 5, row.actual);
    set(r, 6, row.weight, "0.00");
    set(r, 7, row.score, "0.00");
    set(r, 8, row.reason ?? null);
    merges.push({ top: r, left: 2, bottom: r, right: 3 });
    r++;
  }
  set(r, 0, "总分");
  set(r, 6, spec.totalWeight ?? 100);
  set(r, 7, spec.total ?? null);
  merges.push({ top: r, left: 0, bottom: r, right: 5 });
  if (spec.grade !== "none") {
    set(r + 1, 0, "评分等级");
    set(r + 1, 2, spec.grade ?? null);
    merges.push(
      { top: r + 1, left: 0, bottom: r + 1, right: 1 },
      { top: r + 1, left: 2, bottom: r + 1, right: 8 }
    );
  }
  return { name: "测试", top: 0, left: 0, values, formats, merges };
}

/** 90 points of clean filler rows (产出 50, 效益 30, 满意度 10) after the rows under test. */
export function filler(used: number): RowSpec[] {
  const rest = 90 - used;
  return rest > 0
    ? [
        {
          l1: "效益指标",
          l2: "社会效益指标",
          name: "填充指标",
          target: "≥1(次)",
          actual: "1(次)",
          weight: rest,
          score: rest,
        },
      ]
    : [];
}

/** `grid` without its 总分 row (and the merges on it). */
export function withoutTotalRow(grid: Grid): Grid {
  const row = grid.values.findIndex((line) => line[0] === "总分");
  const drop = <T>(lines: T[]) => lines.filter((_, i) => i !== row);
  return {
    ...grid,
    values: drop(grid.values),
    formats: drop(grid.formats ?? []),
    merges: grid.merges.filter((m) => m.top !== row),
  };
}

/** Three clean indicator rows with the recommended split (产出 50 / 效益 30 / 满意度 10). */
export function cleanRows(): RowSpec[] {
  const row = (l1: string, l2: string, name: string, target: string, actual: string, w: number): RowSpec => ({
    l1,
    l2,
    name,
    target,
    actual,
    weight: w,
    score: w,
  });
  return [
    row("产出指标", "数量指标", "指标 1：演练", "≥10(次)", "10(次)", 50),
    row("效益指标", "社会效益", "指标 1：覆盖", "≥1(次)", "1(次)", 30),
    row("满意度指标", "服务对象", "指标 1：满意", "≥1(次)", "1(次)", 10),
  ];
}

/** The first form of a grid as analysed (the rule tests build one form per grid); throws when none. */
export function firstForm(grid: Grid, options: AnalyzeOptions = {}): FormAnalysis {
  const form = analyzeSheet(grid, options).forms[0];
  if (!form) throw new Error(`no form read on ${grid.name}`);
  return form;
}
