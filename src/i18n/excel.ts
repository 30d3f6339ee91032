/** User-facing messages of the Excel host (zh-CN). */

/** "“表1”的 H13、H14" — at most 12 cells, then "等 N 个单元格". */
function cellList(sheet: string, cells: readonly string[]): string {
  const shown = cells.slice(0, 12).join("、");
  const more = cells.length > 12 ? ` 等 ${cells.length} 个单元格` : "";
  return `“${sheet}”的 ${shown}${more}`;
}

/** Groups "sheet → cells" into one sentence part per sheet. */
function bySheet(groups: ReadonlyMap<string, readonly string[]>): string {
  return [...groups].map(([sheet, cells]) => cellList(sheet, cells)).join("；");
}

export const excelText = {
  noExcel: "未检测到 Excel：请在 Excel 中打开自评表助手。",
  protectedCells: (groups: ReadonlyMap<string, readonly string[]>) =>
    `工作表受保护，无法写入${bySheet(groups)}。没有写入任何内容，也不会自动取消保护：请在“审阅”选项卡中点击“撤销工作表保护”后重试。`,
  protectedHighlight: (sheet: string) =>
    `工作表“${sheet}”受保护，无法标记或清除单元格颜色。请在“审阅”选项卡中撤销工作表保护后重试。`,
  structureProtected:
    "工作簿结构受保护，无法保存撤销记录，因此没有写入任何内容。请在“审阅”选项卡中取消“保护工作簿”后重试。",
  structureProtectedHighlight:
    "工作簿结构受保护，无法保存高亮记录，因此没有标记任何单元格。请在“审阅”选项卡中取消“保护工作簿”后重试。",
  staleCells: (groups: ReadonlyMap<string, readonly string[]>) =>
    `${bySheet(groups)}在检查之后被修改过，为避免覆盖您的修改，没有写入任何内容。请重新检查后再修复。`,
  formulaCells: (groups: ReadonlyMap<string, readonly string[]>) =>
    `${bySheet(groups)}是公式单元格，不会被覆盖，因此没有写入任何内容。请重新检查后再修复。`,
  noSheet: (sheet: string) => `找不到工作表“${sheet}”，它可能已被重命名或删除。请重新检查。`,
  tooLarge: (sheet: string) =>
    `工作表“${sheet}”过大，无法读取（超过 Excel 单次传输的上限）。请删除表格之外多余的行列后重试。`,
  tooLargeActive: "当前工作表过大，无法读取（超过 Excel 单次传输的上限）。请删除表格之外多余的行列后重试。",
  badValue: (sheet: string, cell: string) => `“${sheet}”的 ${cell}：只能写入有限的数字或文字。`,
  failed: (detail: string) => `Excel 操作失败：${detail}`,
  notWritten: (detail: string) =>
    `Excel 没有完成这次写入（${detail}），没有写入任何内容，工作表保持原样。请重试。`,
  undone: (groups: ReadonlyMap<string, readonly string[]>, detail: string) =>
    `Excel 没有完成这次写入（${detail}）。已写入的${bySheet(groups)}已恢复为检查时的内容，工作表保持原样。请重试。`,
  mayBeWritten: (groups: ReadonlyMap<string, readonly string[]>, detail: string) =>
    `写入中断，也无法向 Excel 确认结果（${detail}）：${bySheet(groups)}可能已被写入。撤销记录在写入之前已保存，原值没有丢失：请点“检查”核对，需要时点“撤销”恢复。`,
  unknownError: "未知错误",
} as const;
