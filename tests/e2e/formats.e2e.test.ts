/**
 * Browser mode on an .xls, in real Chromium: the 23-form Shanghai workbook saved by LibreOffice as .xls
 * opens on the same sheet with the same sheet list and the same findings as its .xlsx; the reader's chunk
 * is fetched only then (never on the pane's first load); the pane says how to get the fixed workbook and
 * offers no download that would lose the formatting.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { paneText } from "../../src/i18n/pane";
import { WORKBOOK_2022 } from "../cli/helpers";
import { convertedDir, convertedOf, soffice } from "../formats/convert";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E } from "./paths";
import { serveDir, type StaticServer } from "./server";

/** What the pane shows of an opened workbook: the chosen sheet, the sheet list and the findings. */
async function shown(page: Page, file: string) {
  const sheets = page.getByRole("combobox", { name: paneText.chooseSheet });
  await page.getByLabel(paneText.fileInput).setInputFiles(file);
  const findings = page.getByRole("region", { name: paneText.findings, exact: true });
  await page.getByRole("heading", { name: paneText.findings, exact: true }).waitFor();
  await page.waitForFunction(
    (name) => document.querySelector("main")?.textContent?.includes(name),
    file.replace(/^.*\//, "")
  );
  return {
    sheet: await sheets.inputValue(),
    options: await sheets.locator("option").allTextContents(),
    findings: await findings.innerText(),
  };
}

describe.skipIf(!E2E || (!soffice && !process.env.CI))("an .xls in browser mode", () => {
  let server: StaticServer;
  let pane: PaneSession;
  let dir = "";

  beforeAll(async () => {
    const converted = await convertedDir();
    dir = mkdtempSync(join(tmpdir(), "zpb-e2e-formats-"));
    copyFileSync(WORKBOOK_2022, join(dir, "报送.xlsx"));
    copyFileSync(convertedOf(converted, WORKBOOK_2022, "xls"), join(dir, "报送.xls"));
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin, width: 450, height: 900 });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  it("shows the same sheets and findings as the .xlsx, with the reader loaded only for the .xls", async () => {
    const { page } = pane;
    const sheetjs = () => pane.requests.filter((url) => /\/(sheetjs|legacy-reader)\.[^/]*\.js$/.test(url));
    const xlsx = await shown(page, join(dir, "报送.xlsx"));
    expect(xlsx.options.length).toBe(23);
    expect(sheetjs()).toEqual([]); // neither the first load nor an .xlsx fetches the reader
    const download = page.getByRole("button", { name: paneText.download, exact: true });
    expect(await download.isDisabled()).toBe(false);
    expect(await page.getByTestId("legacy-note").count()).toBe(0);

    const xls = await shown(page, join(dir, "报送.xls"));
    expect(xls).toEqual(xlsx);
    expect(sheetjs().length).toBeGreaterThan(0);

    // How to get the fixed workbook, and no download that would lose the formatting.
    expect(await page.getByTestId("legacy-note").innerText()).toBe(paneText.legacyNote("报送.xls"));
    expect(await download.isDisabled()).toBe(true);
    await page.getByRole("button", { name: paneText.fix, exact: true }).click();
    await page.getByText(paneText.legacyNoFix("报送.xls")).first().waitFor();
    expect(pane.external).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
