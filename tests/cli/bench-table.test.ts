import { describe, expect, it } from "vitest";
import { formatTable } from "../../scripts/bench/table";
import { median } from "../../scripts/bench/measure";

describe("benchmark helpers", () => {
  it("formats an aligned markdown table with notes", () => {
    const text = formatTable({
      title: "核心",
      columns: ["测量", "ms"],
      rows: [
        ["全部 93 张表", 29.4444],
        ["1 张", 0.3],
      ],
      notes: ["中位数"],
    });
    expect(text.split("\n")).toEqual([
      "### 核心",
      "",
      "| 测量         | ms    |",
      "|--------------|-------|",
      "| 全部 93 张表 | 29.44 |",
      "| 1 张         | 0.3   |",
      "",
      "中位数",
      "",
    ]);
  });

  it("takes the median of odd and even lists", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
