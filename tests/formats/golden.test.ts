/**
 * Golden test of the formats people send: the real Shanghai workbooks and the outside forms saved as .xls
 * and .ods by LibreOffice and as .xlsb by @e965/xlsx's writer (tests/formats/convert.ts) read, sheet by
 * sheet, to the same grids and the same forms, totals, grades, findings and planned fixes as the .xlsx.
 *
 * What a round trip changes, and is therefore left out:
 * - .ods: nothing (the merged areas that hold no value, which the library does not report, and sheet
 *   visibility are read from content.xml by src/hosts/legacy/ods-scan.ts).
 * - .xlsb: the library's writer keeps no formulas; values, formats and merged areas are compared.
 * - BIFF5 .xls: the library's BIFF5 writer cannot write Chinese text (it writes "_"), so a BIFF5 copy is
 *   compared on its numbers and number formats only (that writer keeps no merged areas either); and only for the
 *   one-sheet workbooks, since every sheet name of the same length becomes the same "____".
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Grid, Scalar } from "../../src/core/grid";
import { resolveProfile } from "../../src/core/index";
import { checkFile } from "../../src/cli/check";
import type { FileResult } from "../../src/cli/types";
import { readSpreadsheet } from "../../src/hosts/legacy/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { SOURCES, convertedDir, convertedOf, soffice, type Converted } from "./convert";

const profile = resolveProfile(undefined);
let dir = "";

beforeAll(async () => {
  if (!soffice && process.env.CI) throw new Error("LibreOffice (soffice) is required in CI");
  if (soffice) dir = await convertedDir();
}, 300_000);

/** What a check says of every form: range, recomputed figures, findings and the planned patches. */
function verdicts(result: FileResult): unknown {
  return result.sheets.map((s) => ({
    sheet: s.name,
    hidden: s.hidden,
    findings: s.findings.map((f) => `${f.code}@${f.cell}`),
    forms: s.forms.map(({ report, patches }) => ({
      range: report.range,
      project: report.project,
      total: report.total,
      grade: report.grade,
      findings: report.findings.map((f) => `${f.severity} ${f.code}@${f.cell}`).sort(),
      patches: patches.map((p) => `${p.sheet}!${p.cell}=${JSON.stringify(p.value)}`).sort(),
    })),
  }));
}

type Keep = { values: "all" | "numbers"; formulas: boolean; merges: "all" | "none" };

const blank = (v: Scalar | undefined): Scalar => (v === "" || v === undefined ? null : v);

/** Every cell of a grid as "A1-style key → value|formula|format", with what the round trip keeps. */
function cells(grid: Grid, keep: Keep): Map<string, string> {
  const out = new Map<string, string>();
  for (const key in grid.values) {
    const r = Number(key);
    const line = grid.values[r];
    for (const ck in line) {
      const c = Number(ck);
      let value = blank(line[c]);
      if (keep.values === "numbers" && typeof value === "string") value = null;
      const formula = keep.formulas ? (grid.formulas?.[r]?.[c] ?? null) : null;
      const format = grid.formats?.[r]?.[c] ?? null;
      if (value === null && formula === null && format === null) continue;
      const v = typeof value === "number" ? Number(value.toPrecision(12)) : value;
      out.set(`${grid.top + r},${grid.left + c}`, JSON.stringify([v, formula, format]));
    }
  }
  return out;
}

function merges(grid: Grid, keep: Keep): string[] {
  if (keep.merges === "none") return [];
  return grid.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
}

const KEEP: Record<Converted, Keep> = {
  xls: { values: "all", formulas: true, merges: "all" },
  ods: { values: "all", formulas: true, merges: "all" },
  xlsb: { values: "all", formulas: false, merges: "all" },
  "biff5.xls": { values: "numbers", formulas: false, merges: "none" },
};

describe.skipIf(!soffice && !process.env.CI)("the real workbooks in the other formats", () => {
  const names = SOURCES.map((s) => s.replace(/^.*\/forms\//, ""));
  describe.each(["xls", "ods", "xlsb", "biff5.xls"] as const)("as .%s", (format) => {
    const read = format === "biff5.xls" ? names.filter((n) => n.startsWith("outside/")) : names;
    it.each(read)("%s reads to the same grids", async (name) => {
      const source = SOURCES[names.indexOf(name)];
      const want = readWorkbook(readFileSync(source)).sheets;
      const book = await readSpreadsheet(readFileSync(convertedOf(dir, source, format)));
      expect(book.format).toBe(format === "ods" ? "ods" : format === "xlsb" ? "xlsb" : "xls");
      expect(book.sheets.length).toBe(want.length);
      want.forEach((sheet, i) => {
        const got = book.sheets[i];
        if (format !== "biff5.xls") expect(got.name).toBe(sheet.name);
        expect(got.state).toBe(sheet.state);
        expect(Object.fromEntries(cells(got.grid, KEEP[format]))).toEqual(
          Object.fromEntries(cells(sheet.grid, KEEP[format]))
        );
        expect(merges(got.grid, KEEP[format])).toEqual(merges(sheet.grid, KEEP[format]));
      });
    });

    it.skipIf(format === "biff5.xls").each(names)(
      "%s gives the same forms, totals, grades, findings and fixes",
      async (name) => {
        const source = SOURCES[names.indexOf(name)];
        const want = await checkFile(source, { profile });
        const got = await checkFile(convertedOf(dir, source, format), { profile });
        expect(got.error).toBeNull();
        expect(verdicts(got)).toEqual(verdicts(want));
        expect(want.sheets.flatMap((s) => s.forms).length).toBeGreaterThan(0);
      }
    );
  });
});
