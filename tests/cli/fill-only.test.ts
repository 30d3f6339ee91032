/**
 * A form with no error or warning that 一键重算 would still write into (an empty 执行率) is 需修改: every paper
 * a person reads says which cell and what will be filled in — never a 需修改 row with nothing to act on.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { tempDir, WORKBOOK_2022, zpb } from "./helpers";

const FORM = "平安家园工程经费";
let dir = "";
let cleanup = async () => undefined as void;
let brief = "";

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const run = await zpb(
    "check",
    WORKBOOK_2022,
    "--brief",
    "--summary",
    join(dir, "汇总.xlsx"),
    "--letters",
    join(dir, "审核意见")
  );
  brief = run.out;
});
afterAll(async () => cleanup());

describe("a form that is 需修改 only for a cell 一键重算 fills in", () => {
  it("is 需修改 in --brief, which says how many cells 一键重算 would write", () => {
    const line = brief.split("\n").find((l) => l.includes(`「${FORM}」`)) ?? "";
    expect(line).toMatch(/^【需修改】/);
    expect(line).toContain("错误 0 个，警告 0 个，一键重算会改写 1 个单元格");
  });

  it("names the cell and the value on the summary's row and in 问题明细", async () => {
    const book = XLSX.read(await readFile(join(dir, "汇总.xlsx")));
    const rows = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name], { header: 1 });
    const row = rows(book.SheetNames[0]).find((r) => r.includes(FORM)) ?? [];
    expect(row).toContain("需修改");
    expect(
      row.some((c) => typeof c === "string" && c.startsWith("H7：") && c.includes("一键重算会填入"))
    ).toBe(true);
    const problems = rows(book.SheetNames[1]).filter((r) => r.includes(FORM));
    expect(problems.map((r) => r.find((c) => c === "H7"))).toEqual(["H7"]);
  });

  it("lists the cell under the form in its department's letter, never an empty table", async () => {
    const html = await readFile(join(dir, "审核意见", "上海市闵行区吴泾镇人民政府.html"), "utf8");
    const at = html.indexOf(FORM);
    expect(at).toBeGreaterThan(-1);
    const section = html.slice(at, html.indexOf("</table>", at));
    expect(section).toContain("H7");
    expect(section).toContain("执行率未填写");
  });
});
