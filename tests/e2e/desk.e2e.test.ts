/**
 * The reviewer's desk in the built pane, browser mode, real Chromium: several real workbooks chosen at once,
 * then a folder of them; progress per file; the table of every form with its status and a filter; a form's
 * findings; the downloads 汇总.xlsx, 报告.html and 审核意见.zip — and the downloaded 汇总 equals
 * `zpb check --summary` over the same files in every cell of every sheet (the provenance line of time and
 * version aside).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { FINDING_CODES } from "../../src/core/index";
import { deskText, paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E, ROOT } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SCREENSHOT = join(ROOT, "docs", "screenshot-desk-320.png");
const SINGLE = join(ROOT, "tests", "fixtures", "forms", "single");
const FILES = readdirSync(SINGLE)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

/** Every sheet's cell values, row by row; each sheet's second row (when, profile, version) left out. */
function cellsOf(bytes: Uint8Array): Record<string, unknown[][]> {
  const book = XLSX.read(bytes, { type: "array" });
  const out: Record<string, unknown[][]> = {};
  for (const name of book.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], {
      header: 1,
      defval: null,
      raw: true,
    });
    out[name] = rows.filter((_, i) => i !== 1);
  }
  return out;
}

/** `zpb check <inputs> --summary <out>` run in `cwd`, so that its paths are those the pane prints. */
async function cliSummary(cwd: string, inputs: string[]): Promise<Uint8Array> {
  const out = join(tmpdir(), `zpb-desk-cli-${process.pid}-${Date.now()}.xlsx`);
  const here = process.cwd();
  process.chdir(cwd);
  try {
    await runCli(["check", ...inputs, "--summary", out], { out: () => undefined, err: () => undefined });
  } finally {
    process.chdir(here);
  }
  return new Uint8Array(readFileSync(out));
}

