import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAt, type Grid, type Scalar } from "../../src/core/grid";
import { analyzeSheet } from "../../src/core/index";
import type { Patch } from "../../src/core/types";
import { a1 } from "../../src/core/address";
import { WorkbookError, applyPatches, readWorkbook, writePatches } from "../../src/hosts/xlsx";
import { fixture } from "./helpers";

function raw(grid: Grid, row: number, col: number): { value: Scalar; format: string | null } {
  const r = row - grid.top;
  const c = col - grid.left;
  return { value: grid.values[r]?.[c] ?? null, format: grid.formats?.[r]?.[c] ?? null };
}

const bytes = fixture("single/2023-taopu-029.xlsx");
const before = readWorkbook(bytes).sheets[0];
const name = before.name;

// Texts a spreadsheet could not take for a formula, with XML specials, controls and Excel's _xHHHH_ look-alikes.
const text = fc
  .oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom(
      "a&b<c>\"d'",
      "_x0041_",
      "tab\there\nline\rcr",
      "  空格  ",
      "",
      "]]>",
      "\u0001\u001f",
      "&amp;"
    )
  )
  .filter((s) => !/^[=+\-@]/.test(s));
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0.1 + 0.2, 1e-7, 123456789.123, -0)
);
const patchArb = fc.record({
  row: fc.nat({ max: 45 }),
  col: fc.nat({ max: 11 }),
  value: fc.oneof(text, number),
});

describe("random patches round-trip through applyPatches and readWorkbook", () => {
  it("reads back every patched value, and every other cell and format as it was", () => {
    fc.assert(
      fc.property(fc.array(patchArb, { minLength: 1, maxLength: 25 }), (items) => {
        const patches: Patch[] = items.map((p) => ({
          sheet: name,
          row: p.row,
          col: p.col,
          cell: a1(p.row, p.col),
          old: null,
          value: p.value,
          what: "reason",
        }));
        const last = new Map(patches.map((p) => [`${p.row},${p.col}`, p]));
        const after = readWorkbook(applyPatches(bytes, patches)).sheets[0].grid;
        for (const p of last.values()) {
          const got = raw(after, p.row, p.col);
          const want = typeof p.value === "number" && Object.is(p.value, -0) ? 0 : p.value;
          expect(got.value, p.cell).toEqual(want);
          const old = raw(before.grid, p.row, p.col);
          if (old.format !== null) expect(got.format, p.cell).toBe(old.format);
        }
        const g = before.grid;
        for (let r = 0; r < g.values.length; r++) {
          for (let c = 0; c < g.values[r].length; c++) {
            if (last.has(`${r + g.top},${c + g.left}`)) continue;
            expect(raw(after, r + g.top, c + g.left)).toEqual(raw(g, r + g.top, c + g.left));
          }
        }
        expect(after.merges).toEqual(g.merges);
      }),
      { numRuns: 60 }
    );
  });
});

describe("damaged files", () => {
  it("either read or fail with a WorkbookError, never another error", () => {
    const small = fixture("single/2022-wujing-008.xlsx");
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat({ max: small.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }),
          {
            minLength: 1,
            maxLength: 8,
          }
        ),
        // Mostly whole files with flipped bytes (the directory, headers, deflate streams), sometimes truncated.
        fc.oneof(fc.constant(small.length), fc.constant(small.length), fc.nat({ max: small.length })),
        (flips, cut) => {
          const damaged = small.slice(0, Math.max(cut, 1));
          for (const f of flips) if (f.at < damaged.length) damaged[f.at] ^= f.xor;
          for (const run of [() => readWorkbook(damaged), () => applyPatches(damaged, [])]) {
            try {
              run();
            } catch (err) {
              expect(err).toBeInstanceOf(WorkbookError);
            }
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});

/** Every stored cell of a grid, by absolute "row,col", as cellAt reads it (holes and nulls alike empty). */
function cellsOf(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  grid.values.forEach((line, r) =>
    line.forEach((_v, c) => {
      const cell = cellAt(grid, r + grid.top, c + grid.left);
      if (cell.value !== null || cell.formula !== null)
        out.set(`${r + grid.top},${c + grid.left}`, JSON.stringify([cell.value, cell.formula]));
    })
  );
  return out;
}

/** The patches of every form of every sheet of a workbook's bytes. */
function planned(bytes: Uint8Array): { patches: Patch[]; grids: Map<string, Grid> } {
  const book = readWorkbook(bytes);
  const grids = new Map(book.sheets.map((s) => [s.name, s.grid]));
  const patches = book.sheets.flatMap((s) => analyzeSheet(s.grid).forms.flatMap((f) => f.patches));
  return { patches, grids };
}

const FORMS = [
  "single/2022-wujing-003.xlsx",
  "single/2022-wujing-008.xlsx",
  "single/2023-taopu-003.xlsx",
  "single/2023-taopu-029.xlsx",
].map((f) => fixture(f));

// What a clerk types into a form's cells, wrong or odd: numbers, numbers as text, words, blanks.
const typed = fc.oneof(
  fc.double({ min: -5, max: 200, noNaN: true }),
  fc.integer({ min: 0, max: 100 }),
  fc.constantFrom("十分", "96%", "≥80%", "", "  ", "达成指标", "部分达成", "无", "9.5分", "—", "优", "中")
);

describe("damaged real forms through read, layout, rules, fix and revert, at the file level", () => {
  it("never throws; a fix writes only its planned cells; a second fix plans nothing; revert restores", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: FORMS.length - 1 }),
        fc.array(fc.record({ row: fc.nat({ max: 35 }), col: fc.nat({ max: 9 }), value: typed }), {
          maxLength: 12,
        }),
        (which, edits) => {
          const original = FORMS[which];
          const sheet = readWorkbook(original).sheets[0].name;
          const damage: Patch[] = edits.map((e) => ({
            sheet,
            row: e.row,
            col: e.col,
            cell: a1(e.row, e.col),
            old: null,
            value: e.value,
            what: "score",
          }));
          let damaged: Uint8Array;
          try {
            damaged = applyPatches(original, damage);
          } catch (err) {
            // A formula cell of the form was hit: that damage cannot be typed over, as in Excel.
            expect((err as { reason?: string }).reason).toBe("formula");
            return;
          }
          const first = planned(damaged);
          const fixed = writePatches(damaged, first.patches);
          expect(fixed.locked).toEqual([]);
          const second = planned(fixed.bytes);
          // Fix after fix changes nothing.
          expect(second.patches.map((p) => `${p.cell}=${p.value}`)).toEqual([]);
          // No write outside the planned cells.
          const before = cellsOf(first.grids.get(sheet)!);
          const after = cellsOf(second.grids.get(sheet)!);
          const touched = new Set(first.patches.map((p) => `${p.row},${p.col}`));
          for (const key of new Set([...before.keys(), ...after.keys()])) {
            if (!touched.has(key)) expect(after.get(key), key).toBe(before.get(key));
          }
          // Revert (every old value written back) gives the original cells.
          const revert = first.patches.map((p) => ({ ...p, value: p.old === null ? "" : p.old }));
          const reverted = planned(applyPatches(fixed.bytes, revert as Patch[]));
          expect(cellsOf(reverted.grids.get(sheet)!)).toEqual(before);
        }
      ),
      { numRuns: 40 }
    );
  });
});
