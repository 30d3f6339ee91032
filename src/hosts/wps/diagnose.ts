/**
 * Diagnostics (设置 → 诊断信息): runs each ET call the WPS host makes, on a scratch range, and reports what
 * this WPS build returned, as one text the user copies and sends back — the evidence a first run on a real
 * WPS gives for every reading hosts/wps/adapter.ts leaves open.
 *
 * The scratch range is on a very hidden sheet added at the end of the active workbook (as the host adds its
 * store sheet) and deleted afterwards, the user's sheet activated again; the user's own sheets are only
 * asked their name, protection and used range (no cell content goes into the text). Every call is caught
 * on its own: a call that throws is reported with the host's message and the run goes on.
 */
import { a1, parseA1 } from "../../core/address";
import type { Patch } from "../../core/types";
import { FILLS } from "../store-format";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { VERY_HIDDEN, XL_NONE } from "./et";
import { fromBgr, matrix, mergeState, scalarOf, toBgr } from "./adapter";
import { optional } from "./app";
import { readSheet } from "./read";
import { writeCell } from "./write";

/** One host call and what came back. */
export interface DiagnosticCall {
  /** The call as written in code, e.g. `Range("A1:C1").Value2`. */
  call: string;
  /** ok: answered as the add-in expects; differs: answered otherwise; threw: the host refused. */
  status: "ok" | "differs" | "threw";
  /** What came back (the value, or the host's message). */
  result: string;
  /** What the add-in expected, where the answer differed. */
  expected?: string;
}

/** The report: where it ran, and every call. */
export interface DiagnosticReport {
  host: string;
  platform: string;
  version: string;
  userAgent: string;
  at: string;
  calls: DiagnosticCall[];
}

const STATUS = { ok: "通过", differs: "不符", threw: "出错" } as const;

/** The report as one text to copy (labels in Chinese, the host's answers as they came). */
export function reportText(report: DiagnosticReport): string {
  const count = (s: DiagnosticCall["status"]) => report.calls.filter((c) => c.status === s).length;
  const lines = [
    "自评表助手 诊断信息",
    `时间：${report.at}`,
    `宿主：${report.host}`,
    `平台：${report.platform}`,
    `版本：${report.version}`,
    `用户代理：${report.userAgent}`,
    `调用：${report.calls.length} 项（通过 ${count("ok")}，不符 ${count("differs")}，出错 ${count("threw")}）`,
    "",
    ...report.calls.map(
      (c) =>
        `[${STATUS[c.status]}] ${c.call} → ${c.result}${c.expected !== undefined ? `（预期 ${c.expected}）` : ""}`
    ),
  ];
  return lines.join("\n");
}

/** An array's or array-like's length; null for other objects (a host object may throw on the read). */
function lengthOf(v: object): number | null {
  if (Array.isArray(v)) return v.length;
  try {
    const n = (v as { length?: unknown }).length;
    return typeof n === "number" ? n : null;
  } catch {
    return null;
  }
}

/** A host value as short text: strings quoted, arrays bracketed, undefined named. */
export function show(v: unknown, depth = 0): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? `${v.slice(0, 80)}…` : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "function") return "函数";
  if (v instanceof Date) return `Date ${v.toISOString()}`;
  if (typeof v === "object" && lengthOf(v) !== null) {
    const list = Array.from(v as ArrayLike<unknown>);
    if (depth > 2) return `[…${list.length}]`;
    const items = list.slice(0, 8).map((x) => show(x, depth + 1));
    return `${Array.isArray(v) ? "" : "类数组"}[${items.join(", ")}${list.length > 8 ? ", …" : ""}]`;
  }
  return "对象";
}

function message(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === "string" && error ? error : "（无说明）";
}

/** Runs calls one by one, each caught and recorded. */
class Recorder {
  readonly calls: DiagnosticCall[] = [];

