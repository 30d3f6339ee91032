/**
 * Browser mode's host on an .xls: read by content (in the page when no worker can start), checked like the
 * .xlsx, but never rewritten or downloaded — the pane says how to get the fixed workbook instead.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import { sheetPatches } from "../../src/taskpane/analysis";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { createFileHost } from "../../src/hosts/file";
import { createBrowserCodec } from "../../src/hosts/file/worker-codec";
import { HostError } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { fixture } from "../cli/helpers";
import { readForDesk } from "../../src/hosts/file/desk-read";

const FORM = fixture("single/2023-taopu-003.xlsx");

/** The form as an .xls (BIFF8), written by the library from the .xlsx. */
async function asXls(): Promise<Uint8Array> {
  const X = await import("@e965/xlsx");
  const book = X.read(readFileSync(FORM), { cellFormula: true, cellNF: true });
  return new Uint8Array(X.write(book, { bookType: "xls", type: "buffer" }) as Buffer);
}

describe("browser mode on an .xls", () => {
  it("checks it like the .xlsx but offers no fix and no download", async () => {
    const save = vi.fn();
    const host = createFileHost(xlsxCodec, save);
    const view = await host.open(await asXls(), "报送.xls");
    expect(view.format).toBe("xls");
    const grid = await host.readActiveSheet();
    const want = readWorkbook(new Uint8Array(readFileSync(FORM))).sheets[0].grid;
    expect(analyzeSheet(grid).forms[0].report.findings).toEqual(analyzeSheet(want).forms[0].report.findings);
    const patches = sheetPatches(analyzeSheet(grid));
    expect(patches.length).toBeGreaterThan(0);
    await expect(host.apply(patches)).rejects.toThrow(
      new HostError(paneText.legacyNoFix("报送.xls"), "failed")
    );
    expect(host.download()).toBe(false);
    expect(save).not.toHaveBeenCalled();

    // An .xlsx opened next is written and downloaded as before.
    const xlsx = await host.open(new Uint8Array(readFileSync(FORM)), "报送.xlsx");
    expect(xlsx.format).toBe("xlsx");
    expect(host.download()).toBe(true);
  });

  it("reads it in the page when no worker can start", async () => {
    const codec = createBrowserCodec(() => null);
    const seen: number[] = [];
    const data = await codec.read(await asXls(), { onProgress: (done) => seen.push(done) });
    expect(data.format).toBe("xls");
    expect(data.sheets.map((s) => s.name)).toEqual(["财政所-财政管理专项经费"]);
    expect(seen).toEqual([0, 1]);
  });

  it("is read by the reviewer's desk to the same verdicts and findings as the .xlsx", async () => {
    const xls = await readForDesk(await asXls(), "mof2020");
    const xlsx = await readForDesk(new Uint8Array(readFileSync(FORM)), "mof2020");
    const forms = (r: typeof xls) => r.sheets.flatMap((s) => s.forms.map((f) => f.report));
    expect(forms(xls).map((f) => f.status)).toEqual(forms(xlsx).map((f) => f.status));
    expect(forms(xls).map((f) => f.findings)).toEqual(forms(xlsx).map((f) => f.findings));
    expect(forms(xls).length).toBeGreaterThan(0);
  });
});
