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
  /** Excel's error codes ("Error handling with the application-specific JavaScript APIs"), in words. */
  errorCode: (code: string) => `${EXCEL_ERRORS[code] ?? "Excel 报告了一个错误"}，错误代码 ${code}`,
  tooManyMerges: (sheet: string) =>
    `工作表“${sheet}”的合并单元格过多，Excel 无法一次列出。请删除表格之外多余的合并单元格后重试。`,
  unsupportedApi: `这个版本的 Excel 缺少自评表助手需要的功能。请升级到 Microsoft 365 版 Excel 或 Excel 2021 及以上版本后重试。`,
  // Start-up, before the pane.
  connecting: "正在连接 Excel…",
  connectingSlow:
    "Excel 还没有响应。请稍候；如果一直停在这里，请点“重试”，或关闭任务窗格后重新打开自评表助手。",
  noOfficeJs: "没有加载到 Office 组件（office.js），无法连接 Excel。请检查网络或联系管理员后点“重试”。",
  retry: "重试",
  needExcel: (needed: string) =>
    `这个版本的 Excel 太旧，自评表助手需要支持 ${needed} 的 Excel：Microsoft 365 版 Excel（Windows、Mac 或网页版），或 Excel 2021 及以上版本。请升级 Excel 后重新打开自评表助手。`,
  needExcelTitle: "需要更新版本的 Excel",
  // Diagnostics (设置 → 诊断信息).
  diagnoseHint:
    "在一个临时的隐藏工作表上逐项试用自评表助手调用的每个 Excel 功能（读取、合并单元格、锁定状态、写入与撤销），完成后删除该工作表；结果可复制后发给开发人员。不会改动您的工作表。",
  diagnoseFailedCleanup: (sheet: string) =>
    `诊断用的临时工作表“${sheet}”未能删除，请在工作表标签上右键“取消隐藏”后手动删除。`,
} as const;

export const EXCEL_ERRORS: Readonly<Record<string, string>> = {
  AccessDenied: "Excel 拒绝了这次操作（工作表或工作簿可能受保护，或处于只读状态）",
  ActivityLimitReached: "Excel 正忙，已达到操作次数上限，请稍后重试",
  ApiNotFound: "这个版本的 Excel 不支持所需的功能，请升级 Excel",
  Conflict: "工作簿正被他人同时编辑，发生了冲突，请稍后重试",
  GeneralException: "Excel 内部出错或连接中断，请重试",
  InsertDeleteConflict: "插入或删除单元格时发生冲突，请重试",
  InvalidArgument: "Excel 认为请求的区域无效，请重新检查",
  InvalidOperation: "Excel 当前无法执行这项操作，请退出单元格编辑状态后重试",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态，请按回车或 Esc 结束编辑后重试",
  InvalidReference: "请求的区域已不存在，请重新检查",
  InvalidRequest: "Excel 无法处理这次请求，请重试",
  InvalidSelection: "当前选择的对象不能进行这项操作，请先选中一个单元格后重试",
  ItemAlreadyExists: "同名的工作表已经存在",
  ItemNotFound: "找不到要操作的工作表或区域，它可能已被重命名或删除",
  NotImplemented: "这个版本的 Excel 不支持所需的功能，请升级 Excel",
  RangeExceedsLimit: "区域超出了 Excel 一次能处理的单元格数",
  RequestAborted: "请求被中断，请重试",
  RequestPayloadSizeLimitExceeded: "一次传给 Excel 的内容超出了上限",
  ResponsePayloadSizeLimitExceeded: "Excel 一次返回的内容超出了上限",
  ServiceNotAvailable: "Excel 服务暂时不可用，请稍后重试",
  Unauthenticated: "登录已过期，请重新登录 Office 后重试",
  UnsupportedOperation: "Excel 不支持这项操作",
  UnsupportedSheet: "当前工作表类型（如图表工作表或宏表）不支持这项操作，请切换到普通工作表",
};
