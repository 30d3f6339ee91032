// @vitest-environment jsdom
/**
 * 设置 → 诊断信息 in Excel: one action runs every Excel call the add-in makes on a hidden scratch sheet and
 * shows host, version, requirement sets and each call's result as one text; the scratch sheet is gone
 * afterwards and the user's sheet was not touched.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createExcelHost } from "../../src/hosts/excel";
import { SCRATCH_PREFIX } from "../../src/hosts/excel/diagnose";
import { excelText } from "../../src/i18n/excel";
import { paneText } from "../../src/i18n/pane";
import { wpsText } from "../../src/i18n/wps";
import { fakeFromXlsx } from "../fakes/excel/xlsx";
import { fakeOffice } from "../fakes/excel/office";
import { SETTINGS } from "./fakes";
import { renderApp } from "./render";

const FORM = join(import.meta.dirname, "../fixtures/forms/single/2023-taopu-003.xlsx");
const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  cleanup();
  delete globals.Office;
});

describe("Excel diagnostics in the settings", () => {
  it("runs every call on a scratch sheet, shows one text to copy, and leaves no sheet behind", async () => {
    const fake = await fakeFromXlsx(new Uint8Array(readFileSync(FORM)));
    globals.Office = fakeOffice(fake).Office;
    const sheets = fake.model.sheets.map((s) => s.name);
    renderApp({ host: createExcelHost(fake.run), initialSettings: SETTINGS });
    await screen.findByRole("heading", { name: "财政所-财政管理专项经费" });
    await userEvent.click(screen.getByRole("button", { name: paneText.settings }));
    expect(screen.getByText(excelText.diagnoseHint)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: wpsText.diagnoseRun }));
    const box = (await screen.findByRole("textbox", { name: wpsText.diagnose })) as HTMLTextAreaElement;
    const text = box.value;
    expect(text.startsWith("自评表助手 诊断信息（Excel）")).toBe(true);
    for (const call of [
      "getMergedAreasOrNullObject",
      "getCellProperties",
      "写入并撤销：恢复原值",
      "Worksheet.delete",
    ])
      expect(text).toContain(call);
    expect(text).not.toContain("[失败]");
    expect(fake.model.sheets.map((s) => s.name)).toEqual(sheets);
    expect(fake.model.sheets.some((s) => s.name.startsWith(SCRATCH_PREFIX))).toBe(false);
    await waitFor(() => expect(screen.getByRole("button", { name: wpsText.diagnoseCopy })).toBeTruthy());
  });
});
