// @vitest-environment jsdom
/** Browser mode with the real core and xlsx codec: open a form, see findings, fix in memory, download. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cellAt } from "../../src/core/grid";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { createFileHost } from "../../src/hosts/file";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { SETTINGS } from "./fakes";
import { isDisabled, renderApp } from "./render";

afterEach(cleanup);

// jsdom replaces the global URL class, which node:fs does not take: build a path instead.
const FORM = join(import.meta.dirname, "../fixtures/forms/single/2023-taopu-003.xlsx");

function formFile(): File {
  return new File([readFileSync(FORM)], "2023-taopu-003.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

describe("browser mode", () => {
  it("opens a workbook, previews it, fixes it in memory and downloads the result", async () => {
    const save = vi.fn<(bytes: Uint8Array, name: string) => void>();
    const host = createFileHost(xlsxCodec, save);
    renderApp({ host, initialSettings: SETTINGS });
    expect(screen.getByText(paneText.fileIntro)).toBeTruthy();
    expect(isDisabled(screen.getByRole("button", { name: paneText.check }))).toBe(true);
    expect(isDisabled(screen.getByRole("button", { name: paneText.download }))).toBe(true);

    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(paneText.fileInput), formFile());
    expect(await screen.findByRole("heading", { name: "财政所-财政管理专项经费" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: paneText.chooseSheet })).toBeTruthy();
    const item = screen.getByText("H23").closest("button");
    expect(item?.textContent).toContain("软件系统故障发生数");

    await user.click(item as HTMLElement);
    const preview = screen.getByRole("region", { name: "财政所-财政管理专项经费" });
    await waitFor(() =>
      expect(preview.querySelector('[aria-current="true"]')?.getAttribute("data-address")).toBe("H23")
    );

    await user.click(screen.getByRole("button", { name: paneText.fix }));
    expect(await screen.findByText(paneText.applied(3, 1))).toBeTruthy();
    expect(isDisabled(screen.getByRole("button", { name: paneText.revert }))).toBe(false);

    await user.click(screen.getByRole("button", { name: paneText.download }));
    expect(save).toHaveBeenCalledTimes(1);
    const [bytes, name] = save.mock.calls[0];
    expect(name).toBe("2023-taopu-003.checked.xlsx");
    const grid = readWorkbook(bytes).sheets[0].grid;
    expect(cellAt(grid, 22, 7).value).toBe(0); // H23
    expect(cellAt(grid, 29, 7).value).toBe(9.38); // H30
    expect(cellAt(grid, 30, 7).value).toBe(90.38); // H31 总分
  });

  it("calls a file that is not a spreadsheet 不是电子表格文件, and offers nothing to download", async () => {
    renderApp({ host: createFileHost(xlsxCodec, vi.fn()), initialSettings: SETTINGS });
    const bad = new File(["hello"], "bad.xlsx");
    await userEvent.setup({ applyAccept: false }).upload(screen.getByLabelText(paneText.fileInput), bad);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(paneText.notSpreadsheetTitle);
    expect(alert.textContent).toContain("bad.xlsx");
    expect(screen.getByRole("button", { name: paneText.download }).getAttribute("aria-disabled")).toBe(
      "true"
    );
  });

  it("shows a damaged workbook in a MessageBar", async () => {
    renderApp({ host: createFileHost(xlsxCodec, vi.fn()), initialSettings: SETTINGS });
    const bad = new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0])], "bad.xlsx");
    await userEvent.setup({ applyAccept: false }).upload(screen.getByLabelText(paneText.fileInput), bad);
    expect((await screen.findByRole("alert")).textContent).toContain("无法读取“bad.xlsx”");
  });
});
