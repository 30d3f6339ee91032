/** User-facing text of the task pane (zh-CN). Keyed by id so that an English catalogue can follow. */
import type { Severity } from "../core/types";
import type { FileStatus, SheetStatus } from "../core/status";
import { STATUS_TEXT } from "./core";
import type { FixChanges as ChangeText } from "../taskpane/analysis";
import type { Batch } from "../review/batch";

type BatchCounts = Batch["counts"];

function fromTo(from: string, to: string): string {
  return `${from} → ${to}`;
}

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
  fixAll: "全部一键重算",
  actionsLabel: "操作",
  checkHint: "只读取和检查，不修改工作表",
  fixHint: "写入重算的得分、执行率、总分和评分等级",
  /** Shown under the buttons (not only as tooltips). */
  actionsHint: "检查：只读不写。一键重算：重算本表的每张自评表。全部一键重算：整个工作簿，写入前先确认。",
  reviewerActionsHint: "审阅模式：只检查，不写入任何单元格。",

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
  findingsHint: "点一条问题，即在表中选中它的单元格。",
  findingsHintFile: "点一条问题，即在下方的表格预览中定位它的单元格。",

  // Forms of a sheet.
  formPicker: "本表中的自评表",
  formOption: (i: number, project: string, errors: number) =>
    `${i + 1}. ${project || "（未识别项目名称）"}${errors > 0 ? `（${errors} 个错误）` : ""}`,
  formsOnSheet: (n: number) => `本工作表有 ${n} 张自评表，一键重算会重算全部 ${n} 张。`,
  unreadableTitle: "无法读取的自评表",

  // Announcements (live region) and focus.
  checkedAnnounce: (c: Record<Severity, number>) =>
    c.error + c.warning === 0
      ? "检查完成：没有错误或警告。"
      : `检查完成：${c.error} 个错误，${c.warning} 个警告。`,
  workbookAnnounce: (forms: number, errorSheets: number) =>
    `整个工作簿检查完成：${forms} 张自评表，${errorSheets} 张有错误。`,
  openedSheet: (sheet: string) => `已打开“${sheet}”的检查结果。`,
  openedFirstError: (sheet: string, from: string) =>
    `“${from}”没有错误；已打开第一张有错误的工作表“${sheet}”。`,
  staleAnnounce: {
    activated: "已切换到其他工作表，回到窗格时会重新检查。",
    changed: "表中的单元格已修改，回到窗格时会重新检查。",
  } as const,
  staleTitle: "结果可能已过期",
  recheck: "重新检查",

  // 全部一键重算.
  confirmTitle: "全部一键重算",
  confirmAll: ({ cells, sheets }: { cells: number; sheets: number }) =>
    `将在 ${sheets} 张工作表中写入 ${cells} 个单元格（得分、执行率、总分、评分等级和偏差原因提示）。` +
    "不改写公式和已填写的文字；写入后可以点“撤销”一次恢复全部。",
  confirmWrite: "写入",
  confirmCancel: "取消",
  cancelled: "已取消，没有写入任何内容。",
  writingCells: (n: number) => `正在写入 ${n} 个单元格…`,
  recheckProgress: (done: number, total: number) => `正在重新检查：${done} / ${total} 个工作表`,

  // What 一键重算 wrote.
  writtenTitle: (n: number) => `已写入的单元格（${n}）`,
  heldTitle: (n: number) => `未写入（${n}）`,
  fields: {
    score: "得分",
    rate: "执行率",
    budgetScore: "预算执行率得分",
    total: "总分",
    grade: "评分等级",
    reason: "偏差原因提示",
  } as const,
  writtenItem: (cell: string, field: string, from: string, to: string) => `${cell} ${field}：${from} → ${to}`,
  lockedCell: (cell: string) =>
    `${cell} 被锁定（工作表受保护），未写入：请撤销工作表保护，或在模板中取消锁定该单元格。`,
  moreWritten: (n: number) => `另有 ${n} 个单元格未列出。`,
  emptyValue: "（空）",

  // States.
  notFormTitle: "这不是一张绩效自评表",
  emptyTitle: "这张工作表里没有自评表",
  notFormBody:
    "助手在工作表中查找“财政项目支出绩效自评表”的结构：项目名称、年度资金总额（全年预算数、全年执行数、执行率、得分）、" +
    "含 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分 列的指标表，以及总分行。请切换到自评表所在的工作表后再点“检查”。",
  notFormBodyFile:
    "助手在工作表中查找“财政项目支出绩效自评表”的结构：项目名称、年度资金总额、含 三级指标 / 年度指标值 / 实际完成值 / " +
    "分值 / 得分 列的指标表，以及总分行。请在上方“工作表”列表中选择自评表所在的工作表。",
  cleanElsewhere: (errors: number, warnings: number) =>
    errors > 0 ? `本表通过，另有 ${errors} 张表有错误。` : `本表通过，另有 ${warnings} 张表有警告。`,
  cleanTitle: "检查通过",
  cleanBody: "没有发现错误或警告，得分、总分和评分等级都与规则一致。",
  appliedTitle: "已重算",
  appliedAllTitle: "全部一键重算完成",
  applied: (n: number, sheets: number) =>
    sheets > 1
      ? `已在 ${sheets} 张工作表中写入 ${n} 个单元格。可以点“撤销”一次恢复全部原值。`
      : `已写入 ${n} 个单元格。可以点“撤销”恢复原值。`,
  errorsLeft: (sheets: number) => `仍有 ${sheets} 张表有需要人工处理的错误。`,
  nothingToApply: "没有需要写入的单元格。",
  nothingToApplyAll: "整个工作簿都没有需要写入的单元格。",
  revertedTitle: "已撤销",
  reverted: (n: number, sheets: number) =>
    sheets > 1 ? `已恢复 ${sheets} 张工作表中 ${n} 个单元格的原值。` : `已恢复 ${n} 个单元格的原值。`,
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
  gradeShort: "等级",
  errorsShort: "错",
  warningsShort: "警",
  openSheetFindings: (sheet: string) => `查看“${sheet}”的检查结果`,
  workbookSummary: (forms: number, sheets: number) => `${sheets} 个工作表中有 ${forms} 张自评表：`,
  onlyProblems: "只看有问题",
  formsCount: (n: number) => `${n} 张`,
  /** A workbook row's accessible name: it starts with openSheetFindings(sheet). */
  sheetRowLabel: (sheet: string, project: string, errors: number, warnings: number, status?: SheetStatus) =>
    `查看“${sheet}”的检查结果${project ? `（${project}）` : ""}：${status ? `${STATUS_TEXT[status]}，` : ""}${errors} 个错误，${warnings} 个警告`,
  /** An announcement in the live region: what happened, then the notice's text. */
  announce: (title: string, text: string) => `${title}：${text}`,
  sheetOption: (name: string, c: { error: number; warning: number; status?: SheetStatus } | null) =>
    c === null || c.status === "no-form"
      ? `${name}（非自评表）`
      : c.status
        ? `${name}（${[STATUS_TEXT[c.status], c.error ? `${c.error} 错误` : "", c.warning ? `${c.warning} 警告` : ""].filter(Boolean).join("，")}）`
        : c.error + c.warning === 0
          ? `${name}（通过）`
          : `${name}（${[c.error ? `${c.error} 错误` : "", c.warning ? `${c.warning} 警告` : ""].filter(Boolean).join("，")}）`,

  // Verdicts (the core's status, shown as it is; 通过 only for status pass).
  status: STATUS_TEXT as Record<FileStatus, string>,
  statusColumn: "结论",
  passWarnings: (warnings: number) => `没有错误；有 ${warnings} 个警告，请逐条确认。`,
  fixTitle: "需修改",
  fixBody: (errors: number) => `有 ${errors} 个错误需要修改。`,
  unscoredTitle: "未评分",
  /** What an unscored form was checked for: a list of what was read. */
  unscoredBody: (checked: readonly string[]) =>
    "表中没有填写得分或分值，无法重算总分和评分等级，所以不算“通过”。" +
    (checked.length > 0 ? `已检查：${checked.join("；")}。` : ""),
  checkedProject: "项目名称和主管部门",
  checkedRate: (rate: string) => `预算执行率 ${rate}`,
  checkedIndicators: (n: number) => `${n} 个指标行`,
  checkedWeights: (total: string) => `分值合计 ${total}`,
  noWeights: "表中没有分值",
  unreadableSheetTitle: "未能读取",
  unreadableSheetBody: "这张工作表像是自评表，但有部分内容无法读取，见下方说明。",
  workbookStatus: (c: Record<SheetStatus, number>) =>
    (["pass", "fix", "unscored", "unreadable"] as const)
      .filter((k) => c[k] > 0)
      .map((k) => `${STATUS_TEXT[k]} ${c[k]} 张`)
      .join("，") + "。",
  statusOption: (name: string, status: SheetStatus) => `${name}（${STATUS_TEXT[status]}）`,
  notSpreadsheetTitle: STATUS_TEXT["not-spreadsheet"],
  notSpreadsheet: (name: string, detail: string) =>
    `${detail.includes(name) ? "" : `“${name}”：`}${detail.replace(/[。.]$/, "")}。没有检查，也没有可下载的内容。`,

  /** The substance of 全部一键重算: scores up / down, and each form's 总分 and 评分等级 from → to. */
  confirmChanges: (c: ChangeText) => [
    `得分调高 ${c.up} 处，调低 ${c.down} 处` + (c.filled > 0 ? `，补填 ${c.filled} 处` : "") + "。",
    ...c.forms
      .filter((f) => f.total || f.grade)
      .map(
        (f) =>
          `${f.project || f.sheet}：` +
          [
            f.total ? `总分 ${fromTo(formatValue(f.total.from), formatValue(f.total.to))}` : "",
            f.grade ? `评分等级 ${fromTo(formatValue(f.grade.from), formatValue(f.grade.to))}` : "",
          ]
            .filter(Boolean)
            .join("，")
      ),
  ],
  confirmChangesLabel: "将改变的总分和评分等级",

  // Browser (file) mode.
  fileIntro: "在浏览器中检查自评表（.xlsx，也可以是 .xls、.et、.xlsb、.ods）：文件只在本机读取，不会上传。",
  dropHere: "把 .xlsx 文件拖到这里，或点“打开文件”",
  fileInput: "选择 .xlsx 文件",
  chooseSheet: "工作表",
  preview: "表格预览",
  noFormInFile: "这个工作簿中没有识别出自评表，显示的是第一个工作表。",
  readFailed: (name: string, detail: string) => `无法读取“${name}”：${detail}`,
  fileUnreadable: "浏览器无法读取这个文件",
  noFile: "请先打开一个 .xlsx 文件",
  /** An .xls / .et / .xlsb / .ods: checked here, fixed in Excel/WPS (docs/formats.md). */
  legacyNote: (name: string) =>
    `“${name}”不是 .xlsx 格式：这里只检查，不提供修正后的下载（改存为 .xlsx 会丢失表格格式）。要得到修正后的工作簿，请在 Excel 或 WPS 中打开它，用本加载项的“一键重算”；或先另存为 .xlsx，再在这里打开、修正并下载。`,
  legacyNoFix: (name: string) =>
    `“${name}”不是 .xlsx 格式，浏览器中不能修正后下载（会丢失表格格式）：请在 Excel 或 WPS 中打开它，用本加载项的“一键重算”；或先另存为 .xlsx 再在这里打开。`,
  noSuchSheet: (sheet: string) => `工作簿中没有名为“${sheet}”的工作表`,
  reading: (name: string) => `正在读取“${name}”…`,
  readingSheets: (done: number, total: number) => `已读取 ${done} / ${total} 个工作表`,
  cancelOpen: "取消",
  workerFailed: "读取时浏览器内存不足，工作簿可能过大。请用 zpb 命令检查这个文件。",
  openCancelled: (name: string) => `已取消打开“${name}”。`,
  fileTooLarge: (mb: string, limit: number) =>
    `文件有 ${mb} MB，超过浏览器模式可以打开的 ${limit} MB。请用 zpb 命令检查这个文件，或在 Excel/WPS 中删去表格之外多余的行列、另存后再打开。`,
  contentTooLarge: (mb: string, limit: number) =>
    `文件解压后有 ${mb} MB，超过浏览器模式可以处理的 ${limit} MB（可能含有大量空行或图片）。请用 zpb 命令检查，或在 Excel/WPS 中删去多余内容、另存后再打开。`,
} as const;

