/** User-facing messages of the Excel host (zh-CN). */
import { bySheet, hostText } from "./hosts";

export const excelText = {
  ...hostText,
  noExcel: "未检测到 Excel：请在 Excel 中打开自评表助手。",
  tooLarge: (sheet: string) =>
    `工作表“${sheet}”过大，无法读取（超过 Excel 单次传输的上限）。请删除表格之外多余的行列后重试。`,
  tooLargeActive: "当前工作表过大，无法读取（超过 Excel 单次传输的上限）。请删除表格之外多余的行列后重试。",
  failed: (detail: string) => `Excel 操作失败：${detail}`,
  notWritten: (detail: string) =>
    `Excel 没有完成这次写入（${detail}），没有写入任何内容，工作表保持原样。请重试。`,
  undone: (groups: ReadonlyMap<string, readonly string[]>, detail: string) =>
    `Excel 没有完成这次写入（${detail}）。已写入的${bySheet(groups)}已恢复为检查时的内容，工作表保持原样。请重试。`,
  mayBeWritten: (groups: ReadonlyMap<string, readonly string[]>, detail: string) =>
    `写入中断，也无法向 Excel 确认结果（${detail}）：${bySheet(groups)}可能已被写入。撤销记录在写入之前已保存，原值没有丢失：请点“检查”核对，需要时点“撤销”恢复。`,
  unknownError: "未知错误",
} as const;
