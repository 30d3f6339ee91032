// @vitest-environment jsdom
/** Boot: a skeleton at once, then the pane on the detected host (file mode outside Office, WPS noticed). */
import { afterEach, describe, expect, it } from "vitest";
import { act, screen, within } from "@testing-library/react";
import { paneText } from "../../src/i18n/pane";
import { boot } from "../../src/taskpane/index";

const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete globals.Application;
  document.body.innerHTML = "";
});

function container(): HTMLElement {
  const root = document.createElement("div");
  document.body.appendChild(root);
  return root;
}

describe("boot", () => {
  it("opens in browser mode when there is no Office", async () => {
    const root = container();
    await act(() => boot(root));
    expect(within(root).getByRole("button", { name: paneText.open })).toBeTruthy();
    expect(within(root).getByText(paneText.fileIntro)).toBeTruthy();
  });

  it("says WPS support is coming and falls back to file mode inside WPS", async () => {
    globals.Application = { ActiveWorkbook: {}, CreateTaskPane: () => undefined };
    const root = container();
    await act(() => boot(root));
    expect(screen.getByText(paneText.wpsComing)).toBeTruthy();
    expect(within(root).getByRole("button", { name: paneText.open })).toBeTruthy();
  });
});
