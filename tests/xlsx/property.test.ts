import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Grid, Scalar } from "../../src/core/grid";
import type { Patch } from "../../src/core/types";
import { a1 } from "../../src/core/address";
import { WorkbookError, applyPatches, readWorkbook } from "../../src/hosts/xlsx";
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
