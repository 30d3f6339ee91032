import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import { readWorkbook } from "../../src/hosts/xlsx";
import { WORKBOOK_2022, hasStack, single, tempDir, zpb } from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

/** Non-info findings of every sheet of a workbook, as "sheet: CODE@cell". */
async function problems(file: string): Promise<string[]> {
  const run = await zpb("check", "--json", file);
  const doc = JSON.parse(run.out) as JsonDocument;
  expect(doc.files[0].error).toBeNull();
  return doc.files[0].sheets.flatMap((s) =>
    [...s.findings, ...s.forms.flatMap((form) => form.findings)]
      .filter((f) => f.severity !== "info")
      .map((f) => `${s.name}: ${f.code}@${f.cell}`)
  );
}

describe("zpb fix -o", () => {
  it("writes the corrected workbook and leaves the input byte-identical", async () => {
    const input = single("2023-taopu-003");
    const before = await readFile(input);
    const output = join(dir, "out.xlsx");
    const run = await zpb("fix", input, "-o", output);
    expect(run.err).toBe("");
    expect(run.code).toBe(0); // both mismatches are corrected: no error remains
    expect(run.out).toMatch(/H23\s+得分\s+2 → 0/);
    expect(run.out).toContain(output);
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
    expect(await problems(input)).toContain("财政所-财政管理专项经费: SCORE_MISMATCH@H23");
    expect(await problems(output)).toEqual([]);
  });

  it("exits 1 when errors remain that a fix cannot correct", async () => {
    const run = await zpb("fix", single("2022-wujing-003"), "-o", join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    // The weights do not add up: the total and the scores it sums are held (FIX_HELD), so the fixed form
    // still passes its own arithmetic and keeps what a person must decide.
    const left = await problems(join(dir, "out.xlsx"));
    const arithmetic = (list: string[]) => list.filter((p) => /TOTAL_MISMATCH|GRADE_MISMATCH/.test(p));
    expect(left).toContain("人口工作: WEIGHT_SUM@G27");
    // The printed 96 was already off before the fix; the fix adds no arithmetic error of its own.
    expect(arithmetic(left)).toEqual(arithmetic(await problems(single("2022-wujing-003"))));
  });

  it("patches every form of a workbook with several forms", async () => {
    const output = join(dir, "out.xlsx");
    await zpb("fix", WORKBOOK_2022, "-o", output);
    const left = await problems(output);
    const held = new Set(left.filter((p) => p.includes("WEIGHT_SUM")).map((p) => p.split(":")[0]));
    const free = (list: string[]) => list.filter((p) => !held.has(p.split(":")[0]));
    // A form whose weights add up is fully corrected; one whose weights do not keeps its own arithmetic
    // (its total and the scores it sums are held), so the fix adds no arithmetic error anywhere.
    expect(
      free(left).filter((p) => /TOTAL_MISMATCH|GRADE_MISMATCH|SCORE_MISMATCH|REASON_MISSING/.test(p))
    ).toEqual([]);
    const before = await problems(WORKBOOK_2022);
    for (const p of left.filter((x) => /TOTAL_MISMATCH|GRADE_MISMATCH/.test(x))) expect(before).toContain(p);
    expect(left.filter((p) => /BUDGET_RATE_MISMATCH/.test(p))).toEqual([]);
    expect(left.length).toBeGreaterThan(0); // WEIGHT_SUM and BUDGET_BASE_MISSING need a person
  });

  it("defaults to <name>.checked.xlsx beside the input", async () => {
    const input = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-006"), input);
    const run = await zpb("fix", input);
    expect(run.code).toBeLessThan(2);
    expect((await readdir(dir)).sort()).toEqual(["表.checked.xlsx", "表.xlsx"]);
  });

  it("writes no prompts with --no-prompts", async () => {
    const withPrompts = await zpb("fix", single("2022-wujing-003"), "-o", join(dir, "a.xlsx"));
    const without = await zpb("fix", single("2022-wujing-003"), "-o", join(dir, "b.xlsx"), "--no-prompts");
    expect(withPrompts.out).toMatch(/I14\s+偏差原因/);
    expect(without.out).not.toMatch(/偏差原因\s+（空）/);
    expect(await problems(join(dir, "b.xlsx"))).toContain("人口工作: REASON_MISSING@I14");
  });
});

describe("zpb fix and number formats (2022-wujing-006: H7 empty under H6 in 0.00%)", () => {
  it("writes the rate into H7 as a number in H6's format, and zpb check finds nothing left", async () => {
    const output = join(dir, "out.xlsx");
    const run = await zpb("fix", single("2022-wujing-006"), "-o", output);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/H7\s+执行率\s+（空） → 0\.7778/);
    const [sheet] = readWorkbook(new Uint8Array(await readFile(output))).sheets;
    const h7 = { value: sheet.grid.values[6]?.[7], format: sheet.grid.formats?.[6]?.[7] };
    expect(h7).toEqual({ value: 0.7778, format: "0.00%" });
    const doc = JSON.parse((await zpb("check", "--json", output)).out) as JsonDocument;
    const [form] = doc.files[0].sheets[0].forms;
    expect(form.findings).toEqual([]);
    expect(form.status).toBe("pass");
  });
});

