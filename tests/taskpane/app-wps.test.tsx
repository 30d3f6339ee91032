// @vitest-environment jsdom
/** The pane on the WPS host (fake ET model): the same flows as in Excel, workbook switches, diagnostics. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createWpsHost } from "../../src/hosts/wps";
import { paneText } from "../../src/i18n/pane";
import { wpsText } from "../../src/i18n/wps";
import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import { FakeWps } from "../fakes/wps";
import { fixtureGrids } from "../wps/helpers";
import { renderApp } from "./render";

const SHEET = "财政所-财政管理专项经费";

function setup() {
  const fake = FakeWps.fromGrids(fixtureGrids("single/2023-taopu-003.xlsx").grids);
  const host = createWpsHost(() => fake.app as never);
  renderApp({ host, initialSettings: DEFAULT_SETTINGS });
  return { fake, host };
}

afterEach(cleanup);

describe("the pane in WPS", () => {
  it("checks, applies the fix, and reverts it in the workbook", async () => {
    const { fake } = setup();
    await screen.findByRole("heading", { name: SHEET });
    await userEvent.click(screen.getByRole("button", { name: paneText.fix }));
    await screen.findByText(paneText.applied(3, 1));
    expect(["H23", "H30", "H31"].map((c) => fake.value(SHEET, c))).toEqual([0, 9.38, 90.38]);
    await userEvent.click(screen.getByRole("button", { name: paneText.revert }));
    await screen.findByText(paneText.reverted(3, 1));
    expect(["H23", "H30", "H31"].map((c) => fake.value(SHEET, c))).toEqual([2, 8, 91]);
  });

  it("marks the findings stale when the user switches workbook (WorkbookActivate) and re-checks on return", async () => {
    const { fake } = setup();
    await screen.findByRole("heading", { name: SHEET });
    const other = fixtureGrids("single/2022-wujing-003.xlsx").grids;
    const book = fake.open({ grids: other, name: "吴泾.xlsx" });
    fake.activateBook(book);
    expect((await screen.findAllByText(paneText.staleAnnounce.activated)).length).toBeGreaterThan(0);
    window.dispatchEvent(new Event("focus"));
    expect(await screen.findByRole("heading", { name: other[0].name })).toBeTruthy();
  });

  it("runs the diagnostics in the settings and shows one text to copy, the scratch sheet removed", async () => {
    const { fake } = setup();
    const sheets = fake.book.sheets.map((s) => s.name);
    await screen.findByRole("heading", { name: SHEET });
    await userEvent.click(screen.getByRole("button", { name: paneText.settings }));
    await userEvent.click(screen.getByRole("button", { name: wpsText.diagnoseRun }));
    const text = ((await screen.findByRole("textbox", { name: wpsText.diagnose })) as HTMLTextAreaElement)
      .value;
    expect(text.split("\n")[0]).toBe("自评表助手 诊断信息");
    expect(text).toContain("宿主：WPS 表格");
    expect(text).toContain(`[通过] ActiveSheet.Name → "${SHEET}"`);
    expect(text).toContain("[通过] 临时工作表.Delete() → 完成");
    expect(fake.book.sheets.map((s) => s.name)).toEqual(sheets);
    await waitFor(() =>
      expect(within(document.body).getByRole("button", { name: wpsText.diagnoseCopy })).toBeTruthy()
    );
  });
});
