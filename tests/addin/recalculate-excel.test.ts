/** 一键重算 end to end without Excel: the real core and Excel host on the in-memory fake of the Excel API. */
import { describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { analyzeSheet } from "../../src/core/index";
import { createExcelHost } from "../../src/hosts/excel";
import { runRecalculate, type Notice } from "../../src/commands/recalculate";
import { FakeExcel } from "../fakes/excel";
import { fakeFromXlsx } from "../fakes/excel/xlsx";

const FORM = new URL("../fixtures/forms/single/2023-taopu-001.xlsx", import.meta.url);
const H13 = { row: 12, col: 7 }; // the first indicator's 得分 on this form (7 of 7 as submitted)

async function press(fake: FakeExcel) {
  const completed = vi.fn();
  const notices: Notice[] = [];
  const outcome = await runRecalculate(
    () => createExcelHost(fake.run),
    analyzeSheet,
    { completed },
    async (n) => {
      notices.push(n);
    }
  );
  return { completed, notices, outcome };
}

async function formWithWrongScore() {
  const fake = await fakeFromXlsx(readFileSync(FORM));
  const sheet = fake.model.sheets[fake.model.active];
  fake.model.setCell(sheet, H13.row, H13.col, { value: 3, formula: null });
  return { fake, sheet };
}

describe("一键重算 on the Excel host", () => {
  it("writes nothing on a correct form", async () => {
    const fake = await fakeFromXlsx(readFileSync(FORM));
    const { completed, outcome } = await press(fake);
    expect(outcome?.kind).toBe("clean");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("rewrites a wrong score in the workbook and says how many cells it wrote", async () => {
    const { fake, sheet } = await formWithWrongScore();
    const { completed, notices, outcome } = await press(fake);
    expect(outcome?.kind).toBe("fixed");
    expect(fake.model.getCell(sheet, H13.row, H13.col).value).toBe(7);
    expect(notices[0].message).toMatch(/写入 \d+ 处/);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("leaves a protected sheet untouched and explains why", async () => {
    const { fake, sheet } = await formWithWrongScore();
    sheet.protected = true;
    const { completed, notices, outcome } = await press(fake);
    expect(outcome).toMatchObject({ kind: "failed", reason: "protected" });
    expect(fake.model.getCell(sheet, H13.row, H13.col).value).toBe(3);
    expect(notices[0].message).toContain("撤销工作表保护");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("does nothing on a sheet that is not a form", async () => {
    const fake = FakeExcel.fromGrids([
      { name: "Sheet1", top: 0, left: 0, values: [["姓名", "电话"]], merges: [] },
    ]);
    const { completed, outcome } = await press(fake);
    expect(outcome).toEqual({ kind: "not-form", sheet: "Sheet1" });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
