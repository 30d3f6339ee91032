/**
 * The core's messages (zh-CN), one catalogue keyed by what they say. Messages name the row (三级指标)
 * and say what to do, for a 科室 clerk who has not read the rules.
 */

/** Cells read as numbers: their name, and what stays unchecked while one holds text. */
const UNREADABLE = {
  weight: { name: "分值", effect: "，否则本行无法核对得分，分值也不计入合计" },
  score: { name: "得分", effect: "" },
  annual: { name: "全年预算数", effect: "，否则无法计算预算执行率" },
  executed: { name: "全年执行数", effect: "，否则无法计算预算执行率" },
  total: { name: "总分", effect: "，否则无法核对总分" },
  target: { name: "年度指标值", effect: "，否则本行无法按规则计分" },
  actual: { name: "实际完成值", effect: "，否则本行无法按规则计分" },
  rate: { name: "执行率", effect: "，否则无法核对执行率" },
  budgetScore: { name: "预算执行率得分", effect: "，否则无法核对预算得分" },
  grade: { name: "评分等级", effect: "，否则无法核对评分等级" },
} as const;

/** The verdicts' words (spec/cli.md "Verdicts"): the only place 通过 is spelled for a status. */
export const STATUS_TEXT = {
  pass: "通过",
  fix: "需修改",
  unscored: "未评分",
  unreadable: "未能读取",
  "no-form": "不是自评表",
  "not-spreadsheet": "不是电子表格文件",
} as const;

