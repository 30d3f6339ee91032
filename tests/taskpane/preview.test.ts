/** The preview's table model: merges become spans, hidden cells map to their merge's top-left. */
import { describe, expect, it } from "vitest";
import { cellText, previewModel } from "../../src/taskpane/preview";

describe("previewModel", () => {
  it("applies merges as rowSpan/colSpan and labels columns and rows", () => {
    const model = previewModel({
      name: "s",
      top: 0,
      left: 0,
      values: [
        ["标题", null, null],
        ["a", "b", 1.5],
        ["c", null, 2],
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 1, left: 1, bottom: 2, right: 1 },
      ],
    });
    expect(model.columns).toEqual(["A", "B", "C"]);
    expect(model.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(model.rows[0].cells).toEqual([{ address: "A1", text: "标题", rowSpan: 1, colSpan: 3 }]);
    expect(model.rows[1].cells.map((c) => [c.address, c.rowSpan])).toEqual([
      ["A2", 1],
      ["B2", 2],
      ["C2", 1],
    ]);
    expect(model.rows[2].cells.map((c) => c.address)).toEqual(["A3", "C3"]);
    expect(model.anchors.get("B3")).toBe("B2");
    expect(model.anchors.get("C1")).toBe("A1");
  });

  it("prints numbers the way their format shows them", () => {
    expect(cellText(0.96, "0%")).toBe("96%");
    expect(cellText(0.9575, "0.00%")).toBe("95.75%");
    expect(cellText(5, "0.00")).toBe("5.00");
    expect(cellText(0.1 + 0.2, null)).toBe("0.3");
    expect(cellText(null, "0.00")).toBe("");
  });
});
