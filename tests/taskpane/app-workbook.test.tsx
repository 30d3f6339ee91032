// @vitest-environment jsdom
/** The whole-workbook run's edges: a failed read, and settings changed after the run. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";
import { H23, SETTINGS, fakeHost, grid, report, stubAnalyzer } from "./fakes";
import { isDisabled, renderApp } from "./render";

afterEach(cleanup);

const button = (name: string) => screen.getByRole("button", { name });

describe("检查整个工作簿", () => {
  it("shows a failed read in a MessageBar and leaves no progress bar behind", async () => {
    const host = fakeHost([grid("表1")]);
    host.readAllSheets.mockRejectedValueOnce(new HostError("工作表“大表”过大，无法读取", "too-large"));
    const analyzer = stubAnalyzer({ 表1: { report: report("表1", { findings: [H23] }), patches: [] } });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    await userEvent.setup().click(button(paneText.checkWorkbook));
    expect((await screen.findByRole("alert")).textContent).toContain("过大");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("region", { name: paneText.workbookTitle })).toBeNull();
    expect(isDisabled(button(paneText.checkWorkbook))).toBe(false);
  });

  it("re-analyzes the listed sheets with the pane's analyzer when the profile changes", async () => {
    const host = fakeHost([grid("表1"), grid("表2")]);
    const analyzer = stubAnalyzer({
      表1: { report: report("表1"), patches: [] },
      表2: { report: report("表2"), patches: [] },
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText(paneText.cleanTitle);
    const user = userEvent.setup();
    await user.click(button(paneText.checkWorkbook));
    const table = await screen.findByRole("table", { name: paneText.workbookTitle });
    expect(within(table).getByRole("button", { name: /^查看“表2”的检查结果（表2项目）/ })).toBeTruthy();

    await user.click(button(paneText.settings));
    await user.selectOptions(screen.getByRole("combobox", { name: paneText.profile }), "mof2020-linear");
    await waitFor(() => expect(analyzer.calls.filter((s) => s.profile === "mof2020-linear")).toHaveLength(3));
    const after = screen.getByRole("table", { name: paneText.workbookTitle });
    expect(within(after).getByRole("button", { name: /^查看“表2”的检查结果（表2项目）/ })).toBeTruthy();
    expect(within(after).queryByRole("button", { name: /非自评表/ })).toBeNull();
  });
});

describe("opening a sheet from the workbook table", () => {
  it("shows its findings even when the host cannot select there (a hidden sheet), with the reason", async () => {
    const host = fakeHost([grid("表1"), grid("隐藏表")]);
    const analyzer = stubAnalyzer({
      表1: { report: report("表1", { findings: [{ ...H23, cell: "H17" }] }), patches: [] },
      隐藏表: { report: report("隐藏表", { findings: [H23] }), patches: [] },
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H17");
    const user = userEvent.setup();
    await user.click(button(paneText.checkWorkbook));
    const table = await screen.findByRole("table", { name: paneText.workbookTitle });
    host.select.mockRejectedValueOnce(new HostError("无法激活隐藏的工作表“隐藏表”", "failed"));
    await user.click(within(table).getByRole("button", { name: /^查看“隐藏表”/ }));
    expect(await screen.findByText("H23")).toBeTruthy();
    expect((await screen.findByRole("alert")).textContent).toContain("隐藏表");
  });
});
