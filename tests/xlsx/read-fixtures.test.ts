import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkbook, type WorkbookSnapshot } from "../../src/hosts/xlsx";
import { FORMS_DIR, at, fixture } from "./helpers";

interface IndexEntry {
  id: string;
  workbook: string;
  sheet: string;
  total_row: number;
}
interface BudgetRow {
  initial: number | null;
  weight: number | string | null;
  rate: number | null;
  rate_text: string | null;
}
interface Indicator {
  level3: string;
  weight: number | string | null;
  weight_text: string | null;
  score: number | string | null;
  placeholder?: boolean;
}
interface FormRecord {
  id: string;
  year: number;
  project: string;
  budget: { rows: BudgetRow[] };
  indicators: Indicator[];
  total: { weight: number; score: number | null };
}

const index = JSON.parse(readFileSync(FORMS_DIR + "sheet-index.json", "utf8")) as IndexEntry[];
const records = new Map<string, FormRecord>();
for (const f of ["forms-2022-minhang-wujing.json", "forms-2023-putuo-taopu-001-070.json"]) {
  for (const r of JSON.parse(readFileSync(FORMS_DIR + f, "utf8")) as FormRecord[]) records.set(r.id, r);
}
const books = new Map<string, WorkbookSnapshot>();
function book(rel: string): WorkbookSnapshot {
  let b = books.get(rel);
  if (!b) books.set(rel, (b = readWorkbook(fixture(rel), { file: rel })));
  return b;
}

describe("reading the real forms", () => {
  it("lists every sheet of each workbook in order, all visible", () => {
    const y2022 = book("forms-2022-minhang-wujing.xlsx").sheets;
    const y2023 = book("forms-2023-putuo-taopu-001-070.xlsx").sheets;
    expect(y2022).toHaveLength(23);
    expect(y2023).toHaveLength(70);
    const expected2023 = index
      .filter((e) => e.workbook === "forms-2023-putuo-taopu-001-070.xlsx")
      .map((e) => e.sheet);
    expect(y2023.map((s) => s.name)).toEqual(expected2023);
    expect(new Set(y2023.map((s) => s.state))).toEqual(new Set(["visible"]));
    expect(y2023[0].path).toMatch(/^xl\/worksheets\/.+\.xml$/);
  });

  it.each(index.map((e) => [`${e.workbook} · ${e.sheet}`, e] as const))(
    "%s matches its record",
    (_n, entry) => {
      const rec = records.get(entry.id);
      expect(rec, entry.id).toBeDefined();
      if (!rec) return;
      const sheet = book(entry.workbook).sheets.find((s) => s.name === entry.sheet);
      expect(sheet).toBeDefined();
      if (!sheet) return;
      const g = sheet.grid;
      expect(g.top).toBe(0);
      expect(g.left).toBe(0);
      expect(at(g, "C3").value).toBe(rec.project);
      const b = rec.budget.rows[0];
      expect(at(g, "C6").value).toBe("年度资金总额");
      if (b.initial !== null) expect(at(g, "D6").value).toBeCloseTo(b.initial, 9);
      if (typeof b.weight === "number") expect(at(g, "G6").value).toBe(b.weight);
      const rate = at(g, "H6");
      if (rec.year === 2022 && b.rate !== null && b.rate_text?.endsWith("%")) {
        expect(rate.value).toBeCloseTo(b.rate / 100, 9);
        const decimals = b.rate_text.includes(".") ? b.rate_text.split(".")[1].length - 1 : 0;
        expect(rate.format).toBe(decimals ? `0.${"0".repeat(decimals)}%` : "0%");
      }
      if (rec.year === 2023 && b.rate !== null) {
        expect(rate.value).toBe(b.rate);
        expect(rate.format).toBe("0.00");
      }
      const l3 = rec.year === 2022 ? "D" : "C";
      rec.indicators.forEach((ind, k) => {
        const row = 13 + k;
        expect(at(g, `${l3}${row}`).value ?? "").toBe(ind.level3);
        if (typeof ind.weight === "number") expect(at(g, `G${row}`).value).toBe(ind.weight);
        else if (ind.weight_text) expect(at(g, `G${row}`).value).toBe(ind.weight_text);
        if (typeof ind.score === "number") expect(at(g, `H${row}`).value).toBe(ind.score);
        if (rec.year === 2023 && typeof ind.weight === "number") expect(at(g, `G${row}`).format).toBe("0.00");
      });
      expect(at(g, `A${entry.total_row}`).value).toBe("总分");
      expect(at(g, `G${entry.total_row}`).value).toBe(rec.total.weight);
      if (rec.total.score !== null)
        expect(at(g, `H${entry.total_row}`).value).toBeCloseTo(rec.total.score, 9);
      const merges = g.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`);
      expect(merges).toContain("0,0:0,8"); // A1:I1
      if (rec.year === 2023)
        expect(merges).toContain("12,2:12,3"); // C13:D13
      else expect(merges).toContain(`${entry.total_row - 1},0:${entry.total_row - 1},5`); // A{total}:F{total}
    }
  );

  it("reads the 2022 H6 rate of 人口工作 as 0.96 shown as a percentage", () => {
    const g = book("single/2022-wujing-003.xlsx").sheets[0].grid;
    expect(at(g, "H6")).toEqual({ value: 0.96, formula: null, format: "0%" });
    expect(at(g, "D6").format).toBe("0.00");
  });

  it("reads every cell of a single-sheet workbook as its sheet in the multi-sheet workbook", () => {
    const single = book("single/2023-taopu-042.xlsx").sheets[0];
    const multi = book("forms-2023-putuo-taopu-001-070.xlsx").sheets.find((s) => s.name === single.name);
    expect(multi?.grid.values).toEqual(single.grid.values);
    expect(multi?.grid.formats).toEqual(single.grid.formats);
  });
});