/** A number as the pane prints it: at most 2 decimals, no trailing zeros beyond what is needed. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A number for a narrow column: at most one decimal (90.38 → 90.4, 100 → 100). */
export function formatCompact(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A value from a finding or report cell, for display; null/empty → "—". */
export function formatValue(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return paneText.none;
  return typeof value === "number" ? formatNumber(value) : value;
}

/** The reviewer's desk in the pane (spec/cli.md "The reviewer's desk in the pane"). */
export const deskText = {
  open: "审阅多个文件",
  title: "审阅多个文件",
  intro:
    "一次检查多个自评表文件或一个文件夹，得到与 zpb check 相同的汇总、报告和审核意见。文件只在本机读取，不会上传。",
  chooseFiles: "选择文件",
  chooseFolder: "选择文件夹",
  filesInput: "选择多个自评表文件",
  folderInput: "选择一个文件夹",
  dropHere: "也可以把多个文件或一个文件夹拖到这里。",
  earlier: "上次的汇总（可选）",
  earlierInput: "选择上次的汇总.xlsx",
  earlierChosen: (name: string) => `与上次的汇总“${name}”相比`,
  earlierClear: "不比较",
  earlierFailed: (name: string, detail: string) => `无法读取上次的汇总“${name}”：${detail}`,
  progress: (done: number, total: number) => `已检查 ${done} / ${total} 个文件`,
  cancel: "取消",
  cancelled: (done: number, total: number) =>
    `已取消：检查了 ${total} 个文件中的 ${done} 个，汇总只含这些文件。`,
  itemState: {
    waiting: "等待",
    reading: "正在读取",
    done: "已检查",
    failed: "无法读取",
    cancelled: "已取消",
    own: "上次的汇总，未检查",
  } as const,
  filesList: "文件",
  counts: (c: Omit<BatchCounts, "others">) =>
    `${c.files} 个文件，${c.forms} 张自评表：通过 ${c.passed}，需修改 ${c.toCorrect}，未评分 ${c.unscored}，未能读取 ${c.unreadable}。`,
  filter: "按结论筛选",
  all: "全部",
  table: "全部自评表",
  form: "自评表",
  total: "总分",
  status: "结论",
  change: "与上次相比",
  rowLabel: (name: string, status: string) => `查看“${name}”的检查结果（${status}）`,
  details: "所选自评表",
  place: (file: string, sheet: string) => (sheet ? `${file} › ${sheet}` : file),
  noFindings: "没有错误或警告。",
  downloads: "下载",
  summary: "汇总.xlsx",
  report: "报告.html",
  letters: "审核意见.zip",
  preparing: "正在生成…",
  close: "返回单个文件",
  none: "没有可显示的行。",
} as const;