describe("zpb fix --in-place", () => {
  it("replaces the file and leaves no temporary file behind", async () => {
    const file = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-003"), file);
    const before = await readFile(file);
    const run = await zpb("fix", file, "--in-place");
    expect(run.code).toBe(0);
    expect(await readdir(dir)).toEqual(["表.xlsx"]);
    expect(Buffer.compare(await readFile(file), before)).not.toBe(0);
    expect(await problems(file)).toEqual([]);
  });

  it("does not touch a file that needs no change", async () => {
    const file = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-001"), file);
    const before = await readFile(file);
    const run = await zpb("fix", file, "--in-place");
    expect(run.code).toBe(0);
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
    expect(await readdir(dir)).toEqual(["表.xlsx"]);
  });
});

describe("zpb fix refuses", () => {
  it("-o equal to the input without --in-place", async () => {
    const file = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-003"), file);
    const before = await readFile(file);
    const run = await zpb("fix", file, "-o", join(dir, ".", "表.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toContain("--in-place");
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
    expect(await readdir(dir)).toEqual(["表.xlsx"]);
  });

  it("-o together with --in-place, and a second file", async () => {
    const a = await zpb("fix", single("2023-taopu-003"), "-o", join(dir, "x.xlsx"), "--in-place");
    const b = await zpb("fix", single("2023-taopu-003"), single("2023-taopu-001"));
    expect([a.code, b.code]).toEqual([2, 2]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("a file it cannot read, in one line without a stack trace", async () => {
    const file = join(dir, "坏.xlsx");
    await writeFile(file, "PK\u0003\u0004 broken");
    const run = await zpb("fix", file, "-o", join(dir, "out.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain(file);
    expect(hasStack(run.err)).toBe(false);
    expect(await readdir(dir)).toEqual(["坏.xlsx"]);
  });
});

describe("zpb fix and formulas", () => {
  it("keeps a formula cell and says so", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(single("2023-taopu-003"));
    book.worksheets[0].getCell("H31").value = { formula: "SUM(I6,H13:H30)", result: 91 };
    const input = join(dir, "公式.xlsx");
    await book.xlsx.writeFile(input);
    const output = join(dir, "out.xlsx");
    const run = await zpb("fix", input, "-o", output);
    expect(run.code).toBeLessThan(2);
    expect(run.out).toContain("以下公式单元格未被覆盖");
    expect(run.out).toMatch(/H31/);
    expect(run.out).not.toMatch(/H31\s+总分/); // not among the written cells
    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.readFile(output);
    expect(fixed.worksheets[0].getCell("H31").formula).toBe("SUM(I6,H13:H30)");
    expect(fixed.worksheets[0].getCell("H23").value).toBe(0);
  });
});
