/**
 * The pane in browser mode shows the core's verdict and nothing that contradicts it (spec/cli.md
 * "Verdicts"), in real Chromium: a Word document renamed .xlsx is 不是电子表格文件 with nothing to download; a
 * real form that prints no scores is 未评分 in the banner and the workbook table, never 检查通过; a passing
 * real form whose 执行率 cell is emptied shows exactly the status the core gives it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import type { SheetAnalysis } from "../../src/core/types";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { applyPatches } from "../../src/hosts/xlsx/write";
import { STATUS_TEXT } from "../../src/i18n/core";
import { paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E, ROOT } from "./paths";
import { serveDir, type StaticServer } from "./server";

const UNSCORED = join(ROOT, "tests", "fixtures", "forms", "outside", "sichuan-qingshen-gongzi-2023.xlsx");
const PASSING = join(ROOT, "tests", "fixtures", "forms", "single", "2023-taopu-001.xlsx");

/** What the core says of the first sheet holding a form (as the pane's settings analyze it). */
function coreOf(bytes: Uint8Array): SheetAnalysis {
  for (const sheet of readWorkbook(bytes).sheets) {
    const analysis = analyzeSheet(sheet.grid, { profile: "mof2020", prompts: true });
    if (analysis.status !== "no-form") return analysis;
  }
  throw new Error("no form");
}

describe.skipIf(!E2E)("the verdict in the pane, Chromium, browser mode", () => {
  let server: StaticServer;
  let pane: PaneSession;
  const dir = mkdtempSync(join(tmpdir(), "zpb-verdict-"));

  beforeAll(async () => {
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  /** Opens a file, then the whole-workbook table; returns the banner's and the table's statuses. */
  async function open(path: string, sheet: string) {
    const { page } = pane;
    await page.getByLabel(paneText.fileInput).setInputFiles(path);
    await page.locator("[data-status]").first().waitFor();
    const banner = await page.locator("div[data-status]").first().getAttribute("data-status");
    await page.getByRole("button", { name: paneText.checkWorkbook, exact: true }).click();
    const table = page.getByRole("table", { name: paneText.workbookTitle });
    await table.waitFor();
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: new RegExp(`^查看“${sheet}”`) }) });
    const cell = await row.locator("td[data-status]").getAttribute("data-status");
    const text = await row.locator("td[data-status]").textContent();
    const body = (await page.locator("main").textContent()) ?? "";
    return { banner, cell, text, body };
  }

  it("a Word document renamed .xlsx is 不是电子表格文件, and 下载 offers nothing", async () => {
    const { page } = pane;
    const word = join(dir, "自评表.xlsx");
    const doc = new Document({ sections: [{ children: [new Paragraph("财政项目支出绩效自评表")] }] });
    writeFileSync(word, await Packer.toBuffer(doc));
    await page.getByRole("button", { name: paneText.open, exact: true }).waitFor();
    await page.getByLabel(paneText.fileInput).setInputFiles(word);
    const alert = page.getByRole("alert").filter({ hasText: paneText.notSpreadsheetTitle });
    await alert.waitFor();
    expect(await alert.textContent()).toContain("自评表.xlsx");
    expect(await alert.textContent()).toContain("Word");
    expect(
      await page.getByRole("button", { name: paneText.download, exact: true }).getAttribute("aria-disabled")
    ).toBe("true");
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).not.toContain("都没有错误或警告");
    expect(body).not.toContain(paneText.cleanTitle);
  });

  it("a real form that prints no scores is 未评分 in the banner and the table, never 检查通过", async () => {
    const core = coreOf(new Uint8Array(readFileSync(UNSCORED)));
    expect(core.status).toBe("unscored");
    const shown = await open(UNSCORED, core.name);
    expect(shown.banner).toBe(core.status);
    expect(shown.cell).toBe(core.status);
    expect(shown.text).toBe(STATUS_TEXT.unscored);
    expect(shown.body).toContain(paneText.unscoredTitle);
    expect(shown.body).toContain("已检查：");
    expect(shown.body).not.toContain(paneText.cleanTitle);
    expect(shown.body).not.toContain(paneText.weightsBad(0));
  });

  it("a passing real form with an empty 执行率 shows the core's status; a form fix writes into is never 通过", async () => {
    const source = new Uint8Array(readFileSync(PASSING));
    const sheet = readWorkbook(source).sheets[0].name;
    const emptied = await applyPatches(source, [
      { sheet, row: 5, col: 7, cell: "H6", old: 100, value: "", what: "rate" },
    ]);
    const path = join(dir, "2023-taopu-001-执行率为空.xlsx");
    writeFileSync(path, emptied);
    const core = coreOf(emptied);
    const shown = await open(path, core.name);
    expect(shown.banner).toBe(core.status);
    expect(shown.cell).toBe(core.status);
    expect(shown.text).toBe(STATUS_TEXT[core.status]);
    // Check and fix agree once the core finds the empty cell (VALUE_EMPTY): then a form 一键重算 would write
    // into is 需修改, and the pane, showing the core's status, never calls it 通过.
    const writes = core.forms.some((f) => f.patches.some((p) => p.what !== "reason"));
    const found = core.forms.some((f) => f.report.findings.some((x) => x.cell === "H6"));
    if (writes && found) {
      expect(shown.banner).not.toBe("pass");
      expect(shown.body).not.toContain(paneText.cleanTitle);
    }
  });
});
