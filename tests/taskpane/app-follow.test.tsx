// @vitest-environment jsdom
/**
 * The pane per form and following the user: a form picker, FORM_UNREADABLE shown as an error, findings
 * marked stale on the host's events and re-checked (one read) when the user comes back, and what screen
 * readers hear.
 */
import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SheetAnalysis } from "../../src/core/types";
import type { HostEvent } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";
import { H23, H30, SETTINGS, fakeHost, grid, patches, report, stubAnalyzer } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

/** A fake host with document events: `emit` plays what the user did. */
function watchingHost(names: string[]) {
  const host = fakeHost(names.map(grid));
  let listener: ((e: HostEvent) => void) | null = null;
  const watched = Object.assign(host, {
    watch: async (l: (e: HostEvent) => void) => {
      listener = l;
      return () => (listener = null);
    },
  });
  return { host: watched, emit: (e: HostEvent) => act(() => listener?.(e)) };
}

const twoForms: SheetAnalysis = {
  name: "表1",
  forms: [
    {
      report: report("表1", { project: "甲项目", top: 0, bottom: 31, findings: [H23] }),
      patches: patches("表1", 1),
    },
    {
      report: report("表1", {
        project: "乙项目",
        range: "A35:I66",
        top: 34,
        bottom: 65,
        findings: [{ ...H30, cell: "H60", row: 60 }],
      }),
      patches: [{ ...patches("表1", 1)[0], row: 59, cell: "H60" }],
    },
  ],
  findings: [],
  status: "fix",
};

describe("a sheet with several forms", () => {
  it("picks a form; 一键重算 writes every form of the sheet", async () => {
    const host = fakeHost([grid("表1")]);
    renderApp({ host, analyzer: stubAnalyzer({ 表1: twoForms }), initialSettings: SETTINGS });
    const picker = await screen.findByRole("combobox", { name: paneText.formPicker });
    expect(screen.getByText(paneText.formsOnSheet(2))).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("甲项目");
    expect(screen.getByText("H23")).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(picker, "1");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("乙项目");
    expect(screen.getByText("H60")).toBeTruthy();
    expect(screen.queryByText("H23")).toBeNull();
    await user.click(screen.getByRole("button", { name: paneText.fix }));
    await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
    expect(host.apply.mock.calls[0][0].map((p) => p.cell)).toEqual(["H23", "H60"]);
  });

  it("shows a form that could not be read as an error, never as 检查通过", async () => {
    const host = fakeHost([grid("表1")]);
    const broken: SheetAnalysis = {
      name: "表1",
      forms: [],
      findings: [
        {
          code: "FORM_UNREADABLE",
          severity: "error",
          cell: "A12",
          message: "第 12 行像是指标表的表头：找到了 三级指标、分值，缺少 得分、实际完成值 列。",
        },
      ],
      status: "unreadable",
    };
    renderApp({ host, analyzer: stubAnalyzer({ 表1: broken }), initialSettings: SETTINGS });
    const errors = await screen.findByRole("region", { name: "错误（1）" });
    expect(within(errors).getByRole("button").textContent).toContain("缺少 得分、实际完成值 列");
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();
    expect(screen.queryByText(paneText.emptyTitle)).toBeNull();
  });
});

describe("following the user", () => {
  it("marks the findings stale when the user switches sheets, and reads once on coming back", async () => {
    const { host, emit } = watchingHost(["表1", "表2"]);
    const analyzer = stubAnalyzer({
      表1: { report: report("表1", { findings: [H23] }), patches: [] },
      表2: { report: report("表2", { findings: [H30] }), patches: [] },
    });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    expect(host.readActiveSheet).toHaveBeenCalledTimes(1);
    emit({ kind: "activated", sheet: "表1" }); // the sheet shown: nothing to do
    expect(screen.queryByText(paneText.staleTitle)).toBeNull();
    await host.select("表2", "A1"); // the user goes to 表2
    emit({ kind: "activated", sheet: "表2" });
    expect(await screen.findByText(paneText.staleTitle)).toBeTruthy();
    expect(screen.getByTestId("live").textContent).toBe(paneText.staleAnnounce.activated);
    emit({ kind: "changed", sheet: "表2", address: "B3" });
    expect(host.readActiveSheet).toHaveBeenCalledTimes(1); // nothing read while the pane is idle

    fireEvent.focus(window);
    expect(await screen.findByText("H30")).toBeTruthy();
    expect(host.readActiveSheet).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(paneText.staleTitle)).toBeNull();
  });

  it("an edit inside the form's rows makes it stale; one outside does not; 重新检查 reads again", async () => {
    const { host, emit } = watchingHost(["表1"]);
    const analyzer = stubAnalyzer({ 表1: { report: report("表1", { findings: [H23] }), patches: [] } });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    emit({ kind: "changed", sheet: "表1", address: "K40:K41" }); // below the form (rows 1–32)
    expect(screen.queryByText(paneText.staleTitle)).toBeNull();
    emit({ kind: "changed", sheet: "表1", address: "H23" });
    expect(await screen.findByText(paneText.staleTitle)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: paneText.recheck }));
    await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));
  });
});

describe("keyboard and screen readers", () => {
  it("names each finding by its severity first, announces a check, and keeps focus on 检查", async () => {
    const host = fakeHost([grid("表1")]);
    const analyzer = stubAnalyzer({ 表1: { report: report("表1", { findings: [H23, H30] }), patches: [] } });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    expect(screen.getByRole("button", { name: /^错误：\s*H23/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^警告：\s*H30/ })).toBeTruthy();
    expect(screen.getByText(paneText.actionsHint)).toBeTruthy();
    const user = userEvent.setup();
    const check = screen.getByRole("button", { name: paneText.check });
    await user.click(check);
    await waitFor(() =>
      expect(screen.getByTestId("live").textContent).toBe(
        paneText.checkedAnnounce({ error: 1, warning: 1, info: 0 })
      )
    );
    expect(document.activeElement).toBe(check);
  });
});
