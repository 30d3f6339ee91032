// @vitest-environment jsdom
/** Boot: a skeleton at once, then the pane on the detected host (file mode outside Office, WPS inside WPS). */
import { afterEach, describe, expect, it } from "vitest";
import { act, screen, within } from "@testing-library/react";
import { paneText } from "../../src/i18n/pane";
import { boot } from "../../src/taskpane/index";
import { FakeWps } from "../fakes/wps";
import { fixtureGrids } from "../wps/helpers";

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

  it("inside WPS picks the WPS host and checks the active sheet at once, without file mode", async () => {
    const fake = FakeWps.fromGrids(fixtureGrids("single/2023-taopu-003.xlsx").grids);
    globals.Application = fake.app;
    const root = container();
    await act(() => boot(root));
    expect(await screen.findByRole("heading", { name: "财政所-财政管理专项经费" })).toBeTruthy();
    expect(within(root).queryByRole("button", { name: paneText.open })).toBeNull();
    expect(fake.transactions).toEqual([]);
  });
});
