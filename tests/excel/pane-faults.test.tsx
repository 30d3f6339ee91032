// @vitest-environment jsdom
/**
 * The pane over the Excel host when Excel fails mid-write: the MessageBar says what happened to the
 * sheet, and the next action works without reloading the pane.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createExcelHost } from "../../src/hosts/excel";
import { paneText } from "../../src/i18n/pane";
import { SETTINGS } from "../taskpane/fakes";
import { renderApp } from "../taskpane/render";
import { fakeFromXlsx } from "../fakes/excel/xlsx";

afterEach(cleanup);

// jsdom replaces the global URL class, which node:fs does not take: build a path instead.
const FORM = join(import.meta.dirname, "../fixtures/forms/single/2023-taopu-003.xlsx");
const button = (name: string) => screen.getByRole("button", { name });

async function paneOnForm() {
  const fake = await fakeFromXlsx(new Uint8Array(readFileSync(FORM)));
  const sheet = fake.activeSheet;
  renderApp({ host: createExcelHost(fake.run), initialSettings: SETTINGS });
  await screen.findByRole("heading", { name: "财政所-财政管理专项经费" });
  return { fake, sheet, user: userEvent.setup() };
}

describe("the pane when a write to Excel fails", () => {
  it("a lost answer: says the sheet was left as it was, and the next 一键重算 writes", async () => {
    const { fake, sheet, user } = await paneOnForm();
    fake.inject({ kind: "reject-after" });
    await user.click(button(paneText.fix));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("工作表保持原样");
    expect(fake.cell(sheet, "H23").value).toBe(2);
    await waitFor(() => expect(button(paneText.fix).hasAttribute("disabled")).toBe(false));

    await user.click(button(paneText.fix));
    expect(await screen.findByText(paneText.applied(3, 1))).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(fake.cell(sheet, "H23").value).toBe(0);
  });

  it("a write that fails half-way with Excel unreachable after: names the cells; 检查 then 撤销 restores them", async () => {
    const { fake, sheet, user } = await paneOnForm();
    const cells = ["H23", "H30", "H31"];
    const before = cells.map((c) => fake.cell(sheet, c).value);
    fake.inject({ kind: "fail-at-write", write: 3 }); // the snapshot and H23 written, then the failure
    // The recovery's read fails too (and its one retry in another form).
    for (let i = 0; i < 2; i++) fake.inject({ kind: "reject-after", when: () => true });
    await user.click(button(paneText.fix));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(`“${sheet}”的 H23、H30、H31可能已被写入`);
    expect(fake.cell(sheet, "H23").value).not.toBe(before[0]);
    expect(fake.armedFaults).toBe(0);

    await user.click(button(paneText.check));
    await waitFor(() => expect(button(paneText.revert).hasAttribute("disabled")).toBe(false));
    await user.click(button(paneText.revert));
    expect(await screen.findByText(paneText.reverted(1, 1))).toBeTruthy();
    expect(cells.map((c) => fake.cell(sheet, c).value)).toEqual(before);
  });
});
