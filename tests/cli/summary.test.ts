import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { cliText } from "../../src/i18n/cli";
import { CODE_NAME, codeName } from "../../src/i18n/codes";
import { reviewText } from "../../src/i18n/review";
import {
  fixture,
  single,
  tempDir,
  twoFormsWorkbook,
  unreadableForm,
  unrelatedWorkbook,
  zpb,
} from "./helpers";
import { readSummary, tableOf, type ReadSheet } from "./summary-reader";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const H = cliText.summaryHeader;
const HEADER_ROW = 4;

/** A folder as a reviewer receives it: forms, a damaged file, an old .xls, a note, a workbook with no form. */
async function receivedFolder(): Promise<string> {
  const inputs = join(dir, "收到的表");
  await mkdir(join(inputs, "二科"), { recursive: true });
  // 001 is clean, 003 has one error, 2022-003 has three errors and prints no grade row.
  await copyFile(single("2023-taopu-001"), join(inputs, "1.xlsx"));
  await copyFile(single("2023-taopu-003"), join(inputs, "2.xlsx"));
  await copyFile(single("2022-wujing-003"), join(inputs, "二科", "3 人口.xlsx"));
  await writeFile(join(inputs, "坏.xlsx"), "PK\u0003\u0004 not really a zip");
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  await writeFile(join(inputs, "旧表.xls"), ole);
  await writeFile(join(inputs, "说明.txt"), "报送说明");
  await unreadableForm(single("2023-taopu-029"), join(inputs, "5.xlsx"));
  await unrelatedWorkbook(join(inputs, "名单.xlsx"));
  // A form with a very hidden sheet beside it.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(single("2023-taopu-006"));
  book.addWorksheet("__zpb_undo", { state: "veryHidden" }).getCell("A1").value = "x";
  await book.xlsx.writeFile(join(inputs, "4.xlsx"));
  return inputs;
}

function sheetNamed(sheets: ReadSheet[], name: string): ReadSheet {
  const s = sheets.find((x) => x.name === name);
  expect(s, name).toBeDefined();
  return s as ReadSheet;
}

