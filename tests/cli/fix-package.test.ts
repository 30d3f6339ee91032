/**
 * What `zpb fix` writes: every part of the package other than the patched cells is unchanged, and
 * LibreOffice opens the result with the recomputed values in place. Needs `soffice` (LibreOffice Calc):
 * skipped locally without it, a failure in CI.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseA1 } from "../../src/core/address";
import { readWorkbook } from "../../src/hosts/xlsx";
import { parseZip, readEntry } from "../../src/hosts/xlsx/zip";
import { parseCsv, sofficeBinary } from "../xlsx/helpers";
import { richForm } from "../xlsx/rich-book";
import { WORKBOOK_2023, single, tempDir, zpb } from "./helpers";

const ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const soffice = sofficeBinary();
const expected = JSON.parse(
  readFileSync(new URL("../fixtures/forms/expected.json", import.meta.url), "utf8")
);

let dir = "";
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

/** Every sheet of a workbook as CSV rows (LibreOffice's own reading), by sheet name. */
function openInLibreOffice(file: string): Map<string, string[][]> {
  const run = mkdtempSync(join(dir, "lo-"));
  const r = spawnSync(
    soffice as string,
    [
      `-env:UserInstallation=${pathToFileURL(join(run, "profile")).href}`,
      "--headless",
      "--convert-to",
      ALL_SHEETS,
      "--outdir",
      run,
      file,
    ],
    { encoding: "utf8", timeout: 300_000 }
  );
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const base = file.replace(/^.*\//, "").replace(/\.xlsx$/, "");
  const csv = readdirSync(run).filter((f) => f.endsWith(".csv"));
  return new Map(
    csv.map((f) => [f.slice(base.length + 1, -4), parseCsv(readFileSync(join(run, f), "utf8"))])
  );
}

const at = (rows: string[][] | undefined, cell: string) => {
  const { row, col } = parseA1(cell);
  return rows?.[row]?.[col];
};

/** The sheet XML without its cell data and dimension: everything a fix must leave as it was. */
const frame = (xml: string) =>
  xml.replace(/<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/, "").replace(/<dimension [^>]*\/>/, "");

describe("zpb fix on a form workbook with validation, conditional formats, an image, a chart, comments and a second sheet", () => {
  let input = "";
  let output = "";
  beforeAll(async () => {
    input = join(dir, "rich.xlsx");
    output = join(dir, "rich.fixed.xlsx");
    writeFileSync(input, await richForm(new Uint8Array(readFileSync(single("2023-taopu-003")))));
    const run = await zpb("fix", input, "-o", output);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
  });

  it("changes only the patched cells: every other zip entry is byte-identical, raw and inflated", () => {
    const before = parseZip(new Uint8Array(readFileSync(input)));
    const after = parseZip(new Uint8Array(readFileSync(output)));
    expect(after.entries.map((e) => e.name)).toEqual(before.entries.map((e) => e.name));
    const changed: string[] = [];
    for (const e of before.entries) {
      const a = after.byName.get(e.name);
      const raw = (z: typeof before, x: typeof e) => z.bytes.subarray(x.localOffset, x.rawEnd);
      if (!a || Buffer.compare(raw(before, e), raw(after, a)) !== 0) changed.push(e.name);
    }
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
    for (const name of [
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
    ]) {
      expect(before.byName.has(name), name).toBe(true);
    }
    const xml = (z: typeof before) =>
      new TextDecoder().decode(readEntry(z, z.byName.get("xl/worksheets/sheet1.xml")!));
    const [x0, x1] = [xml(before), xml(after)];
    expect(x0).toMatch(/<dataValidations/);
    expect(x0).toMatch(/<conditionalFormatting/);
    expect(x0).toMatch(/<legacyDrawing|<drawing/);
    expect(frame(x1)).toBe(frame(x0));
  });

  it("writes the recomputed values and nothing else into the form's cells", () => {
    const [g0, g1] = [input, output].map((f) => readWorkbook(new Uint8Array(readFileSync(f))).sheets[0].grid);
    const diff: string[] = [];
    for (let r = 0; r < Math.max(g0.values.length, g1.values.length); r++) {
      for (let c = 0; c < 12; c++) {
        const v0 = g0.values[r]?.[c] ?? null;
        const v1 = g1.values[r]?.[c] ?? null;
        if (v0 !== v1) diff.push(`${String.fromCharCode(65 + c)}${r + 1}:${v0}→${v1}`);
        expect(g1.formats?.[r]?.[c] ?? null, `format ${r},${c}`).toBe(g0.formats?.[r]?.[c] ?? null);
      }
    }
    expect(diff).toEqual(["H23:2→0", "H30:8→9.38", "H31:91→90.38"]);
  });

  it.skipIf(!soffice && !process.env.CI)(
    "opens in LibreOffice with the recomputed values and the second sheet",
    () => {
      expect(soffice, "LibreOffice (soffice) is required in CI").toBeTruthy();
      const sheets = openInLibreOffice(output);
      const form = sheets.get("财政所-财政管理专项经费");
      expect([at(form, "H23"), at(form, "H30"), at(form, "H31"), at(form, "C32")]).toEqual([
        "0",
        "9.38",
        "90.38",
        "优",
      ]);
      expect(at(sheets.get("数据"), "B2")).toBe("5");
    }
  );
});

describe.skipIf(!soffice && !process.env.CI)("zpb fix on the 70-form workbook, opened in LibreOffice", () => {
  it("every form's 总分 cell holds the recomputed total (expected.json)", async () => {
    expect(soffice, "LibreOffice (soffice) is required in CI").toBeTruthy();
    const output = join(dir, "taopu.fixed.xlsx");
    const run = await zpb("fix", WORKBOOK_2023, "-o", output);
    expect(run.code, run.err).toBeLessThanOrEqual(1);
    const sheets = openInLibreOffice(output);
    const want = expected["forms-2023-putuo-taopu-001-070.xlsx"] as Record<
      string,
      { total: number; grade: string | null }
    >;
    const index = JSON.parse(
      readFileSync(new URL("../fixtures/forms/sheet-index.json", import.meta.url), "utf8")
    ) as { workbook: string; sheet: string; total_row: number }[];
    let checked = 0;
    for (const entry of index.filter((e) => e.workbook === "forms-2023-putuo-taopu-001-070.xlsx")) {
      const rows = sheets.get(entry.sheet);
      expect(Number(at(rows, `H${entry.total_row}`)), entry.sheet).toBe(want[entry.sheet].total);
      expect(at(rows, `C${entry.total_row + 1}`), entry.sheet).toBe(want[entry.sheet].grade);
      checked++;
    }
    expect(checked).toBe(70);
  });
});
