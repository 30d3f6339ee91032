// @vitest-environment jsdom
/**
 * Boot inside Office: the page Office opened waits for Office however long it takes ("正在连接 Excel…",
 * then a retry), never becomes browser mode; an Excel without ExcelApi 1.13 gets the upgrade screen and
 * no read at all.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, within } from "@testing-library/react";
import { excelText } from "../../src/i18n/excel";
import { paneText } from "../../src/i18n/pane";
import { REQUIRED_EXCEL_API } from "../../src/hosts/excel/requirements";
import { boot } from "../../src/taskpane/index";
import { fakeFromXlsx } from "../fakes/excel/xlsx";
import { fakeOffice } from "../fakes/excel/office";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import "./render";

const FORM = "../fixtures/forms/single/2023-taopu-003.xlsx";
const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  window.history.replaceState(null, "", "/");
  window.sessionStorage.clear();
  document.body.innerHTML = "";
});

function container(): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  return root;
}

async function inExcel(apiVersion: string, hold = false) {
  const fake = await fakeFromXlsx(new Uint8Array(readFileSync(join(import.meta.dirname, FORM))));
  fake.model.apiVersion = apiVersion;
  const office = fakeOffice(fake, { hold });
  globals.Office = office.Office;
  globals.Excel = office.Excel;
  window.history.replaceState(null, "", "/taskpane.html?office=1&_host_Info=Excel$Win32$16.01$zh-CN");
  return { fake, office };
}

describe("boot inside Excel", () => {
  it("Office slow to start: 正在连接 Excel…, a retry, never browser mode; then it connects", async () => {
    const { fake, office } = await inExcel("1.17", true);
    const retry = vi.fn();
    const root = container();
    let booted: Promise<void> = Promise.resolve();
    await act(async () => {
      booted = boot(root, { slowMs: 0, retry });
    });
    expect(await within(root).findByText(excelText.connecting)).toBeTruthy();
    await within(root).findByText(excelText.connectingSlow);
    within(root).getByRole("button", { name: excelText.retry }).click();
    expect(retry).toHaveBeenCalledTimes(1);
    // Still Office's page: no file mode, whatever the wait.
    expect(within(root).queryByRole("button", { name: paneText.open })).toBeNull();
    expect(within(root).queryByText(paneText.fileIntro)).toBeNull();
    await act(async () => {
      office.ready();
      await booted;
    });
    expect(await screen.findByRole("heading", { name: "财政所-财政管理专项经费" })).toBeTruthy();
    expect(fake.syncCount).toBeGreaterThan(0);
    expect(office.asked).toContain(`ExcelApi ${REQUIRED_EXCEL_API}`);
  });

  it("Excel with only ExcelApi 1.8: the upgrade screen, and no read", async () => {
    const { fake } = await inExcel("1.8");
    const root = container();
    await act(() => boot(root));
    expect(within(root).getByText(excelText.needExcel(`ExcelApi ${REQUIRED_EXCEL_API}`))).toBeTruthy();
    expect(within(root).getByText(excelText.needExcelTitle)).toBeTruthy();
    expect(fake.syncCount).toBe(0);
    expect(within(root).queryByRole("button", { name: paneText.open })).toBeNull();
  });

  it("office.js missing on Office's page: says so in Chinese with a retry, not browser mode", async () => {
    window.history.replaceState(null, "", "/taskpane.html?office=1");
    const root = container();
    await act(() => boot(root, { retry: () => undefined }));
    expect(within(root).getByText(excelText.noOfficeJs)).toBeTruthy();
    expect(within(root).getByRole("button", { name: excelText.retry })).toBeTruthy();
    expect(within(root).queryByRole("button", { name: paneText.open })).toBeNull();
  });
});
