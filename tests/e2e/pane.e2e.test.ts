/**
 * The built pane in browser mode, in real Chromium: open a real form through the file input, see its
 * findings, 一键重算, 下载 and re-read the download; no request leaves the page's origin.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellAt } from "../../src/core/grid";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E, FORM, SCREENSHOT } from "./paths";
import { serveDir, type StaticServer } from "./server";

describe.skipIf(!E2E)("task pane in Chromium, browser mode", () => {
  let server: StaticServer;
  let pane: PaneSession;

  beforeAll(async () => {
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  it("opens a form from disk and lists its findings", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: paneText.open, exact: true }).waitFor();
    expect(await page.getByRole("button", { name: paneText.check, exact: true }).isDisabled()).toBe(true);
    await page.getByLabel(paneText.fileInput).setInputFiles(FORM);
    await page.getByRole("heading", { name: "财政所-财政管理专项经费" }).waitFor();
    const item = page.getByRole("button", { name: /^错误：\s*H23/ });
    expect(await item.textContent()).toContain("软件系统故障发生数");
    expect(await page.getByRole("region", { name: "错误（1）" }).isVisible()).toBe(true);
    await item.click();
    const selected = page.locator('td[aria-current="true"]');
    expect(await selected.getAttribute("data-address")).toBe("H23");
  });

  it("fits a 320 px pane without horizontal scrolling; screenshot", async () => {
    const { page } = pane;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The committed docs/screenshot-pane.png is only rewritten on request (ZPB_E2E_SCREENSHOT=1) or when
    // missing, so that ordinary runs leave the tree clean.
    const write = process.env.ZPB_E2E_SCREENSHOT === "1" || !existsSync(SCREENSHOT);
    if (write) mkdirSync(dirname(SCREENSHOT), { recursive: true });
    const png = await page.screenshot(write ? { path: SCREENSHOT } : {});
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("recomputes in memory and downloads the corrected workbook", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: paneText.fix, exact: true }).click();
    await page.getByText(paneText.applied(3, 1), { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: paneText.revert, exact: true }).isEnabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: paneText.download, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("2023-taopu-003.checked.xlsx");
    const path = await download.path();
    const grid = readWorkbook(new Uint8Array(readFileSync(path))).sheets[0].grid;
    expect(cellAt(grid, 22, 7).value).toBe(0); // H23: a "=0" indicator with 2 faults scores 0
    expect(cellAt(grid, 29, 7).value).toBe(9.38); // H30: 75 ÷ 80 × 10
    expect(cellAt(grid, 30, 7).value).toBe(90.38); // H31: 总分
    const original = readWorkbook(new Uint8Array(readFileSync(FORM))).sheets[0].grid;
    expect(cellAt(original, 22, 7).value).toBe(2);
  });

  it("made no request outside its own origin and logged no errors", async () => {
    // office.js, when the page loads it outside Office, starts its telemetry frame about 2 s after load:
    // give anything deferred the time to show up before concluding that nothing left the machine.
    await pane.page.waitForTimeout(4000);
    expect(pane.external).toEqual([]);
    expect(pane.requests.length).toBeGreaterThan(3);
    // Outside Office the page does not even load office.js (which would contact Microsoft's telemetry).
    expect(pane.requests.filter((u) => u.includes("office-js/"))).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
