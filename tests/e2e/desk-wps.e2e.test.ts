/**
 * The reviewer's desk inside a (fake) WPS, in real Chromium: the pane opened as WPS opens it (`Application`
 * injected before load, no office.js), then the desk — several real workbooks chosen at once, one of them an
 * .xls — checked in the desk's worker; the table's statuses are those of `zpb check --json` over the same
 * files, the 汇总 downloads, nothing leaves the origin, and closing the desk gives back the WPS pane's
 * single-sheet view. Run twice: on a fake whose objects answer `in`, and on one whose objects do not (as
 * COM-bridged objects in some WPS builds).
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { FINDING_CODES } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { deskText, paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { bundleForPage } from "./bundle";
import { DIST, E2E, FORM, ROOT } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SHEET = "财政所-财政管理专项经费";
const SINGLE = join(ROOT, "tests", "fixtures", "forms", "single");
const XLSX_FILES = readdirSync(SINGLE)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
/** The form of FORM as an .xls (BIFF8), written by the library, as a unit may still send it. */
const XLS_FILE = "报送-旧格式.xls";
const FILES = [...XLSX_FILES, XLS_FILE];

interface CliForm {
  status: string;
}
interface CliFile {
  path: string;
  status: string;
  sheets: { name: string; forms: CliForm[] }[];
}

/** `zpb check <files> --json` run in `cwd`: one "file|sheet|status" per form, or "file||status" per formless file. */
async function cliStatuses(cwd: string, files: string[]): Promise<string[]> {
  let text = "";
  const here = process.cwd();
  process.chdir(cwd);
  try {
    await runCli(["check", ...files, "--json"], { out: (t) => void (text += t), err: () => undefined });
  } finally {
    process.chdir(here);
  }
  const doc = JSON.parse(text) as { version: number; files: CliFile[] };
  expect(doc.version).toBe(2);
  return doc.files
    .flatMap((f) => {
      const forms = (f.sheets ?? []).flatMap((s) =>
        s.forms.map((form) => `${f.path}|${s.name}|${form.status}`)
      );
      return forms.length > 0 ? forms : [`${f.path}||${f.status}`];
    })
    .sort();
}

describe.skipIf(!E2E).each([
  { readings: "sees-members", label: "whose objects answer `in`" },
  { readings: "blind", label: "whose objects do not answer `in`" },
])("the reviewer's desk inside a fake WPS $label, Chromium", ({ readings }) => {
  let server: StaticServer;
  let pane: PaneSession;
  const dir = mkdtempSync(join(tmpdir(), "zpb-desk-wps-"));

  beforeAll(async () => {
    for (const f of XLSX_FILES) copyFileSync(join(SINGLE, f), join(dir, f));
    const book = XLSX.read(readFileSync(FORM), { cellFormula: true, cellNF: true });
    writeFileSync(join(dir, XLS_FILE), XLSX.write(book, { bookType: "xls", type: "buffer" }) as Buffer);
    server = await serveDir(DIST);
    const grids = readWorkbook(new Uint8Array(readFileSync(FORM))).sheets.map((s) => s.grid);
    const fake = await bundleForPage(join(import.meta.dirname, "fake-wps.ts"));
    pane = await openPane({
      origin: server.origin,
      initScripts: [
        `window.__zpbSeed = ${JSON.stringify(grids)}; window.__zpbReadings = { inOperator: ${JSON.stringify(readings)} };`,
        fake,
      ],
    });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("checks several workbooks (one an .xls) as zpb check --json does, offers the 汇总, and gives the pane back", async () => {
    const { page } = pane;
    // The pane is on the WPS host: it checked the active sheet and has no 打开文件.
    await page.getByRole("heading", { name: SHEET }).waitFor();
    expect(await page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
    const inSees = await page.evaluate(
      () => "ActiveWorkbook" in (window as { Application?: object }).Application!
    );
    expect(inSees).toBe(readings !== "blind");

    await page.getByRole("button", { name: deskText.open, exact: true }).click();
    await page.getByLabel(deskText.filesInput).setInputFiles(FILES.map((f) => join(dir, f)));
    await page.getByTestId("desk-counts").waitFor();
    const items = page.getByRole("list", { name: deskText.filesList }).getByRole("listitem");
    expect(await items.evaluateAll((li) => li.map((l) => l.getAttribute("data-state")))).toEqual(
      FILES.map(() => "done")
    );

    // Every row of the table, as "file|sheet|status", against the CLI's verdicts for the same files.
    const rows = await page
      .getByRole("table", { name: deskText.table })
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          status: tr.getAttribute("data-status") ?? "",
          title: tr.querySelector("button")?.getAttribute("title") ?? "",
        }))
      );
    const shown = rows
      .map(({ status, title }) => {
        const file = FILES.find((f) => title.includes(`（${f} › `) || title.endsWith(`（${f}）`));
        expect(file, title).toBeDefined();
        const sheet = title.endsWith(`（${file}）`)
          ? ""
          : title.slice(title.indexOf(`（${file} › `) + file!.length + 4, -1);
        return `${file}|${sheet}|${status}`;
      })
      .sort();
    const expected = await cliStatuses(dir, FILES);
    expect(shown).toEqual(expected);
    expect(shown.filter((r) => r.startsWith(`${XLS_FILE}|`)).length).toBeGreaterThan(0);
    expect(new Set(shown.map((r) => r.split("|")[2])).size).toBeGreaterThan(1);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page
        .getByRole("group", { name: deskText.downloads })
        .getByRole("button", { name: deskText.summary })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(deskText.summary);
    const bytes = readFileSync(await download.path());
    expect(XLSX.read(bytes, { type: "buffer" }).SheetNames).toContain("汇总");

    // The WPS pane loads no office.js, and the desk sends nothing anywhere.
    expect(pane.external).toEqual([]);
    expect(pane.requests.some((u) => /office\.js/.test(u))).toBe(false);
    // Statuses, names and messages are shown in Chinese, never as a finding code.
    const text = await page.evaluate(() => document.body.innerText);
    expect(FINDING_CODES.filter((code) => text.includes(code))).toEqual([]);

    // Back to the single workbook: the WPS pane as it was, on the active sheet.
    await page.getByRole("button", { name: deskText.close, exact: true }).click();
    await page.getByRole("heading", { name: SHEET }).waitFor();
    await page.getByRole("button", { name: paneText.check, exact: true }).waitFor();
    expect(await page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
    expect(pane.errors).toEqual([]);
  });
});
