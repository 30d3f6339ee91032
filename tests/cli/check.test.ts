import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import type { JsonDocument } from "../../src/cli/json";
import { contractViolations } from "./contract";
import {
  WORKBOOK_2023,
  hasStack,
  plannedWrites,
  single,
  tempDir,
  twoFormsWorkbook,
  unreadableForm,
  unrelatedWorkbook,
  zpb,
} from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe("zpb check --json", () => {
  it("prints the version-2 document for every form of the 70-form workbook", async () => {
    const run = await zpb("check", "--json", WORKBOOK_2023);
    const doc: unknown = JSON.parse(run.out);
    expect(contractViolations(doc, await plannedWrites(doc as JsonDocument))).toEqual([]);
    const files = (doc as JsonDocument).files;
    expect(files).toHaveLength(1);
    expect(files[0].path).toBe(WORKBOOK_2023);
    expect(files[0].error).toBeNull();
    expect(files[0].skipped).toEqual([]);
    expect(files[0].sheets).toHaveLength(70);
    const first = files[0].sheets[0];
    expect(first.name).toBe("安全办-消防安全专项经费");
    expect(first.findings).toEqual([]);
    expect(first.forms).toHaveLength(1);
    expect(first.forms[0]).toMatchObject({
      range: expect.stringMatching(/^A1:[A-Z]+\d+$/),
      kind: "project",
      project: "安全办-消防安全专项经费",
      department: "上海市普陀区桃浦镇人民政府",
      implementer: "桃浦镇平安建设办公室",
      weights: { budget: 10, indicators: 90, total: 100 },
      budget: { submittedRate: 100, rate: 100, submittedScore: 10, score: 10, cell: "I6" },
      grade: { submitted: "优", recomputed: "优" },
    });
    expect(first.forms[0].indicators[0]).toMatchObject({
      row: 13,
      scoreCell: "H13",
      level3: "消防疏散逃生演练次数",
    });
    expect(files[0].sheets.every((s) => s.forms.length === 1)).toBe(true);
  });

  it("never writes to its inputs", async () => {
    const before = await readFile(WORKBOOK_2023);
    await zpb("check", WORKBOOK_2023, "--json");
    expect(Buffer.compare(await readFile(WORKBOOK_2023), before)).toBe(0);
  });
});

describe("exit status", () => {
  it("is 0 for a clean form", async () => {
    const run = await zpb("check", single("2023-taopu-001"));
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
  });

  it("is 1 for a form with errors, which the report lists with their cells", async () => {
    const run = await zpb("check", single("2022-wujing-003"));
    expect(run.code).toBe(1);
    expect(run.out).toContain("人口工作");
    expect(run.out).toMatch(/H27\s+错误/); // TOTAL_MISMATCH on the 总分 cell
  });

  it("is 2 with one line naming a missing file", async () => {
    const missing = join(dir, "没有这个文件.xlsx");
    const run = await zpb("check", missing);
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain(missing);
    expect(run.err).toContain("找不到文件");
  });

  it("is 2 for random bytes named .xlsx, without a stack trace", async () => {
    const file = join(dir, "坏文件.xlsx");
    await writeFile(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    const run = await zpb("check", file);
    expect(run.code).toBe(2);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain(file);
    expect(hasStack(run.err)).toBe(false);
  });

  it("is 2 for an old .xls, saying to save it as .xlsx", async () => {
    const file = join(dir, "旧表.xls");
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    await writeFile(file, ole);
    const run = await zpb("check", file);
    expect(run.code).toBe(2);
    expect(run.err).toContain(file);
    expect(run.err).toContain(".xlsx");
  });

  it("is 2 for wrong arguments, with one Chinese line", async () => {
    for (const argv of [
      ["check", "--bogus", "x.xlsx"],
      ["check"],
      ["frobnicate"],
      ["check", "--profile", "nope", WORKBOOK_2023],
    ]) {
      const run = await zpb(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.err, argv.join(" ")).toMatch(/^参数错误/);
      expect(run.out, argv.join(" ")).toBe("");
    }
  });

  it("accepts every named profile", async () => {
    for (const profile of ["mof2020", "mof2020-linear", "mof2020-strict"]) {
      const run = await zpb("check", "--profile", profile, single("2023-taopu-001"));
      expect(run.code, profile).toBe(0);
    }
  });
});

describe("a folder", () => {
  it("reports forms, non-form sheets, a corrupt file, fix outputs and other files, skipping lock files; exit 2", async () => {
    await copyFile(single("2023-taopu-001"), join(dir, "a-表单.xlsx"));
    await unrelatedWorkbook(join(dir, "b-名单.xlsx"));
    await writeFile(join(dir, "c-损坏.xlsx"), "这不是工作簿");
    await writeFile(join(dir, "~$a-表单.xlsx"), "lock");
    await copyFile(single("2023-taopu-001"), join(dir, "a-表单.checked.xlsx"));
    await writeFile(join(dir, "readme.txt"), "not a workbook");
    const run = await zpb("check", "--json", dir);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.out) as JsonDocument;
    expect(contractViolations(doc, await plannedWrites(doc))).toEqual([]);
    expect(doc.files.map((f) => f.path)).toEqual(
      ["a-表单.checked.xlsx", "a-表单.xlsx", "b-名单.xlsx", "c-损坏.xlsx", "readme.txt"].map((n) =>
        join(dir, n)
      )
    );
    const [checked, form, other, bad, text] = doc.files;
    expect(checked.sheets.map((s) => s.name)).toEqual(["安全办-消防安全专项经费"]);
    expect(text).toMatchObject({ status: "not-spreadsheet", sheets: [] });
    expect(text.why).toContain("readme.txt");
    expect(form.error).toBeNull();
    expect(form.sheets.map((s) => s.name)).toEqual(["安全办-消防安全专项经费"]);
    expect(other.sheets).toEqual([expect.objectContaining({ name: "人员名单", forms: [] })]);
    expect(other.sheets[0].findings.map((f) => f.code)).toEqual(["LAYOUT_NOT_FOUND"]);
    expect(bad.error).toContain("c-损坏.xlsx");
    expect(bad.sheets).toEqual([]);
    expect(run.err.trim().split("\n")).toEqual([bad.error, text.error]);
    expect(hasStack(run.err)).toBe(false);
  });

  it("prints a readable report naming every file and the non-form sheets in one line", async () => {
    await unrelatedWorkbook(join(dir, "名单.xlsx"));
    const run = await zpb("check", dir);
    expect(run.code).toBe(0);
    expect(run.out).toContain(join(dir, "名单.xlsx"));
    expect(run.out).toContain("非自评表的工作表：人员名单");
    expect(run.out).not.toMatch(/\u001b\[/); // colours off when asked
  });
});

describe("sheet visibility and colours", () => {
  it("checks hidden sheets (marked) and skips very hidden ones", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(single("2023-taopu-001"));
    book.worksheets[0].state = "hidden";
    book.addWorksheet("封面").getCell("A1").value = "2023 年度绩效自评";
    book.addWorksheet("模板数据", { state: "veryHidden" }).getCell("A1").value = "x";
    const file = join(dir, "隐藏.xlsx");
    await book.xlsx.writeFile(file);
    const json = JSON.parse((await zpb("check", "--json", file)).out) as JsonDocument;
    expect(json.files[0].sheets.map((s) => s.name)).toEqual(["安全办-消防安全专项经费", "封面"]);
    expect(json.files[0].skipped).toEqual([{ sheet: "模板数据", why: "深度隐藏的工作表" }]);
    const text = (await zpb("check", file)).out;
    expect(text).toContain("「安全办-消防安全专项经费」 安全办-消防安全专项经费（隐藏）");
    expect(text).toContain("跳过深度隐藏的工作表：模板数据"); // listed, not dropped
  });

  it("colours severities only when asked", async () => {
    let out = "";
    await runCli(["check", single("2022-wujing-003")], {
      out: (t) => void (out += t),
      err: () => undefined,
      color: true,
    });
    expect(out).toContain("\u001b[31m错误");
  });
});

