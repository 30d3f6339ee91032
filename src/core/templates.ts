/**
 * Every known 自评表 template as data (spec §9): the words of its headers and labels, its operators and its
 * rating words. A new template is lines here and a real form in tests/fixtures — never an `if` in the rules.
 *
 * Words are compared as keys (see `roleKey`): no spaces or line breaks, half-width, no bracketed
 * remarks ("年初目标值(A)" is 年初目标值, "得分(20分*执行率)" is 得分). A word of four characters or more also
 * matches as a prefix ("偏差原因分析及改进措施" starts with 偏差原因); shorter ones match exactly.
 */

/** The columns of an indicator table. */
export type IndicatorRole =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "targetOp"
  | "targetUnit"
  | "actual"
  | "weight"
  | "score"
  | "reason";

/** Header words of each indicator column, most specific first. */
export const INDICATOR_HEADERS: Record<IndicatorRole, readonly string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标"],
  // 云南 公开14表, 四川 510000: 年度指标值 spans 指标性质 / 指标值 / 度量单位 (or they stand side by side).
  targetOp: ["指标性质"],
  targetUnit: ["度量单位", "计量单位"],
  target: [
    "年度指标值",
    "年度目标值",
    "年初目标值",
    "年初指标值",
    "指标值",
    "目标值",
    "绩效目标值",
    "预期指标值",
    "预期目标值",
  ],
  actual: [
    "实际完成值",
    "完成值",
    "全年实际值",
    "实际值",
    "实际完成情况值",
    "全年完成值",
    "单项指标实际完成值",
  ],
  weight: ["分值", "分数", "权重", "参考分值", "指标分值", "标准分值"],
  score: ["得分", "自评得分", "评分"],
  reason: ["偏差原因", "未完成原因", "偏差大或目标未完成原因", "偏差原因分析及改进措施"],
};

/** Columns without which an indicator table cannot be read (FORM_UNREADABLE names the missing ones). */
export const REQUIRED_INDICATOR_ROLES: readonly IndicatorRole[] = ["level3", "target", "actual"];

/** What the pane and messages call each column. */
export const ROLE_NAMES: Record<IndicatorRole, string> = {
  level1: "一级指标",
  level2: "二级指标",
  level3: "三级指标",
  target: "年度指标值",
  targetOp: "指标性质",
  targetUnit: "度量单位",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  reason: "偏差原因分析及改进措施",
};

/** The columns of the budget block (项目资金 / 预算执行情况). */
export type BudgetRole = "initial" | "annual" | "executed" | "weight" | "rate" | "score";

export const BUDGET_HEADERS: Record<BudgetRole, readonly string[]> = {
  initial: ["年初预算数", "年初预算"],
  annual: ["全年预算数", "调整后预算数", "调整后预算", "预算数"],
  executed: ["全年执行数", "预算执行数", "实际执行数", "执行数"],
  weight: INDICATOR_HEADERS.weight,
  rate: ["执行率", "预算执行率"],
  score: INDICATOR_HEADERS.score,
};

/** Labels of the budget rows: the row that carries the budget weight and score, and the other ones. */
export const BUDGET_ROWS = {
  total: [/资金总额/, /^总额$/, /^合计$/],
  other: [/财政拨款/, /财政资金/, /结转/, /其他资金/, /^其中/, /专户/, /单位资金/, /自有资金/],
} as const;

/**
 * Labels of the 总分 row and of the 评分等级 row. A row labelled as a total is the total row, never an
 * indicator (a 区域绩效自评表 whose last row is 得分合计).
 */
export const TOTAL_LABELS: readonly string[] = [
  "总分",
  "合计",
  "总计",
  "总得分",
  "自评总分",
  "综合得分",
  "得分合计",
  "合计得分",
  "总分合计",
  "自评得分合计",
  "评价总分",
  "绩效总分",
];

/** A row that sums the rows above it within the table ("小计", "产出指标小计", "产出指标合计"): counted once. */
export const SUBTOTAL_LABEL = /(小计|合计)$/;

/**
 * A total printed in the form's header block, beside its title or project name ("自评得分 98"), where the form
 * has no 总分 row.
 */
export const HEADER_TOTAL_LABELS: readonly string[] = [
  "自评得分",
  "自评总分",
  "项目总得分",
  "项目自评得分",
  "总得分",
  "综合得分",
  "评价得分",
];

/** A level-1 label that is only its points ("(50分)"): the points of the level-1 label above it. */
export const POINTS_ONLY = /^\(\d+(?:\.\d+)?分\)$/;

/** The budget printed as an indicator row (预算执行率 under 项目管理): scored as the budget is (spec §3). */
export const BUDGET_INDICATOR = /^(预算|资金|项目资金|项目预算)?执行率$/;
export const GRADE_LABELS: readonly string[] = [
  "评分等级",
  "等级",
  "自评等级",
  "绩效等级",
  "评价等级",
  "自评结果",
];

/** Labels of the form's header block. */
export const INFO_LABELS = {
  project: ["项目名称"],
  department: ["主管部门", "部门", "部门名称", "主管单位"],
  implementer: ["实施单位", "项目实施单位", "实施单位名称"],
} as const;

/** A detail line ("其中…") under a weighted row: not an indicator. */
export const DETAIL_PREFIX = /^其中/;

/**
 * Titles, and the kind they name; the first that matches wins. A 绩效目标自评表 that prints a budget block
 * and scores is read as a project form (the kind of form it is, whatever its title).
 */
export const KIND_TITLES: readonly { kind: "department" | "target" | "project"; title: RegExp }[] = [
  { kind: "department", title: /部门整体(支出)?绩效自评表/ },
  { kind: "target", title: /绩效目标自评表/ },
  { kind: "project", title: /自评表/ },
];

/** A cell that is a form's title: short, and ending in 自评表 (optionally with its year). */
export const TITLE = /自评表(\(?\d{4}年度?\)?)?$/;

/** Points printed in a label: "产出指标(50分)", "预算执行情况(20分)", "得分(20分*执行率)". */
export const POINTS = /\((\d+(?:\.\d+)?)分(?:[*×x][^)]*)?\)/;

/** Operators as printed, and what they mean; longer spellings first. */
export const OPERATORS: readonly [string, "≥" | "≤" | "=" | ">" | "<"][] = [
  ["大于等于", "≥"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["小于等于", "≤"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不大于", "≤"],
  [">=", "≥"],
  ["≧", "≥"],
  ["⩾", "≥"],
  ["<=", "≤"],
  ["≦", "≤"],
  ["⩽", "≤"],
  ["═", "="],
  ["﹦", "="],
  ["＝", "="],
];

/** Rating words of 实际完成值 (spec §4, §9): exact words, then prefixes. */
export const RATINGS = {
  achieved: {
    exact: ["达成指标", "达成年度指标", "达成预期指标", "全部达成", "已达成", "达成", "完成", "已完成"],
    prefix: [] as string[],
  },
  partial: { exact: [] as string[], prefix: ["部分达成", "部分完成", "基本达成", "基本完成"] },
  failed: { exact: ["未达到"], prefix: ["未达成", "未完成"] },
} as const;

/** Error values a spreadsheet shows in a cell (never a number). */
export const ERROR_VALUE =
  /^#(VALUE!|REF!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!)$/i;
