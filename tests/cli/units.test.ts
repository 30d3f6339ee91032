import { describe, expect, it } from "vitest";
import { colorAllowed, paint } from "../../src/cli/color";
import { renderReport } from "../../src/cli/render";
import { linkTarget } from "../../src/cli/summary";
import { cellText, workbookBytes } from "../../src/cli/xlsxout";
import { parseZip, readEntry } from "../../src/hosts/xlsx/zip";
import { isWorkbookName } from "../../src/cli/files";
import { defaultOutput } from "../../src/cli/fix";
import { displayWidth, num, pct, round2 } from "../../src/cli/format";
import { roundHalfUp } from "../../src/core/numbers";
import { exitCodeOf, fileVerdict, type FileResult } from "../../src/cli/types";
import { formStatus } from "../../src/core/status";
import type { Severity } from "../../src/core/index";

function file(error: string | null, severities: Severity[]): FileResult {
  const findings = severities.map((severity) => ({
    code: "SCORE_MISMATCH" as const,
    severity,
    cell: "H13",
    message: "",
  }));
  const status = formStatus({
    findings,
    total: { submitted: 90, recomputed: 90, cell: "H30", printedSum: 90 },
  });
  const report = { findings, status } as unknown as FileResult["sheets"][number]["forms"][number]["report"];
  const sheet = { name: "表", forms: [{ report, patches: [] }], findings: [], hidden: false, status };
  const sheets = error ? [] : [sheet];
  return {
    path: "x.xlsx",
    error,
    sheets,
    skipped: [],
    ...fileVerdict(sheets, error ? { status: "unreadable", why: error } : undefined),
  };
}

function unreadable(): FileResult {
  const finding = { code: "FORM_UNREADABLE" as const, severity: "error" as const, cell: "A1", message: "" };
  const sheet = { name: "表", forms: [], findings: [finding], hidden: false, status: "unreadable" as const };
  return { path: "y.xlsx", error: null, sheets: [sheet], skipped: [], status: sheet.status, why: null };
}

describe("exit status", () => {
  it("is 0 without errors, 1 with an error finding, 2 when a file failed (2 wins)", () => {
    expect(exitCodeOf([file(null, ["warning", "info"])])).toBe(0);
    expect(exitCodeOf([file(null, ["warning", "error"])])).toBe(1);
    expect(exitCodeOf([file(null, ["error"]), file("坏.xlsx：文件已损坏", [])])).toBe(2);
    expect(exitCodeOf([])).toBe(0);
    expect(exitCodeOf([file(null, []), unreadable()])).toBe(1); // a form that could not be read is an error
  });
});

describe("folder walk names", () => {
  it("takes workbooks (fix outputs too: a corrected submission), skips lock files and hidden files", () => {
    expect(isWorkbookName("自评表.xlsx")).toBe(true);
    expect(isWorkbookName("自评表.XLSX")).toBe(true);
    expect(isWorkbookName("旧表.xls")).toBe(true); // reported as unreadable rather than silently skipped
    expect(isWorkbookName("~$自评表.xlsx")).toBe(false);
    expect(isWorkbookName(".自评表.xlsx")).toBe(false);
    expect(isWorkbookName("自评表.checked.xlsx")).toBe(true);
    expect(isWorkbookName("说明.docx")).toBe(false);
  });

  it("names the default fix output beside the input", () => {
    expect(defaultOutput("a/b/表.xlsx")).toMatch(/^a[\\/]b[\\/]表\.checked\.xlsx$/);
  });
});

describe("formatting", () => {
  it("rounds half up to 2 decimals", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(9.375)).toBe(9.38);
    expect(round2(-0.004)).toBe(0);
    expect(round2(null)).toBeNull();
    expect(num(102.95)).toBe("102.95");
    expect(pct(77.777)).toBe("77.78%");
    expect(pct(null)).toBe("—");
  });
  it("rounds as the core does, so that the report prints the values the rules compared", () => {
    for (const v of [0.004999999, 1234.564999, 2.675, -2.675, 1.005, 99.995])
      expect(round2(v), String(v)).toBe(roundHalfUp(v, 2));
  });

  it("counts CJK characters as two columns", () => {
    expect(displayWidth("H13")).toBe(3);
    expect(displayWidth("错误")).toBe(4);
    expect(displayWidth("（空）")).toBe(6);
  });

  it("colours only a TTY without NO_COLOR", () => {
    expect(colorAllowed(true, {})).toBe(true);
    expect(colorAllowed(false, {})).toBe(false);
    expect(colorAllowed(undefined, {})).toBe(false);
    expect(colorAllowed(true, { NO_COLOR: "1" })).toBe(false);
    expect(colorAllowed(true, { NO_COLOR: "" })).toBe(true);
  });
});

describe("the text report of a form that could not be read", () => {
  it("names the sheet with its A1 error and counts it in the closing line", () => {
    const f = unreadable();
    f.sheets[0].findings[0].message = "看起来是自评表，但缺少「得分」列";
    const text = renderReport([f], paint(false));
    expect(text).toContain("y.xlsx  【未能读取】\n  「表」  【未能读取】\n");
    expect(text).toMatch(/A1\s+错误\s+看起来是自评表，但缺少「得分」列/);
    expect(text).toContain("未能读取 1 张");
    const brief = renderReport([f, file(null, ["info"])], paint(false), { brief: true });
    expect(brief).toContain("「表」");
    expect(brief).not.toContain("x.xlsx"); // nothing in it needs attention
    expect(brief).toContain("通过 1 张，需修改 0 张，未评分 0 张，未能读取 1 张");
  });
});

describe("the summary's links and texts", () => {
  it("reach a file relative to the summary's folder, with # % ? and spaces escaped", () => {
    expect(linkTarget("/a/汇总", "/a/收到的表/一 科/表#1.xlsx")).toBe("../收到的表/一%20科/表%231.xlsx");
    expect(linkTarget("/a", "/a/50%.xlsx")).toBe("50%25.xlsx");
    expect(decodeURIComponent(linkTarget("/a", "/a/b c/d?.xlsx"))).toBe("b c/d?.xlsx");
  });

  it("never start with a formula sign, and lose control characters", () => {
    for (const t of ["=1+1", "+86", "-3", "@SUM(A1)"]) expect(cellText(t)).toBe(`【】${t}`);
    expect(cellText("消防\u0007专项")).toBe("消防专项");
    expect(cellText("正常文字")).toBe("正常文字");
  });

  it("write a styles part whose counts match its entries", () => {
    const zip = parseZip(workbookBytes([{ name: "表", rows: [["a", 1]] }]));
    const styles = new TextDecoder().decode(readEntry(zip, zip.byName.get("xl/styles.xml")!));
    for (const part of ["fonts", "fills", "borders", "cellXfs"]) {
      const block = new RegExp(`<${part} count="(\\d+)">([\\s\\S]*?)</${part}>`).exec(styles);
      const child = { fonts: "<font>", fills: "<fill>", borders: "<border>", cellXfs: "<xf " }[
        part
      ] as string;
      expect(Number(block?.[1]), part).toBe((block?.[2] ?? "").split(child).length - 1);
    }
  });
});