describe.skipIf(!E2E)("the reviewer's desk in Chromium, browser mode", () => {
  let server: StaticServer;
  let pane: PaneSession;
  const dir = mkdtempSync(join(tmpdir(), "zpb-desk-"));
  const folder = join(dir, "收到的表");

  beforeAll(async () => {
    mkdirSync(folder);
    for (const f of FILES) {
      copyFileSync(join(SINGLE, f), join(dir, f));
      copyFileSync(join(SINGLE, f), join(folder, f));
    }
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  async function download(name: string): Promise<Uint8Array> {
    const { page } = pane;
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("group", { name: deskText.downloads }).getByRole("button", { name }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(name);
    return new Uint8Array(readFileSync(await file.path()));
  }

  it("checks several workbooks chosen at once: progress per file, the table, a filter and a form's findings", async () => {
    const { page } = pane;
    await page.getByRole("button", { name: deskText.open, exact: true }).click();
    await page.getByLabel(deskText.filesInput).setInputFiles(FILES.map((f) => join(dir, f)));
    await page.getByTestId("desk-counts").waitFor();
    const items = page.getByRole("list", { name: deskText.filesList }).getByRole("listitem");
    expect(await items.count()).toBe(FILES.length);
    expect(await items.evaluateAll((li) => li.map((l) => l.getAttribute("data-state")))).toEqual(
      FILES.map(() => "done")
    );
    const table = page.getByRole("table", { name: deskText.table });
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(FILES.length);
    // The filter keeps the rows of one status.
    await page.getByLabel(deskText.filter).selectOption("fix");
    const statuses = await rows.evaluateAll((tr) => tr.map((r) => r.getAttribute("data-status")));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["fix"]));
    await rows.first().getByRole("button").click();
    const details = page.getByRole("region", { name: deskText.details });
    await details.waitFor();
    expect(await details.getByRole("region", { name: /^错误（\d+）$/ }).count()).toBe(1);
    // A form's findings are shown by their Chinese names and messages, never by a finding code.
    const shown = await page.evaluate(() => document.body.innerText);
    expect(FINDING_CODES.filter((code) => shown.includes(code))).toEqual([]);
    await page.getByLabel(deskText.filter).selectOption("all");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // docs/screenshot-desk-320.png is rewritten only on request (ZPB_E2E_SCREENSHOT=1) or when missing.
    const write = process.env.ZPB_E2E_SCREENSHOT === "1" || !existsSync(SCREENSHOT);
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = await page.screenshot(write ? { path: SCREENSHOT } : {});
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("downloads 汇总.xlsx equal to zpb check --summary, 报告.html and the letters", async () => {
    const summary = await download(deskText.summary);
    writeFileSync(join(dir, "上次汇总.xlsx"), summary);
    expect(cellsOf(summary)).toEqual(cellsOf(await cliSummary(dir, FILES)));
    const report = new TextDecoder().decode(await download(deskText.report));
    expect(report).toContain("<html");
    for (const f of FILES) expect(report).toContain(f);
    const zip = await download(deskText.letters);
    expect([zip[0], zip[1]]).toEqual([0x50, 0x4b]);
    const names = new TextDecoder("latin1").decode(zip);
    expect(names).toMatch(/\.docx/);
  });

  it("a folder chosen at once gives the same 汇总 as zpb check over that folder", async () => {
    const { page } = pane;
    await page.getByLabel(deskText.folderInput).setInputFiles(folder);
    await page.getByTestId("desk-counts").waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('li[data-state="done"]').length === n,
      FILES.length
    );
    const summary = await download(deskText.summary);
    expect(cellsOf(summary)).toEqual(cellsOf(await cliSummary(dir, ["收到的表"])));
    const first = await page
      .getByRole("table", { name: deskText.table })
      .locator("tbody tr")
      .first()
      .getByRole("button")
      .getAttribute("title");
    expect(first).toContain("收到的表/");
    expect(paneText.status.pass).toBe("通过");
  });

  it("with the earlier 汇总 chosen, marks every form against it (the second round, as --since)", async () => {
    const { page } = pane;
    await page.getByLabel(deskText.earlierInput).setInputFiles(join(dir, "上次汇总.xlsx"));
    await page.getByRole("button", { name: deskText.earlierChosen("上次汇总.xlsx") }).waitFor();
    await page.getByLabel(deskText.filesInput).setInputFiles(FILES.map((f) => join(dir, f)));
    const table = page.getByRole("table", { name: deskText.table });
    await table.getByRole("columnheader", { name: deskText.change }).waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute("data-status"), tr.lastElementChild?.textContent])
      );
    expect(rows).toHaveLength(FILES.length);
    // The same files as the earlier check: a form to fix both times is 仍需修改, every other one 无变化.
    for (const [status, change] of rows) expect(change).toBe(status === "fix" ? "仍需修改" : "无变化");
    expect(rows.some(([status]) => status === "fix")).toBe(true);
  });

  it("survives a bad file: a Word document renamed .xlsx is its own row, 不是电子表格文件, the rest checked", async () => {
    const { page } = pane;
    const doc = new Document({ sections: [{ children: [new Paragraph("自评表")] }] });
    writeFileSync(join(dir, "0-改名的文档.xlsx"), await Packer.toBuffer(doc));
    await page.getByRole("button", { name: deskText.earlierClear }).click();
    await page
      .getByLabel(deskText.filesInput)
      .setInputFiles([join(dir, "0-改名的文档.xlsx"), ...FILES.map((f) => join(dir, f))]);
    await page.getByTestId("desk-counts").waitFor();
    const states = await page
      .getByRole("list", { name: deskText.filesList })
      .getByRole("listitem")
      .evaluateAll((li) => li.map((l) => l.getAttribute("data-state")));
    expect(states).toEqual(["failed", ...FILES.map(() => "done")]);
    const rows = page.getByRole("table", { name: deskText.table }).locator("tbody tr");
    expect(await rows.count()).toBe(FILES.length + 1);
    const bad = rows.filter({ hasText: "0-改名的文档.xlsx" });
    expect(await bad.getAttribute("data-status")).toBe("not-spreadsheet");
    expect(await bad.textContent()).toContain(paneText.status["not-spreadsheet"]);
  });
});