  /**
   * Runs `get` as `call`; `expect` says whether the answer is what the add-in assumes (a string describing
   * the expectation when it is not). Returns the answer, or undefined when the call threw.
   */
  run<T>(call: string, get: () => T, expect?: (v: T) => true | string, mayThrow = false): T | undefined {
    let value: T;
    try {
      value = get();
    } catch (error) {
      this.calls.push({ call, status: mayThrow ? "ok" : "threw", result: `抛出：${message(error)}` });
      return undefined;
    }
    const verdict = expect ? expect(value) : true;
    this.calls.push({
      call,
      status: verdict === true ? "ok" : "differs",
      result: show(value),
      ...(verdict === true ? {} : { expected: verdict }),
    });
    return value;
  }

  /** A call that returns nothing of interest (a setter or a method). */
  act(call: string, act: () => unknown, after?: () => true | string): boolean {
    try {
      act();
    } catch (error) {
      this.calls.push({ call, status: "threw", result: `抛出：${message(error)}` });
      return false;
    }
    const verdict = after ? after() : true;
    this.calls.push({
      call,
      status: verdict === true ? "ok" : "differs",
      result: "完成",
      ...(verdict === true ? {} : { expected: verdict }),
    });
    return verdict === true;
  }

  /** A note that is not a call (why a part was skipped). */
  note(call: string, result: string): void {
    this.calls.push({ call, status: "differs", result });
  }
}

const is =
  (want: unknown, label = show(want)) =>
  (v: unknown): true | string =>
    v === want ? true : label;
const SCRATCH = "__zpb_diag";

/** What the page says of itself (the webview's user agent and platform). */
function pageInfo(): { userAgent: string; platform: string } {
  const nav = (globalThis as { navigator?: { userAgent?: unknown; platform?: unknown } }).navigator;
  return {
    userAgent: typeof nav?.userAgent === "string" ? nav.userAgent : "（无）",
    platform: typeof nav?.platform === "string" && nav.platform ? nav.platform : "（未知）",
  };
}

/** The host's members, read (not asked with `in`: a bridged object need not answer it). */
function probeApplication(rec: Recorder, app: EtApplication): { version: string } {
  const version = rec.run("Application.Version", () => app.Version);
  const build = rec.run("Application.Build", () => app.Build);
  rec.run('"ActiveWorkbook" in Application', () => "ActiveWorkbook" in (app as object));
  for (const member of ["CreateTaskPane", "CreateTaskpane", "GetTaskPane", "ShowDialog"] as const)
    rec.run(`typeof Application.${member}`, () => typeof (app as unknown as Record<string, unknown>)[member]);
  rec.run("typeof Application.PluginStorage.getItem", () => typeof app.PluginStorage?.getItem);
  rec.run("typeof Application.DebugTools.UndoTransBegin", () => typeof app.DebugTools?.UndoTransBegin);
  rec.run("typeof Application.ApiEvent.AddApiEventListener", () => typeof app.ApiEvent?.AddApiEventListener);
  rec.run(
    "typeof crypto.randomUUID",
    () => typeof (globalThis as { crypto?: { randomUUID?: unknown } }).crypto?.randomUUID
  );
  const text = [version, build].filter((v) => v !== undefined && v !== null && v !== "").map(String);
  return { version: text.join(" / ") };
}

/** The scratch sheet's content: text, a number, an empty cell, a formula, a merge, a format. */
const SEED = [
  ["指标", 95, null],
  ["得分", 0.9, "1/2"],
];

