/**
 * Bundled into the page before load (addInitScript) for the Excel run: a fake `Office` whose onReady says
 * Excel, and `Excel.run` from the in-memory fake of the Excel JS API, seeded from `window.__zpbSeed`.
 * The test reads the fake's workbook back through `window.__fakeExcel`.
 */
import type { Grid } from "../../src/core/grid";
import { FakeExcel } from "../fakes/excel/index";
import { fakeOffice } from "../fakes/excel/office";

interface PageGlobals {
  __zpbSeed?: Grid[];
  __fakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

const page = window as unknown as PageGlobals;
const fake = FakeExcel.fromGrids(page.__zpbSeed ?? []);
page.__fakeExcel = fake;
// Office and Excel as office.js gives them inside Excel: onReady answers at once, the requirement sets
// are the fake's (ExcelApi 1.17 unless the test lowers it).
const office = fakeOffice(fake);
page.Excel = office.Excel;
page.Office = office.Office;
