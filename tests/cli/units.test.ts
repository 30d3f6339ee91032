import { describe, expect, it } from "vitest";
import { colorAllowed } from "../../src/cli/color";
import { isWorkbookName } from "../../src/cli/files";
import { defaultOutput } from "../../src/cli/fix";
import { displayWidth, num, pct, round2 } from "../../src/cli/format";
import { roundHalfUp } from "../../src/core/numbers";
import { exitCodeOf, type FileResult } from "../../src/cli/types";
import type { Severity } from "../../src/core/index";

function file(error: string | null, severities: Severity[]): FileResult {
  const findings = severities.map((severity) => ({
    code: "SCORE_MISMATCH" as const,
    severity,
    cell: "H13",
    message: "",
  }));
  const report = { findings } as unknown as FileResult["sheets"][number]["report"];
  return { path: "x.xlsx", error, sheets: error ? [] : [{ report, patches: [], hidden: false }] };
}

describe("exit status", () => {
  it("is 0 without errors, 1 with an error finding, 2 when a file failed (2 wins)", () => {
    expect(exitCodeOf([file(null, ["warning", "info"])])).toBe(0);
    expect(exitCodeOf([file(null, ["warning", "error"])])).toBe(1);
    expect(exitCodeOf([file(null, ["error"]), file("坏.xlsx：文件已损坏", [])])).toBe(2);
    expect(exitCodeOf([])).toBe(0);
  });
});

describe("folder walk names", () => {
  it("takes workbooks, skips lock files, hidden files and fix outputs", () => {
    expect(isWorkbookName("自评表.xlsx")).toBe(true);
    expect(isWorkbookName("自评表.XLSX")).toBe(true);
    expect(isWorkbookName("旧表.xls")).toBe(true); // reported as unreadable rather than silently skipped
    expect(isWorkbookName("~$自评表.xlsx")).toBe(false);
    expect(isWorkbookName(".自评表.xlsx")).toBe(false);
    expect(isWorkbookName("自评表.checked.xlsx")).toBe(false);
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
