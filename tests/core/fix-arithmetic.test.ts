/**
 * Spec §5, §7: a fix keeps the form's own arithmetic. Over every real form, and real forms damaged at random
 * (cells turned into formulas, text, error values; weights and scores changed), the patches applied to the
 * grid and the sheet analysed again give no new TOTAL_MISMATCH or GRADE_MISMATCH, never a 总分 above 100, a
 * second fix that plans nothing, and no patch outside the cells the rules name.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeSheet, parseA1 } from "../../src/core";
import type { FormAnalysis, Grid, Patch, Scalar, SheetAnalysis } from "../../src/core";
import { allPatches, applyPatches, cleanInds, dense, mofForm, OUTSIDE, SHANGHAI, stack } from "./sheet";

const FORMS = [...SHANGHAI, ...OUTSIDE];

const arithmetic = (a: SheetAnalysis) =>
  a.forms.flatMap((f) =>
    f.report.findings
      .filter((x) => x.code === "TOTAL_MISMATCH" || x.code === "GRADE_MISMATCH")
      .map((x) => `${x.code}@${x.cell}`)
  );

/** The cells a fix may write in a form, by what it writes (spec §7). */
function allowed(f: FormAnalysis): (p: Patch) => boolean {
  const r = f.report;
  const scores = new Set(r.indicators.map((i) => i.scoreCell));
  const reasons = new Set(r.indicators.map((i) => i.reasonCell));
  const rateCol = r.budget.rateCell === null ? null : parseA1(r.budget.rateCell).col;
  return (p) => {
    if (p.row < r.top || p.row > r.bottom) return false;
    switch (p.what) {
      case "score":
        return scores.has(p.cell);
      case "reason":
        return reasons.has(p.cell);
      case "budgetScore":
        return p.cell === r.budget.cell;
      // 执行率 is checked (and written) on every budget row with a base: the column of the 年度资金总额 row's.
      case "rate":
        return p.col === rateCol;
      case "total":
        return p.cell === r.total.cell;
      case "grade":
        return p.cell === r.grade.cell;
    }
  };
}

/** Every property of one fix on one grid. */
function checkFix(grid: Grid, label: string) {
  const before = analyzeSheet(grid);
  const patches = allPatches(before);
  for (const f of before.forms) {
    const ok = allowed(f);
    for (const p of f.patches) expect(ok(p), `${label}: ${p.what} ${p.cell}`).toBe(true);
    for (const p of f.patches.filter((x) => x.what === "total"))
      expect(Number(p.value), `${label}: total ${p.cell}`).toBeLessThanOrEqual(100);
  }
  // At most one patch per cell.
  expect(new Set(patches.map((p) => p.cell)).size, label).toBe(patches.length);
  const fixed = applyPatches(grid, patches);
  const after = analyzeSheet(fixed);
  const had = new Set(arithmetic(before));
  const isFormula = (cell: string | null) => {
    if (cell === null) return false;
    const { row, col } = parseA1(cell);
    return (grid.formulas?.[row - grid.top]?.[col - grid.left] ?? null) !== null;
  };
  // A 总分 that is a formula is never written, and nothing recalculates it in memory: the form's arithmetic
  // then waits for the spreadsheet to recalculate (its grade is written from the recomputed total).
  const recalculated = new Set(
    before.forms.filter((f) => isFormula(f.report.total.cell)).map((f) => f.report.top)
  );
  // A 评分等级 cell holding what is no grade ("十分", 0) is never overwritten (README); it is told once as
  // VALUE_UNREADABLE, so writing an empty 总分 gives no new GRADE_MISMATCH either.
  const kept = (x: string) => {
    const cell = x.slice(x.indexOf("@") + 1);
    const { row } = parseA1(cell);
    const form = before.forms.find((f) => row >= f.report.top && row <= f.report.bottom);
    return isFormula(cell) || (form !== undefined && recalculated.has(form.report.top));
  };
  expect(
    arithmetic(after).filter((x) => !had.has(x) && !kept(x)),
    `${label}: new arithmetic findings`
  ).toEqual([]);
  expect(allPatches(after), `${label}: fix after fix`).toEqual([]);
  expect(after.forms.length, label).toBe(before.forms.length);
  after.forms.forEach((f, i) => {
    const was = before.forms[i];
    // A written total is what the cells hold after the fix.
    if (was.patches.some((p) => p.what === "total")) {
      expect(f.report.total.submitted, label).toBe(f.report.total.printedSum);
      expect(f.report.total.submitted, label).toBe(was.report.total.recomputed);
    }
    // The recomputed reading does not move: the fix wrote what the rules give.
    expect(f.report.total.recomputed, label).toBe(was.report.total.recomputed);
  });
  return { before, after, patches };
}

describe("applyPatches", () => {
  it("writes each patch into a copy of the grid and leaves the grid as it was", () => {
    const rows = cleanInds();
    rows[0] = { ...rows[0], actual: "8(次)" };
    const grid = mofForm({ rows, total: 100, grade: "优" });
    const copy = structuredClone(grid);
    const { patches } = analyzeSheet(grid).forms[0];
    expect(patches.map((p) => p.cell)).toEqual(["G7", "H7", "G10"]);
    const fixed = applyPatches(grid, patches);
    expect(grid).toEqual(copy);
    expect([fixed.values[6][6], fixed.values[9][6]]).toEqual([40, 90]);
    expect(String(fixed.values[6][7])).toMatch(/^【待说明】/);
  });
});

