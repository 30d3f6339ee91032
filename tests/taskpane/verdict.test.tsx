// @vitest-environment jsdom
/**
 * The pane shows the core's verdict and nothing that contradicts it: a form that prints no scores is 未评分
 * (never 检查通过, no red weight sum), a form with errors 需修改, a sheet with an unreadable part 未能读取; the
 * confirmation of 全部一键重算 says which scores go up and down and each form's 总分 / 评分等级 from → to; the
 * ribbon's notice names the status where nothing was written.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import { describeOutcome } from "../../src/commands/recalculate";
import { STATUS_TEXT } from "../../src/i18n/core";
import { paneText } from "../../src/i18n/pane";
import { fixChanges } from "../../src/taskpane/analysis";
import { H23, SETTINGS, fakeHost, grid, report, stubAnalyzer } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

const UNSCORED = report("表1", {
  weights: { budget: null, indicators: 0, total: 0, byBlock: false },
  total: { submitted: null, recomputed: null, cell: null, printedSum: 0 },
  grade: { submitted: null, recomputed: null, cell: null },
  findings: [{ code: "SCORE_MISSING", severity: "warning", cell: "J17", message: "表中没有填写得分。" }],
});

describe("the pane's banner shows the core's status", () => {
  it("a form that prints no scores is 未评分, says what it checked, and shows no red weight sum", async () => {
    expect(UNSCORED.status).toBe("unscored");
    const host = fakeHost([grid("表1")]);
    renderApp({
      host,
      analyzer: stubAnalyzer({ 表1: { report: UNSCORED, patches: [] } }),
      initialSettings: SETTINGS,
    });
    const banner = await screen.findByText(paneText.unscoredTitle);
    expect(banner.closest("[data-status]")?.getAttribute("data-status")).toBe("unscored");
    expect(banner.closest("[data-status]")?.textContent).toContain(
      "已检查：项目名称和主管部门；预算执行率 100%"
    );
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();
    expect(screen.queryByText(STATUS_TEXT.pass)).toBeNull();
    const summary = screen.getByLabelText(paneText.summary);
    expect(within(summary).queryByText(paneText.weightsBad(0))).toBeNull();
    expect(within(summary).getByText(paneText.noWeights)).toBeTruthy();
  });

  it("a form with an error is 需修改, never 检查通过", async () => {
    const host = fakeHost([grid("表1")]);
    const fix = report("表1", { findings: [H23] });
    renderApp({
      host,
      analyzer: stubAnalyzer({ 表1: { report: fix, patches: [] } }),
      initialSettings: SETTINGS,
    });
    const banner = await screen.findByText(paneText.fixTitle);
    expect(banner.closest("[data-status]")?.getAttribute("data-status")).toBe("fix");
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();
  });

  it("a sheet with an unreadable part beside a passing form is 未能读取", async () => {
    const host = fakeHost([grid("表1")]);
    const ok = report("表1");
    const broken = {
      code: "FORM_UNREADABLE" as const,
      severity: "error" as const,
      cell: "A40",
      message: "无法读取。",
    };
    const analyzer = stubAnalyzer({
      表1: { name: "表1", forms: [{ report: ok, patches: [] }], findings: [broken], status: "unreadable" },
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    const banner = await screen.findByText(paneText.unreadableSheetTitle);
    expect(banner.closest("[data-status]")?.getAttribute("data-status")).toBe("unreadable");
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();
  });
});

describe("what 全部一键重算 changes in substance", () => {
  it("counts scores up, down and filled, and gives each form's 总分 and 评分等级 from → to", () => {
    const r = report("表1", {
      total: { submitted: 95, recomputed: 88.5, cell: "H31", printedSum: 95 },
      grade: { submitted: "优", recomputed: "良", cell: "C32" },
    });
    const at = (
      cell: string,
      what: "score" | "total" | "grade" | "reason",
      old: number | string | null,
      value: number | string
    ) => ({ sheet: "表1", row: 0, col: 0, cell, what, old, value });
    const changes = fixChanges([
      {
        name: "表1",
        findings: [],
        status: "fix",
        forms: [
          {
            report: r,
            patches: [
              at("H13", "score", 5, 7),
              at("H14", "score", 10, 8),
              at("H15", "score", 10, 9.5),
              at("H16", "score", null, 3),
              at("I16", "reason", null, "待说明"),
              at("H31", "total", 95, 88.5),
              at("C32", "grade", "优", "良"),
            ],
          },
          { report: report("表1", { project: "不动" }), patches: [] },
        ],
      },
    ]);
    expect(changes).toMatchObject({ up: 1, down: 2, filled: 1 });
    expect(changes.forms).toHaveLength(1);
    const lines = paneText.confirmChanges(changes);
    expect(lines[0]).toBe("得分调高 1 处，调低 2 处，补填 1 处。");
    expect(lines[1]).toBe("表1项目：总分 95 → 88.50，评分等级 优 → 良");
  });
});

describe("the ribbon's notice", () => {
  it("never calls a sheet correct where nothing was written and its form is 未评分 or 需修改", () => {
    const forms = [{ project: "甲", total: null, grade: null, status: "unscored" as const }];
    const unscored = describeOutcome({ kind: "clean", sheet: "表1", forms, reasons: 0, remaining: 0 });
    expect(unscored.title).toBe(STATUS_TEXT.unscored);
    expect(unscored.message).not.toContain("正确");
    expect(unscored.message).toContain(STATUS_TEXT.unscored);
    const fix = describeOutcome({
      kind: "clean",
      sheet: "表1",
      forms: [{ project: "甲", total: 80, grade: "良", status: "fix" }],
      reasons: 0,
      remaining: 2,
    });
    expect(fix.title).toBe(STATUS_TEXT.fix);
    expect(fix.message).not.toContain("都正确");
    const pass = describeOutcome({
      kind: "clean",
      sheet: "表1",
      forms: [{ project: "甲", total: 92, grade: "优", status: "pass" }],
      reasons: 0,
      remaining: 0,
    });
    expect(pass.message).toContain("都正确");
    // A part of the sheet that could not be read, beside a passing form: the sheet is 未能读取.
    const broken = describeOutcome({
      kind: "clean",
      sheet: "表1",
      forms: [{ project: "甲", total: 92, grade: "优", status: "pass" }],
      reasons: 0,
      remaining: 1,
      status: "unreadable",
    });
    expect(broken.title).toBe(STATUS_TEXT.unreadable);
    expect(broken.message).not.toContain("都正确");
  });
});
