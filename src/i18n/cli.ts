/** User-facing text of the `zpb` command (zh-CN). */
import { STATUS_TEXT } from "./core";

type Status = keyof typeof STATUS_TEXT;

export const cliText = {
  description: "自评表助手：检查财政项目支出绩效自评表，重算得分并写出修正后的工作簿",
  checkDescription: "检查工作簿（或文件夹中的全部 .xlsx），列出每张自评表的问题；不改动任何文件",
  checkArgument: "要检查的 .xlsx 文件或文件夹（文件夹会递归查找）",
  fixDescription: "一键重算：把重算后的得分、执行率、总分、评分等级和偏差原因提示写入新的工作簿",
  fixArgument: "要修正的 .xlsx 文件",
  optJson: "输出 JSON 文档（版本 2），供其他程序读取",
  optSummary: "另外写出一份汇总工作簿：汇总（每张表一行）、问题明细（每个问题一行，可点到单元格）、统计",
  optReport: "另外写出一份可打印的 HTML 审核报告（离线打开，含图表）",
  optLetters: "在该文件夹中为每个主管部门写一份审核意见（HTML，可直接打印或发送）",
  optSince:
    "与上次的审核结果（以前写出的汇总表 .xlsx 或 --json 输出）比较：标出新报送、已改正、仍需修改、变差的表",
  optBrief: "只列出有问题的表，最后一行给出合计（适合几百张表的文件夹）",
  optProfile: "评分规则（mof2020、mof2020-linear、mof2020-strict），默认 mof2020",
  optOutput: "写出的文件，默认与原文件同目录的 <文件名>.checked.xlsx（.xlsm 为 .checked.xlsm）",
  optInPlace: "直接替换原文件（先写临时文件再改名，不会写出半个文件；运行期间原文件被保存过则不写入）",
  optNoPrompts: "不在空的偏差原因单元格中写入【待说明】提示",
  optHelp: "显示帮助",
  optVersion: "显示版本号",
  helpCommand: "显示某个命令的帮助",
  helpTitles: {
    "Usage:": "用法：",
    "Options:": "选项：",
    "Arguments:": "参数：",
    "Commands:": "命令：",
    "Global Options:": "全局选项：",
  } as Record<string, string>,
  helpAfter: [
    "",
    "示例：",
    "  zpb check 自评表.xlsx                    检查一个工作簿",
    "  zpb check 收到的表/ --summary 汇总.xlsx  检查文件夹中的全部工作簿并写出汇总表",
    "  zpb check 收到的表/ --brief --report 报告.html --letters 审核意见/",
    "                                           只列出有问题的表，另写 HTML 报告和给各主管部门的审核意见",
    "  zpb fix 自评表.xlsx                      写出 自评表.checked.xlsx",
    "",
    "退出码：0 每个文件都是 通过、未评分 或 不是自评表；1 有需修改或未能读取的表；2 有文件无法读取、不是电子表格文件，或参数有误。",
    "文件夹：递归查找，每个文件都列出它的状态（*.checked.xlsx 照常检查，.pdf/.txt 等列为 不是电子表格文件）；跳过 ~$ 锁文件和隐藏文件。",
    "工作表：检查可见和隐藏的工作表，跳过“深度隐藏”的工作表。",
  ].join("\n"),

  // Argument errors (exit 2).
  argError: (detail: string) => `参数错误：${detail}（zpb --help 查看用法）`,
  unknownOption: (detail: string) => `不认识的选项 ${detail}`,
  unknownCommand: (detail: string) => `不认识的命令 ${detail}，可用的命令：check、fix`,
  missingArgument: "缺少文件参数",
  optionMissingArgument: (detail: string) => `选项缺少取值 ${detail}`,
  excessArguments: "参数过多：fix 一次只处理一个文件",
  noCommand: "请指定命令：check 或 fix",
  unknownProfile: (name: string, known: string) => `不认识的评分规则“${name}”，可用的有：${known}`,
  outputIsInput: (file: string) => `输出文件与原文件相同（${file}）：要直接替换原文件请用 --in-place`,
  outputAndInPlace: "-o 与 --in-place 只能选一个",
  summaryIsInput: (file: string) => `汇总表或报告不能写到被检查的自评表文件上（${file}）：请另取一个文件名`,
  /**
   * An error the command did not expect (a fault of the command, not of the file). Its own text is English
   * from the engine or a library: it is shown only with ZPB_DEBUG=1, with the stack.
   */
  internalError: (_detail: string) => "程序内部错误（设置 ZPB_DEBUG=1 可查看详细信息，请报告给维护者）",
  writeFailed: (file: string, detail: string) => `无法写入 ${file}：${detail}`,
  stdoutFailed: (detail: string) => `无法写出结果（标准输出）：${detail}，输出不完整`,
  /** The operating system's refusals, by error code: what a clerk can act on, never a temporary path. */
  system: {
    ENOENT: "文件或文件夹不存在",
    ENOTDIR: "路径中有一段不是文件夹",
    EACCES: "没有权限",
    EPERM: "没有权限",
    EISDIR: "同名的文件夹已存在",
    ENOSPC: "磁盘空间不足",
    EIO: "读写设备出错",
    EFBIG: "文件超过了系统允许的大小",
    EDQUOT: "磁盘配额已满",
    EROFS: "所在位置只读",
    EBUSY: "文件正被占用（可能已在 Excel 或 WPS 中打开）",
    ETXTBSY: "文件正被占用（可能已在 Excel 或 WPS 中打开）",
    ENAMETOOLONG: "文件名过长",
    EMFILE: "同时打开的文件过多",
  } as Record<string, string>,
  systemOther: (code: string) => `系统错误 ${code}`,
  outOfMemory: "文件过大，读取它所需的内存超出了本机可用的内存",
  unreadable: (file: string, detail: string) => `${file}：无法读取（${detail}）`,
  emptyFolder: (folder: string) => `${folder}：文件夹中没有工作簿（.xlsx、.xls、.et、.xlsb、.ods）`,

  // Readable report.
  severity: { error: "错误", warning: "警告", info: "提示" } as const,
  sheetHeading: (sheet: string, project: string) => (project ? `「${sheet}」 ${project}` : `「${sheet}」`),
  hiddenMark: "（隐藏）",
  weights: (total: string, budget: string, indicators: string) =>
    `分值 ${total}（预算 ${budget} + 指标 ${indicators}）`,
  rate: (from: string, to: string) => `执行率 ${from} → ${to}`,
  total: (from: string, to: string) => `总分 ${from} → ${to}`,
  grade: (from: string, to: string) => `等级 ${from} → ${to}`,
  gradeNotPrinted: (to: string) => `等级（表中未列）→ ${to}`,
  formRange: (range: string) => `（${range}）`,
  kindMark: { project: "", department: "〔部门整体支出〕", target: "〔绩效目标〕" } as const,
  columns: { cell: "单元格", severity: "级别", message: "问题" },
  clean: "未发现问题",
  notForms: (names: string) => `非自评表的工作表：${names}`,
  noSheets: "工作簿中没有可检查的工作表",
  skippedVeryHidden: "深度隐藏的工作表",
  skippedSheets: (names: string) => `跳过深度隐藏的工作表：${names}`,
  unreadableForms: (n: number) => `，${n} 张表无法读取`,
  fileFailed: "无法读取",
  /** The one verdict (core/status.ts), as a mark beside a file or a form. */
  statusMark: (status: Status) => `【${STATUS_TEXT[status]}】`,
  /** What a form that prints no scores was checked for (it is 未评分, never 通过). */
  unscoredChecked: (checked: string) =>
    `未评分：表中没有可核对的得分或分值，总分和评分等级无法重算；已检查${checked}，没有发现错误`,
  checkedHeader: "表头",
  checkedWeights: (total: string) => `分值合计（${total}）`,
  checkedBudget: "预算执行率",
  checkedIndicators: (n: number) => `${n} 项指标`,
  /** One line of `--brief` for a form that is not 通过. */
  /** Errors, warnings, and the cells 一键重算 would write (a form with none of the first two is 需修改 for them). */
  briefFindings: (errors: number, warnings: number, writes: number) =>
    `错误 ${errors} 个，警告 ${warnings} 个${writes > 0 ? `，一键重算会改写 ${writes} 个单元格` : ""}`,
  briefUnscored: "表中没有可核对的得分或分值，未能重算总分",
  /**
   * The closing count line of every text report (and the last line of `--brief`): files, forms, each form
   * status, and the files that gave no form by why.
   */
  counts: (
    files: number,
    forms: number,
    c: { pass: number; fix: number; unscored: number; unreadable: number },
    f: { noForm: number; notSpreadsheet: number; unreadable: number }
  ) =>
    `共 ${files} 个文件、${forms} 张自评表：${STATUS_TEXT.pass} ${c.pass} 张，${STATUS_TEXT.fix} ${c.fix} 张，` +
    `${STATUS_TEXT.unscored} ${c.unscored} 张，${STATUS_TEXT.unreadable} ${c.unreadable} 张；` +
    `${STATUS_TEXT["no-form"]}的文件 ${f.noForm} 个，${STATUS_TEXT["not-spreadsheet"]} ${f.notSpreadsheet} 个，` +
    `无法打开的文件 ${f.unreadable} 个`,
  /** Why a file found in a folder, not named as a workbook and not one by its content, was not checked. */
  notSpreadsheetFile: (file: string, ext: string) =>
    `${file}：${STATUS_TEXT["not-spreadsheet"]}（${ext}），未检查`,
  /** Why a file whose only form-like sheets could not be read gives no form. */
  noFormRead: (sheets: string) => `${sheets}看起来是自评表，但无法读取`,
  /** The findings of a whole report, above its counts line. */
  findingTotals: (errors: number, warnings: number, infos: number) =>
    `问题合计：错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个`,
  ownOutput: "以前写出的审核汇总表，未检查",
  failedFiles: (n: number) => `，${n} 个文件无法读取`,
  summaryWritten: (file: string, rows: number) => `汇总表已写入 ${file}（${rows} 行）`,

  // Fix.
  fixSheet: (sheet: string, n: number) => `「${sheet}」写入 ${n} 个单元格：`,
  fixNothing: (sheets: string) => `无需修改：${sheets}`,
  fixNoForms: "工作簿中没有找到自评表，未作修改",
  what: {
    score: "得分",
    rate: "执行率",
    budgetScore: "预算得分",
    total: "总分",
    grade: "评分等级",
    reason: "偏差原因",
  } as const,
  formulaKept: "以下公式单元格未被覆盖：",
  fixWrote: (file: string, n: number) => `已写入 ${file}（共修改 ${n} 个单元格）`,
  fixCopied: (file: string) => `已写入 ${file}（没有需要修改的单元格，内容与原文件相同）`,
  fixConvertedCopy: (file: string) => `已写入 ${file}（没有需要修改的单元格）`,
  fixConverted: (input: string) =>
    `${input} 不是 .xlsx 格式：已由 LibreOffice 转换为 .xlsx 后修正，请在 Excel/WPS 中核对格式后再使用`,
  fixInPlaceUnchanged: (file: string) => `${file} 没有需要修改的单元格，原文件未改动`,
  fixRemaining: (errors: number) =>
    `修正后仍有 ${errors} 个错误需要人工处理（如分值合计、等级区间、缺少预算数）`,
  fixClean: "修正后没有错误",
  /** What the fix changes in substance: self-scores raised, lowered and filled in. */
  fixScores: (up: number, down: number, filled: number) =>
    `得分：调高 ${up} 个，调低 ${down} 个` + (filled ? `，补填 ${filled} 个` : ""),
  /** `zpb fix` of a file that is not a spreadsheet: what it is, and that nothing was written. */
  fixNotSpreadsheet: (line: string) => `${line}（${STATUS_TEXT["not-spreadsheet"]}，未写入任何文件）`,
  /** A form's 总分 and 评分等级, before → after the fix. */
  fixOutcome: (totalFrom: string, totalTo: string, gradeFrom: string, gradeTo: string) =>
    `总分 ${totalFrom} → ${totalTo}，评分等级 ${gradeFrom} → ${gradeTo}`,
  fixLocked: (sheet: string, cells: string) =>
    `「${sheet}」受保护，以下锁定的单元格未写入：${cells}（取消工作表保护，或在 Excel/WPS 中把它们设为不锁定后再运行）`,
  fixInPlaceLocked: (file: string) => `${file} 中需要修改的单元格都在受保护的工作表中被锁定，原文件未改动`,
  changedWhileFixing: (file: string) =>
    `${file} 在修正期间被修改过（可能在 Excel/WPS 中保存了），为保留这次保存，未写入任何内容：请关闭文件后重新运行`,
  outputExtension: (file: string, ext: string) =>
    `输出文件 ${file} 的扩展名应为 ${ext}（与原工作簿的类型一致，否则 Excel 无法打开）`,
  /** .xls / .et / .xlsb / .ods inputs: what `fix` needs and what it refuses (docs/formats.md). */
  legacyInPlace: (file: string) =>
    `${file} 不是 .xlsx 格式，--in-place 无法保留原格式：请去掉 --in-place，修正后的工作簿将另存为 .checked.xlsx`,
  sofficeMissing: (file: string) =>
    `${file}：修正 .xls、.et、.xlsb、.ods 文件需要先用 LibreOffice 转换，本机未找到 soffice：请安装 LibreOffice，或在 Excel/WPS 中把它另存为 .xlsx 后再运行 zpb fix`,
  convertFailed: (file: string, detail: string) =>
    `${file}：LibreOffice 未能把它转换为 .xlsx（${detail}）：请在 Excel/WPS 中另存为 .xlsx 后再运行 zpb fix`,
  convertTimeout: (seconds: number) => `${seconds} 秒内未完成，已停止`,
  convertExit: (code: string) => `soffice 退出状态 ${code}`,
  convertNoOutput: "没有生成文件",

  // The reviewer's summary, report and letters.
  summarySheet: "汇总",
  problemSheet: "问题明细",
  statsSheet: "统计",
  summaryTitle: "财政项目支出绩效自评表 审核汇总",
  summaryHeader: [
    "文件",
    "工作表",
    "项目名称",
    "主管部门",
    "实施单位",
    "预算执行率（表中）",
    "预算执行率（重算）",
    "总分（表中）",
    "总分（重算）",
    "总分差（重算−表中）",
    "评分等级（表中）",
    "评分等级（重算）",
    "错误",
    "警告",
    "提示",
    "状态",
    "最主要问题 / 原因",
  ],
  groupHeader: (by: string) => [by, "表数", "平均重算总分", "优", "良", "中", "差", "有错误的表"],
  byDepartment: "按主管部门",
  byImplementer: "按实施单位",
  gradeTitle: "评分等级分布",
  gradeHeader: ["评分等级", "表中", "重算", "重算占比"],
  noGradeLabel: "无等级",
  codeTitle: "最常见的问题",
  duplicateTitle: "重复的表",
  duplicateHeader: ["项目名称", "主管部门", "原因", "出现位置"],
  duplicateWhy: { name: "同一项目名称和主管部门出现在不同文件中", content: "内容完全相同" } as const,
  noDuplicates: "没有发现重复的表",
  noProblems: "没有错误或警告",
  unnamed: "（未填写）",
  noFormOnSheet: "工作表中没有自评表",
  noFormInFile: "工作簿的各工作表中都没有自评表",
  skippedNotChecked: (why: string) => `${why}，未检查`,
  otherFile: (ext: string) => `不是工作簿（${ext}），未检查`,
  noExtension: "无扩展名",
  provenance: (
    when: string,
    profile: string,
    version: string,
    inputs: string,
    files: number,
    forms: number,
    others: number
  ) =>
    `生成于 ${when}；评分规则 ${profile}；自评表助手 zpb ${version}；检查了 ${inputs}：` +
    `${files} 个工作簿、${forms} 张自评表` +
    (others ? `，另有 ${others} 个其他文件未检查` : ""),
  reportWritten: (file: string) => `报告已写入 ${file}`,
  lettersWritten: (folder: string, n: number) => `给 ${n} 个主管部门的审核意见已写入 ${folder}`,
  reportTitle: "财政项目支出绩效自评表 审核报告",
  reportFormsTitle: "各表问题",
  reportGradeChart: "评分等级分布（重算）",
  reportCodeChart: "最常见的问题（出现次数）",
  reportClean: "未发现错误或警告",
  reportNoFindings: "没有问题",
  lettersFolderIsFile: (folder: string) => `${folder} 已存在且不是文件夹：请另取一个文件夹名`,
} as const;
