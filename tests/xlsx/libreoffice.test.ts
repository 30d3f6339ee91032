/**
 * What applyPatches writes opens in LibreOffice with the values in place, and what LibreOffice writes
 * reads back as the same grid. Needs `soffice`: skipped locally without it, a failure in CI.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Patch } from "../../src/core/types";
import { analyzeSheet } from "../../src/core";
import { parseA1 } from "../../src/core/address";
import { applyPatches, readWorkbook } from "../../src/hosts/xlsx";
import { fixture, parseCsv, sofficeBinary } from "./helpers";
import { richWorkbook } from "./rich-book";

const soffice = sofficeBinary();
const ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
/** The first sheet, each cell as LibreOffice shows it (its number format applied), every text quoted. */
const AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,1";

function patch(sheet: string, cell: string, value: number | string): Patch {
  const { row, col } = parseA1(cell);
  return { sheet, row, col, cell, old: null, value, what: "score" };
}

describe.skipIf(!soffice && !process.env.CI)("LibreOffice round trip", () => {
  let dir = "";
  beforeAll(() => {
    if (!soffice)
      throw new Error("LibreOffice (soffice) is required in CI: apt-get install libreoffice-calc-nogui");
    dir = mkdtempSync(join(tmpdir(), "zpb-lo-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Converts a workbook with a fresh LibreOffice profile; returns the output folder. */
  function convert(name: string, bytes: Uint8Array, to: string): string {
    const run = mkdtempSync(join(dir, "run-"));
    const input = join(run, name);
    writeFileSync(input, bytes);
    const profile = pathToFileURL(join(run, "profile")).href;
    const r = spawnSync(
      soffice as string,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        join(run, "out"),
        input,
      ],
      {
        encoding: "utf8",
        timeout: 180_000,
      }
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    return join(run, "out");
  }

  /** Every sheet of a workbook as CSV rows, by sheet name. */
  function sheetsAsCsv(bytes: Uint8Array, filter = ALL_SHEETS): Map<string, string[][]> {
    const out = convert("book.xlsx", bytes, filter);
    const files = readdirSync(out).filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(0);
    return new Map(
      files.map((f) => [
        f.replace(/^book-/, "").replace(/\.csv$/, ""),
        parseCsv(readFileSync(join(out, f), "utf8")),
      ])
    );
  }

  function cell(rows: string[][] | undefined, address: string): string | undefined {
    const { row, col } = parseA1(address);
    return rows?.[row]?.[col];
  }

  it("finds patched values in place in a real multi-sheet workbook", () => {
    const bytes = fixture("forms-2022-minhang-wujing.xlsx");
    const names = readWorkbook(bytes).sheets.map((s) => s.name);
    const [first, third] = [names[0], names[2]];
    const out = applyPatches(bytes, [
      patch(first, "H6", 0.875),
      patch(first, "H13", 12.5),
      patch(first, "I14", '偏差原因：已整改, 见 "附件"'),
      patch(third, "H27", 88),
      patch(third, "K30", 7),
    ]);
    const csv = sheetsAsCsv(out);
    expect(csv.size).toBe(names.length);
    expect(cell(csv.get(first), "H6")).toBe("0.875");
    expect(cell(csv.get(first), "H13")).toBe("12.5");
    expect(cell(csv.get(first), "I14")).toBe('偏差原因：已整改, 见 "附件"');
    expect(cell(csv.get(first), "C3")).toBe(first);
    expect(cell(csv.get(third), "H27")).toBe("88");
    expect(cell(csv.get(third), "K30")).toBe("7");
    expect(cell(csv.get(names[1]), "C6")).toBe("年度资金总额");
  });

  it("shows a fixed 执行率 that took its neighbour's format as 77.78%, like the neighbour (2022-wujing-006)", () => {
    const bytes = fixture("single/2022-wujing-006.xlsx");
    const [sheet] = readWorkbook(bytes).sheets;
    const patches = analyzeSheet(sheet.grid).forms.flatMap((f) => f.patches);
    expect(patches.find((p) => p.cell === "H7")?.formatFrom).toBeDefined();
    const out = convert("form.xlsx", applyPatches(bytes, patches), AS_SHOWN);
    const [file] = readdirSync(out).filter((f) => f.endsWith(".csv"));
    const lines = readFileSync(join(out, file), "utf8").split(/\r?\n/);
    const shown = parseCsv(lines.join("\n"));
    expect(cell(shown, "H6")).toBe("77.78%");
    expect(cell(shown, "H7")).toBe("77.78%");
    // Both numbers: a text would be quoted ("其中：当年财政拨款" is, on the same line).
    expect(lines[6]).toMatch(/"其中/);
    expect(lines[6]).toMatch(/,77\.78%,/);
    expect(lines[5]).toMatch(/,77\.78%,/);
  });

  it("opens the patched exceljs workbook with its chart and image, values in place", async () => {
    const out = applyPatches(await richWorkbook(), [patch("自评", "B2", 9.25), patch("自评", "D2", "新")]);
    const csv = sheetsAsCsv(out);
    expect(cell(csv.get("自评"), "B2")).toBe("9.25");
    expect(cell(csv.get("自评"), "D2")).toBe("新");
    expect(cell(csv.get("自评"), "A3")).toBe("指标二");
    expect(cell(csv.get("数据"), "B2")).toBe("5");
  });

  it("reads a workbook LibreOffice saved as the same values, formats and merges, and patches it", () => {
    const bytes = fixture("single/2023-taopu-006.xlsx");
    const out = convert("form.xlsx", bytes, "xlsx");
    const saved = new Uint8Array(readFileSync(join(out, "form.xlsx")));
    const original = readWorkbook(bytes).sheets[0].grid;
    const again = readWorkbook(saved).sheets[0].grid;
    expect(again.values).toEqual(original.values);
    expect(again.merges.length).toBe(original.merges.length);
    expect(again.merges).toEqual(expect.arrayContaining(original.merges));
    const f = (g: typeof original, r: number, c: number) => g.formats?.[r]?.[c] ?? "General";
    for (let r = 0; r < original.values.length; r++) {
      for (let c = 0; c < original.values[r].length; c++) {
        if (original.values[r][c] !== null) expect(f(again, r, c), `${r},${c}`).toBe(f(original, r, c));
      }
    }
    const name = readWorkbook(saved).sheets[0].name;
    const patched = applyPatches(saved, [patch(name, "H13", 2.5), patch(name, "I13", "已核实")]);
    const back = sheetsAsCsv(patched).get(name);
    expect(cell(back, "H13")).toBe("2.5");
    expect(cell(back, "I13")).toBe("已核实");
  });
});
