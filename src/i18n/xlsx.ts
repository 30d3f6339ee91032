/** User-facing messages of the .xlsx file host (zh-CN). */

const MiB = 1024 * 1024;

/** "256 MB", "1 GB" for a byte count. */
function size(bytes: number): string {
  return bytes >= 1024 * MiB && bytes % (1024 * MiB) === 0
    ? `${bytes / (1024 * MiB)} GB`
    : bytes >= MiB
      ? `${Math.round(bytes / MiB)} MB`
      : `${Math.round(bytes / 1024)} KB`;
}

/** What a file that is not a workbook is, and what to do with it. */
const FOREIGN = {
  word: "这是 Word 文档，不是 Excel 工作簿（扩展名可能被改过）：请打开正确的自评表文件",
  powerpoint: "这是 PowerPoint 演示文稿，不是 Excel 工作簿（扩展名可能被改过）：请打开正确的自评表文件",
  ods: "这是 OpenDocument 表格（.ods）：请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx 再检查",
  opendocument: "这是 OpenDocument 文档（.odt/.odp 等），不是工作簿：请打开正确的自评表文件",
  zip: "这是一个普通的 zip 压缩包，不是 Excel 工作簿：请先解压，再检查其中的 .xlsx 文件",
  pdf: "这是 PDF 文件，不是 Excel 工作簿：请向报送单位索取 .xlsx 原表",
  text: "这是 CSV 或纯文本文件，不是 Excel 工作簿：请在 Excel/WPS 中打开后另存为 .xlsx 再检查",
  html: "这是网页（HTML）文件，不是 Excel 工作簿（常见于从网页系统导出的“xls”）：请在 Excel/WPS 中打开后另存为 .xlsx",
  unknown: "不是电子表格文件（不是 Excel、WPS 或 LibreOffice 能读的工作簿）：请打开正确的自评表文件",
} as const;

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
  empty: (file?: string) => named(file, "文件是空的（0 字节），可能没有保存完整：请重新获取这个文件"),
  foreign: (kind: keyof typeof FOREIGN, file?: string) => named(file, FOREIGN[kind]),
  tooLarge: (file: string | undefined, detail: string) =>
    named(file, `文件过大，未检查（${detail}）：请在 Excel/WPS 中删除多余的行、列或工作表后另存再检查`),
  /** Which limit of docs/reliability.md a file passed. */
  limit: (kind: "partBytes" | "packageBytes" | "cells" | "ratio", limit: number, part?: string) => {
    switch (kind) {
      case "partBytes":
        return `${part ?? "其中一个部件"} 解压后超过 ${size(limit)} 的上限`;
      case "packageBytes":
        return `工作簿解压后合计超过 ${size(limit)} 的上限`;
      case "cells":
        return `非空单元格超过 ${Math.round(limit / 10000)} 万个的上限`;
      case "ratio":
        return `${part ?? "其中一个部件"} 解压后超过压缩数据的 ${limit} 倍，像是“压缩炸弹”`;
    }
  },
  fileSize: (limit: number) => `文件大小超过 ${size(limit)} 的上限`,
  outOfMemory: "读取它所需的内存超出了本机可用的内存",
  /** The file-size limit of the .xls / .xlsb / .ods reader (docs/formats.md). */
  legacyFileLimit: (limit: number) => `.xls、.xlsb、.ods 文件超过 ${size(limit)} 的上限`,
  legacyUnreadable: "表格内容无法解析",
  zip64: "不支持 ZIP64 格式的超大文件",
  zipEncrypted: "压缩包中的内容已加密",
  zipMethod: (method: number) => `不支持的压缩方式 ${method}`,
  noWorkbookPart: "缺少 xl/workbook.xml",
  missingPart: (part: string) => `缺少 ${part}`,
  duplicateSheet: (sheet: string) => `工作簿中有两个名为“${sheet}”的工作表`,
  sharedPart: (sheet: string, part: string) => `工作表“${sheet}”与另一个工作表共用 ${part}`,
  duplicateEntry: (name: string) => `压缩包中 ${name} 出现了两次`,
  badCrc: (name: string) => `${name} 的校验码（CRC）不符`,
  notRegular: (file?: string) =>
    named(file, "不是普通文件（可能是管道、设备或特殊文件），已跳过：请检查路径是否正确"),
  badXml: (part: string) => `${part} 的内容无法解析`,
  xmlUnreadable: "工作簿内部的 XML 内容不完整或无法解析",
  writeFormula: (sheet: string, cell: string) => `“${sheet}”的 ${cell} 是公式单元格，不会被覆盖`,
  writeUnsafeText: (sheet: string, cell: string) =>
    `写入“${sheet}”的 ${cell} 的文字以 = + - @ 开头，可能被当作公式，已拒绝`,
  writeLocked: (sheet: string, cells: readonly string[]) =>
    `“${sheet}”受保护，${cells.join("、")} 是锁定的单元格，不会被写入（取消工作表保护，或在 Excel/WPS 中把这些单元格设为不锁定）`,
  writeNoSheet: (sheet: string) => `工作簿中没有名为“${sheet}”的工作表`,
  writeBadValue: (sheet: string, cell: string) => `“${sheet}”的 ${cell}：只能写入有限的数字或文字`,
} as const;