describe("fix arithmetic on every real form", () => {
  it("no new TOTAL_MISMATCH / GRADE_MISMATCH, no total above 100, fix after fix plans nothing, patches where the rules say", () => {
    let written = 0;
    for (const g of FORMS) written += checkFix(g, g.name).patches.length;
    expect(written).toBeGreaterThan(100);
  });

  it("a fixed form passes its own arithmetic where its 总分 was written", () => {
    for (const g of FORMS) {
      const { before, after } = checkFix(g, g.name);
      before.forms.forEach((f, i) => {
        if (!f.patches.some((p) => p.what === "total")) return;
        expect(
          after.forms[i].report.findings.map((x) => x.code),
          g.name
        ).not.toContain("TOTAL_MISMATCH");
      });
    }
  });
});

/** Damage to one cell: a formula over its value, text, an error value, a number, or nothing. */
type Damage =
  | { kind: "formula" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "empty" }
  | { kind: "shift"; by: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: "formula" as const }),
  fc.record({
    kind: fc.constant("text" as const),
    text: fc.constantFrom("十分", "#REF!", "#VALUE!", "#N/A", "#DIV/0!", "满分", "优", "达成指标", "—"),
  }),
  fc.record({ kind: fc.constant("number" as const), value: fc.integer({ min: 0, max: 120 }) }),
  fc.constant({ kind: "empty" as const }),
  fc.record({ kind: fc.constant("shift" as const), by: fc.integer({ min: -10, max: 10 }) })
);

/** Where to damage: a score, the total, the grade, the budget score or rate, or any cell of the indicator rows. */
const target = fc.record({
  where: fc.constantFrom("score", "total", "grade", "budget", "rate", "any", "any"),
  pick: fc.nat(1000),
  col: fc.nat(12),
});

function damaged(g: Grid, hits: { where: string; pick: number; col: number; d: Damage }[]): Grid {
  const form = analyzeSheet(g).forms[0];
  const d = dense(g);
  if (!form) return g;
  const r = form.report;
  for (const { where, pick, col, d: dmg } of hits) {
    let cell: string | null = null;
    if (where === "score" && r.indicators.length) cell = r.indicators[pick % r.indicators.length].scoreCell;
    else if (where === "total") cell = r.total.cell;
    else if (where === "grade") cell = r.grade.cell;
    else if (where === "budget") cell = r.budget.cell;
    else if (where === "rate") cell = r.budget.rateCell;
    let row: number;
    let c: number;
    if (cell) ({ row, col: c } = parseA1(cell));
    else if (r.indicators.length) {
      row = r.indicators[pick % r.indicators.length].row - 1;
      c = col;
    } else continue;
    if (row >= d.values.length || c >= d.values[row].length) continue;
    const old: Scalar = d.values[row][c];
    if (dmg.kind === "formula") d.formulas[row][c] = "=SUM(A1:A2)";
    else if (dmg.kind === "text") d.values[row][c] = dmg.text;
    else if (dmg.kind === "number") d.values[row][c] = dmg.value;
    else if (dmg.kind === "empty") d.values[row][c] = null;
    // A weight or score changed by a few points.
    else if (typeof old === "number") d.values[row][c] = Math.max(0, old + dmg.by);
  }
  return { ...g, top: 0, left: 0, ...d };
}

describe("fix arithmetic on damaged real forms", () => {
  it("holds for random damage (formulas, text, error values, changed weights and scores)", () => {
    fc.assert(
      fc.property(
        fc.nat(FORMS.length - 1),
        fc.array(fc.record({ t: target, d: damage }), { minLength: 1, maxLength: 6 }),
        (i, hits) => {
          const g = damaged(
            FORMS[i],
            hits.map(({ t, d }) => ({ ...t, d }))
          );
          checkFix(g, `${FORMS[i].name} damaged`);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("holds on two damaged forms stacked on one sheet", () => {
    fc.assert(
      fc.property(
        fc.nat(FORMS.length - 1),
        fc.nat(FORMS.length - 1),
        fc.array(fc.record({ t: target, d: damage }), { minLength: 1, maxLength: 4 }),
        (i, j, hits) => {
          const first = damaged(
            FORMS[i],
            hits.map(({ t, d }) => ({ ...t, d }))
          );
          const { grid } = stack([first, FORMS[j]], 1);
          checkFix(grid, `${FORMS[i].name} + ${FORMS[j].name}`);
        }
      ),
      { numRuns: 100 }
    );
  });

  it("a total that would pass 100 is never written (FIX_HELD), nor the scores it sums", () => {
    const rows = cleanInds();
    // Weights 50 + 30 + 10 + budget 10 = 100, but a score above its weight keeps the total over 100.
    rows[2] = { ...rows[2], actual: "达成指标", target: "满意", score: 12 };
    const grid = mofForm({ rows, total: null, grade: null });
    const a = analyzeSheet(grid).forms[0];
    expect(a.report.total.recomputed).toBe(102);
    expect(a.report.findings.map((f) => f.code)).toContain("FIX_HELD");
    expect(a.patches.filter((p) => p.what === "total" || p.what === "grade")).toEqual([]);
    checkFix(grid, "over 100");
  });

  it("a score the total rests on held in a formula: neither the total nor the other scores are written", () => {
    const rows = cleanInds();
    rows[0] = { ...rows[0], actual: "8(次)" };
    rows[1] = { ...rows[1], actual: "90(人)" };
    const grid = mofForm({ rows, total: 100, grade: "优" });
    grid.formulas = grid.values.map((line, r) => line.map((_, c) => (r === 6 && c === 6 ? "=50" : null)));
    const a = analyzeSheet(grid).forms[0];
    expect(a.report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(
      expect.arrayContaining(["FORMULA_KEPT@G7", "FIX_HELD@G10"])
    );
    expect(a.patches.map((p) => p.what).sort()).toEqual(["reason", "reason"]);
    checkFix(grid, "formula");
  });
});
