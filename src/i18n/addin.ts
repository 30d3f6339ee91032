/** User-facing messages of the Excel add-in's ribbon command 一键重算 and its notice dialog (zh-CN). */
import type { FormStatus } from "../core/status";
import { STATUS_TEXT } from "./core";

/** One form's result as the command reports it. */
export interface FormTotal {
  project: string;
  total: number | null;
  grade: string | null;
  /** The core's verdict of the form (before any write); absent from older callers. */
  status?: FormStatus;
}

/** Formats a score for a message: two decimals, as on the form. */
function score(n: number): string {
  return n.toFixed(2);
}

/** "总分 92.50，评分等级“优”" (a form without scores has no total). */
function totals(form: FormTotal): string {
  if (form.total === null) return "表中没有可重算的得分";
  return `总分 ${score(form.total)}${form.grade ? `，评分等级“${form.grade}”` : ""}`;
}

function named(form: FormTotal): string {
  return `${form.project || "未识别项目名称"} ${totals(form)}`;
}

export const addinText = {
  noticeTitle: "自评表助手",
  close: "关闭",
  fixedTitle: "一键重算完成",
  fixed: (sheet: string, written: number, forms: readonly FormTotal[]) =>
    forms.length === 1
      ? `“${sheet}”已重算，写入 ${written} 处：${totals(forms[0])}。`
      : `“${sheet}”的 ${forms.length} 张自评表已重算，写入 ${written} 处：${forms.map(named).join("；")}。`,
  cleanTitle: "无需修改",
  /** The title of a sheet where nothing was written and not every form is 通过: the worst status. */
  statusTitle: (status: FormStatus) => STATUS_TEXT[status],
  /** Nothing written, and not every form 通过: each form with its status, never "都正确". */
  notPassed: (sheet: string, forms: readonly FormTotal[]) =>
    `“${sheet}”没有写入任何内容：${forms
      .map(
        (f) =>
          `${forms.length > 1 ? `${f.project || "未识别项目名称"} ` : ""}${STATUS_TEXT[f.status ?? "pass"]}` +
          (f.status === "unscored" ? "（表中没有得分或分值，无法核对总分和评分等级）" : `（${totals(f)}）`)
      )
      .join("；")}。`,
  clean: (sheet: string, forms: readonly FormTotal[]) =>
    forms.length === 1
      ? `“${sheet}”的执行率、得分、总分和评分等级都正确（${totals(forms[0])}），没有写入任何内容。`
      : `“${sheet}”的 ${forms.length} 张自评表都正确（${forms.map(named).join("；")}），没有写入任何内容。`,
  locked: (cells: readonly string[]) =>
    `${cells.slice(0, 8).join("、")}${cells.length > 8 ? ` 等 ${cells.length} 个单元格` : ""}被锁定（工作表受保护），未写入；其余单元格已写入。`,
  unreadableTitle: "无法读取自评表",
  unreadable: (sheet: string, detail: string) => `“${sheet}”像是自评表，但无法读取，未做任何修改：${detail}`,
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
