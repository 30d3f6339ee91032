import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli";
import { single, tempDir, zpb } from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe("zpb check --summary", () => {
  it("writes one row per form, most errors first, with a bold frozen filtered header", async () => {
    const inputs = join(dir, "收到的表");
    await mkdir(inputs);
    // 001 is clean, 003 has one error, 2022-003 has three errors.
    await copyFile(single("2023-taopu-001"), join(inputs, "1.xlsx"));
    await copyFile(single("2023-taopu-003"), join(inputs, "2.xlsx"));
    await copyFile(single("2022-wujing-003"), join(inputs, "3.xlsx"));
    const out = join(dir, "汇总.xlsx");
    const run = await zpb("check", inputs, "--summary", out);
    expect(run.code).toBe(1);
    expect(run.out).toContain(cliText.summaryWritten(out, 3));
    expect((await readdir(dir)).sort()).toEqual(["收到的表", "汇总.xlsx"]); // no temporary file left

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...cliText.summaryHeader]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(4);

    const rows = [2, 3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => r[0])).toEqual(["3.xlsx", "2.xlsx", "1.xlsx"].map((n) => join(inputs, n)));
    expect(rows.map((r) => r[9])).toEqual([3, 1, 0]); // 错误
    const [worst, , clean] = rows;
    expect(worst[1]).toBe("人口工作");
    expect(worst[7]).toBe(102.95); // 重算总分
    expect(worst[6]).toBe(96); // 提交总分
    expect(String(worst[12])).toMatch(/^I6：/); // the worst finding, with its cell
    expect(clean[8]).toBe("优");
    expect(clean[12] ?? "").toBe("");
    expect(rows.every((r) => typeof r[2] === "string" && r[2] !== "")).toBe(true); // 项目名称 on every row
  });

  it("fails with exit 2 and one line when the summary cannot be written", async () => {
    const run = await zpb(
      "check",
      single("2023-taopu-001"),
      "--summary",
      join(dir, "no", "such", "dir", "s.xlsx")
    );
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain("s.xlsx");
  });
});

describe("zpb check --summary onto a checked workbook", () => {
  it("refuses a workbook that holds a form: check never writes to its inputs", async () => {
    const form = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-001"), form);
    const before = await readFile(form);
    const run = await zpb("check", form, "--summary", join(dir, ".", "表.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${cliText.argError(cliText.summaryIsInput(join(dir, "表.xlsx")))}\n`);
    expect(run.out).toBe("");
    expect(await readFile(form)).toEqual(before);
  });

  it("refuses a workbook that could not be read (it may hold a form)", async () => {
    const damaged = join(dir, "坏.xlsx");
    await writeFile(damaged, "PK\u0003\u0004 not really a zip");
    const run = await zpb("check", damaged, "--summary", damaged);
    expect(run.code).toBe(2);
    expect(run.err).toContain(cliText.summaryIsInput(damaged));
    expect(await readFile(damaged, "utf8")).toBe("PK\u0003\u0004 not really a zip");
  });

  it("writes a summary to a path given as a missing input", async () => {
    const out = join(dir, "新.xlsx");
    const run = await zpb("check", single("2023-taopu-001"), out, "--summary", out);
    expect(run.code).toBe(2); // the missing input is reported
    expect(run.out).toContain(cliText.summaryWritten(out, 1));
  });

  it("replaces a previous summary found among the inputs, so that a run can be repeated", async () => {
    const inputs = join(dir, "收到的表");
    await mkdir(inputs);
    await copyFile(single("2023-taopu-003"), join(inputs, "2.xlsx"));
    const out = join(inputs, "汇总.xlsx");
    expect((await zpb("check", inputs, "--summary", out)).code).toBe(1);
    const again = await zpb("check", inputs, "--summary", out);
    expect(again.code).toBe(1);
    expect(again.out).toContain(cliText.summaryWritten(out, 1));
  });
});
