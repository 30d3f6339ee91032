/**
 * The built pane on whole workbooks in browser mode, in real Chromium at 320 px and 450 px: the 70-form
 * workbook and the six-sheet sample open on their first sheet with errors, the workbook table stays one line
 * per sheet, and 全部一键重算 then 下载 gives a workbook that checks exactly like `zpb fix` of the same file.
 * At 320 px the screenshots in docs/ are taken (rewritten on ZPB_E2E_SCREENSHOT=1 or when missing).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { fixFile } from "../../src/cli/fix";
import { analyzeSheet, FINDING_CODES, resolveProfile } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { firstToOpen, analyzeAll, sheetPatches } from "../../src/taskpane/analysis";
import { DEFAULT_SETTINGS } from "../../src/taskpane/settings";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E, ROOT, SAMPLE, WORKBOOK } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SHOTS = {
  table: join(ROOT, "docs", "screenshot-workbook-320.png"),
  written: join(ROOT, "docs", "screenshot-written-320.png"),
  open: join(ROOT, "docs", "screenshot-open-320.png"),
};

async function shoot(target: Page | Locator, path: string): Promise<void> {
  const write = process.env.ZPB_E2E_SCREENSHOT === "1" || !existsSync(path);
  if (write) mkdirSync(dirname(path), { recursive: true });
  const png = await target.screenshot(write ? { path } : {});
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
}

/** What the engine says of every sheet of a workbook: what `zpb check` compares. */
function checked(bytes: Uint8Array) {
  return readWorkbook(bytes).sheets.map((s) => analyzeSheet(s.grid, DEFAULT_SETTINGS));
}

/** What the pane should do with a file, from the engine in Node. */
function expected(path: string) {
  const book = readWorkbook(new Uint8Array(readFileSync(path)));
  const rows = analyzeAll(
    book.sheets.map((s) => s.grid),
    DEFAULT_SETTINGS
  );
  const patches = rows.flatMap((r) => sheetPatches(r.analysis));
  return {
    first: firstToOpen(rows)?.grid.name ?? "",
    sheets: rows.length,
    problems: rows.filter((r) => r.counts.error + r.counts.warning > 0).length,
    cells: patches.length,
    sheetsWritten: new Set(patches.map((p) => p.sheet)).size,
  };
}

/** 全部一键重算, 写入, 下载: the downloaded bytes. */
async function fixAllAndDownload(page: Page, want: ReturnType<typeof expected>, shot?: string) {
  await page.getByRole("button", { name: paneText.fixAll, exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain(
    paneText.confirmAll({ cells: want.cells, sheets: want.sheetsWritten })
  );
  await confirm.getByRole("button", { name: paneText.confirmWrite, exact: true }).click();
  const written = page.getByRole("heading", { name: paneText.writtenTitle(want.cells), exact: true });
  await written.waitFor();
  expect(await written.evaluate((el) => el === document.activeElement)).toBe(true);
  if (shot) await shoot(page.getByRole("region", { name: paneText.writtenTitle(want.cells) }), shot);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: paneText.download, exact: true }).click(),
  ]);
  return new Uint8Array(readFileSync(await download.path()));
}

/** `zpb fix` of the same file, as bytes. */
/** The finding codes that appear in the text the pane shows. */
async function codesShown(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return FINDING_CODES.filter((code) => text.includes(code));
}

async function zpbFix(input: string): Promise<Uint8Array> {
  const output = join(mkdtempSync(join(tmpdir(), "zpb-e2e-")), "fixed.xlsx");
  await fixFile(input, { profile: resolveProfile("mof2020"), output });
  return new Uint8Array(readFileSync(output));
}

describe.skipIf(!E2E).each([320, 450])("whole workbooks in Chromium at %i px", (width) => {
  let server: StaticServer;
  let pane: PaneSession;

  beforeAll(async () => {
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin, width, height: 900 });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  it("opens the 70-form workbook where the problems are; the table stays one line per sheet", async () => {
    const { page } = pane;
    const want = expected(WORKBOOK);
    await page.getByLabel(paneText.fileInput).setInputFiles(WORKBOOK);
    const sheets = page.getByRole("combobox", { name: paneText.chooseSheet });
    await page.getByRole("heading", { name: paneText.findings, exact: true }).waitFor();
    expect(await sheets.inputValue()).toBe(want.first);

    await page.getByRole("button", { name: paneText.checkWorkbook, exact: true }).click();
    const table = page.getByRole("table", { name: paneText.workbookTitle });
    await table.waitFor();
    expect(await table.getByRole("row").count()).toBe(want.sheets + 1);
    // One line per sheet: no row taller than two lines of text, and nothing wider than the pane.
    const heights = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(40);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // Errors first.
    const firstRow = table.locator("tbody tr").first().getByRole("button");
    expect(await firstRow.textContent()).toBe(want.first);

    await page.getByRole("switch", { name: paneText.onlyProblems }).click();
    expect(await table.getByRole("row").count()).toBe(want.problems + 1);
    if (width === 320) await shoot(page.getByRole("region", { name: paneText.workbookTitle }), SHOTS.table);

    // Opening a row brings its findings into view, with focus on them.
    const second = table.locator("tbody tr").nth(1).getByRole("button");
    const name = (await second.textContent()) ?? "";
    await second.click();
    await page.waitForFunction(
      (n) => (document.querySelector("select") as HTMLSelectElement | null)?.value === n,
      name
    );
    const heading = page.getByRole("heading", { name: paneText.findings, exact: true });
    await page.waitForFunction(() => document.activeElement?.textContent === "检查结果");
    const box = await heading.boundingBox();
    // Scrolled to the top of the view, up to a sub-pixel offset of the line box (CJK fonts' metrics).
    expect(box && box.y > -1 && box.y < 900).toBe(true);
    // People read Chinese names, never a finding code (codes are for --json only).
    expect(await codesShown(page)).toEqual([]);
  });

  it("全部一键重算 then 下载 checks exactly like zpb fix (70 forms)", async () => {
    const want = expected(WORKBOOK);
    const bytes = await fixAllAndDownload(pane.page, want);
    expect(checked(bytes)).toEqual(checked(await zpbFix(WORKBOOK)));
    // The written list names what was held back (formulas, totals kept) in words, never by its code.
    expect(await codesShown(pane.page)).toEqual([]);
  });

  it("opens the six-sheet sample on its first sheet with errors, counts in the sheet list", async () => {
    const { page } = pane;
    const want = expected(SAMPLE);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByLabel(paneText.fileInput).setInputFiles(SAMPLE);
    const sheets = page.getByRole("combobox", { name: paneText.chooseSheet });
    await page.waitForFunction(
      (n) => (document.querySelector("select") as HTMLSelectElement | null)?.value === n,
      want.first
    );
    const options = await sheets.locator("option").allTextContents();
    expect(options).toHaveLength(want.sheets);
    expect(options.filter((o) => o.includes("错误")).length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (width === 320) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, SHOTS.open);
    }
  });

  it("全部一键重算 then 下载 checks exactly like zpb fix (sample)", async () => {
    const bytes = await fixAllAndDownload(
      pane.page,
      expected(SAMPLE),
      width === 320 ? SHOTS.written : undefined
    );
    expect(checked(bytes)).toEqual(checked(await zpbFix(SAMPLE)));
    expect(pane.external).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});
