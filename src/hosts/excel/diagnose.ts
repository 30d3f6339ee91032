/// <reference types="office-js" />
/**
 * Diagnostics (设置 → 诊断信息): runs each Excel call the add-in makes on a hidden scratch sheet — reads of
 * values, formulas and number formats, merged areas, locked flags, null objects, fills, a write and its
 * undo — each in its own sync, then deletes the sheet. The user's sheets are only read (the active sheet's
 * name and protection). The result is one text to copy and send back: host, platform, version, office.js,
 * requirement sets and each call's result, Excel's own error code and message included (for the developer).
 */
import { excelText } from "../../i18n/excel";
import {
  compareVersions,
  EXCEL_API_MEMBERS,
  REQUIRED_EXCEL_API,
  supportedExcelApi,
  type RequirementsLike,
} from "./requirements";
import { officeCode, type Run } from "./office";

type Globals = Record<string, unknown>;

interface OfficeInfo {
  context?: {
    requirements?: RequirementsLike;
    diagnostics?: { host?: unknown; platform?: unknown; version?: unknown };
  };
}

/** One call's outcome: what it returned, or Excel's error code and message. */
export interface CallResult {
  call: string;
  ok: boolean;
  result: string;
}

function errorText(error: unknown): string {
  const code = officeCode(error) ?? "Error";
  const message = error instanceof Error ? error.message : String(error);
  const location = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return `${code}: ${message}${typeof location === "string" && location ? ` (${location})` : ""}`;
}

const short = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/** The scratch sheet's name: never one a user would have. */
export const SCRATCH_PREFIX = "zpb-诊断-";

/**
 * Runs the calls and returns the report lines' data. Each step is one sync; a failed step is recorded and
 * the next one runs. The scratch sheet is deleted at the end whatever happened.
 */
export async function runExcelCalls(run: Run): Promise<CallResult[]> {
  const results: CallResult[] = [];
  const scratch = `${SCRATCH_PREFIX}${Date.now().toString(36)}`;
  await run(async (context) => {
    const step = async <T>(
      call: string,
      queue: () => T,
      describe: (queued: T) => unknown
    ): Promise<boolean> => {
      try {
        const queued = queue();
        await context.sync();
        results.push({ call, ok: true, result: short(describe(queued)) });
        return true;
      } catch (error) {
        results.push({ call, ok: false, result: errorText(error) });
        return false;
      }
    };
    const sheets = context.workbook.worksheets;
    const ws = () => sheets.getItem(scratch);
    await step(
      "worksheets.getActiveWorksheet + protection.protected (只读)",
      () => {
        const active = sheets.getActiveWorksheet().load("name");
        active.protection.load("protected");
        return active;
      },
      (active) => ({ name: active.name, protected: active.protection.protected })
    );
    const added = await step(
      "worksheets.add + visibility = Hidden (临时工作表)",
      () => {
        const sheet = sheets.add(scratch);
        sheet.visibility = "Hidden";
        return sheet.load("name, visibility");
      },
      (sheet) => ({ name: sheet.name, visibility: sheet.visibility })
    );
    if (!added) return;
    try {
      await step(
        "Range.values / formulas / numberFormat 写入",
        () => {
          const range = ws().getRange("A1:C2");
          range.values = [
            [1.5, "文字", "'001"],
            [true, "", 3],
          ];
          ws().getRange("D1").formulas = [["=A1*2"]];
          ws().getRange("A2:A2").numberFormat = [["0.00%"]];
          return null;
        },
        () => "ok"
      );
      await step(
        "getUsedRangeOrNullObject(false / true) 读取 values, formulas, numberFormat",
        () => ({
          all: ws()
            .getUsedRangeOrNullObject(false)
            .load("address, values, formulas, numberFormat, rowIndex, columnIndex"),
          vals: ws().getUsedRangeOrNullObject(true).load("address"),
        }),
        ({ all, vals }) => ({
          address: all.isNullObject ? null : all.address,
          valuesOnly: vals.isNullObject ? null : vals.address,
          values: all.isNullObject ? null : all.values,
          formulas: all.isNullObject ? null : all.formulas,
          numberFormat: all.isNullObject ? null : all.numberFormat,
        })
      );
      await step(
        "getRangeByIndexes 读取",
        () => ws().getRangeByIndexes(0, 0, 2, 4).load("address, values"),
        (r) => ({ address: r.address, values: r.values })
      );
      await step(
        "Range.merge + getMergedAreasOrNullObject",
        () => {
          ws().getRange("A5:C5").merge();
          return ws().getRange("A1:E8").getMergedAreasOrNullObject().load("areas/items/address");
        },
        (areas) => (areas.isNullObject ? "null object" : areas.areas.items.map((r) => r.address))
      );
      await step(
        "getMergedAreasOrNullObject（无合并单元格的区域）",
        () => ws().getRange("A10:B11").getMergedAreasOrNullObject().load("areas/items/address"),
        (areas) => (areas.isNullObject ? "null object" : areas.areas.items.map((r) => r.address))
      );
      await step(
        "getCellProperties({ format: { protection: true } })",
        () =>
          ws()
            .getRange("A1:B1")
            .getCellProperties({ format: { protection: true } }),
        (props) => props.value.map((line) => line.map((p) => p.format?.protection?.locked))
      );
      await step(
        "getItemOrNullObject（不存在的工作表）+ 链式 getUsedRangeOrNullObject",
        () => {
          const none = sheets.getItemOrNullObject(`${scratch}-无`).load("name");
          const chained = none.getUsedRangeOrNullObject(true).load("values");
          return { none, chained };
        },
        ({ none, chained }) => ({
          sheet: none.isNullObject ? "null object" : "?",
          chained: chained.isNullObject ? "null object" : "?",
        })
      );
      await step(
        "format.fill.color 写入并读取 color, pattern",
        () => {
          const fill = ws().getRange("B2").format.fill;
          fill.color = "#FFC7CE";
          return fill.load("color, pattern");
        },
        (fill) => ({ color: fill.color, pattern: fill.pattern })
      );
      await step(
        "Range.clear(Formats)",
        () => ws().getRange("B2").clear("Formats"),
        () => "ok"
      );
      let old: unknown = null;
      await step(
        "写入并撤销：读取原值",
        () => {
          const cell = ws().getRange("C2").load("values");
          return cell;
        },
        (cell) => {
          old = cell.values[0][0];
          return { before: old };
        }
      );
      await step(
        "写入并撤销：写入新值",
        () => {
          ws().getRange("C2").values = [[42]];
          return ws().getRange("C2").load("values");
        },
        (cell) => ({ after: cell.values[0][0] })
      );
      await step(
        "写入并撤销：恢复原值",
        () => {
          ws().getRange("C2").values = [[old as string | number | boolean]];
          return ws().getRange("C2").load("values");
        },
        (cell) => ({ restored: cell.values[0][0], same: cell.values[0][0] === old })
      );
    } finally {
      const deleted = await step(
        "Worksheet.delete（删除临时工作表）",
        () => {
          ws().delete();
          return sheets.getItemOrNullObject(scratch).load("name");
        },
        (gone) => ({ removed: gone.isNullObject })
      );
      if (!deleted)
        results.push({ call: "清理", ok: false, result: excelText.diagnoseFailedCleanup(scratch) });
    }
  });
  return results;
}

