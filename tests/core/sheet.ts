/**
 * Sheet helpers for the template tests: literal grids, forms built column by column (any order, any header
 * words), several forms stacked on one sheet, patches applied in memory, and the real forms to vary.
 */
import type { FormAnalysis, Grid, Merge, Patch, Scalar, SheetAnalysis } from "../../src/core";
import { a1, parseA1 } from "../../src/core";
import { loadGrids } from "./variants";

/**
 * A dense copy of the grid starting at A1 (every row and cell present, null where empty), so transforms can
 * index absolute cells. Holes of a sparse grid (rows without cells, cells left out) become nulls.
 */
export function dense(grid: Grid): {
  values: Scalar[][];
  formats: (string | null)[][];
  formulas: (string | null)[][];
} {
  const rows = grid.top + grid.values.length;
  let width = 0;
  grid.values.forEach((line) => (width = Math.max(width, line?.length ?? 0)));
  const cols = grid.left + width;
  const at = <T>(lines: (T | null | undefined)[][] | undefined, r: number, c: number): T | null => {
    const rr = r - grid.top;
    const cc = c - grid.left;
    return rr >= 0 && cc >= 0 ? (lines?.[rr]?.[cc] ?? null) : null;
  };
  const grid2 = <T>(lines: (T | null | undefined)[][] | undefined) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at<T>(lines, r, c)));
  return {
    values: grid2<Scalar>(grid.values),
    formats: grid2<string>(grid.formats),
    formulas: grid2<string>(grid.formulas),
  };
}

/** A grid from literal rows starting at A1; `formats` maps "A1" addresses to number formats. */
export function sheet(rows: Scalar[][], merges: Merge[] = [], formats: Record<string, string> = {}): Grid {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<Scalar>(width - r.length).fill(null)]);
  const fmts = values.map((r) => r.map(() => null as string | null));
  for (const [cell, f] of Object.entries(formats)) {
    const { row, col } = parseA1(cell);
    fmts[row][col] = f;
  }
  return { name: "测试", top: 0, left: 0, values, formats: fmts, merges };
}

/** The columns of an indicator table, in the order a form prints them. */
export type Col = "l1" | "l2" | "l3" | "target" | "actual" | "weight" | "score" | "reason";

export const MOF_ORDER: readonly Col[] = ["l1", "l2", "l3", "target", "actual", "weight", "score", "reason"];

export const MOF_WORDS: Record<Col, string> = {
  l1: "一级指标",
  l2: "二级指标",
  l3: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  reason: "偏差原因分析及改进措施",
};

export type BudgetCol = "initial" | "annual" | "executed" | "weight" | "rate" | "score";

export const BUDGET_WORDS: Record<BudgetCol, string> = {
  initial: "年初预算数",
  annual: "全年预算数",
  executed: "全年执行数",
  weight: "分值",
  rate: "执行率",
  score: "得分",
};

export type Ind = Partial<Record<Col, Scalar>> & { l3: Scalar };

export interface MofSpec {
  title?: string | null;
  project?: string | null;
  order?: readonly Col[];
  words?: Partial<Record<Col, string>>;
  budgetWords?: Partial<Record<BudgetCol, string>>;
  /** The 年度资金总额 row: 全年预算数, 全年执行数, 分值, 执行率 (percent units), 得分. */
  budget?: [Scalar, Scalar, Scalar, Scalar, Scalar];
  rows: Ind[];
  /** The 总分 row's 得分; `undefined` prints no 总分 row. */
  total?: Scalar;
  totalWeight?: Scalar;
  /** The 评分等级 row's value; `undefined` prints no 评分等级 row. */
  grade?: Scalar;
}

/**
 * A form of the MOF layout, built from its columns: title (row 1), 项目名称 (row 2), budget header and
 * 年度资金总额 (rows 3–4), indicator header (row 6), indicators, 总分, 评分等级.
 */
export function mofForm(spec: MofSpec): Grid {
  const order = spec.order ?? MOF_ORDER;
  const words = { ...MOF_WORDS, ...spec.words };
  const bw = { ...BUDGET_WORDS, ...spec.budgetWords };
  const width = Math.max(order.length, 8);
  const blank = (): Scalar[] => Array<Scalar>(width).fill(null);
  const rows: Scalar[][] = [];
  const title = blank();
  title[0] = spec.title === undefined ? "项目支出绩效自评表" : spec.title;
  rows.push(title);
  const project = blank();
  if (spec.project !== null) {
    project[0] = "项目名称";
    project[1] = spec.project ?? "测试项目";
  }
  rows.push(project);
  const bh = blank();
  bh[0] = "项目资金(万元)";
  (["initial", "annual", "executed", "weight", "rate", "score"] as const).forEach(
    (k, i) => (bh[2 + i] = bw[k])
  );
  rows.push(bh);
  const [annual, executed, weight, rate, score] = spec.budget ?? [100, 100, 10, 100, 10];
  const br = blank();
  br[1] = "年度资金总额";
  br.splice(2, 6, annual, annual, executed, weight, rate, score);
  rows.push(br);
  rows.push(blank());
  const header = blank();
  order.forEach((c, i) => (header[i] = words[c]));
  rows.push(header);
  for (const ind of spec.rows) {
    const line = blank();
    order.forEach((c, i) => (line[i] = ind[c] ?? null));
    rows.push(line);
  }
  if (spec.total !== undefined) {
    const line = blank();
    line[0] = "总分";
    line[order.indexOf("weight")] = spec.totalWeight ?? 100;
    line[order.indexOf("score")] = spec.total;
    rows.push(line);
  }
  if (spec.grade !== undefined) {
    const line = blank();
    line[0] = "评分等级";
    line[1] = spec.grade;
    rows.push(line);
  }
  return sheet(rows);
}

