// @vitest-environment jsdom
/**
 * The pane for a whole workbook, on a fake host: 全部一键重算 (confirm, cancel, what was written and held),
 * the workbook table at pane width, opening where the problems are, and a clean sheet among others.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Finding } from "../../src/core/types";
import { paneText } from "../../src/i18n/pane";
import { H23, H30, NOT_A_FORM, SETTINGS, fakeHost, grid, patches, report, stubAnalyzer } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

const button = (name: string) => screen.getByRole("button", { name });

/** 表1 with an error and 2 patches, 表2 with a warning and 1 patch, 表3 clean, Sheet1 no form. */
function workbook() {
  const host = fakeHost([grid("表1"), grid("表2"), grid("表3"), grid("Sheet1")]);
  const table = {
    表1: { report: report("表1", { findings: [H23] }), patches: patches("表1", 2) },
    表2: { report: report("表2", { findings: [H30] }), patches: patches("表2", 1) },
    表3: { report: report("表3"), patches: [] },
    Sheet1: NOT_A_FORM,
  };
  const analyzer = stubAnalyzer(table);
  return { host, table, analyzer };
}

describe("全部一键重算", () => {
  it("says how many cells on how many sheets it will write; 取消 writes nothing and keeps focus", async () => {
    const { host, analyzer } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    const user = userEvent.setup();
    await user.click(button(paneText.fixAll));
    const confirm = await screen.findByRole("alertdialog", { name: paneText.confirmTitle });
    expect(confirm.textContent).toContain(paneText.confirmAll({ cells: 3, sheets: 2 }));
    expect(host.readAllSheets).toHaveBeenCalledTimes(1);
    await user.click(within(confirm).getByRole("button", { name: paneText.confirmCancel }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(host.apply).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(paneText.fixAll));
    expect(screen.getByTestId("live").textContent).toBe(paneText.cancelled);
  });

  it("writes every sheet in one apply and lists each written cell, old → new, selecting it on click", async () => {
    const { host, analyzer, table } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    const user = userEvent.setup();
    await user.click(button(paneText.fixAll));
    table.表1 = { report: report("表1"), patches: [] };
    table.表2 = { report: report("表2"), patches: [] };
    await user.click(await screen.findByRole("button", { name: paneText.confirmWrite }));
    const heading = await screen.findByRole("heading", { name: paneText.writtenTitle(3) });
    expect(host.apply).toHaveBeenCalledTimes(1);
    expect(host.apply.mock.calls[0][0].map((p) => `${p.sheet}!${p.cell}`)).toEqual([
      "表1!H23",
      "表1!H24",
      "表2!H23",
    ]);
    expect(document.activeElement).toBe(heading);
    const list = screen.getByRole("region", { name: paneText.writtenTitle(3) });
    expect(within(list).getByRole("heading", { name: "表2" })).toBeTruthy();
    const item = within(list).getAllByRole("button", { name: paneText.writtenItem("H23", "得分", "1", "0") });
    expect(item).toHaveLength(2);
    await user.click(item[1]);
    expect(host.select).toHaveBeenLastCalledWith("表2", "H23");
    expect(screen.getByText(paneText.applied(3, 2))).toBeTruthy();
    expect(screen.getByRole("button", { name: paneText.revert }).getAttribute("aria-disabled")).not.toBe(
      "true"
    );
  });
});

describe("what 一键重算 wrote and held", () => {
  it("names the locked cells a protected sheet refused and the findings that held a cell back", async () => {
    const host = fakeHost([grid("表1")]);
    const held: Finding = {
      code: "FIX_HELD",
      severity: "info",
      cell: "H31",
      message: "总分不是各得分之和所能改写的：表中另有公式，未写入总分。",
    };
    const analyzer = stubAnalyzer({
      表1: { report: report("表1", { findings: [H23, held] }), patches: patches("表1", 2) },
    });
    host.apply.mockImplementationOnce(async (p) => ({
      at: "now",
      patches: p.slice(0, 1),
      refused: p.slice(1),
    }));
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    await userEvent.setup().click(button(paneText.fix));
    const list = await screen.findByRole("region", { name: paneText.writtenTitle(1) });
    expect(within(list).getByRole("heading", { name: paneText.heldTitle(2) })).toBeTruthy();
    expect(within(list).getByText(paneText.lockedCell("H24"))).toBeTruthy();
    expect(within(list).getByText(held.message)).toBeTruthy();
    expect(screen.getByText(paneText.applied(1, 1))).toBeTruthy();
  });
});

describe("the workbook table", () => {
  it("lists errors first, then warnings, clean forms and other sheets; 只看有问题 keeps the problems", async () => {
    const { host, analyzer } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    const user = userEvent.setup();
    await user.click(button(paneText.checkWorkbook));
    const table = await screen.findByRole("table", { name: paneText.workbookTitle });
    const names = () =>
      within(table)
        .getAllByRole("button")
        .map((b) => b.textContent);
    expect(names()).toEqual(["表1", "表2", "表3", "Sheet1"]);
    const first = within(table).getAllByRole("button")[0];
    expect(first.getAttribute("title")).toBe("表1 — 表1项目");
    expect(first.getAttribute("aria-label")).toBe(paneText.sheetRowLabel("表1", "表1项目", 1, 0, "fix"));
    // The table says each sheet's status, as the core gave it: 表2 has only warnings and is 通过.
    const status = { pass: 2, fix: 1, unscored: 0, unreadable: 0, "no-form": 0 };
    expect(screen.getByText(paneText.workbookStatus(status))).toBeTruthy();
    await user.click(screen.getByRole("switch", { name: paneText.onlyProblems }));
    expect(names()).toEqual(["表1", "表2"]);
  });

  it("opening a row shows that sheet's findings and moves focus to them", async () => {
    const { host, analyzer } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    const user = userEvent.setup();
    await user.click(button(paneText.checkWorkbook));
    const table = await screen.findByRole("table", { name: paneText.workbookTitle });
    await user.click(within(table).getByRole("button", { name: /^查看“表2”/ }));
    expect(await screen.findByText("H30")).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("heading", { name: paneText.findings }))
    );
    expect(host.select).toHaveBeenLastCalledWith("表2", "H30");
  });
});

