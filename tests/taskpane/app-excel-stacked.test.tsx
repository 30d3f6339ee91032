// @vitest-environment jsdom
/**
 * A sheet of 16 stacked real forms (over 512 merged areas, more than Excel lists in one request), in the
 * pane on the Excel host over the fake that refuses such a request as Excel does: checked, fixed and
 * reverted in full, with the round trips counted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Grid } from "../../src/core/grid";
import { analyzeSheet } from "../../src/core/index";
import { createExcelHost } from "../../src/hosts/excel";
import { paneText } from "../../src/i18n/pane";
import { sheetPatches } from "../../src/taskpane/analysis";
import { FakeExcel } from "../fakes/excel";
import { MERGE_AREA_LIMIT } from "../fakes/excel/limits";
import { gridsFromXlsx } from "../fakes/excel/xlsx";
import { SETTINGS } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

const FORMS = ["2023-taopu-001", "2023-taopu-003", "2023-taopu-006", "2023-taopu-029", "2023-taopu-042"];

/** 16 real forms one under the other (two empty rows between), as one sheet. */
async function stacked(count: number): Promise<Grid> {
  const forms = await Promise.all(
    FORMS.map(async (id) => {
      const bytes = readFileSync(join(import.meta.dirname, `../fixtures/forms/single/${id}.xlsx`));
      return (await gridsFromXlsx(new Uint8Array(bytes))).grids[0];
    })
  );
  const out: Grid = { name: "汇总", top: 0, left: 0, values: [], formulas: [], formats: [], merges: [] };
  for (let i = 0; i < count; i++) {
    const g = forms[i % forms.length];
    const at = out.values.length - g.top;
    g.values.forEach((line, r) => {
      out.values.push([...line]);
      out.formulas!.push(line.map((_, c) => g.formulas?.[r]?.[c] ?? null));
      out.formats!.push(line.map((_, c) => g.formats?.[r]?.[c] ?? null));
    });
    for (const m of g.merges) out.merges.push({ ...m, top: m.top + at, bottom: m.bottom + at });
    for (let k = 0; i < count - 1 && k < 2; k++) {
      out.values.push([]);
      out.formulas!.push([]);
      out.formats!.push([]);
    }
  }
  return out;
}

describe("16 stacked forms on the Excel host", () => {
  it("checks every form, fixes them all and reverts them all", async () => {
    const sheet = await stacked(16);
    expect(sheet.merges.length).toBeGreaterThan(MERGE_AREA_LIMIT);
    const analysis = analyzeSheet(sheet, SETTINGS);
    expect(analysis.forms.length).toBe(16);
    const planned = sheetPatches(analysis);
    expect(planned.length).toBeGreaterThan(16);
    const fake = FakeExcel.fromGrids([sheet]);
    const value = (p: (typeof planned)[number]) => fake.model.getCell(fake.sheet("汇总"), p.row, p.col).value;
    const before = planned.map(value);

    renderApp({ host: createExcelHost(fake.run), initialSettings: SETTINGS });
    const fix = await screen.findByRole("button", { name: paneText.fix });
    await waitFor(() => expect(fix.getAttribute("aria-disabled")).not.toBe("true"));
    const user = userEvent.setup();
    await user.click(fix);
    await screen.findByText(paneText.applied(planned.length, 1));
    expect(planned.map(value)).toEqual(planned.map((p) => p.value));

    await user.click(screen.getByRole("button", { name: paneText.revert }));
    await screen.findByText(paneText.reverted(planned.length, 1));
    expect(planned.map(value)).toEqual(before);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
