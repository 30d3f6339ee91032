/** Shared set-up of the Excel host tests: fixtures, a fake workbook, hand-made patches. */
import { readFileSync } from "node:fs";
import type { Grid, Scalar } from "../../src/core/grid";
import { a1 } from "../../src/core/address";
import type { Patch } from "../../src/core/types";
import { fakeFromXlsx, gridsFromXlsx } from "../fakes/excel/xlsx";
import type { FakeExcel } from "../fakes/excel";

export const SINGLE_FORMS = [
  "2022-wujing-001",
  "2022-wujing-003",
  "2022-wujing-006",
  "2022-wujing-008",
  "2022-wujing-011",
  "2023-taopu-001",
  "2023-taopu-003",
  "2023-taopu-006",
  "2023-taopu-029",
  "2023-taopu-042",
];
export const WORKBOOK_70 = "forms-2023-putuo-taopu-001-070.xlsx";
export const WORKBOOK_23 = "forms-2022-minhang-wujing.xlsx";

/** The bytes of a fixture under tests/fixtures/forms. */
export function fixture(path: string): Uint8Array {
  return readFileSync(new URL(`../fixtures/forms/${path}`, import.meta.url));
}

export const singleForm = (id: string) => fixture(`single/${id}.xlsx`);

/** A fake Excel holding a fixture workbook, plus the file's own grids as exceljs reads them. */
export async function openFixture(path: string): Promise<{ fake: FakeExcel; file: Grid[] }> {
  const bytes = fixture(path);
  const fake = await fakeFromXlsx(bytes);
  const { grids } = await gridsFromXlsx(bytes);
  return { fake, file: grids };
}

/** A patch on the cell at an A1 address; `old` is taken from the grid. */
export function patch(
  grid: Grid,
  address: string,
  value: number | string,
  what: Patch["what"] = "score"
): Patch {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]) - 1;
  col -= 1;
  const raw = grid.values[row - grid.top]?.[col - grid.left] ?? null;
  const old: Scalar = raw === "" ? null : raw;
  return { sheet: grid.name, row, col, cell: a1(row, col), old, value, what };
}

/** The real forms with the most merged areas (33–45 each). */
export const MERGE_HEAVY_FORMS = [
  "2023-taopu-001",
  "2023-taopu-003",
  "2023-taopu-006",
  "2023-taopu-029",
  "2023-taopu-042",
];

/**
 * One sheet holding `count` real forms stacked top to bottom (two empty rows between them), as a reviewer's
 * summary sheet does: 16 of them carry over 600 merged areas, more than Excel lists in one request.
 */
export async function stackedForms(count: number, name = "汇总"): Promise<Grid> {
  const forms = await Promise.all(
    MERGE_HEAVY_FORMS.map(async (id) => (await gridsFromXlsx(singleForm(id))).grids[0])
  );
  const out: Grid = { name, top: 0, left: 0, values: [], formulas: [], formats: [], merges: [] };
  for (let i = 0; i < count; i++) {
    const g = forms[i % forms.length];
    const at = out.values.length - g.top;
    g.values.forEach((line, r) => {
      out.values.push([...line]);
      out.formulas!.push(line.map((_, c) => g.formulas?.[r]?.[c] ?? null));
      out.formats!.push(line.map((_, c) => g.formats?.[r]?.[c] ?? null));
    });
    for (const m of g.merges)
      out.merges.push({ top: m.top + at, bottom: m.bottom + at, left: m.left, right: m.right });
    if (i < count - 1)
      for (let k = 0; k < 2; k++) {
        out.values.push([]);
        out.formulas!.push([]);
        out.formats!.push([]);
      }
  }
  return out;
}
