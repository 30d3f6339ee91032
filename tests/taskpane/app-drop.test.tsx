// @vitest-environment jsdom
/** Browser mode accepts a workbook dropped anywhere on the pane. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { createFileHost } from "../../src/hosts/file";
import { paneText } from "../../src/i18n/pane";
import { SETTINGS } from "./fakes";
import { isDisabled, renderApp } from "./render";

afterEach(cleanup);

const FORM = join(import.meta.dirname, "../fixtures/forms/single/2022-wujing-001.xlsx");

describe("drag and drop", () => {
  it("reads a dropped .xlsx and checks its first form", async () => {
    const host = createFileHost(xlsxCodec, vi.fn());
    renderApp({ host, initialSettings: SETTINGS });
    const file = new File([readFileSync(FORM)], "2022-wujing-001.xlsx");
    const target = screen.getByText(paneText.dropHere);
    fireEvent.dragOver(target, { dataTransfer: { files: [file] } });
    fireEvent.drop(target, { dataTransfer: { files: [file] } });
    expect(await screen.findByLabelText(paneText.summary)).toBeTruthy();
    expect(screen.getByText("2022-wujing-001.xlsx")).toBeTruthy();
    expect(host.view().fileName).toBe("2022-wujing-001.xlsx");
  });

  it("keeps the pane mounted while an action runs: keyboard focus stays on 检查", async () => {
    const host = createFileHost(xlsxCodec, vi.fn());
    renderApp({ host, initialSettings: SETTINGS });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(paneText.fileInput), new File([readFileSync(FORM)], "a.xlsx"));
    await screen.findByLabelText(paneText.summary);
    const check = screen.getByRole("button", { name: paneText.check });
    check.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(isDisabled(check)).toBe(false));
    expect(screen.getByRole("button", { name: paneText.check })).toBe(check);
    expect(document.activeElement).toBe(check);
  });
});
