/** Helpers of the command's tests: fixture paths, an in-process run with captured output, temp folders. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { runCli } from "../../src/cli/run";

/** A file of tests/fixtures/forms. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/forms/${name}`, import.meta.url));
}

export const WORKBOOK_2022 = fixture("forms-2022-minhang-wujing.xlsx");
export const WORKBOOK_2023 = fixture("forms-2023-putuo-taopu-001-070.xlsx");
export const single = (id: string): string => fixture(`single/${id}.xlsx`);

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `zpb` in-process with the given arguments; colours off, no ZPB_DEBUG. */
export async function zpb(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    color: false,
    env: {},
  });
  return { code, out, err };
}

/** A fresh temporary folder, and its removal. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "zpb-cli-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Whether a text looks like a stack trace (what stderr must never show without ZPB_DEBUG). */
export function hasStack(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);
}

/** A valid workbook with one sheet that is not a form. */
export async function unrelatedWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("人员名单");
  sheet.addRow(["姓名", "科室", "电话"]);
  sheet.addRow(["张三", "财政所", "12345"]);
  await book.xlsx.writeFile(path);
}

/**
 * A real form with one header word removed (its indicator table's 实际完成值): it looks like a 自评表
 * but cannot be read.
 */
export async function unreadableForm(source: string, path: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  const sheet = book.worksheets[0];
  let removed = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === "实际完成值") {
        cell.value = null;
        removed++;
      }
    })
  );
  expect(removed).toBe(1);
  await book.xlsx.writeFile(path);
  return sheet.name;
}

/** A workbook whose one sheet holds the form of `first` and, two rows below it, the form of `second`. */
export async function twoFormsWorkbook(first: string, second: string, path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(first);
  const target = book.worksheets[0];
  const other = new ExcelJS.Workbook();
  await other.xlsx.readFile(second);
  const source = other.worksheets[0];
  const offset = target.rowCount + 2;
  source.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const to = target.getCell(r + offset, c);
      to.value = cell.value;
      to.numFmt = cell.numFmt;
    });
  });
  const merges = (source.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const shifted = range.replace(/(\d+)/g, (n) => String(Number(n) + offset));
    target.mergeCells(shifted);
  }
  await book.xlsx.writeFile(path);
}
