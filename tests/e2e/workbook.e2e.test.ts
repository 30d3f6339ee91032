/** The whole-workbook run of the built pane on a real 70-form workbook, in browser mode, at 320 px. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E, WORKBOOK } from "./paths";
import { serveDir, type StaticServer } from "./server";

describe.skipIf(!E2E)("检查整个工作簿 in Chromium", () => {
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

  it("lists all 70 forms and opens one from its row", async () => {
    const { page } = pane;
    await page.getByLabel(paneText.fileInput).setInputFiles(WORKBOOK);
    await page.getByLabel(paneText.summary).waitFor();
    await page.getByRole("button", { name: paneText.checkWorkbook, exact: true }).click();
    const table = page.getByRole("table", { name: paneText.workbookTitle });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(71);
    expect(await page.getByText(paneText.workbookSummary(70, 70)).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    const sheets = page.getByRole("combobox", { name: paneText.chooseSheet });
    const tenth = (await sheets.locator("option").nth(9).textContent()) ?? "";
    await table.getByRole("button", { name: paneText.openSheetFindings(tenth), exact: true }).click();
    await page.waitForFunction(
      (name) => (document.querySelector("select") as HTMLSelectElement | null)?.value === name,
      tenth
    );
    expect(await sheets.inputValue()).toBe(tenth);
  });
});