/** The calls on the scratch range, in the order the host makes them. */
function probeScratch(rec: Recorder, app: EtApplication, wb: EtWorkbook, ws: EtWorksheet): void {
  const range = (address: string) => ws.Range(address);
  // Writing: a block of values, a formula, a merge, a number format, as a form has them.
  rec.act('Range("A1:C2").Value2 = 二维数组', () => (range("A1:C2").Value2 = SEED));
  rec.act('Range("D1").Formula = "=B1*2"', () => (range("D1").Formula = "=B1*2"));
  rec.act('Range("A3:B3").Merge()', () => range("A3:B3").Merge());
  rec.act('Range("B2").NumberFormat = "0.00%"', () => (range("B2").NumberFormat = "0.00%"));

  // Reading: the shapes of Value2 and Formula.
  rec.run('Range("A1").Value2', () => range("A1").Value2, is("指标"));
  rec.run(
    'Range("C1").Value2（空单元格）',
    () => range("C1").Value2,
    (v) => (v === null || v === undefined || v === "" ? true : 'null、undefined 或 ""')
  );
  rec.run(
    'Range("A1:C1").Value2（一行）',
    () => range("A1:C1").Value2,
    (v) => (matrix(v, 1, 3)[0][1] === 95 ? true : '[["指标", 95, null]] 或 ["指标", 95, null]')
  );
  rec.run(
    'Range("A1:A2").Value2（一列）',
    () => range("A1:A2").Value2,
    (v) => (matrix(v, 2, 1)[1][0] === "得分" ? true : '[["指标"], ["得分"]]')
  );
  rec.run(
    'Range("A1:C2").Value2',
    () => range("A1:C2").Value2,
    (v) => (matrix(v, 2, 3)[1][1] === 0.9 ? true : "2 行 3 列")
  );
  rec.run('Range("C2").Value2（写入的文本 "1/2"）', () => range("C2").Value2);
  rec.run('Range("B1").Formula（常量）', () => range("B1").Formula);
  rec.run('Range("D1").Formula', () => range("D1").Formula, is("=B1*2"));
  rec.run('Range("D1").Value2（公式的值）', () => range("D1").Value2);
  rec.run('Range("D1").HasFormula', () => range("D1").HasFormula);
  rec.run('Range("A1:D2").Formula', () => range("A1:D2").Formula);

  // Cell properties: number formats, merged areas, protection, fill.
  rec.run('Range("A1").NumberFormat（常规）', () => range("A1").NumberFormat);
  rec.run('Range("B2").NumberFormat', () => range("B2").NumberFormat, is("0.00%"));
  rec.run('Range("A1:B2").NumberFormat（不同格式）', () => range("A1:B2").NumberFormat, is(null));
  rec.run(
    'Range("A3:B3").MergeCells',
    () => range("A3:B3").MergeCells,
    (v) => (mergeState(v) === "all" ? true : "true、1 或 -1")
  );
  rec.run(
    'Range("A2:B3").MergeCells（部分合并）',
    () => range("A2:B3").MergeCells,
    (v) => (mergeState(v) === "mixed" ? true : "null")
  );
  rec.run(
    'Range("A1").MergeCells（未合并）',
    () => range("A1").MergeCells,
    (v) => (mergeState(v) === "none" ? true : "false 或 0")
  );
  rec.run(
    'Range("B3").MergeArea.Address(false, false)',
    () => range("B3").MergeArea.Address(false, false),
    is("A3:B3")
  );
  rec.run('Range("A1:C2").Address(false, false)', () => range("A1:C2").Address(false, false), is("A1:C2"));
  rec.run('Range("A1:C2").Address()', () => range("A1:C2").Address());
  rec.run('Range("A1").Locked', () => range("A1").Locked);
  rec.run(
    "ProtectContents（临时表）",
    () => ws.ProtectContents,
    (v) => (!v ? true : "false")
  );
  const fill = toBgr(FILLS.error);
  rec.act(`Range("A1").Interior.Color = ${fill}`, () => (range("A1").Interior.Color = fill));
  rec.run(
    'Range("A1").Interior.Color',
    () => range("A1").Interior.Color,
    (v) => (fromBgr(v) === FILLS.error ? true : String(fill))
  );
  rec.act(`Range("A1").Interior.ColorIndex = ${XL_NONE}`, () => (range("A1").Interior.ColorIndex = XL_NONE));
  rec.run('Range("A1").Interior.ColorIndex', () => range("A1").Interior.ColorIndex, is(XL_NONE));

  // The host's own reader over the scratch sheet: UsedRange, then bulk reads, merges found by MergeArea.
  rec.run("UsedRange.Address(false, false)", () => ws.UsedRange.Address(false, false), is("A1:D3"));
  rec.run(
    "读取整表（readSheet：UsedRange、Value2、Formula、NumberFormat、MergeCells、MergeArea）",
    () => {
      const { grid } = readSheet(ws);
      const merges = grid.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(",");
      return `${grid.values.length} 行 × ${grid.values[0]?.length ?? 0} 列，合并 ${merges || "无"}，B2 格式 ${show(grid.formats?.[1]?.[1])}，D1 公式 ${show(grid.formulas?.[0]?.[3])}`;
    },
    (v) =>
      v.includes("合并 A3:B3") && v.includes('"0.00%"') && v.includes('"=B1*2"')
        ? true
        : "合并 A3:B3、B2 格式 0.00%、D1 公式 =B1*2"
  );

  // Writing as the host does (read back after each write), inside one undo transaction, then undoing it
  // as the add-in's 撤销 does: writing the old values back.
  const tools = optional(() => app.DebugTools);
  let open = false;
  if (tools && typeof tools.UndoTransBegin === "function")
    open = rec.act("DebugTools.UndoTransBegin(ActiveWorkbook)", () => tools.UndoTransBegin(wb));
  else rec.note("DebugTools.UndoTransBegin", "此版本没有 DebugTools：每次写入各占一步撤销");
  const patch = (cell: string, value: number | string): Patch => {
    const { row, col } = parseA1(cell);
    return { sheet: SCRATCH, row, col, cell, old: null, value, what: "reason" };
  };
  rec.act("ScreenUpdating = false", () => (app.ScreenUpdating = false));
  rec.act("写入 E1 = 9.38（赋值后读回）", () => writeCell(range("E1"), 9.38, patch("E1", 9.38)));
  rec.act('写入 E2 = "96%"（文本，赋值后读回）', () => writeCell(range("E2"), "96%", patch("E2", "96%")));
  rec.act('写入 E3 = "—"（文本，赋值后读回）', () => writeCell(range("E3"), "—", patch("E3", "—")));
  rec.run('Range("E2").Value2', () => range("E2").Value2, is("96%"));
  rec.act("ScreenUpdating = true", () => (app.ScreenUpdating = true));
  if (open)
    rec.act('DebugTools.UndoTransEnd(ActiveWorkbook, false, "自评表助手：诊断")', () =>
      tools!.UndoTransEnd(wb, false, "自评表助手：诊断")
    );
  rec.act(
    "撤销：E1:E3 写回原值（ClearContents，读回）",
    () => {
      for (const cell of ["E1", "E2", "E3"]) writeCell(range(cell), null, patch(cell, ""));
    },
    () => (matrix(range("E1:E3").Value2, 3, 1).every(([v]) => scalarOf(v) === null) ? true : "E1:E3 为空")
  );
  rec.act(
    'Range("F1:F3").Value2 = 一列（撤销记录的写法）',
    () => (range("F1:F3").Value2 = [["|a"], ["|b"], ["|c"]])
  );
  rec.run(
    'Range("F1:F3").Value2',
    () => range("F1:F3").Value2,
    (v) => (matrix(v, 3, 1)[2][0] === "|c" ? true : '[["|a"], ["|b"], ["|c"]]')
  );
}