/** Three clean rows with the recommended split (产出 50 / 效益 30 / 满意度 10), full marks. */
export function cleanInds(): Ind[] {
  return [
    {
      l1: "产出指标",
      l2: "数量指标",
      l3: "演练次数",
      target: "≥10(次)",
      actual: "10(次)",
      weight: 50,
      score: 50,
    },
    {
      l1: "效益指标",
      l2: "社会效益",
      l3: "覆盖人数",
      target: "≥100(人)",
      actual: "100(人)",
      weight: 30,
      score: 30,
    },
    { l1: "满意度指标", l2: "服务对象", l3: "满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
  ];
}

/** Where each part of a stacked sheet starts (its first row). */
export interface Stacked {
  grid: Grid;
  offsets: number[];
}

/** The grids one below the other on one sheet (each from A1, `gap` empty rows between them). */
export function stack(grids: Grid[], gap = 2): Stacked {
  const values: Scalar[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: Merge[] = [];
  const offsets: number[] = [];
  grids.forEach((g, i) => {
    for (let k = 0; i > 0 && k < gap; k++) {
      values.push([]);
      formats.push([]);
      formulas.push([]);
    }
    const d = dense(g);
    const at = values.length;
    offsets.push(at);
    values.push(...d.values);
    formats.push(...d.formats);
    formulas.push(...d.formulas);
    merges.push(...g.merges.map((m) => ({ ...m, top: m.top + at, bottom: m.bottom + at })));
  });
  return { grid: { name: "多张表", top: 0, left: 0, values, formats, formulas, merges }, offsets };
}

/** A1 address moved by rows and columns. */
export function moveCell(cell: string, dr: number, dc = 0): string {
  const p = parseA1(cell);
  return a1(p.row + dr, p.col + dc);
}

/**
 * The grid after a fix: each patch's value written into its cell (in a copy; the grid is not changed).
 * A patch holds a number or a text, as the hosts write it; the cell's format is kept unless the patch
 * gives one (numberFormat).
 */
export function applyPatches(grid: Grid, patches: readonly Patch[]): Grid {
  const d = dense(grid);
  for (const p of patches) {
    if (p.sheet !== grid.name) throw new Error(`patch for sheet ${p.sheet} on ${grid.name}`);
    while (d.values.length <= p.row) {
      d.values.push([]);
      d.formats.push([]);
      d.formulas.push([]);
    }
    const row = d.values[p.row];
    while (row.length <= p.col) row.push(null);
    row[p.col] = p.value;
    if (d.formulas[p.row]) d.formulas[p.row][p.col] = null;
    if (p.numberFormat !== undefined) {
      const formats = d.formats[p.row];
      while (formats.length <= p.col) formats.push(null);
      formats[p.col] = p.numberFormat;
    }
  }
  return { ...grid, top: 0, left: 0, values: d.values, formats: d.formats, formulas: d.formulas };
}

/** Every patch of every form on the sheet. */
export function allPatches(a: SheetAnalysis): Patch[] {
  return a.forms.flatMap((f: FormAnalysis) => f.patches);
}

/** Every real form sheet: the 93 Shanghai forms and the 7 outside workbooks. */
export const SHANGHAI = [
  ...loadGrids("forms-2022-minhang-wujing.xlsx"),
  ...loadGrids("forms-2023-putuo-taopu-001-070.xlsx"),
];

export const OUTSIDE_FILES = [
  "anhui-jinzhai-meilixiangcun-2023-dept-TRUNCATED.xlsx",
  "anhui-tangxi-weituo-2022-TRUNCATED.xlsx",
  "anhui-xiaoxian-hexicun-2023-TRUNCATED.xlsx",
  "hubei-huanggang-shuitu-2020.xlsx",
  "sichuan-qingshen-gongzi-2023.xlsx",
  "yunnan-shidian-xinxingzhuti-2019.xlsx",
  "yunnan-yongde-mingliang-2022.xlsx",
] as const;

export type OutsideFile = (typeof OUTSIDE_FILES)[number];

/** The sheet of one outside workbook (each holds one form). */
export function outside(file: OutsideFile): Grid {
  return loadGrids(`outside/${file}`)[0];
}

export const OUTSIDE = OUTSIDE_FILES.map(outside);
