// @vitest-environment jsdom
/**
 * Browser mode on the six-sheet sample with the real core and codec: the pane opens on the first sheet with
 * errors, the sheet list shows each sheet's counts, a clean sheet says others have errors, and
 * 全部一键重算 then 下载 gives a workbook that checks exactly like `zpb fix` of the same file.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fixFile } from "../../src/cli/fix";
import { analyzeSheet, resolveProfile } from "../../src/core/index";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { createFileHost } from "../../src/hosts/file";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { SETTINGS } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

const SAMPLE = join(import.meta.dirname, "../../samples/自评表-示例.xlsx");
const sample = () => new File([readFileSync(SAMPLE)], "自评表-示例.xlsx");

/** What the engine says of every sheet of a workbook: the comparison `zpb check` would make. */
function checked(bytes: Uint8Array) {
  return readWorkbook(bytes).sheets.map((s) => analyzeSheet(s.grid, SETTINGS));
}

describe("browser mode on a workbook of several sheets", () => {
  it("opens on the first sheet with errors; the sheet list shows counts; a clean sheet says others have errors", async () => {
    renderApp({ host: createFileHost(xlsxCodec, vi.fn()), initialSettings: SETTINGS });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(paneText.fileInput), sample());
    const sheets = await screen.findByRole("combobox", { name: paneText.chooseSheet });
    await waitFor(() => expect((sheets as HTMLSelectElement).value).toBe("财政所-财政管理专项经费"));
    const options = within(sheets)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options[0]).toBe(
      paneText.sheetOption("安全办-消防安全专项经费", { error: 0, warning: 0, status: "pass" })
    );
    expect(options[1]).toBe(
      paneText.sheetOption("财政所-财政管理专项经费", { error: 1, warning: 1, status: "fix" })
    );
    expect(options[5]).toBe(paneText.sheetOption("说明", null));
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: paneText.findings }));

    await user.selectOptions(sheets, "安全办-消防安全专项经费");
    expect(await screen.findByText(paneText.cleanElsewhere(3, 0))).toBeTruthy();
    expect(screen.queryByText(paneText.cleanTitle)).toBeNull();

    await user.selectOptions(sheets, "说明");
    expect(await screen.findByText(paneText.emptyTitle)).toBeTruthy();
    expect(screen.getByText(paneText.notFormBodyFile)).toBeTruthy();
  });

  it("全部一键重算 then 下载 checks exactly like zpb fix of the same file", async () => {
    const save = vi.fn<(bytes: Uint8Array, name: string) => void>();
    renderApp({ host: createFileHost(xlsxCodec, save), initialSettings: SETTINGS });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(paneText.fileInput), sample());
    await screen.findByRole("heading", { name: paneText.findings });
    await user.click(screen.getByRole("button", { name: paneText.fixAll }));
    await user.click(await screen.findByRole("button", { name: paneText.confirmWrite }));
    await screen.findByRole("heading", { name: /^已写入的单元格/ });
    await user.click(screen.getByRole("button", { name: paneText.download }));
    const [bytes, name] = save.mock.calls[0];
    expect(name).toBe("自评表-示例.checked.xlsx");

    const output = join(mkdtempSync(join(tmpdir(), "zpb-pane-")), "fixed.xlsx");
    await fixFile(SAMPLE, { profile: resolveProfile("mof2020"), output });
    const cli = new Uint8Array(readFileSync(output));
    expect(checked(bytes)).toEqual(checked(cli));
    expect(checked(bytes).flatMap((s) => s.forms.flatMap((f) => f.patches))).toEqual([]);
  });
});
