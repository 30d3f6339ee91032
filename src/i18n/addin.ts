/** User-facing messages of the Excel add-in's ribbon command 一键重算 and its notice dialog (zh-CN). */

/** Formats a score for a message: two decimals, as on the form. */
function score(n: number): string {
  return n.toFixed(2);
}

export const addinText = {
  noticeTitle: "自评表助手",
  close: "关闭",
  fixedTitle: "一键重算完成",
  fixed: (sheet: string, written: number, total: number, grade: string | null) =>
    `“${sheet}”已重算，写入 ${written} 处：总分 ${score(total)}${grade ? `，评分等级“${grade}”` : ""}。`,
  cleanTitle: "无需修改",
  clean: (sheet: string, total: number, grade: string | null) =>
    `“${sheet}”的执行率、得分、总分和评分等级都正确（总分 ${score(total)}${grade ? `，等级“${grade}”` : ""}），没有写入任何内容。`,
  reasonsMissing: (rows: number) => `仍有 ${rows} 行需要填写偏差原因，请补充完整。`,
  remaining: (count: number) => `另有 ${count} 个问题需要人工处理，请点击“自评表助手”打开窗格查看。`,
  reviewedTitle: "审阅模式：未写入",
  reviewed: (sheet: string, pending: number) =>
    pending > 0
      ? `“${sheet}”有 ${pending} 个单元格可以重算，但审阅模式下不写入任何内容。需要写入时，请在任务窗格中关闭审阅模式后再点击“一键重算”。`
      : `“${sheet}”的执行率、得分、总分和评分等级都正确；审阅模式下不写入任何内容。`,
  notFormTitle: "不是自评表",
  notForm: (sheet: string) =>
    `当前工作表“${sheet}”不是绩效自评表，未做任何修改。请切换到自评表所在的工作表后再点击“一键重算”。`,
  failedTitle: "重算未完成",
  protected: "工作表受保护，无法写入。请先在“审阅”选项卡中撤销工作表保护，再点击“一键重算”。",
  noSheet: "没有可重算的工作表：请先打开自评表所在的工作簿。",
  tooLarge: "工作表过大，无法一次读取。请删除表格外的多余行列后重试。",
  unsupported: "此版本的 Excel 不支持所需的功能，请升级到 Microsoft 365 或 Office 2021 及更高版本。",
  failed: (detail: string) => `重算时出错：${detail}`,
  unknownError: "未知错误",
} as const;
