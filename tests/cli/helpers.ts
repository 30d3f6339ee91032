/** Helpers of the command's tests: fixture paths, an in-process run with captured output, temp folders. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { checkFile } from "../../src/cli/check";
import type { JsonDocument } from "../../src/cli/json";
import { runCli } from "../../src/cli/run";
import { resolveProfile } from "../../src/core/index";
import type { FormStatus } from "../../src/core/status";
import type { PlannedWrites } from "./contract";

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

/**
 * The fix plan behind a `check --json` document (default profile): for every file that gave sheets, the number
 * of cells 一键重算 would write in each form, read afresh from the file. The verdict depends on it.
 */
export async function plannedWrites(doc: JsonDocument): Promise<PlannedWrites> {
  const plans = new Map<string, number[][]>();
  for (const file of doc.files) {
    if (file.error !== null || file.sheets.length === 0) continue;
    const result = await checkFile(file.path, { profile: resolveProfile() });
    plans.set(
      file.path,
      result.sheets.map((s) => s.forms.map((f) => f.patches.length))
    );
  }
  return plans;
}

/**
 * The status a form must have (spec/cli.md "Verdicts", src/core/status.ts): 需修改 with an error finding; 未评分
 * without a recomputed total; 需修改 where 一键重算 would still write a cell; else 通过.
 */
export function expectedStatus(
  form: { findings: readonly { severity: string }[]; total: { recomputed: number | null } },
  writes: number
): FormStatus {
  if (form.findings.some((f) => f.severity === "error")) return "fix";
  if (form.total.recomputed === null) return "unscored";
  return writes > 0 ? "fix" : "pass";
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
