/**
 * Diagnostics on the fake WPS: every call the host makes is run on a scratch sheet and listed in one text
 * with host, platform and version; the scratch sheet is gone afterwards, the user's sheet active again and
 * the user's sheets unchanged — under every open reading, the in-blind mode included.
 */
import { describe, expect, it } from "vitest";
import { runDiagnostics, reportText, show } from "../../src/hosts/wps/diagnose";
import { READING_SWITCHES, sheetGrid } from "../fakes/wps/index";
import { openInWps } from "./helpers";

const FORM = "single/2023-taopu-003.xlsx";

/** The calls the WPS host makes (hosts/wps/*.ts), each of which the text must show. */
const HOST_CALLS = [
  "Application.Version",
  '"ActiveWorkbook" in Application',
  "typeof Application.CreateTaskPane",
  "typeof Application.ShowDialog",
  "typeof Application.PluginStorage.getItem",
  "typeof Application.DebugTools.UndoTransBegin",
  "typeof Application.ApiEvent.AddApiEventListener",
  "ActiveWorkbook.Name",
  "ActiveSheet.ProtectContents",
  "ActiveSheet.UsedRange.Address(false, false)",
  "Worksheets.Count",
  "Worksheets.Add(null, 最后一张)",
  "Visible = 2",
  "原工作表.Activate()",
  'Range("A1:C2").Value2 = 二维数组',
  'Range("A1").Value2',
  'Range("C1").Value2（空单元格）',
  'Range("A1:C1").Value2（一行）',
  'Range("A1:A2").Value2（一列）',
  'Range("B1").Formula（常量）',
  'Range("D1").Formula',
  'Range("A1").NumberFormat（常规）',
  'Range("A1:B2").NumberFormat（不同格式）',
  'Range("A3:B3").MergeCells',
  'Range("A2:B3").MergeCells（部分合并）',
  'Range("B3").MergeArea.Address(false, false)',
  'Range("A1").Locked',
  'Range("A1").Interior.Color',
  'Range("A1").Interior.ColorIndex',
  "UsedRange.Address(false, false)",
  "读取整表（readSheet",
  "ScreenUpdating = false",
  "写入 E1 = 9.38（赋值后读回）",
  '写入 E2 = "96%"（文本，赋值后读回）',
  "撤销：E1:E3 写回原值（ClearContents，读回）",
  'Range("F1:F3").Value2 = 一列',
  "DisplayAlerts = false",
  "临时工作表.Delete()",
  "Worksheets.Count（删除后）",
];

describe("WPS diagnostics", () => {
  it("lists host, platform, version and every call as one text, all passing on the fake", () => {
    const { fake } = openInWps(FORM);
    const report = runDiagnostics(fake.app as never);
    const text = reportText(report);
    const lines = text.split("\n");
    expect(lines[0]).toBe("自评表助手 诊断信息");
    expect(text).toContain("宿主：WPS 表格");
    expect(text).toMatch(/^平台：.+/m);
    expect(text).toContain("版本：12.1.0.fake");
    for (const call of HOST_CALLS)
      expect(
        lines.some((l) => l.includes(`] ${call}`)),
        call
      ).toBe(true);
    // The fake implements every call: nothing throws, nothing differs.
    const bad = report.calls.filter((c) => c.status !== "ok");
    expect(bad).toEqual([]);
    expect(text).toMatch(/调用：\d+ 项（通过 \d+，不符 \d+，出错 \d+）/);
    expect(lines.filter((l) => /^\[(通过|不符|出错)\] /.test(l))).toHaveLength(report.calls.length);
  });

  it.each(Object.entries(READING_SWITCHES))(
    "under the reading %s: the scratch sheet is gone, the user's sheet active again, the sheets unchanged",
    (_name, readings) => {
      const { fake, host } = openInWps(FORM, readings);
      const before = fake.book.sheets.map((s) => ({ name: s.name, visible: s.visible, grid: sheetGrid(s) }));
      const active = fake.book.active.name;
      const report = runDiagnostics(fake.app as never);
      expect(fake.book.sheets.map((s) => ({ name: s.name, visible: s.visible, grid: sheetGrid(s) }))).toEqual(
        before
      );
      expect(fake.book.active.name).toBe(active);
      expect(fake.env.displayAlerts).toBe(true);
      expect(report.calls.find((c) => c.call === "临时工作表.Delete()")?.status).toBe("ok");
      // The report holds no cell of the user's sheets (only names and the used range).
      expect(reportText(report)).not.toContain('财政管理专项经费"，');
      void host;
    }
  );

  it("reports what a build answers differently, and a call that throws, without stopping", () => {
    const { fake } = openInWps(FORM, { oneRow: "flat", general: "G/通用格式", inOperator: "blind" });
    const report = runDiagnostics(fake.app as never);
    const call = (name: string) => report.calls.find((c) => c.call === name);
    expect(call('Range("A1:C1").Value2（一行）')).toMatchObject({
      status: "ok",
      result: '["指标", 95, null]',
    });
    expect(call('Range("A1").NumberFormat（常规）')?.result).toBe('"G/通用格式"');
    expect(call('"ActiveWorkbook" in Application')?.result).toBe("false");
    expect(call("Application.Build")?.result).toBe("undefined");
    expect(call('Range("A1:C2").Address()')?.result).toBe('"$A$1:$C$2"');
    // A structure-protected workbook: no scratch sheet, said so, nothing else run.
    fake.book.protectStructure = true;
    const refused = runDiagnostics(fake.app as never);
    expect(refused.calls.find((c) => c.call === "Worksheets.Add(null, 最后一张)")?.status).toBe("threw");
    expect(reportText(refused)).toContain("无法添加");
    expect(refused.calls.some((c) => c.call.startsWith("Range("))).toBe(false);
  });

  it("first removes a scratch sheet an interrupted run left behind", () => {
    const { fake } = openInWps(FORM);
    const names = fake.book.sheets.map((s) => s.name);
    // Leave one behind as an interrupted run would.
    const leftover = { ...fake.book.sheets[0], name: "__zpb_diag", visible: 2, cells: new Map(), merges: [] };
    fake.book.sheets.push(leftover);
    const report = runDiagnostics(fake.app as never);
    expect(fake.book.sheets.map((s) => s.name)).toEqual(names);
    expect(report.calls.filter((c) => c.call === "临时工作表.Delete()")).toHaveLength(2);
    expect(report.calls.filter((c) => c.status !== "ok")).toEqual([]);
  });

  it("shows values as short text", () => {
    expect(show(undefined)).toBe("undefined");
    expect(show([[1, "a", null]])).toBe('[[1, "a", null]]');
    expect(show({ length: 2, 0: 1, 1: 2 })).toBe("类数组[1, 2]");
  });

  it("is the host's diagnose(): one text", async () => {
    const { host, fake } = openInWps(FORM);
    const text = await host.diagnose!();
    expect(typeof text).toBe("string");
    expect(text).toContain("临时工作表.Delete()");
    expect(fake.book.sheets.some((s) => s.name.startsWith("__zpb_diag"))).toBe(false);
  });
});
