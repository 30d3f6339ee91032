/** User-facing text shared by the Excel and WPS hosts (zh-CN): the same refusals in the same words. */

/** "“表1”的 H13、H14" — at most 12 cells, then "等 N 个单元格". */
function cellList(sheet: string, cells: readonly string[]): string {
  const shown = cells.slice(0, 12).join("、");
  const more = cells.length > 12 ? ` 等 ${cells.length} 个单元格` : "";
  return `“${sheet}”的 ${shown}${more}`;
}

/** Groups "sheet → cells" into one sentence part per sheet. */
export function bySheet(groups: ReadonlyMap<string, readonly string[]>): string {
  return [...groups].map(([sheet, cells]) => cellList(sheet, cells)).join("；");
}

/** Messages both hosts give when they refuse to write or mark cells. */
export const hostText = {
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
  badValue: (sheet: string, cell: string) => `“${sheet}”的 ${cell}：只能写入有限的数字或文字。`,
} as const;
