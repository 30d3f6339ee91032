/** User-facing text of the task pane (zh-CN). Keyed by id so that an English catalogue can follow. */
import type { Severity } from "../core/types";

export const paneText = {
  appTitle: "自评表助手",
  noProject: "（未识别项目名称）",
  loading: "正在读取工作表…",

  // Actions: their names are stable (tests and users rely on them).
  check: "检查",
  fix: "一键重算",
  revert: "撤销",
  open: "打开文件",
  download: "下载",
  checkWorkbook: "检查整个工作簿",
  actionsLabel: "操作",
  checkHint: "只读取和检查，不修改工作表",
  fixHint: "写入重算的得分、执行率、总分和评分等级",

  // Settings.
  settings: "设置",
  reviewerMode: "审阅模式",
  reviewerHint: "只检查，不写入任何单元格",
  profile: "评分规则",
  prompts: "写入偏差原因提示",
  promptsHint: "一键重算时，在空的偏差原因单元格中写入待说明的提示",
  highlight: "高亮问题单元格",
  highlightHint: "在表格中为问题单元格加底色。注意：修改单元格格式可能会清空 Excel 的撤销记录。",

  // Summary.
  summary: "概况",
  weights: "分值合计",
  weightsOk: "分值合计为 100",
  weightsBad: (total: number) => `分值合计为 ${formatNumber(total)}，应为 100`,
  rate: "预算执行率",
  total: "总分",
  grade: "评分等级",
  submitted: "表中",
  recomputed: "重算",
  none: "—",
  gradeDiffers: (submitted: string, recomputed: string) =>
    `重算后的评分等级为“${recomputed}”，与表中的“${submitted}”不同`,
  gradeMissing: (recomputed: string) => `表中未填写评分等级，重算为“${recomputed}”`,

  // Findings.
  findings: "检查结果",
  severity: { error: "错误", warning: "警告", info: "提示" } satisfies Record<Severity, string>,
  groupTitle: (name: string, count: number) => `${name}（${count}）`,
  cell: "单元格",
  submittedValue: "表中值",
  recomputedValue: "重算值",
  computation: "计算",
  selectCell: (cell: string) => `定位到 ${cell}`,

  // States.
  notFormTitle: "这不是一张绩效自评表",
  notFormBody:
    "助手在工作表中查找“财政项目支出绩效自评表”的结构：项目名称、年度资金总额（全年预算数、全年执行数、执行率、得分）、" +
    "含 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分 列的指标表，以及总分行。请切换到自评表所在的工作表后再点“检查”。",
  cleanTitle: "检查通过",
  cleanBody: "没有发现错误或警告，得分、总分和评分等级都与规则一致。",
  appliedTitle: "已重算",
  applied: (n: number) => `已写入 ${n} 个单元格。可以点“撤销”恢复原值。`,
  nothingToApply: "没有需要写入的单元格。",
  revertedTitle: "已撤销",
  reverted: (n: number) => `已恢复 ${n} 个单元格的原值。`,
  nothingToRevert: "没有可以撤销的修改。",
  applying: "正在写入…",
  errorTitle: "出错了",
  hostErrorTitle: "无法操作工作表",
  unexpectedError: (detail: string) => `发生意外错误：${detail}`,
  dismiss: "关闭",

  // Whole workbook.
  workbookTitle: "整个工作簿",
  workbookProgress: (done: number, total: number) => `已读取 ${done} / ${total} 个工作表`,
  sheet: "工作表",
  project: "项目",
  errors: "错误",
  warnings: "警告",
  infos: "提示",
  notAForm: "非自评表",
  openSheetFindings: (sheet: string) => `查看“${sheet}”的检查结果`,
  workbookSummary: (forms: number, sheets: number) => `${sheets} 个工作表中有 ${forms} 张自评表`,

  // Browser (file) mode.
  fileIntro: "在浏览器中检查 .xlsx 自评表：文件只在本机读取，不会上传。",
  dropHere: "把 .xlsx 文件拖到这里，或点“打开文件”",
  fileInput: "选择 .xlsx 文件",
  chooseSheet: "工作表",
  preview: "表格预览",
  noFormInFile: "这个工作簿中没有识别出自评表，显示的是第一个工作表。",
  readFailed: (name: string, detail: string) => `无法读取“${name}”：${detail}`,
  fileUnreadable: "浏览器无法读取这个文件",
  noFile: "请先打开一个 .xlsx 文件",
  noSuchSheet: (sheet: string) => `工作簿中没有名为“${sheet}”的工作表`,
} as const;

/** A number as the pane prints it: at most 2 decimals, no trailing zeros beyond what is needed. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A value from a finding or report cell, for display; null/empty → "—". */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return paneText.none;
  return typeof value === "number" ? formatNumber(value) : value;
}