export const MSG = {
  layoutNotFound:
    "本工作表不是绩效自评表：没有找到同时含「三级指标、年度指标值、实际完成值、分值、得分」的表头行。",
  weightSum: (sum: string, ind: string, budget: string) =>
    `分值合计为 ${sum}（各指标 ${ind} + 预算执行率 ${budget}），应为 100：请调整各指标分值，使合计为 100。`,
  weightSplit: (o: string, e: string, s: string, ro: number, re: number, rs: number) =>
    `一级指标分值为 产出 ${o} / 效益 ${e} / 满意度 ${s}，与建议的 ${ro} / ${re} / ${rs} 不同（模板允许调整，请确认是有意为之）。`,
  weightMissing: (label: string) => `「${label}」填了指标内容但没有分值：请填写该指标的分值。`,
  /** A cell that should hold a number holds text; the tail says what the check could not do because of it. */
  unreadable: (what: keyof typeof UNREADABLE, text: string) =>
    /^#/.test(text)
      ? `${UNREADABLE[what].name}是错误值「${text}」（公式出错或引用失效）：请改正该单元格${UNREADABLE[what].effect}。`
      : `${UNREADABLE[what].name}「${text}」无法识别为数字：请改为数字（如 5 或 5.00）${UNREADABLE[what].effect}。`,
  budgetBaseMissing: (label: string) =>
    `「${label}」的全年预算数为空或为 0，无法计算预算执行率：请填写全年预算数（执行率 = 全年执行数 ÷ 全年预算数）。`,
  budgetExecutedMissing: (label: string) =>
    `「${label}」的全年执行数未填写，无法计算预算执行率：请填写全年执行数。`,
  budgetRate: (label: string, sub: string, exec: string, annual: string, rate: string) =>
    `「${label}」执行率填为 ${sub}%，按 全年执行数 ÷ 全年预算数 = ${exec} ÷ ${annual} 应为 ${rate}%：请更正（注意分母是全年预算数，不是年初预算数）。`,
  budgetScore: (sub: string, rate: string, w: string, score: string) =>
    `预算执行率得分填为 ${sub}，按 执行率 ${rate}% × 分值 ${w} 应为 ${score}：请更正。`,
  scoreOverWeight: (label: string, sub: string, w: string) =>
    `「${label}」得分 ${sub} 超过该指标分值 ${w}：得分不能高于分值，请更正。`,
  scoreHigh: (label: string, sub: string, score: string, explain: string) =>
    `「${label}」得分填为 ${sub}，按规则应为 ${score}（${explain}）：多计了分，请更正。`,
  scoreLow: (label: string, sub: string, score: string, explain: string) =>
    `「${label}」得分填为 ${sub}，按规则应为 ${score}（${explain}）：少计了分，请核对。`,
  scoreMissingComputed: (label: string, score: string, explain: string) =>
    `「${label}」得分未填写：按规则应为 ${score}（${explain}），一键重算会填入。`,
  scoreMissingAchieved: (label: string, w: string) =>
    `「${label}」评价为达成指标但得分未填写：按满分 ${w} 计，一键重算会填入。`,
  scoreMissingRated: (label: string, rating: string, lo: string, hi: string) =>
    `「${label}」评价为「${rating}」但得分未填写：请在 ${lo}–${hi} 分之间填写得分。`,
  qualitativeBand: (label: string, rating: string, lo: string, hi: string, sub: string) =>
    `「${label}」评价为「${rating}」，得分应在 ${lo}–${hi} 分之间，现填 ${sub}：请调整得分或评价。`,
  overshoot: (label: string, actual: string, target: string) =>
    `「${label}」实际完成值 ${actual} 超过年度指标值 ${target} 的 1.5 倍：请确认年度指标值是否设置偏低。`,
  unscorable: (label: string, target: string, actual: string, why: string, sub: string) =>
    `「${label}」的年度指标值「${target}」与实际完成值「${actual}」无法自动比较（${why}），保留填报得分 ${sub}：请人工核对。`,
  totalMismatch: (total: string, sum: string) =>
    `总分填为 ${total}，但预算执行率得分与各指标得分之和为 ${sum}：请更正总分。`,
  gradeUnreadable: (text: string) =>
    `评分等级填为「${text}」，不是等级（优、良、中、差）：请改为等级，一键重算不会改写这个单元格。`,
  gradeMismatch: (grade: string, total: string, expected: string) =>
    `评分等级填为「${grade}」，但总分 ${total} 对应「${expected}」（≥90 优，80–90 良，60–80 中，<60 差）：请更正。`,
  reasonMissing: (label: string, lost: string) =>
    `「${label}」${lost}，但偏差原因分析及改进措施未填写：请说明偏差原因及改进措施。`,
  reasonLost: (points: string) => `扣了 ${points} 分`,
  reasonRated: (rating: string) => `评价为「${rating}」`,
  formulaKept: (cell: string, value: string) =>
    `${cell} 是公式，未改写（按规则应为 ${value}）：请检查该公式。`,
  /** The prompt written into an empty reason cell; it starts with 【 so it can never be read as a formula. */
  prompt: (target: string, actual: string, lost: string) =>
    `【待说明】年度指标值 ${target}，实际完成值 ${actual}，扣 ${lost} 分：请说明偏差原因及改进措施。`,
  promptRated: (actual: string, lost: string) =>
    `【待说明】实际完成值为「${actual}」${lost ? `，扣 ${lost} 分` : ""}：请说明偏差原因及改进措施。`,
  ratings: { achieved: "达成指标", partial: "部分达成指标并具有一定效果", failed: "未达成指标且效果较差" },
  whyTargetText: "年度指标值不是数字",
  whyActualText: "实际完成值不是数字",
  whyUnits: (a: string, b: string) => `单位不同：${a || "无单位"} 与 ${b || "无单位"}`,
  whyZeroTarget: "年度指标值为 0",
  whyNegativeTarget: "年度指标值不大于 0",
  explainZero: (b: string, raw: string) => `目标为 0，实际 ${b}：得 ${raw} 分`,
  explainReverseMet: (b: string, a: string, w: string) => `${b} ≤ ${a}，得满分 ${w}`,
  explainReverseDouble: (b: string, a: string) => `${b} ≥ 2 × ${a}，得 0 分`,
  explainCompletion: (b: string, w: string, score: string) => `完成 ${b}% × ${w} = ${score}`,
  explainRated: (rating: string, lo: string, hi: string) => `${rating}：${lo}–${hi} 分`,
  explainBudget: (exec: string, annual: string, rate: string, w: string, score: string) =>
    `${exec} ÷ ${annual} = ${rate}%，min(执行率, 100%) × ${w} = ${score}`,
  row: (n: number) => `第 ${n} 行`,
  /** Appended to WEIGHT_SUM on a form with no 总分 row: it may have been cut off. */
  noTotalRow: "（本表没有总分行，可能不完整：请补全表格。）",
  weightsByBlock: (budget: string, blocks: string) =>
    `本表没有逐行的分值列，分值按板块给出（预算执行 ${budget} 分；${blocks}）：各指标得分无法逐行按规则重算，只核对各板块得分合计和总分。`,
  blockOver: (label: string, sum: string, points: string) =>
    `「${label}」下各指标得分合计 ${sum}，超过该板块的 ${points} 分：请核对各指标得分。`,
  unscored: (rows: number, noActual: number) =>
    `本表的 ${rows} 个指标都没有得分${noActual > 0 ? `（其中 ${noActual} 个没有填写实际完成值）` : ""}：这是一张尚未评分的表，无法计算总分和评分等级，请填写实际完成值和得分。`,
  noScoreColumn: (rows: number) =>
    `本表只有年度指标值和实际完成值（${rows} 个指标），没有得分列：不计算总分和评分等级，只核对能核对的内容。`,
  fixHeldWeights: (sum: string) => `分值合计为 ${sum}，不是 100（请先调整分值，再重算）`,
  fixHeldCells: (cells: string) =>
    `${cells} 无法改写（公式、文字或错误值），写入的总分将与表中各项之和不符（请先处理这些单元格，再重算）`,
  fixHeldOver: (total: string, full: string) => `重算的总分 ${total} 超过满分 ${full}（请核对各项得分）`,
  fixHeldScores: "：为保持表内合计一致，一键重算不会改写各项得分、总分和评分等级。",
  fixHeldTotal: "：一键重算不会改写总分和评分等级。",
  formUnreadable: (title: string, found: string, missing: string) =>
    `本工作表${title ? `的「${title}」` : ""}像是绩效自评表，但无法读取：${found ? `找到了「${found}」列，` : "没有找到指标表头，"}缺少「${missing}」列。请检查表头文字（如「三级指标」「年度指标值」「实际完成值」「得分」）。`,
} as const;
