/**
 * The reviewer's desk inside a (fake) Excel, in real Chromium: the same desk as in browser mode — several
 * real workbooks chosen at once, checked in the desk's worker, the table of their forms and the 汇总 download —
 * while the pane itself runs on the Excel host.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { deskText, paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { bundleForPage } from "./bundle";
import { DIST, E2E, FORM, ROOT } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SINGLE = join(ROOT, "tests", "fixtures", "forms", "single");
const FILES = readdirSync(SINGLE)
  .filter((f) => f.endsWith(".xlsx"))
  .sort()
  .slice(0, 4)
  .map((f) => join(SINGLE, f));

describe.skipIf(!E2E)("the reviewer's desk inside a fake Excel, Chromium", () => {
  let server: StaticServer;
  let pane: PaneSession;

  beforeAll(async () => {
    server = await serveDir(DIST);
    const grids = readWorkbook(new Uint8Array(readFileSync(FORM))).sheets.map((s) => s.grid);
    const fake = await bundleForPage(join(import.meta.dirname, "fake-office.ts"));
    pane = await openPane({
      origin: server.origin,
      stubOfficeJs: true,
      query: "?office=1&_host_Info=Excel$Win32$16.01$zh-CN$$$$0",
      initScripts: [`window.__zpbSeed = ${JSON.stringify(grids)};`, fake],
    });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  it("checks several workbooks chosen at once and offers the 汇总, with no request leaving the origin", async () => {
    const { page } = pane;
    // The pane is on the Excel host: it checked the active sheet and has no 打开文件.
    await page.getByRole("button", { name: /^错误：\s*H23/ }).waitFor();
    expect(await page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: deskText.open, exact: true }).click();
    await page.getByLabel(deskText.filesInput).setInputFiles(FILES);
    await page.getByTestId("desk-counts").waitFor();
    expect(await page.getByRole("table", { name: deskText.table }).locator("tbody tr").count()).toBe(
      FILES.length
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("group", { name: deskText.downloads })
        .getByRole("button", { name: deskText.summary })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(deskText.summary);
    // Only office.js on Microsoft's CDN (docs/excel.md), which the test's browser blocks: the desk itself
    // sends nothing anywhere.
    expect(pane.external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    // Back to the single workbook: the Excel pane as it was.
    await page.getByRole("button", { name: deskText.close, exact: true }).click();
    await page.getByRole("button", { name: paneText.check, exact: true }).waitFor();
  });
});
