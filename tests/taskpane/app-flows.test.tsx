// @vitest-environment jsdom
/** The pane's write flows on a fake host: applying, applied, reverted, 审阅模式, workbook run, settings. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AppliedFix } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";
import { H23, H30, NOT_A_FORM, SETTINGS, fakeHost, grid, patches, report, stubAnalyzer } from "./fakes";
import { isDisabled, renderApp } from "./render";

afterEach(cleanup);

const button = (name: string) => screen.getByRole("button", { name });

describe("一键重算 and 撤销", () => {
  it("disables the buttons while applying, then reports the cells written and allows 撤销", async () => {
    const host = fakeHost([grid("表1")]);
    const table = { 表1: { report: report("表1", { findings: [H23] }), patches: patches("表1", 3) } };
    const analyzer = stubAnalyzer(table);
    let release: (fix: AppliedFix) => void = () => undefined;
    host.apply.mockImplementationOnce(
      (p) =>
        new Promise<AppliedFix>((resolve) => {
          release = (fix) => resolve(fix);
          void p;
        })
    );
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    const user = userEvent.setup();
    await screen.findByText("H23");
    expect(isDisabled(button(paneText.revert))).toBe(true);
    await user.click(button(paneText.fix));
    expect(host.apply).toHaveBeenCalledWith(table.表1.patches);
    expect(screen.getByText(paneText.applying)).toBeTruthy();
    for (const name of [paneText.check, paneText.fix, paneText.revert, paneText.checkWorkbook])
      expect(isDisabled(button(name))).toBe(true);

    // The re-check after the write sees a fixed sheet.
    table.表1 = { report: report("表1", { findings: [] }), patches: [] };
    host.hasRevert.mockResolvedValue(true);
    release({ at: "now", patches: patches("表1", 3) });
    expect(await screen.findByText(paneText.applied(3, 1))).toBeTruthy();
    expect(screen.queryByText(paneText.applying)).toBeNull();
    expect(host.readActiveSheet).toHaveBeenCalledTimes(2);
    expect(isDisabled(button(paneText.revert))).toBe(false);
    expect(isDisabled(button(paneText.fix))).toBe(true);

    host.revertLast.mockResolvedValueOnce({ at: "now", patches: patches("表1", 3) });
    host.hasRevert.mockResolvedValue(false);
    table.表1 = { report: report("表1", { findings: [H23] }), patches: patches("表1", 3) };
    await user.click(button(paneText.revert));
    expect(host.revertLast).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(paneText.reverted(3, 1))).toBeTruthy();
    expect(isDisabled(button(paneText.revert))).toBe(true);
    expect(screen.getByText("H23")).toBeTruthy();
  });

  it("shows a failed write in a MessageBar and keeps the findings", async () => {
    const host = fakeHost([grid("表1")]);
    host.apply.mockRejectedValueOnce(new Error("写入失败"));
    renderApp({
      host,
      analyzer: stubAnalyzer({
        表1: { report: report("表1", { findings: [H23] }), patches: patches("表1", 1) },
      }),
      initialSettings: SETTINGS,
    });
    await screen.findByText("H23");
    await userEvent.setup().click(button(paneText.fix));
    expect((await screen.findByRole("alert")).textContent).toContain("写入失败");
    expect(screen.getByText("H23")).toBeTruthy();
  });
});

describe("审阅模式", () => {
  it("hides the writing buttons and never writes or highlights", async () => {
    const host = fakeHost([grid("表1")]);
    const analyzer = stubAnalyzer({
      表1: { report: report("表1", { findings: [H23] }), patches: patches("表1", 2) },
    });
    renderApp({ host, analyzer, initialSettings: { ...SETTINGS, reviewer: true, highlight: true } });
    await screen.findByText("H23");
    expect(screen.queryByRole("button", { name: paneText.fix })).toBeNull();
    expect(screen.queryByRole("button", { name: paneText.revert })).toBeNull();
    expect(host.highlight).not.toHaveBeenCalled();
    const user = userEvent.setup();
    await user.click(screen.getByRole("switch", { name: paneText.reviewerMode }));
    expect(button(paneText.fix)).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: paneText.reviewerMode }));
    expect(screen.queryByRole("button", { name: paneText.fix })).toBeNull();
    expect(host.apply).not.toHaveBeenCalled();
  });

  it("highlights findings only when the setting is on", async () => {
    const host = fakeHost([grid("表1")]);
    const analyzer = stubAnalyzer({ 表1: { report: report("表1", { findings: [H23] }), patches: [] } });
    renderApp({ host, analyzer, initialSettings: { ...SETTINGS, highlight: true } });
    await screen.findByText("H23");
    await waitFor(() =>
      expect(host.highlight).toHaveBeenCalledWith("表1", [{ cell: "H23", severity: "error" }])
    );
  });
});

describe("检查整个工作簿 and settings", () => {
  it("lists every sheet; a row opens that sheet's findings", async () => {
    const host = fakeHost([grid("表1"), grid("表2"), grid("Sheet1")]);
    const analyzer = stubAnalyzer({
      表1: { report: report("表1", { findings: [H23] }), patches: [] },
      表2: { report: report("表2", { findings: [{ ...H30, cell: "H17" }] }), patches: [] },
      Sheet1: NOT_A_FORM,
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    const user = userEvent.setup();
    await user.click(button(paneText.checkWorkbook));
    const table = await screen.findByRole("table", { name: paneText.workbookTitle });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    expect(screen.getByText(paneText.workbookSummary(2, 3))).toBeTruthy();
    expect(within(table).getByRole("button", { name: /^查看“表2”的检查结果（表2项目）/ })).toBeTruthy();
    expect(within(table).getByRole("button", { name: /^查看“Sheet1”.*非自评表/ })).toBeTruthy();
    await user.click(within(table).getByRole("button", { name: /^查看“表2”/ }));
    expect(await screen.findByText("H17")).toBeTruthy();
    expect(screen.queryByText("H23")).toBeNull();
    expect(host.select).toHaveBeenCalledWith("表2", "H17");
  });

  it("re-analyzes with the chosen profile without reading the sheet again", async () => {
    const host = fakeHost([grid("表1")]);
    const analyzer = stubAnalyzer({ 表1: { report: report("表1"), patches: [] } });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText(paneText.cleanTitle);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: paneText.settings }));
    await user.selectOptions(screen.getByRole("combobox", { name: paneText.profile }), "mof2020-linear");
    await waitFor(() => expect(analyzer.calls.at(-1)?.profile).toBe("mof2020-linear"));
    await user.click(screen.getByRole("switch", { name: paneText.prompts }));
    await waitFor(() => expect(analyzer.calls.at(-1)?.prompts).toBe(false));
    expect(host.readActiveSheet).toHaveBeenCalledTimes(1);
    expect(screen.getByText(paneText.highlightHint)).toBeTruthy();
  });
});
