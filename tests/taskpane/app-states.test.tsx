// @vitest-environment jsdom
/** The pane's states on a fake host: not a form, clean, errors, host error. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";
import { H23, H30, NOT_A_FORM, SETTINGS, fakeHost, grid, patches, report, stubAnalyzer } from "./fakes";
import { isDisabled, renderApp } from "./render";

afterEach(cleanup);

describe("task pane states", () => {
  it("explains what it looks for when the sheet is not a form, as a note rather than an error", async () => {
    const host = fakeHost([grid("Sheet1")]);
    const analyzer = stubAnalyzer({ Sheet1: NOT_A_FORM });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    expect(await screen.findByText(paneText.emptyTitle)).toBeTruthy();
    expect(screen.getByText(/三级指标 \/ 年度指标值/).textContent).toContain("请切换到自评表所在的工作表");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByLabelText(paneText.summary)).toBeNull();
    expect(isDisabled(screen.getByRole("button", { name: paneText.fix }))).toBe(true);
  });

  it("says a clean form is clean and shows the summary", async () => {
    const host = fakeHost([grid("表1")]);
    const analyzer = stubAnalyzer({
      表1: {
        report: report("表1", { total: { submitted: 100, recomputed: 100, cell: "H31", printedSum: 100 } }),
        patches: [],
      },
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    expect(await screen.findByText(paneText.cleanTitle)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "表1项目" })).toBeTruthy();
    const summary = screen.getByLabelText(paneText.summary);
    expect(within(summary).getByText(paneText.weightsOk)).toBeTruthy();
    expect(host.readActiveSheet).toHaveBeenCalledTimes(1);
    expect(host.apply).not.toHaveBeenCalled();
  });

  it("lists findings by severity with cell, label, values and computation; a click selects the cell", async () => {
    const host = fakeHost([grid("表1")]);
    const analyzer = stubAnalyzer({
      表1: { report: report("表1", { findings: [H23, H30] }), patches: patches("表1", 3) },
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    const errors = await screen.findByRole("region", { name: "错误（1）" });
    expect(screen.getByRole("region", { name: "警告（1）" })).toBeTruthy();
    const item = within(errors).getByRole("button");
    expect(item.textContent).toContain("H23");
    expect(item.textContent).toContain("软件系统故障发生数");
    expect(item.textContent).toContain("目标为 0，实际 2：得 0 分");
    expect(item.textContent).toContain("表中值 2 → 重算值 0");
    const user = userEvent.setup();
    await user.click(item);
    expect(host.select).toHaveBeenCalledWith("表1", "H23");
    const warning = screen.getByText("75 ÷ 80 × 10 = 9.38").closest("button");
    warning?.focus();
    await user.keyboard("{Enter}");
    expect(host.select).toHaveBeenLastCalledWith("表1", "H30");
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();
  });

  it("flags a weight sum other than 100 with words and a grade that changes", async () => {
    const host = fakeHost([grid("表1")]);
    const bad = report("表1", {
      weights: { budget: 10, indicators: 85, total: 95, byBlock: false },
      grade: { submitted: "优", recomputed: "良", cell: "C32" },
    });
    renderApp({
      host,
      analyzer: stubAnalyzer({ 表1: { report: bad, patches: [] } }),
      initialSettings: SETTINGS,
    });
    expect(await screen.findByText("分值合计为 95，应为 100")).toBeTruthy();
    expect(screen.getByText("重算后的评分等级为“良”，与表中的“优”不同")).toBeTruthy();
  });

  it("shows a host error in a MessageBar", async () => {
    const host = fakeHost([grid("表1")]);
    host.readActiveSheet.mockRejectedValueOnce(
      new HostError("工作表受保护，请先撤销工作表保护", "protected")
    );
    renderApp({ host, analyzer: stubAnalyzer({}), initialSettings: SETTINGS });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(paneText.hostErrorTitle);
    expect(alert.textContent).toContain("工作表受保护，请先撤销工作表保护");
    expect(isDisabled(screen.getByRole("button", { name: paneText.check }))).toBe(false);
  });

  it("shows an unexpected error with its detail", async () => {
    const host = fakeHost([grid("表1")]);
    host.readActiveSheet.mockRejectedValueOnce(new TypeError("boom"));
    renderApp({ host, analyzer: stubAnalyzer({}), initialSettings: SETTINGS });
    expect((await screen.findByRole("alert")).textContent).toContain(paneText.unexpectedError("boom"));
  });
});
