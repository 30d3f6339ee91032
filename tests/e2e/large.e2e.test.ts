/**
 * Browser mode on a large generated workbook (30 sheets, 120,000 rows in all): the read runs in the Web
 * Worker, the pane answers clicks and shows progress meanwhile, and 取消 stops it with the pane usable.
 * Where no Worker exists the same bundle reads in the page.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { largeWorkbook } from "./large-book";
import { DIST, E2E, FORM } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SHEETS = 30;

/** In the page: records each progress text, and whether a read was still running when the settings opened. */
const WATCH = `
  window.__zpb = { texts: [], settingsOpenedWhileReading: null };
  new MutationObserver(() => {
    const bar = document.querySelector('[role="progressbar"]');
    const text = bar && bar.getAttribute("aria-label");
    const log = window.__zpb.texts;
    if (text && log[log.length - 1] !== text) log.push(text);
    if (window.__zpb.settingsOpenedWhileReading === null && document.querySelector('[role="switch"]'))
      window.__zpb.settingsOpenedWhileReading = bar !== null;
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface Watch {
  texts: string[];
  settingsOpenedWhileReading: boolean | null;
}

describe.skipIf(!E2E)("a large workbook in browser mode", () => {
  let server: StaticServer;
  let pane: PaneSession;
  let dir: string;
  let large: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zpb-large-"));
    large = join(dir, "大工作簿.xlsx");
    writeFileSync(large, largeWorkbook(SHEETS, 4000));
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads in the worker while the pane answers clicks and shows progress", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: paneText.open, exact: true }).waitFor();
    await page.evaluate(WATCH);
    await page.getByLabel(paneText.fileInput).setInputFiles(large);
    await page.getByText(/已读取 \d+ \/ 30 个工作表/).waitFor();
    // A click while the worker reads: the settings panel opens at once, not after the read.
    await page.getByRole("button", { name: paneText.settings }).click();
    await page.getByRole("switch", { name: new RegExp(paneText.reviewerMode) }).waitFor();
    await page.getByRole("combobox", { name: paneText.chooseSheet }).waitFor();
    const watch = (await page.evaluate("window.__zpb")) as Watch;
    expect(watch.settingsOpenedWhileReading).toBe(true);
    // Progress moved on sheet by sheet (several distinct texts, in increasing order).
    const counts = watch.texts.map((t) => Number(/已读取 (\d+)/.exec(t)?.[1] ?? -1)).filter((n) => n >= 0);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(await page.getByRole("combobox", { name: paneText.chooseSheet }).locator("option").count()).toBe(
      SHEETS
    );
    expect(pane.requests.some((url) => /\/parse-worker(\.[0-9a-f]+)?\.js$/.test(url))).toBe(true);
  });

  it("cancels a read: the previous workbook stays, and the next file opens", async () => {
    const { page } = pane;
    await page.getByLabel(paneText.fileInput).setInputFiles(large);
    await page.getByText(/已读取 \d+ \/ 30 个工作表/).waitFor();
    await page.getByRole("button", { name: paneText.cancelOpen, exact: true }).click();
    await page.getByText(paneText.openCancelled("大工作簿.xlsx")).waitFor();
    expect(await page.getByRole("progressbar").count()).toBe(0);
    expect(await page.getByText("大工作簿.xlsx", { exact: true }).count()).toBe(1); // still the open file
    await page.getByLabel(paneText.fileInput).setInputFiles(FORM);
    await page.getByRole("heading", { name: "财政所-财政管理专项经费" }).waitFor();
    expect(pane.external).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});

describe.skipIf(!E2E)("browser mode without Web Workers", () => {
  let server: StaticServer;
  let pane: PaneSession;

  beforeAll(async () => {
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin, initScripts: ["delete window.Worker;"] });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  it("reads in the page instead, with the same result", async () => {
    const { page } = pane;
    expect(await page.evaluate("typeof Worker")).toBe("undefined");
    await page.getByLabel(paneText.fileInput).setInputFiles(FORM);
    await page.getByRole("heading", { name: "财政所-财政管理专项经费" }).waitFor();
    expect(await page.getByRole("region", { name: "错误（1）" }).isVisible()).toBe(true);
    expect(pane.requests.some((url) => url.includes("parse-worker"))).toBe(false);
    expect(pane.errors).toEqual([]);
  });
});
