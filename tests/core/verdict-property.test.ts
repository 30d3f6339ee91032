/**
 * The verdict under damage (spec/cli.md "Verdicts", scoring.md §5): over every real form in tests/fixtures
 * (the Shanghai workbooks, single/, outside/), with random damage — weights blanked, the total row relabelled,
 * scores removed, a sheet replaced by text, a header word replaced by an unknown synonym — a form called 通过
 * was read, has a recomputed total within its full marks, no error finding, and fix plans no write in it.
 * Seeded and bounded.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeSheet } from "../../src/core";
import type { Grid, Scalar, SheetAnalysis } from "../../src/core";
import { locateForms } from "../../src/core/layout";
import { dense, loadGrids } from "./variants";
import { applyPatches } from "./sheet";

const SINGLE = readdirSync(new URL("../fixtures/forms/single/", import.meta.url)).filter((f) =>
  f.endsWith(".xlsx")
);
const OUTSIDE = readdirSync(new URL("../fixtures/forms/outside/", import.meta.url)).filter((f) =>
  f.endsWith(".xlsx")
);

/** Every real form sheet, with where its columns and rows stand (read once, undamaged). */
const REAL = [
  ...loadGrids("forms-2022-minhang-wujing.xlsx"),
  ...loadGrids("forms-2023-putuo-taopu-001-070.xlsx"),
  ...SINGLE.flatMap((f) => loadGrids(`single/${f}`)),
  ...OUTSIDE.flatMap((f) => loadGrids(`outside/${f}`)),
]
  .map((grid) => ({ grid, layout: locateForms(grid).forms[0] }))
  .filter((x) => x.layout !== undefined);

const TOTAL_WORDS = ["得分合计", "合计得分", "总得分", "自评总分", "合计", "总计", "得 分 合 计"];
const UNKNOWN_WORDS = ["满分", "考核得分", "标准", "结果", "指标情况", "完成情况", "目标", "分"];

type Damage =
  | { kind: "blankWeights"; pick: boolean[] }
  | { kind: "relabelTotal"; word: string }
  | { kind: "removeScores"; pick: boolean[] }
  | { kind: "text"; seed: number }
  | { kind: "synonym"; role: "weight" | "score" | "target" | "actual"; word: string };

const pick = fc.array(fc.boolean(), { minLength: 40, maxLength: 40 });
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("blankWeights" as const), pick }),
  fc.record({ kind: fc.constant("relabelTotal" as const), word: fc.constantFrom(...TOTAL_WORDS) }),
  fc.record({ kind: fc.constant("removeScores" as const), pick }),
  fc.record({ kind: fc.constant("text" as const), seed: fc.nat(1000) }),
  fc.record({
    kind: fc.constant("synonym" as const),
    role: fc.constantFrom("weight" as const, "score" as const, "target" as const, "actual" as const),
    word: fc.constantFrom(...UNKNOWN_WORDS),
  })
);

/** The real form at `index` with one or two kinds of damage done to it. */
function damaged(index: number, hurts: Damage[]): Grid {
  const { grid, layout } = REAL[index % REAL.length];
  const d = dense(grid);
  const set = (r: number, c: number | null, v: Scalar) => {
    if (c === null || r >= d.values.length) return;
    while (d.values[r].length <= c) d.values[r].push(null);
    d.values[r][c] = v;
    if (d.formulas[r]) d.formulas[r][c] = null;
  };
  const { cols, rows } = layout;
  for (const hurt of hurts) {
    switch (hurt.kind) {
      case "blankWeights":
        rows.forEach((r, i) => hurt.pick[i % 40] && set(r, cols.weight, null));
        break;
      case "removeScores":
        rows.forEach((r, i) => hurt.pick[i % 40] && set(r, cols.score, null));
        break;
      case "relabelTotal": {
        const r = layout.totalRow;
        if (r === null) break;
        const c = d.values[r].findIndex((v) => typeof v === "string" && v.trim() !== "");
        if (c >= 0 && c < cols.target) set(r, c, hurt.word);
        break;
      }
      case "text":
        d.values = d.values.map((line, r) =>
          line.map((v, c) => (v === null ? null : `说明第${(r * 7 + c + hurt.seed) % 97}条`))
        );
        break;
      case "synonym": {
        const col = cols[hurt.role];
        if (col !== null) set(layout.headerRow, col, hurt.word);
        break;
      }
    }
  }
  return {
    name: grid.name,
    top: 0,
    left: 0,
    values: d.values,
    formats: d.formats,
    formulas: d.formulas,
    merges: grid.merges,
  };
}

