/**
 * The built pane inside a fake Excel, in real Chromium: `Office` and `Excel` are injected before load,
 * so the pane boots on the Excel host and its 一键重算 / 撤销 land in the fake's workbook.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { bundleForPage } from "./bundle";
import { DIST, E2E, FORM } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SHEET = "财政所-财政管理专项经费";

/** The fake workbook's values at the given cells of SHEET. */
function cellsInPage(pane: PaneSession, cells: string[]) {
  return pane.page.evaluate(
    ({ sheet, cells }) => {
      type Fake = { cell(sheet: string, a1: string): { value: unknown } };
      const fake = (window as unknown as { __fakeExcel: Fake }).__fakeExcel;
      return cells.map((c) => fake.cell(sheet, c).value);
    },
    { sheet: SHEET, cells }
  );
}

describe.skipIf(!E2E)("task pane in Chromium, on a fake Excel", () => {
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

  it("inside Office loads the bundled office.js from its own origin", () => {
    expect(pane.requests.some((u) => u === `${server.origin}/office-js/office.js`)).toBe(true);
  });

  it("checks the active sheet at once, without writing", async () => {
    const { page } = pane;
    await page.getByRole("heading", { name: SHEET }).waitFor();
    expect(await page.getByRole("button", { name: /^错误：\s*H23/ }).textContent()).toContain(
      "软件系统故障发生数"
    );
    expect(await page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
    expect(await cellsInPage(pane, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("writes the recomputed cells into the workbook and reverts them", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: paneText.fix, exact: true }).click();
    await page.getByText(paneText.applied(3, 1), { exact: true }).waitFor();
    expect(await cellsInPage(pane, ["H23", "H30", "H31"])).toEqual([0, 9.38, 90.38]);
    expect(await page.getByText(paneText.cleanTitle).count()).toBe(1);

    await page.getByRole("button", { name: paneText.revert, exact: true }).click();
    await page.getByText(paneText.reverted(3, 1), { exact: true }).waitFor();
    expect(await cellsInPage(pane, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("shows a protected sheet's HostError in a MessageBar and writes nothing", async () => {
    const { page } = pane;
    await page.evaluate((sheet) => {
      type Fake = { sheet(name: string): { protected: boolean } };
      (window as unknown as { __fakeExcel: Fake }).__fakeExcel.sheet(sheet).protected = true;
    }, SHEET);
    await page.getByRole("button", { name: paneText.fix, exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("工作表受保护");
    expect(await alert.textContent()).toContain(paneText.hostErrorTitle);
    expect(await cellsInPage(pane, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("made no request outside its own origin and logged no errors", () => {
    expect(pane.external).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
