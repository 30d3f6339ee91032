/**
 * The built add-in in real Chromium on a fake WPS (`Application` injected before load): the pane picks the
 * WPS host, checks a real form, applies the fix and reverts it; the entry page's ribbon callbacks, called
 * as WPS calls them, open the pane and run 一键重算 without it.
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
const CELLS = ["H23", "H30", "H31"];

function cellsInPage(pane: PaneSession) {
  return pane.page.evaluate(
    ({ sheet, cells }) => {
      type Fake = { value(sheet: string, a1: string): unknown };
      const fake = (window as unknown as { __fakeWps: Fake }).__fakeWps;
      return cells.map((c) => fake.value(sheet, c));
    },
    { sheet: SHEET, cells: CELLS }
  );
}

describe.skipIf(!E2E)("the WPS add-in in Chromium, on a fake WPS", () => {
  let server: StaticServer;
  let scripts: string[];

  beforeAll(async () => {
    server = await serveDir(DIST);
    const grids = readWorkbook(new Uint8Array(readFileSync(FORM))).sheets.map((s) => s.grid);
    const fake = await bundleForPage(join(import.meta.dirname, "fake-wps.ts"));
    scripts = [`window.__zpbSeed = ${JSON.stringify(grids)};`, fake];
  });

  afterAll(async () => {
    await server?.close();
  });

  describe("the task pane", () => {
    let pane: PaneSession;
    beforeAll(async () => {
      pane = await openPane({ origin: server.origin, initScripts: scripts });
    });
    afterAll(async () => pane?.close());

    it("picks the WPS host, loads no office.js, and checks the active sheet at once", async () => {
      const { page } = pane;
      await page.getByRole("heading", { name: SHEET }).waitFor();
      expect(await page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
      expect(pane.requests.some((u) => u.includes("office.js"))).toBe(false);
      expect(await cellsInPage(pane)).toEqual([2, 8, 91]);
    });

    it("writes the fix into the workbook and reverts it", async () => {
      const { page } = pane;
      await page.getByRole("button", { name: paneText.fix, exact: true }).click();
      await page.getByText(paneText.applied(3, 1)).waitFor();
      expect(await cellsInPage(pane)).toEqual([0, 9.38, 90.38]);
      await page.getByRole("button", { name: paneText.revert, exact: true }).click();
      await page.getByText(paneText.reverted(3, 1)).waitFor();
      expect(await cellsInPage(pane)).toEqual([2, 8, 91]);
      expect(pane.errors).toEqual([]);
      expect(pane.external).toEqual([]);
    });
  });

  describe("the entry page", () => {
    let entry: PaneSession;
    beforeAll(async () => {
      entry = await openPane({ origin: server.origin, initScripts: scripts, path: "wps/index.html" });
      await entry.page.waitForFunction(() => "ribbon" in window);
    });
    afterAll(async () => entry?.close());

    it("opens the same taskpane.html by its absolute URL, docked right and visible, and reuses it", async () => {
      const panes = await entry.page.evaluate(() => {
        type Ribbon = { OnAddinLoad(ui: unknown): boolean; OnAction(c: { Id: string }): boolean };
        const w = window as unknown as { ribbon: Ribbon; __fakeWps: { panes: unknown[] } };
        const results = [w.ribbon.OnAddinLoad({}), w.ribbon.OnAction({ Id: "zpbPane" })];
        w.ribbon.OnAction({ Id: "zpbPane" });
        return { results, panes: w.__fakeWps.panes };
      });
      expect(panes.results).toEqual([true, true]);
      expect(panes.panes).toEqual([
        expect.objectContaining({ url: `${server.origin}/taskpane.html`, Visible: true, DockPosition: 2 }),
      ]);
    });

    it("一键重算 writes the fix without the pane and reports it in a dialog, not an alert", async () => {
      const { page } = entry;
      let alerted = false;
      page.on("dialog", (d) => {
        alerted = true;
        void d.dismiss();
      });
      const outcome = await page.evaluate(async () => {
        type Ribbon = { OnAction(c: { Id: string }): boolean; state(): { last: Promise<unknown> | null } };
        const w = window as unknown as { ribbon: Ribbon };
        const sync = w.ribbon.OnAction({ Id: "zpbRecalc" });
        return { sync, outcome: await w.ribbon.state().last };
      });
      expect(outcome).toEqual({
        sync: true,
        outcome: expect.objectContaining({ kind: "fixed", written: 3 }),
      });
      expect(await cellsInPage(entry)).toEqual([0, 9.38, 90.38]);
      const dialogs = await page.evaluate(
        () => (window as unknown as { __fakeWps: { dialogs: { url: string }[] } }).__fakeWps.dialogs
      );
      expect(dialogs).toHaveLength(1);
      expect(dialogs[0].url.startsWith(`${server.origin}/wps/notice.html?tone=`)).toBe(true);
      expect(alerted).toBe(false);
      // The dialog page shows the notice.
      await page.goto(dialogs[0].url);
      expect(await page.locator("#message").textContent()).toContain(SHEET);
    });
  });
});