describe("forms that could not be read", () => {
  it("exit 1 (never a pass) and are named one by one, in the text and in the JSON", async () => {
    const names = [
      await unreadableForm(single("2023-taopu-001"), join(dir, "甲.xlsx")),
      await unreadableForm(single("2022-wujing-003"), join(dir, "乙.xlsx")),
    ];
    const run = await zpb("check", dir);
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    for (const [file, sheet] of [
      ["甲.xlsx", names[0]],
      ["乙.xlsx", names[1]],
    ]) {
      const block = run.out.split("\n\n").find((b) => b.startsWith(join(dir, file)));
      expect(block, file).toBeDefined();
      expect(block).toContain(`「${sheet}」`);
      expect(block).toMatch(/A\d+\s+错误\s+.*实际完成值/); // the cell, and what is missing
    }
    const json = JSON.parse((await zpb("check", "--json", dir)).out) as JsonDocument;
    expect(contractViolations(json, await plannedWrites(json))).toEqual([]);
    for (const file of json.files) {
      expect(file.sheets).toHaveLength(1);
      expect(file.sheets[0].forms).toEqual([]);
      expect(file.sheets[0].findings.map((f) => [f.code, f.severity])).toEqual([
        ["FORM_UNREADABLE", "error"],
      ]);
    }
  });
});

describe("a sheet with two forms", () => {
  it("is reported form by form, each with its range, and fixed form by form", async () => {
    const file = join(dir, "两张.xlsx");
    await twoFormsWorkbook(single("2023-taopu-001"), single("2023-taopu-003"), file);
    const doc = JSON.parse((await zpb("check", "--json", file)).out) as JsonDocument;
    expect(contractViolations(doc, await plannedWrites(doc))).toEqual([]);
    const [sheet] = doc.files[0].sheets;
    expect(sheet.forms.map((f) => f.project)).toEqual(["安全办-消防安全专项经费", "财政所-财政管理专项经费"]);
    const [a, b] = sheet.forms.map((f) => f.range);
    expect(a).toMatch(/^A1:[A-Z]+\d+$/);
    expect(Number(/\d+$/.exec(a)?.[0])).toBeLessThan(Number(/^[A-Z]+(\d+)/.exec(b)?.[1]));
    expect(sheet.forms[1].findings.map((f) => f.code)).toContain("SCORE_MISMATCH");
    const text = await zpb("check", file);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`「安全办-消防安全专项经费」 安全办-消防安全专项经费（${a}）`);
    expect(text.out).toContain(`「安全办-消防安全专项经费」 财政所-财政管理专项经费（${b}）`);
    const out = join(dir, "out.xlsx");
    const fix = await zpb("fix", file, "-o", out);
    expect(fix.out).toContain(`（${b}）」写入`);
    const after = JSON.parse((await zpb("check", "--json", out)).out) as JsonDocument;
    expect(after.files[0].sheets[0].forms[1].findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