/**
 * Check and fix agree: every cell fix writes has a finding at that cell, or — for a 总分 or 评分等级 that follows
 * from scores fix rewrites (findings do not cascade, §5) — the form has a finding at a cell fix rewrites.
 */
function checkAgree(sheet: SheetAnalysis): void {
  for (const { report, patches } of sheet.forms) {
    const told = new Set(report.findings.map((f) => f.cell));
    const rows = patches.filter((p) => p.what !== "total" && p.what !== "grade");
    for (const p of rows) expect(told.has(p.cell), `${sheet.name} ${p.cell} ${p.what}`).toBe(true);
    for (const p of patches.filter((x) => x.what === "total" || x.what === "grade"))
      expect(told.has(p.cell) || rows.some((r) => r.what !== "reason"), `${sheet.name} ${p.cell}`).toBe(true);
  }
}

/** What must hold of every form called 通过. */
function checkPassing(sheet: SheetAnalysis): number {
  let passed = 0;
  for (const { report, patches } of sheet.forms) {
    if (report.status !== "pass") continue;
    passed++;
    expect(report.indicators.length, report.range).toBeGreaterThan(0);
    expect(report.total.recomputed, report.range).not.toBeNull();
    expect(report.total.recomputed ?? Infinity).toBeLessThanOrEqual(100);
    if (report.total.submitted !== null) expect(report.total.submitted).toBeLessThanOrEqual(100);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(patches, `${sheet.name} ${report.range}`).toEqual([]);
    expect(
      sheet.status === "pass" ||
        sheet.status === "fix" ||
        sheet.status === "unscored" ||
        sheet.status === "unreadable"
    ).toBe(true);
  }
  return passed;
}

describe("a form called 通过 was read, is within its full marks, has no error, and fix leaves it untouched", () => {
  it("holds on every real form as it is", () => {
    expect(REAL.length).toBeGreaterThan(100);
    let passed = 0;
    for (const { grid } of REAL) {
      const sheet = analyzeSheet(grid);
      passed += checkPassing(sheet);
      checkAgree(sheet);
      // Without prompts the verdict is the same.
      const bare = analyzeSheet(grid, { prompts: false });
      expect(bare.forms.map((f) => f.report.status)).toEqual(sheet.forms.map((f) => f.report.status));
    }
    expect(passed).toBeGreaterThan(0);
  });

  it("holds on real forms with random damage", () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.nat(REAL.length - 1), fc.array(damage, { minLength: 1, maxLength: 2 }), (i, hurts) => {
        const grid = damaged(i, hurts);
        const sheet = analyzeSheet(grid);
        passed += checkPassing(sheet);
        checkAgree(sheet);
        if (hurts.some((h) => h.kind === "text"))
          expect(sheet.forms.every((f) => f.report.status !== "pass")).toBe(true);
      }),
      { seed: 20261207, numRuns: 250 }
    );
    // The property is exercised: damaged forms still read as 通过 where the damage leaves them whole.
    expect(passed).toBeGreaterThan(10);
  });

  it("a form that needs only what fix writes is 通过 once fixed, and fix then plans nothing", () => {
    let fixed = 0;
    for (const { grid } of REAL) {
      const before = analyzeSheet(grid);
      before.forms.forEach((f, i) => {
        if (f.report.status !== "fix" || f.report.findings.some((x) => x.severity === "error")) return;
        const after = analyzeSheet(applyPatches(grid, f.patches)).forms[i];
        expect(after.report.status, `${grid.name} ${f.report.range}`).toBe("pass");
        expect(after.patches).toEqual([]);
        fixed++;
      });
    }
    expect(fixed).toBeGreaterThan(0);
  });
});
