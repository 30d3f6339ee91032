import { describe, expect, it } from "vitest";
import { parseQuantity } from "../../src/core/quantity";
import { readNumber } from "../../src/core/cells";
import { matchesPrinted, roundHalfUp } from "../../src/core/numbers";

describe("parseQuantity", () => {
  it.each([
    ["≥2.00(次)", "≥", 2, "次", 2],
    ["=100.00(百分比)", "=", 100, "%", 2],
    [">800.00(个)", ">", 800, "个", 2],
    ["=0(件)", "=", 0, "件", 0],
    ["81 套", "", 81, "套", 0],
    ["100%", "", 100, "%", 0],
    ["5. 00", "", 5, "", 2],
    ["7,000.00", "", 7000, "", 2],
    ["≥100. 00 (%)", "≥", 100, "%", 2],
    ["＞９５（％）", ">", 95, "%", 0],
    [">=90(百分号)", "≥", 90, "%", 0],
    ["≤3.5 小时", "≤", 3.5, "小时", 1],
  ])("%s", (text, op, value, unit, decimals) => {
    expect(parseQuantity(text)).toEqual({ op, value, unit, decimals });
  });

  it.each(["提升 20%", "年底", "达成指标", "", "1-2 次", "约 5 次"])("%s is not a quantity", (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe("readNumber reads cells as the user sees them", () => {
  it("percent-formatted fractions are percent units", () => {
    expect(readNumber({ value: 0.96, formula: null, format: "0%" })).toMatchObject({
      kind: "number",
      value: 96,
      percent: true,
      decimals: 0,
    });
    expect(readNumber({ value: 0.4565, formula: null, format: "0.00%" })).toMatchObject({
      value: 45.65,
      decimals: 2,
    });
  });
  it("numbers stored as text", () => {
    expect(readNumber({ value: "96%", formula: null, format: null })).toMatchObject({
      kind: "number",
      value: 96,
      percent: true,
    });
    expect(readNumber({ value: "10.00", formula: null, format: null })).toMatchObject({
      kind: "number",
      value: 10,
      decimals: 2,
    });
    expect(readNumber({ value: "１０．５", formula: null, format: null })).toMatchObject({
      kind: "number",
      value: 10.5,
    });
    expect(readNumber({ value: "5. 00", formula: null, format: null })).toMatchObject({
      kind: "number",
      value: 5,
      decimals: 2,
    });
  });
  it("no-value texts are empty, other texts are unreadable", () => {
    for (const v of ["—", "-", "－", "无", " "])
      expect(readNumber({ value: v, formula: null, format: null }).kind).toBe("empty");
    expect(readNumber({ value: "十分", formula: null, format: null }).kind).toBe("text");
  });
});

describe("rounding and printed equality (spec §1)", () => {
  it("rounds half up without binary noise", () => {
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(4.545, 2)).toBe(4.55);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
  });
  it("a printed 9.8 matches 9.81, a printed 9.80 does not", () => {
    expect(matchesPrinted(9.8, 1, 9.81)).toBe(true);
    expect(matchesPrinted(9.8, 2, 9.81)).toBe(false);
    expect(matchesPrinted(4, 0, 4.95)).toBe(false);
    expect(matchesPrinted(5, 0, 4.96)).toBe(true);
  });
});
