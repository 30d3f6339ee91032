// @vitest-environment jsdom
/** The preview's cell colours: a cell with several findings shows the most severe one. */
import * as React from "react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { gridFromRows } from "../../src/core/grid";
import { SheetPreview } from "../../src/taskpane/components/SheetPreview";

afterEach(cleanup);

describe("SheetPreview", () => {
  it("marks a cell with an error and an info finding as an error, whatever their order", () => {
    const grid = gridFromRows("表1", [[1, 2, 3]]);
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <SheetPreview
          grid={grid}
          selected={null}
          marks={[
            { cell: "A1", severity: "error" },
            { cell: "A1", severity: "info" },
            { cell: "B1", severity: "info" },
            { cell: "B1", severity: "warning" },
          ]}
        />
      </FluentProvider>
    );
    const severity = (cell: string) =>
      container.querySelector(`td[data-address="${cell}"]`)?.getAttribute("data-severity") ?? null;
    expect(severity("A1")).toBe("error");
    expect(severity("B1")).toBe("warning");
    expect(severity("C1")).toBeNull();
  });
});
