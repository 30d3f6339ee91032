// @vitest-environment jsdom
/**
 * The desk in the pane (jsdom, a reader stub): progress per file and cancel — the files not yet read are
 * 已取消, the batch holds only those read and says so — then a table row's findings on click.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as React from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { DeskReader } from "../../src/hosts/file/desk-reader";
import { readForDesk } from "../../src/hosts/file/desk-read";
import { ReadCancelled } from "../../src/hosts/file/types";
import { deskText } from "../../src/i18n/pane";
import Desk from "../../src/taskpane/desk/Desk";

afterEach(cleanup);

const FORM = join(import.meta.dirname, "..", "fixtures", "forms", "single", "2023-taopu-003.xlsx");
const result = await readForDesk(new Uint8Array(readFileSync(FORM)), "mof2020");

/** Reads the first file at once; the second waits until cancelled. */
function stubReader(): DeskReader {
  let n = 0;
  return {
    read: (_bytes, _profile, signal) =>
      ++n === 1
        ? Promise.resolve(result)
        : new Promise((_, reject) => signal?.addEventListener("abort", () => reject(new ReadCancelled()))),
    close: vi.fn(),
  };
}

describe("the desk", () => {
  it("shows progress per file; 取消 stops the batch, which holds the files read; a row shows its findings", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Desk profile="mof2020" onClose={() => undefined} save={vi.fn()} makeReader={stubReader} />
      </FluentProvider>
    );
    const user = userEvent.setup();
    const files = ["a.xlsx", "b.xlsx", "c.xlsx"].map((name) => new File(["x"], name));
    await user.upload(screen.getByLabelText(deskText.filesInput), files);
    const list = await screen.findByRole("list", { name: deskText.filesList });
    await within(list).findByText(`b.xlsx：${deskText.itemState.reading}`);
    expect(within(list).getByText(`a.xlsx：${deskText.itemState.done}`)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: deskText.cancel }));
    expect(await screen.findByText(deskText.cancelled(1, 3))).toBeTruthy();
    expect(within(list).getByText(`c.xlsx：${deskText.itemState.cancelled}`)).toBeTruthy();
    const table = screen.getByRole("table", { name: deskText.table });
    const rows = within(table).getAllByRole("button");
    expect(rows).toHaveLength(1);
    await user.click(rows[0]);
    const details = screen.getByRole("region", { name: deskText.details });
    expect(within(details).getByText(/a\.xlsx/)).toBeTruthy();
    expect(within(details).getByRole("region", { name: /^错误（\d+）$/ })).toBeTruthy();
  });
});
