/**
 * The built pane inside a fake Excel, in real Chromium: `Office` and `Excel` are injected before load,
 * so the pane boots on the Excel host and its 一键重算 / 撤销 land in the fake's workbook.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { sheetPatches } from "../../src/taskpane/analysis";
import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import { openPane, type PaneSession } from "./browser";
import { bundleForPage } from "./bundle";
import { DIST, E2E, FORM, SAMPLE } from "./paths";
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

  it("inside Office asks Microsoft's CDN for office.js first, then loads the bundled copy (no Internet here)", () => {
    const cdn = pane.requests.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const local = pane.requests.indexOf(`${server.origin}/office-js/office.js`);
    expect(cdn).toBeGreaterThanOrEqual(0);
    expect(local).toBeGreaterThan(cdn);
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

  it("made no request outside its own origin but for office.js on Microsoft's CDN, and logged no other error", () => {
    expect(pane.external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    // The CDN request the test's browser blocks is the one error the console shows.
    expect(pane.errors.filter((e) => !e.includes("ERR_BLOCKED_BY_CLIENT"))).toEqual([]);
    expect(pane.errors.length).toBeLessThanOrEqual(1);
  });
});

describe.skipIf(!E2E)(
  "全部一键重算 and 撤销 in Chromium, on a fake Excel holding the six-sheet sample",
  () => {
    let server: StaticServer;
    let pane: PaneSession;
    const book = readWorkbook(new Uint8Array(readFileSync(SAMPLE)));
    const planned = book.sheets.flatMap((s) => sheetPatches(analyzeSheet(s.grid, DEFAULT_SETTINGS)));
    const sheets = new Set(planned.map((p) => p.sheet)).size;

    /** The fake's values at every planned cell, and its sync count. */
    const inPage = () =>
      pane.page.evaluate((cells) => {
        type Fake = { cell(sheet: string, a1: string): { value: unknown }; syncCount: number };
        const fake = (window as unknown as { __fakeExcel: Fake }).__fakeExcel;
        return { values: cells.map((c) => fake.cell(c.sheet, c.cell).value), syncs: fake.syncCount };
      }, planned);

    beforeAll(async () => {
      server = await serveDir(DIST);
      const fake = await bundleForPage(join(import.meta.dirname, "fake-office.ts"));
      pane = await openPane({
        origin: server.origin,
        width: 320,
        stubOfficeJs: true,
        query: "?office=1&_host_Info=Excel$Win32$16.01$zh-CN$$$$0",
        initScripts: [`window.__zpbSeed = ${JSON.stringify(book.sheets.map((s) => s.grid))};`, fake],
      });
    });

    afterAll(async () => {
      await pane?.close();
      await server?.close();
    });

    it("writes every sheet in one snapshot and one 撤销 restores every sheet, counting round trips", async () => {
      const { page } = pane;
      // The active sheet is clean: the pane read the workbook once and opened the first sheet with errors.
      await page.getByRole("heading", { name: "财政所-财政管理专项经费" }).waitFor();
      const before = await inPage();
      expect(before.values).toEqual(planned.map((p) => p.old ?? ""));

      await page.getByRole("button", { name: paneText.fixAll, exact: true }).click();
      const confirm = page.getByRole("alertdialog");
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain(paneText.confirmAll({ cells: planned.length, sheets }));
      const read = await inPage();
      expect(read.syncs - before.syncs).toBe(3);
      await confirm.getByRole("button", { name: paneText.confirmWrite, exact: true }).click();
      await page.getByRole("heading", { name: paneText.writtenTitle(planned.length), exact: true }).waitFor();
      const written = await inPage();
      expect(written.values).toEqual(planned.map((p) => p.value));
      expect(written.syncs - read.syncs).toBe(5); // 1 write, 3 to check again, 1 to select

      await page.getByRole("button", { name: paneText.revert, exact: true }).click();
      await page.getByText(paneText.reverted(planned.length, sheets), { exact: true }).waitFor();
      const reverted = await inPage();
      expect(reverted.values).toEqual(before.values);
      expect(reverted.syncs - written.syncs).toBe(6); // 2 to revert, 3 to check again, 1 for the active sheet
      expect(pane.errors.filter((e) => !e.includes("ERR_BLOCKED_BY_CLIENT"))).toEqual([]); // the CDN, blocked here
    });
  }
);
