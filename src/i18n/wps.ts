/** User-facing text of the WPS host, the WPS entry page (ribbon) and the diagnostics (zh-CN). */
import { bySheet, hostText } from "./hosts";

export const wpsText = {
  ...hostText,
  noWps: "未检测到 WPS 表格：请在 WPS 表格中打开自评表助手。",
  noWorkbook: "没有打开的工作簿：请先在 WPS 表格中打开自评表。",
  notRead: (sheet: string) =>
    `工作表“${sheet}”不是在当前工作簿中检查的（可能已切换了工作簿），没有写入任何内容。请重新检查后再修复。`,
  /** A write that failed and was fully rolled back. */
  rolledBack: (groups: ReadonlyMap<string, readonly string[]>, detail: string) =>
    groups.size > 0
      ? `写入时 WPS 报错（${detail}）。已写入的${bySheet(groups)}都已恢复原值，工作表未被修改。`
      : `写入时 WPS 报错（${detail}），没有写入任何单元格。`,
  /** A write that failed and could not be fully rolled back: exactly which cells now hold new values. */
  partlyWritten: (groups: ReadonlyMap<string, readonly string[]>, detail: string) =>
    `写入时 WPS 报错（${detail}），且未能全部恢复：${bySheet(groups)}已写入新值（可用“撤销”恢复）。`,
  notKept: (sheet: string, cell: string) =>
    `“${sheet}”的 ${cell}：WPS 没有按原样保存写入的内容（读回的值不同）。`,
  failed: (detail: string) => `WPS 操作失败：${detail}`,
  unknownError: "未知错误",
  undoFix: "自评表助手：一键重算",
  undoRevert: "自评表助手：撤销修正",
  undoHighlight: "自评表助手：标记问题单元格",
  // The entry page (ribbon).
  paneTitle: "自评表助手",
  noTaskPane: "这个版本的 WPS 不支持任务窗格（CreateTaskPane），请升级 WPS。",
  close: "关闭",
  // Diagnostics, shown in the pane's settings.
  diagnose: "诊断信息",
  diagnoseHint:
    "在一张临时的隐藏工作表上逐项试用自评表助手用到的每个调用（读取、合并区域、单元格属性、写入和撤销），完成后删除该表；结果不含您工作表中的内容，可复制后发给开发人员。",
  diagnoseRun: "读取诊断信息",
  diagnoseCopy: "复制",
  diagnoseCopied: "已复制",
  diagnoseCopyFailed: "无法自动复制，请在文本框中全选后手动复制。",
  diagnoseUnavailable: "当前模式没有诊断信息（只在 WPS 中提供）。",
} as const;