/** Adds the scratch sheet (very hidden, at the end), runs the calls on it, deletes it. */
function withScratch(rec: Recorder, app: EtApplication, wb: EtWorkbook): void {
  const before = optional(() => wb.ActiveSheet);
  const sheets = wb.Worksheets;
  const count = rec.run("Worksheets.Count", () => sheets.Count);
  if (typeof count !== "number") return;
  // A missing name throws on some builds and returns null on others: either is an answer the host handles.
  const left = rec.run(
    `Worksheets.Item("${SCRATCH}")（不存在的表）`,
    () => sheets.Item(SCRATCH),
    undefined,
    true
  );
  if (left && optional(() => String(left.Name)) === SCRATCH) {
    // A scratch sheet an interrupted run left behind: removed first, so the name is free.
    if (!removeScratch(rec, app, wb, left, count - 1)) return;
    return withScratch(rec, app, wb);
  }
  const last = rec.run(`Worksheets.Item(${count})`, () => sheets.Item(count));
  const added = rec.run("Worksheets.Add(null, 最后一张)", () => sheets.Add(null, last));
  const ws = added ?? (added === null ? optional(() => wb.ActiveSheet) : undefined);
  if (!ws) {
    rec.note("临时工作表", "无法添加（工作簿结构可能受保护），以下调用没有运行");
    return;
  }
  let deleted = false;
  try {
    if (
      !rec.act(
        `Name = "${SCRATCH}"`,
        () => (ws.Name = SCRATCH),
        () => (ws.Name === SCRATCH ? true : SCRATCH)
      )
    )
      return;
    rec.act(`Visible = ${VERY_HIDDEN}（深度隐藏）`, () => (ws.Visible = VERY_HIDDEN));
    rec.run("Visible", () => ws.Visible, is(VERY_HIDDEN));
    if (before) rec.act("原工作表.Activate()", () => before.Activate());
    probeScratch(rec, app, wb, ws);
  } finally {
    deleted = removeScratch(rec, app, wb, ws, count);
    if (before) optional(() => before.Activate());
  }
  if (!deleted) rec.note("临时工作表", `没能删除：请手动删除工作表“${SCRATCH}”`);
}

