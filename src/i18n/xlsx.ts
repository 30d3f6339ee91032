/** User-facing messages of the .xlsx file host (zh-CN). */

/** Prefixes a message with the file's name when one is known. */
function named(file: string | undefined, text: string): string {
  return file ? `${file}：${text}` : text;
}

export const xlsxText = {
  missing: (file?: string) => named(file, "找不到文件，请检查路径是否正确"),
  directory: (file?: string) => named(file, "这是一个文件夹，不是工作簿文件"),
  corrupt: (file?: string, detail?: string) =>
    named(
      file,
      `文件已损坏，无法读取${detail ? `（${detail}）` : ""}：请在 Excel/WPS 中打开后另存为 .xlsx 再检查`
    ),
  encrypted: (file?: string) => named(file, "文件有打开密码：请在 Excel/WPS 中取消密码后另存为 .xlsx 再检查"),
  legacy: (file?: string) =>
    named(file, "这是旧版 .xls 或 WPS .et 格式的工作簿：请在 Excel 或 WPS 中另存为 .xlsx 格式"),
  notWorkbook: (file?: string) => named(file, "不是 Excel 工作簿（.xlsx）文件"),
  zip64: "不支持 ZIP64 格式的超大文件",
  zipEncrypted: "压缩包中的内容已加密",
  zipMethod: (method: number) => `不支持的压缩方式 ${method}`,
  noWorkbookPart: "缺少 xl/workbook.xml",
  missingPart: (part: string) => `缺少 ${part}`,
  badXml: (part: string) => `${part} 的内容无法解析`,
  writeFormula: (sheet: string, cell: string) => `“${sheet}”的 ${cell} 是公式单元格，不会被覆盖`,
  writeUnsafeText: (sheet: string, cell: string) =>
    `写入“${sheet}”的 ${cell} 的文字以 = + - @ 开头，可能被当作公式，已拒绝`,
  writeNoSheet: (sheet: string) => `工作簿中没有名为“${sheet}”的工作表`,
  writeBadValue: (sheet: string, cell: string) => `“${sheet}”的 ${cell}：只能写入有限的数字或文字`,
} as const;