describe("opening where the problems are", () => {
  it("opening the pane on a clean sheet reads the workbook once and opens the first sheet with errors", async () => {
    const host = fakeHost([grid("表3"), grid("表2"), grid("表1")]);
    const { analyzer } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    expect(await screen.findByText("H23")).toBeTruthy();
    expect(screen.getAllByText(paneText.openedFirstError("表1", "表3"))).toHaveLength(2); // notice, live region
    expect(screen.getByTestId("live").textContent).toBe(paneText.openedFirstError("表1", "表3"));
    expect(host.readActiveSheet).toHaveBeenCalledTimes(1);
    expect(host.readAllSheets).toHaveBeenCalledTimes(1);
    expect(host.select).toHaveBeenCalledWith("表1", "H23");
    // Only the problems were looked for: the table is not shown until asked for.
    expect(screen.queryByRole("table", { name: paneText.workbookTitle })).toBeNull();
  });

  it("a sheet with errors the user is on stays, without reading the other sheets", async () => {
    const host = fakeHost([grid("表1"), grid("表2")]);
    const { analyzer } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    expect(await screen.findByText("H23")).toBeTruthy();
    expect(host.readAllSheets).not.toHaveBeenCalled();
    expect(host.select).not.toHaveBeenCalled();
  });

  it("after a workbook run opens the first sheet with errors, and a clean sheet says others have problems", async () => {
    const host = fakeHost([grid("表2"), grid("表3"), grid("表1")]);
    const { analyzer } = workbook();
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    expect(await screen.findByText("H23")).toBeTruthy(); // 表2 has only warnings: the pane opens 表1
    host.select.mockClear();
    await host.select("表2", "A1"); // the user goes back to 表2 and checks the workbook
    host.select.mockClear();
    const user = userEvent.setup();
    await user.click(button(paneText.checkWorkbook));
    await waitFor(() => expect(host.select).toHaveBeenCalledWith("表1", "H23"));

    const table = screen.getByRole("table", { name: paneText.workbookTitle });
    await user.click(within(table).getByRole("button", { name: /^查看“表3”/ }));
    expect(await screen.findByText(paneText.cleanElsewhere(1, 1))).toBeTruthy();
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();
  });
});
