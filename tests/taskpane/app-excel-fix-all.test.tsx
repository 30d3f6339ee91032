// @vitest-environment jsdom
/**
 * 全部一键重算 and 撤销 in the pane, on the real core and Excel host over the in-memory Excel fake, on the
 * six-sheet sample: every form of every sheet written in one apply (one revert snapshot), every sheet
 * restored by one 撤销, with the round trips counted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeSheet } from "../../src/core/index";
import { createExcelHost } from "../../src/hosts/excel";
import { paneText } from "../../src/i18n/pane";
import { sheetPatches } from "../../src/taskpane/analysis";
import { fakeFromXlsx, gridsFromXlsx } from "../fakes/excel/xlsx";
import { SETTINGS } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

const SAMPLE = join(import.meta.dirname, "../../samples/自评表-示例.xlsx");

describe("全部一键重算 on the Excel host", () => {
  it("writes every sheet after a confirmation, and one 撤销 restores every sheet", async () => {
    const bytes = new Uint8Array(readFileSync(SAMPLE));
    const fake = await fakeFromXlsx(bytes);
    const { grids } = await gridsFromXlsx(bytes);
    const planned = grids.flatMap((g) => sheetPatches(analyzeSheet(g, SETTINGS)));
    const sheets = new Set(planned.map((p) => p.sheet));
    expect(sheets.size).toBeGreaterThan(1);
    const value = (p: (typeof planned)[number]) =>
      fake.model.getCell(fake.sheet(p.sheet), p.row, p.col).value;
    const before = planned.map(value);

    renderApp({ host: createExcelHost(fake.run), initialSettings: SETTINGS });
    await screen.findByRole("heading", { name: paneText.findings });
    await waitFor(() =>
      expect(screen.getByRole("button", { name: paneText.fixAll }).getAttribute("aria-disabled")).not.toBe(
        "true"
      )
    );
    fake.resetCounters();
    const user = userEvent.setup();

    await user.click(screen.getByRole("button", { name: paneText.fixAll }));
    const confirm = await screen.findByRole("alertdialog");
    expect(confirm.textContent).toContain(
      paneText.confirmAll({ cells: planned.length, sheets: sheets.size })
    );
    expect(fake.syncCount).toBe(3); // names, sizes, cells of every sheet
    expect(planned.map(value)).toEqual(before); // nothing written before the confirmation
    expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: paneText.confirmWrite }));

    fake.resetCounters();
    await user.click(within(confirm).getByRole("button", { name: paneText.confirmWrite }));
    const written = await screen.findByRole("heading", { name: paneText.writtenTitle(planned.length) });
    expect(planned.map(value)).toEqual(planned.map((p) => p.value));
    // 1 write for every sheet (the read answered protection, formulas and old values), 3 to check the
    // workbook again, 1 to select the first problem left.
    expect(fake.syncCount).toBe(5);
    expect(document.activeElement).toBe(written);
    expect(screen.getByTestId("live").textContent).toContain(paneText.applied(planned.length, sheets.size));

    fake.resetCounters();
    await user.click(screen.getByRole("button", { name: paneText.revert }));
    await screen.findByText(paneText.reverted(planned.length, sheets.size));
    expect(planned.map(value)).toEqual(before);
    // 2 to revert (load the snapshot, write), 3 to check the workbook again, 1 for the active sheet.
    expect(fake.syncCount).toBe(6);
  });
});