/** Deletes the scratch sheet without WPS asking the user (DisplayAlerts off), and checks it is gone. */
function removeScratch(
  rec: Recorder,
  app: EtApplication,
  wb: EtWorkbook,
  ws: EtWorksheet,
  count: number
): boolean {
  const alerts = optional(() => app.DisplayAlerts);
  rec.act("DisplayAlerts = false", () => (app.DisplayAlerts = false));
  let gone = rec.act("临时工作表.Delete()", () => ws.Delete());
  if (!gone) {
    // A very hidden sheet may have to be made visible first.
    optional(() => (ws.Visible = -1));
    gone = rec.act("临时工作表.Visible = -1; Delete()", () => ws.Delete());
  }
  rec.act(
    `DisplayAlerts = ${alerts === false ? "false" : "true"}`,
    () => (app.DisplayAlerts = alerts === false ? false : true)
  );
  rec.run("Worksheets.Count（删除后）", () => wb.Worksheets.Count, is(count));
  return gone && optional(() => wb.Worksheets.Count) === count;
}

/** Runs every call and returns the report. */
export function runDiagnostics(app: EtApplication): DiagnosticReport {
  const rec = new Recorder();
  const page = pageInfo();
  const { version } = probeApplication(rec, app);
  const agent = /WpsOfficeApp\/([\d.]+)/.exec(page.userAgent)?.[1];
  const wb = rec.run(
    "ActiveWorkbook",
    () => app.ActiveWorkbook,
    (v) => (v ? true : "一个工作簿")
  );
  if (wb) {
    rec.run("ActiveWorkbook.Name", () => wb.Name);
    rec.run("ActiveWorkbook.ProtectStructure", () => wb.ProtectStructure);
    const ws = rec.run(
      "ActiveWorkbook.ActiveSheet",
      () => wb.ActiveSheet,
      (v) => (v ? true : "一张工作表")
    );
    if (ws) {
      rec.run("ActiveSheet.Name", () => ws.Name);
      rec.run("ActiveSheet.ProtectContents", () => ws.ProtectContents);
      rec.run("ActiveSheet.UsedRange.Address(false, false)", () => ws.UsedRange.Address(false, false));
    }
    withScratch(rec, app, wb);
  }
  return {
    host: "WPS 表格",
    platform: page.platform,
    version: [version || "（未知）", agent ? `WpsOfficeApp/${agent}` : ""].filter(Boolean).join("，"),
    userAgent: page.userAgent,
    at: new Date().toISOString(),
    calls: rec.calls,
  };
}

/** The diagnostics as the text the pane shows and the user copies. */
export function diagnose(app: EtApplication): string {
  return reportText(runDiagnostics(app));
}
