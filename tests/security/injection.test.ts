/**
 * Formula injection: no text the add-in writes — a fix's patches (prompts, grades, rates typed as text)
 * or the summary workbook's cells, which quote file names, project names and findings — may start with
 * = + - @ or a tab / CR / LF, whatever the sheets it read contained.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import { safeText } from "../../src/core/fix";
import type { Grid, Scalar } from "../../src/core/grid";
import type { Patch } from "../../src/core/types";
import { workbookBytes, type Value } from "../../src/cli/xlsxout";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { buildForm, filler } from "../core/builder";

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Texts an attacker or a careless user could leave in a sheet. */
const HOSTILE = [
  '=HYPERLINK("http://x.example","点击")',
  "=1+1",
  "+1",
  "-1",
  "@SUM(A1)",
  "\t=1",
  "\r=1",
  "\n=1",
  "=cmd|' /C calc'!A0",
  "-",
  "--",
  "+",
  "=",
  "@",
];

const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("", " ", "优", "良好")
);
const cell: fc.Arbitrary<Scalar> = fc.oneof(
  text,
  fc.constant(null),
  fc.integer({ min: -20, max: 120 }),
  fc.constantFrom("≥90(%)", "=0(件)", "96%", "-96%", "+5", "=100%", "达成指标", "部分达成")
);

/** The patches of every form the core found on the sheet (one result or one per form). */
function patchesOf(grid: Grid): Patch[] {
  const result = analyzeSheet(grid) as unknown as { patches?: Patch[]; forms?: { patches: Patch[] }[] };
  return result.patches ?? result.forms?.flatMap((f) => f.patches) ?? [];
}

const hostileForm = fc
  .record({
    rows: fc.array(
      fc.record({
        name: text,
        target: cell,
        actual: cell,
        weight: fc.constantFrom(10, 20, 30),
        score: cell,
        reason: cell,
      }),
      { minLength: 1, maxLength: 3 }
    ),
    rate: cell,
    score: cell,
    total: cell,
    grade: cell,
  })
  .map(({ rows, rate, score, total, grade }) => {
    const used = rows.reduce((n, r) => n + r.weight, 0);
    return buildForm({
      budget: { annual: 100, executed: 96, weight: 10, rate, score },
      rows: [...rows, ...filler(used)],
      total,
      grade,
    });
  });

describe("formula injection", () => {
  it("safeText never returns a text that starts a formula", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...HOSTILE)), (s) => {
        expect(safeText(s)).not.toMatch(FORMULA_START);
        if (!FORMULA_START.test(s)) expect(safeText(s)).toBe(s);
      }),
      { numRuns: 500 }
    );
  });

  it("no patch text starts a formula, on forms full of hostile texts", () => {
    let texts = 0;
    fc.assert(
      fc.property(hostileForm, (grid) => {
        for (const p of patchesOf(grid)) {
          if (typeof p.value !== "string") continue;
          texts++;
          expect(p.value).not.toMatch(FORMULA_START);
        }
      }),
      { numRuns: 300 }
    );
    // The property is not vacuous: prompts, grades and rates typed as text were written.
    expect(texts).toBeGreaterThan(50);
  });

  it("no cell of the summary workbook starts a formula, whatever the inputs were called", () => {
    // The summary's writer (src/cli/xlsxout.ts) quotes file, sheet, project and department names and findings.
    const value: fc.Arbitrary<Value> = fc.oneof(
      text,
      fc.integer(),
      fc.record({ value: text, style: fc.constantFrom("normal" as const, "bad" as const) })
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const grid = readWorkbook(workbookBytes([{ name: "汇总", rows, headerRow: 1 }])).sheets[0].grid;
          const strings = grid.values.flat().filter((v): v is string => typeof v === "string");
          for (const s of strings) expect(s).not.toMatch(FORMULA_START);
          expect(grid.formulas?.flat().filter(Boolean) ?? []).toEqual([]);
        }
      ),
      { numRuns: 100 }
    );
  });
});
