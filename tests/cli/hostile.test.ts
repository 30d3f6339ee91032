/**
 * Huge and hostile files through `zpb check`: a batch goes on past every file that fails, each failure is
 * that file's one Chinese line, and the summary is still written. Generated in a temporary folder.
 */
import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import { fixture as formFixture } from "../xlsx/helpers";
import { bomb, millionRows, strayCell, zipOf } from "../xlsx/hostile";
import { hasStack, tempDir, zpb } from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const base = formFixture("single/2023-taopu-003.xlsx");

describe("a folder of hostile files", () => {
  it("reports each bad file on its own line, checks the others, and writes the summary", async () => {
    await writeFile(join(dir, "1-正常.xlsx"), base);
    await writeFile(join(dir, "2-炸弹.xlsx"), bomb(base, 24));
    await writeFile(join(dir, "3-远处一格.xlsx"), strayCell(base));
    await writeFile(join(dir, "4-文档.xlsx"), zipOf({ "word/document.xml": "<w:document/>" }));
    await writeFile(join(dir, "5-空.xlsx"), new Uint8Array(0));
    await writeFile(join(dir, "6-表格.xlsx"), "项目名称,得分\n消防,98\n");
    const summary = join(dir, "汇总.xlsx");
    const run = await zpb("check", dir, "--summary", summary);
    expect(run.code).toBe(2);
    expect(hasStack(run.err)).toBe(false);
    const lines = run.err.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/2-炸弹\.xlsx：文件过大，未检查.*压缩炸弹/);
    expect(lines[1]).toMatch(/4-文档\.xlsx：这是 Word 文档/);
    expect(lines[2]).toMatch(/5-空\.xlsx：文件是空的/);
    expect(lines[3]).toMatch(/6-表格\.xlsx：这是 CSV 或纯文本文件/);
    expect((await stat(summary)).size).toBeGreaterThan(0);
    const json = await zpb("check", "--json", dir);
    const doc = JSON.parse(json.out) as JsonDocument;
    const read = doc.files.filter((f) => f.error === null && f.sheets.length > 0).map((f) => f.path);
    // The summary written above is known as one and never read as an input (it is listed, saying so).
    expect(read.map((p) => p.slice(dir.length + 1))).toEqual(["1-正常.xlsx", "3-远处一格.xlsx"]);
    expect(doc.files.find((f) => f.path === summary)).toMatchObject({ status: "no-form", sheets: [] });
    const [normal, stray] = doc.files.filter((f) => f.error === null && f.sheets.length > 0);
    const findings = (f: typeof normal) =>
      JSON.stringify(f.sheets.map((s) => s.forms.map((x) => x.findings)));
    expect(findings(normal)).toContain("SCORE_MISMATCH");
    expect(findings(stray)).toBe(findings(normal));
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 30_000);
});

describe("a workbook of a million rows", () => {
  it("is checked whole: the form on one sheet, the million rows of 明细 read as not a form", async () => {
    const file = join(dir, "百万行.xlsx");
    await writeFile(file, millionRows(base));
    const run = await zpb("check", "--json", file);
    expect(run.err).toBe("");
    const doc = JSON.parse(run.out) as JsonDocument;
    const [form, rows] = doc.files[0].sheets;
    expect(form.forms[0].findings.map((f) => `${f.code}@${f.cell}`)).toEqual(
      expect.arrayContaining(["SCORE_MISMATCH@H23", "SCORE_MISMATCH@H30"])
    );
    expect(rows.name).toBe("明细");
    expect(rows.forms).toEqual([]);
    expect(rows.findings.map((f) => f.code)).toEqual(["LAYOUT_NOT_FOUND"]);
    expect(run.code).toBe(1);
  }, 240_000); // a guard against a hang, not a timing: a busy machine takes many times the usual seconds
});
