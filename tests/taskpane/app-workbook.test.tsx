// @vitest-environment jsdom
/** The whole-workbook run's edges: a failed read, and settings changed after the run. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HostError } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";
import { H23, SETTINGS, fakeHost, grid, report, stubAnalyzer } from "./fakes";
import { renderApp } from "./render";

afterEach(cleanup);

const button = (name: string) => screen.getByRole("button", { name });

describe("检查整个工作簿", () => {
  it("shows a failed read in a MessageBar and leaves no progress bar behind", async () => {
    const host = fakeHost([grid("表1")]);
    host.readAllSheets.mockRejectedValueOnce(new HostError("工作表“大表”过大，无法读取", "too-large"));
    const analyzer = stubAnalyzer({ 表1: { report: report("表1", { findings: [H23] }), patches: [] } });
    renderApp({ host, analyzer, initialSettings: SETTINGS });
    await screen.findByText("H23");
    await userEvent.setup().click(button(paneText.checkWorkbook));
    expect((await screen.findByRole("alert")).textContent).toContain("过大");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("region", { name: paneText.workbookTitle })).toBeNull();
    expect(button(paneText.checkWorkbook).hasAttribute("disabled")).toBe(false);
  });
});
