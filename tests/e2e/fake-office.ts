/**
 * Bundled into the page before load (addInitScript) for the Excel run: a fake `Office` whose onReady says
 * Excel, and `Excel.run` from the in-memory fake of the Excel JS API, seeded from `window.__zpbSeed`.
 * The test reads the fake's workbook back through `window.__fakeExcel`.
 */
import type { Grid } from "../../src/core/grid";
import { FakeExcel } from "../fakes/excel/index";

interface PageGlobals {
  __zpbSeed?: Grid[];
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const page = window as unknown as PageGlobals;
const fake = FakeExcel.fromGrids(page.__zpbSeed ?? []);
const info = { host: "Excel", platform: "PC" };
page.__fakeExcel = fake;
page.Excel = { run: fake.run };
page.Office = {
  HostType: { Excel: "Excel" },
  onReady(callback?: (ready: typeof info) => void) {
    callback?.(info);
    return Promise.resolve(info);
  },
};