/** The whole report as one text: environment, requirement sets, then each call. */
export async function diagnoseExcel(
  run: Run,
  globals: Globals = globalThis as unknown as Globals
): Promise<string> {
  const office = globals.Office as OfficeInfo | undefined;
  const requirements = office?.context?.requirements;
  const info = office?.context?.diagnostics;
  const nav = globals.navigator as { userAgent?: string } | undefined;
  const highest = supportedExcelApi(requirements);
  const lines = [
    "自评表助手 诊断信息（Excel）",
    `时间：${new Date().toISOString()}`,
    `宿主：${String(info?.host ?? "未知")}；平台：${String(info?.platform ?? "未知")}；版本：${String(info?.version ?? "未知")}`,
    `office.js：${String(globals.__zpbOfficeJs ?? "未知")}（cdn = Microsoft CDN，local = 随加载项部署的副本）`,
    `网页组件：${nav?.userAgent ?? "未知"}`,
    `要求集：支持 ExcelApi 最高 ${highest ?? "无"}；需要 ExcelApi ${REQUIRED_EXCEL_API}：${
      highest && compareVersions(highest, REQUIRED_EXCEL_API) >= 0 ? "满足" : "不满足"
    }`,
  ];
  for (const [member, version] of Object.entries(EXCEL_API_MEMBERS)) {
    const ok = highest !== null && compareVersions(highest, version) >= 0;
    lines.push(`  ${member}（ExcelApi ${version}）：${ok ? "支持" : "不支持"}`);
  }
  lines.push("调用：");
  let results: CallResult[];
  try {
    results = await runExcelCalls(run);
  } catch (error) {
    results = [{ call: "Excel.run", ok: false, result: errorText(error) }];
  }
  for (const r of results) lines.push(`  [${r.ok ? "通过" : "失败"}] ${r.call}：${r.result}`);
  lines.push("  onActivated / onChanged：打开窗格时已注册（失败时窗格会提示），此处不再重复注册。");
  return lines.join("\n");
}