describe("zpb check --summary: the reviewer's summary workbook", () => {
  let inputs = "";
  let out = "";
  let doc: JsonDocument;
  let sheets: ReadSheet[];
  let stdout = "";
  beforeEach(async () => {
    inputs = await receivedFolder();
    out = join(dir, "汇总.xlsx");
    const run = await zpb("check", inputs, "--summary", out);
    expect(run.code).toBe(2); // the damaged and the old file
    stdout = run.out;
    doc = JSON.parse((await zpb("check", "--json", inputs)).out) as JsonDocument;
    sheets = readSummary(out);
  });

  it("has the three sheets, and leaves no temporary file", async () => {
    expect(sheets.map((s) => s.name)).toEqual(["汇总", "问题明细", "统计"]);
    expect((await readdir(dir)).sort()).toEqual(["收到的表", "汇总.xlsx"]);
    expect(stdout).toContain(cliText.summaryWritten(out, tableOf(sheets[0], HEADER_ROW).length));
    expect(stdout).toContain(cliText.otherFiles(join(inputs, "说明.txt"))); // the text report names it too
  });

  it("names every input: each form, each file that gave none with its reason, the skipped sheet", () => {
    const rows = tableOf(sheetNamed(sheets, "汇总"), HEADER_ROW);
    const byFile = (name: string) => rows.filter((r) => String(r["文件"]).endsWith(name));
    const status = (name: string) => byFile(name).map((r) => r["状态"]);
    expect(status("1.xlsx")).toEqual(["通过"]);
    expect(status("2.xlsx")).toEqual(["需修改"]);
    expect(status("3 人口.xlsx")).toEqual(["需修改"]);
    expect(status("坏.xlsx")).toEqual(["未能读取"]);
    expect(String(byFile("坏.xlsx")[0][H[16]])).toMatch(/损坏/);
    expect(status("旧表.xls")).toEqual(["未能读取"]);
    expect(String(byFile("旧表.xls")[0][H[16]])).toContain(".xlsx");
    expect(status("5.xlsx")).toEqual(["未能读取"]); // looks like a form, does not read: never a pass
    expect(String(byFile("5.xlsx")[0][H[16]])).toContain("实际完成值");
    expect(status("说明.txt")).toEqual(["不是电子表格文件"]);
    expect(String(byFile("说明.txt")[0][H[16]])).toContain(".txt");
    expect(byFile("名单.xlsx").map((r) => [r["工作表"], r["状态"]])).toEqual([["人员名单", "不是自评表"]]);
    expect(
      byFile("4.xlsx")
        .map((r) => r["状态"])
        .sort()
    ).toEqual(["不是自评表", "通过"]);
    expect(byFile("4.xlsx").find((r) => r["状态"] === "不是自评表")?.["工作表"]).toBe("__zpb_undo");
    // Every file of the JSON document and the note are there; nothing else.
    const files = new Set(rows.map((r) => r["文件"]));
    for (const f of doc.files) expect(files.has(f.path), f.path).toBe(true);
    expect(files.size).toBe(doc.files.length + 1);
  });

  it("sorts by status (未能读取, 需修改, 未评分, 通过, 不是自评表, 不是电子表格文件) and errors", () => {
    const rows = tableOf(sheets[0], HEADER_ROW);
    const order = ["未能读取", "需修改", "未评分", "通过", "不是自评表", "不是电子表格文件"];
    const ranks = rows.map((r) => order.indexOf(String(r["状态"])));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const fix = rows.filter((r) => r["状态"] === "需修改").map((r) => r["错误"]);
    expect(fix).toEqual([3, 1]);
  });

  it("gives submitted and recomputed figures side by side, with the difference and a grade on every form", () => {
    const rows = tableOf(sheets[0], HEADER_ROW);
    const forms = rows.filter((r) => r["状态"] === "通过" || r["状态"] === "需修改");
    expect(forms).toHaveLength(doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms)).length);
    for (const r of forms) {
      expect(r[H[11]], String(r["文件"])).toMatch(/^[优良中差]$/); // 评分等级（重算）
      expect(r["项目名称"]).not.toBeNull();
    }
    const worst = forms.find((r) => String(r["文件"]).endsWith("3 人口.xlsx"));
    expect(worst).toMatchObject({ 工作表: "人口工作", [H[5]]: 0.96, [H[6]]: 1, [H[7]]: 96, [H[8]]: 102.95 });
    expect(worst?.[H[9]]).toBe(6.95); // 总分差
    expect(worst?.[H[10]] ?? null).toBeNull(); // no 评分等级 row is printed …
    expect(worst?.[H[11]]).toBe("优"); // … but the recomputed total has a grade
    expect(String(worst?.[H[16]])).toMatch(/^I6：/); // the worst finding, with its cell
  });

  it("has one 问题明细 row per error and warning of the JSON, each a link to its cell in its file", () => {
    const details = sheetNamed(sheets, "问题明细");
    const rows = tableOf(details, HEADER_ROW);
    const fromJson = doc.files.flatMap((f) =>
      f.sheets.flatMap((s) =>
        [...s.findings, ...s.forms.flatMap((form) => form.findings)]
          .filter((x) => x.severity !== "info")
          .map((x) => `${f.path}|${s.name}|${x.cell}|${codeName(x.code)}`)
      )
    );
    expect(fromJson.length).toBeGreaterThan(4);
    expect(rows.map((r) => `${r["文件"]}|${r["工作表"]}|${r["单元格"]}|${r["问题"]}`).sort()).toEqual(
      fromJson.sort()
    );
    for (const r of rows) {
      const link = details.links.get(`C${String(r.__row)}`);
      expect(link, String(r["单元格"])).toBeDefined();
      if (!link) continue;
      // The target, relative to the summary's folder, is the file; the location is its sheet and cell.
      const target = resolve(dirname(out), decodeURIComponent(link.target));
      expect(target).toBe(resolve(String(r["文件"])));
      expect(link.location).toBe(`'${String(r["工作表"])}'!${String(r["单元格"])}`);
      const book = readWorkbook(new Uint8Array(readFileSync(target)));
      expect(book.sheets.map((s) => s.name)).toContain(r["工作表"]);
    }
  });

  it("links every file row to its file (and a form's row to its sheet)", () => {
    const summary = sheets[0];
    for (const r of tableOf(summary, HEADER_ROW)) {
      const link = summary.links.get(`A${String(r.__row)}`);
      expect(link, String(r["文件"])).toBeDefined();
      expect(resolve(dirname(out), decodeURIComponent(link?.target ?? ""))).toBe(resolve(String(r["文件"])));
      expect(existsSync(resolve(String(r["文件"])))).toBe(true);
      if (r["状态"] === "通过" || r["状态"] === "需修改") expect(link?.location).toMatch(/^'.+'!A\d+$/);
    }
  });

  it("prints A4 landscape at a fixed readable scale, header rows repeated; frozen, filtered header", () => {
    for (const s of sheets) {
      expect(s.pageSetup, s.name).toMatchObject({ orientation: "landscape", scale: "75" });
      expect(s.pageSetup.paperSize).toBe("9"); // A4
      // Never shrunk to one page width: that printed the text at 4–5 pt.
      expect(s.fitToPage, s.name).toBe(false);
      expect(s.pageSetup.fitToWidth, s.name).toBeUndefined();
    }
    for (const s of [sheets[0], sheets[1]]) {
      expect(s.printTitles, s.name).toBe(`'${s.name}'!$${HEADER_ROW}:$${HEADER_ROW}`);
      expect(s.pane).toMatchObject({ ySplit: String(HEADER_ROW), state: "frozen" });
      expect(s.autoFilter).toMatch(new RegExp(`^A${HEADER_ROW}:[A-Z]+\\d+$`));
    }
    expect(sheets[0].rows[HEADER_ROW - 1]).toEqual([...H, reviewText.fingerprintHeader]);
  });

  it("says when, with which profile and version, over what", () => {
    const line = String(sheets[0].cells.get("A2"));
    expect(line).toMatch(/^生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(line).toContain("评分规则 mof2020");
    expect(line).toMatch(/zpb \d+\.\d+\.\d+/);
    expect(line).toContain(inputs);
    expect(line).toContain("1 个其他文件");
  });

  it("counts by department and grade, and lists the most frequent problems on 统计", () => {
    const stats = sheetNamed(sheets, "统计");
    const col = (title: string) => stats.rows.findIndex((r) => r[0] === title);
    const department = col(cliText.byDepartment);
    expect(department).toBeGreaterThan(0);
    const after = (start: number) => stats.rows.slice(start + 2).filter((r) => r.length > 0);
    const departments = after(department);
    expect(departments.find((r) => r[0] === "上海市普陀区桃浦镇人民政府")?.[1]).toBe(3);
    expect(departments.find((r) => r[0] === "上海市闵行区吴泾镇人民政府")?.[1]).toBe(1);
    const grades = stats.rows.slice(col(cliText.gradeTitle) + 2, col(cliText.gradeTitle) + 7);
    expect(grades.map((r) => r[0])).toEqual(["优", "良", "中", "差", "无等级"]);
    expect(grades.reduce((n, r) => n + Number(r[2]), 0)).toBe(4); // recomputed: every form has one
    expect(grades.find((r) => r[0] === "无等级")?.[1]).toBe(1); // one form prints no grade
    const names = new Set(Object.values(CODE_NAME));
    const codes = stats.rows.slice(col(cliText.codeTitle) + 2).filter((r) => names.has(String(r[0])));
    expect(codes.length).toBeGreaterThan(0);
    const counts = codes.map((r) => Number(r[2]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("writes no text that a spreadsheet could read as a formula", () => {
    for (const s of sheets) for (const t of s.texts) expect(t, s.name).not.toMatch(/^[=+\-@]/);
  });
});

describe("the summary never reads what it writes", () => {
  it("leaves a previous summary and report inside the input folder out of the inputs", async () => {
    const inputs = join(dir, "收到的表");
    await mkdir(inputs);
    await copyFile(single("2023-taopu-003"), join(inputs, "2.xlsx"));
    const out = join(inputs, "汇总.xlsx");
    const report = join(inputs, "报告.html");
    expect((await zpb("check", inputs, "--summary", out, "--report", report)).code).toBe(1);
    const again = await zpb("check", inputs, "--summary", out, "--report", report);
    expect(again.code).toBe(1);
    const rows = tableOf(readSummary(out)[0], HEADER_ROW);
    expect(rows.map((r) => r["文件"])).toEqual([join(inputs, "2.xlsx")]);
    expect(again.out).not.toContain("汇总.xlsx\n");
  });

  it("knows a summary of an earlier run found in an input folder: accounted for, never checked", async () => {
    const inputs = join(dir, "收到的表");
    await mkdir(inputs);
    await copyFile(single("2023-taopu-003"), join(inputs, "2.xlsx"));
    await copyFile(fixture("forms-2023-putuo-taopu-001-070.xlsx"), join(inputs, "桃浦.xlsx"));
    const old = join(inputs, "上周的汇总.xlsx");
    expect((await zpb("check", inputs, "--summary", old)).code).toBe(1);
    const out = join(dir, "汇总.xlsx");
    const run = await zpb("check", inputs, "--summary", out);
    expect(run.code).toBe(1);
    expect(run.out).toContain(cliText.ownOutputs(old));
    expect(run.out).not.toContain("「汇总」");
    const rows = tableOf(readSummary(out)[0], HEADER_ROW).filter((r) => r["文件"] === old);
    expect(rows.map((r) => [r["状态"], r[H[16]]])).toEqual([["不是自评表", cliText.ownOutput]]);
    // Given by name, it is checked like any file.
    expect((await zpb("check", "--json", old)).code).toBeLessThan(2);
  });

  it("escapes a project name that starts like a formula", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(single("2023-taopu-001"));
    book.worksheets[0].getCell("C3").value = '=HYPERLINK("http://x")项目';
    const file = join(dir, "表.xlsx");
    await book.xlsx.writeFile(file);
    const out = join(dir, "汇总.xlsx");
    await zpb("check", file, "--summary", out);
    const texts = readSummary(out).flatMap((s) => s.texts);
    expect(texts.some((t) => t.includes("HYPERLINK"))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(/^[=+\-@]/);
  });
});

describe("zpb check --summary onto a checked workbook", () => {
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
    expect(run.out).toContain(cliText.summaryWritten(out, 2));
  });
});

describe("the summary of forms that share a sheet or a content", () => {
  it("gives a row and a link per form of a sheet, and finds a form filed twice under two names", async () => {
    const inputs = join(dir, "收到的表");
    await mkdir(inputs);
    await twoFormsWorkbook(single("2023-taopu-001"), single("2023-taopu-003"), join(inputs, "两张.xlsx"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(single("2023-taopu-006"));
    await book.xlsx.writeFile(join(inputs, "a.xlsx"));
    book.worksheets[0].getCell("C3").value = "改了名字的项目";
    await book.xlsx.writeFile(join(inputs, "b.xlsx"));
    const out = join(dir, "汇总.xlsx");
    await zpb("check", inputs, "--summary", out);
    const [summary, , stats] = readSummary(out);
    const rows = tableOf(summary, HEADER_ROW).filter((r) => String(r["文件"]).endsWith("两张.xlsx"));
    expect(rows.map((r) => r["项目名称"]).sort()).toEqual([
      "安全办-消防安全专项经费",
      "财政所-财政管理专项经费",
    ]);
    const locations = rows.map((r) => summary.links.get(`A${String(r.__row)}`)?.location);
    expect(locations).toContain("'安全办-消防安全专项经费'!A1");
    expect(locations.find((l) => l !== "'安全办-消防安全专项经费'!A1")).toMatch(
      /^'安全办-消防安全专项经费'!A\d+$/
    );
    const start = stats.rows.findIndex((r) => r[0] === cliText.duplicateTitle);
    const duplicates = stats.rows.slice(start + 2).filter((r) => r.length > 1);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0][2]).toBe(cliText.duplicateWhy.content);
    expect(String(duplicates[0][5])).toContain("a.xlsx");
    expect(String(duplicates[0][5])).toContain("b.xlsx");
  });
});
