/**
 * The summary over the real forms of tests/fixtures/forms (the 2022 and 2023 workbooks, single/, outside/):
 * every form on a row with the figures of the JSON document, every problem on 问题明细, the copies in
 * single/ found as duplicates; and LibreOffice opens what was written.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import { cliText } from "../../src/i18n/cli";
import { reviewText } from "../../src/i18n/review";
import { parseCsv, sofficeBinary } from "../xlsx/helpers";
import { fixture, tempDir, zpb } from "./helpers";
import { readSummary, tableOf, type ReadSheet } from "./summary-reader";

const FORMS = fixture("");
const H = cliText.summaryHeader;
let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
let doc: JsonDocument;
let sheets: ReadSheet[];
let out = "";

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  out = join(dir, "汇总.xlsx");
  const run = await zpb("check", FORMS, "--summary", out);
  expect(run.code).toBe(2); // the notes and expected values beside the forms are not spreadsheets
  doc = JSON.parse((await zpb("check", "--json", FORMS)).out) as JsonDocument;
  sheets = readSummary(out);
});
afterAll(() => cleanup());

describe("the summary over the real forms", () => {
  it("has a row for every form, with its recomputed total and grade as the JSON gives them", () => {
    const rows = tableOf(sheets[0], 4).filter((r) =>
      ["通过", "需修改", "未评分"].includes(String(r["状态"]))
    );
    const forms = doc.files.flatMap((f) =>
      f.sheets.flatMap((s) => s.forms.map((form) => ({ file: f.path, sheet: s.name, form })))
    );
    expect(forms.length).toBeGreaterThanOrEqual(93 + 10);
    const key = (file: unknown, sheet: unknown, total: unknown, grade: unknown) =>
      JSON.stringify([file, sheet, total ?? null, grade ?? null]);
    expect(rows.map((r) => key(r["文件"], r["工作表"], r[H[8]], r[H[11]])).sort()).toEqual(
      forms.map((f) => key(f.file, f.sheet, f.form.total.recomputed, f.form.grade.recomputed)).sort()
    );
    // Every recomputed total within the full marks has a grade; one above them has none (§5).
    for (const r of rows)
      if (r[H[8]] !== null && Number(r[H[8]]) <= 100)
        expect(r[H[11]], String(r["工作表"])).toMatch(/^[优良中差]$/);
  });

  it("lists every workbook of the folder and the other files (notes, expected values) as not checked", () => {
    const files = new Set(tableOf(sheets[0], 4).map((r) => String(r["文件"])));
    for (const f of doc.files) expect(files.has(f.path)).toBe(true);
    expect(files.has(fixture("README.md"))).toBe(true);
    expect(files.has(fixture("outside/sources/hubei-huanggang-shuitu-2020.txt"))).toBe(true);
  });

  it("has one 问题明细 row per error and warning, and per empty cell 一键重算 fills in (VALUE_EMPTY)", () => {
    const all = doc.files.flatMap((f) =>
      f.sheets.flatMap((s) => [...s.findings, ...s.forms.flatMap((form) => form.findings)])
    );
    const count = all.filter((x) => x.severity !== "info" || x.code === "VALUE_EMPTY").length;
    expect(all.some((x) => x.code === "VALUE_EMPTY")).toBe(true);
    expect(tableOf(sheets[1], 4)).toHaveLength(count);
  });

  it("finds each single/ workbook as a duplicate of its sheet in the big workbooks", () => {
    const stats = sheets[2];
    const start = stats.rows.findIndex((r) => r[0] === cliText.duplicateTitle);
    const rows = stats.rows.slice(start + 2).filter((r) => r.length > 0);
    for (const name of readdirSync(fixture("single"))) {
      const hit = rows.find((r) => String(r[5]).includes(join("single", name)));
      expect(hit, name).toBeDefined();
      expect(String(hit?.[5])).toMatch(/forms-202[23]-/);
    }
  });

  it("counts each department's forms on 统计", () => {
    const stats = sheets[2];
    const start = stats.rows.findIndex((r) => r[0] === cliText.byDepartment);
    const end = stats.rows.findIndex((r) => r[0] === cliText.byImplementer);
    const rows = stats.rows.slice(start + 2, end).filter((r) => r.length > 0);
    const forms = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms));
    expect(rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(forms.length);
    const taopu = forms.filter((f) => f.department === "上海市普陀区桃浦镇人民政府").length;
    expect(rows.find((r) => r[0] === "上海市普陀区桃浦镇人民政府")?.[1]).toBe(taopu);
  });
});

const soffice = sofficeBinary();
/** CSV, UTF-8, every sheet to a file of its own (<name>-<sheet>.csv). */
const ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
describe.skipIf(!soffice && !process.env.CI)("LibreOffice", () => {
  it("opens the summary: its three sheets, the header and every row's file in its own reading", () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is required in CI");
    const profile = pathToFileURL(join(dir, "profile")).href;
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        ALL_SHEETS,
        "--outdir",
        join(dir, "lo"),
        out,
      ],
      { encoding: "utf8", timeout: 180_000 }
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(readdirSync(join(dir, "lo")).sort()).toEqual(
      ["汇总-汇总.csv", "汇总-问题明细.csv", "汇总-统计.csv"].sort()
    );
    const csv = parseCsv(readFileSync(join(dir, "lo", "汇总-汇总.csv"), "utf8"));
    expect(csv[3]).toEqual([...H, reviewText.fingerprintHeader]);
    const files = tableOf(sheets[0], 4).map((x) => String(x["文件"]));
    expect(
      csv
        .slice(4)
        .filter((row) => row.length > 1)
        .map((row) => row[0])
    ).toEqual(files);
  });
  // Printing (A4 landscape, sizes, headers on every page) is measured in tests/cli/papers.test.ts.
});
