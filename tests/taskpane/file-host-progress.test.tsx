// @vitest-environment jsdom
/** Browser mode while a workbook is read: progress, 取消, and the pane usable again right after. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeSheet } from "../../src/core/index";
import { gridFromRows } from "../../src/core/grid";
import {
  createFileHost,
  ReadCancelled,
  type ReadControl,
  type WorkbookData,
  type XlsxCodec,
} from "../../src/hosts/file";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { paneText } from "../../src/i18n/pane";
import { SETTINGS } from "./fakes";
import { isDisabled, renderApp } from "./render";

afterEach(cleanup);

const FORM = join(import.meta.dirname, "../fixtures/forms/single/2023-taopu-003.xlsx");
const file = (name: string) => new File([readFileSync(FORM)], name);

/** The first read reports 1 of 3 sheets and then waits until it is cancelled; later reads are real. */
function slowFirstRead(): XlsxCodec & { controls: ReadControl[] } {
  const controls: ReadControl[] = [];
  return {
    controls,
    read(bytes, control = {}) {
      controls.push(control);
      if (controls.length > 1) return xlsxCodec.read(bytes);
      control.onProgress?.(0, 0);
      control.onProgress?.(1, 3);
      return new Promise((_, reject) =>
        control.signal?.addEventListener("abort", () => reject(new ReadCancelled()))
      );
    },
    write: xlsxCodec.write,
  };
}

describe("opening a large workbook in browser mode", () => {
  it("shows progress and a cancel button; cancel stops the read and the next file opens", async () => {
    const codec = slowFirstRead();
    renderApp({ host: createFileHost(codec, vi.fn()), initialSettings: SETTINGS });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(paneText.fileInput), file("大文件.xlsx"));

    expect(await screen.findByRole("progressbar", { name: paneText.readingSheets(1, 3) })).toBeTruthy();
    expect(screen.getByText(paneText.readingSheets(1, 3))).toBeTruthy();
    expect(isDisabled(screen.getByRole("button", { name: paneText.open }))).toBe(true);
    await user.click(screen.getByRole("button", { name: paneText.cancelOpen }));

    expect(codec.controls[0].signal?.aborted).toBe(true);
    expect(await screen.findByText(paneText.openCancelled("大文件.xlsx"))).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("button", { name: paneText.cancelOpen })).toBeNull();
    expect(screen.getByText(paneText.fileIntro)).toBeTruthy(); // nothing of the cancelled file is shown

    await user.upload(screen.getByLabelText(paneText.fileInput), file("2023-taopu-003.xlsx"));
    expect(await screen.findByRole("heading", { name: "财政所-财政管理专项经费" })).toBeTruthy();
    expect(screen.queryByText(paneText.openCancelled("大文件.xlsx"))).toBeNull();
  });

  it("asks the reader to analyze with the pane's settings and uses those analyses for the sheet list", async () => {
    const asked: ReadControl[] = [];
    const codec: XlsxCodec = {
      read(bytes, control = {}) {
        asked.push(control);
        const [form] = (xlsxCodec.read(bytes) as WorkbookData).sheets;
        const analysis = analyzeSheet(form.grid, control.analyze);
        // A second sheet the reader says holds that form: only the reader's analysis can make it one.
        const other = { name: "备注", state: "visible", grid: gridFromRows("备注", [["备注"]]), analysis };
        return { sheets: [{ ...form, analysis }, other] };
      },
      write: xlsxCodec.write,
    };
    renderApp({ host: createFileHost(codec, vi.fn()), initialSettings: SETTINGS });
    await userEvent.setup().upload(screen.getByLabelText(paneText.fileInput), file("两表.xlsx"));
    expect(await screen.findByRole("heading", { name: "财政所-财政管理专项经费" })).toBeTruthy();
    expect(asked[0].analyze).toEqual({ profile: SETTINGS.profile, prompts: SETTINGS.prompts });
    const options = [
      ...screen.getByRole("combobox", { name: paneText.chooseSheet }).querySelectorAll("option"),
    ];
    expect(options.map((o) => o.textContent)).toEqual([
      paneText.sheetOption("财政所-财政管理专项经费", { error: 1, warning: 1, status: "fix" }),
      paneText.sheetOption("备注", { error: 1, warning: 1, status: "fix" }),
    ]);
  });

  it("tells in Chinese that a file is too large, and the pane stays usable", async () => {
    const host = createFileHost(xlsxCodec, vi.fn(), { fileBytes: 1000, inflatedBytes: 1_000_000 });
    renderApp({ host, initialSettings: SETTINGS });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(paneText.fileInput), file("大文件.xlsx"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("超过浏览器模式可以打开的");
    expect(isDisabled(screen.getByRole("button", { name: paneText.open }))).toBe(false);
  });
});
