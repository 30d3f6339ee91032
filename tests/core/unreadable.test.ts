import { describe, expect, it } from "vitest";
import type { FormReport } from "../../src/core";
import { buildForm, filler, firstForm } from "./builder";

const message = (r: FormReport, cell: string) => r.findings.find((f) => f.cell === cell)?.message;

describe("VALUE_UNREADABLE messages say what the text keeps from being checked", () => {
  it("a score typed as text: the row is still recomputed, so the message does not say it is not scored", () => {
    const { report } = firstForm(
      buildForm({
        rows: [{ name: "x", target: "≥90(%)", actual: "90(%)", weight: 10, score: "十分" }, ...filler(10)],
        total: 100,
        grade: "优",
      })
    );
    expect(report.indicators[0].score).toBe(10);
    expect(report.total.recomputed).toBe(100);
    expect(message(report, "H13")).toBe("得分「十分」无法识别为数字：请改为数字（如 5 或 5.00）。");
  });

  it("a total typed as text: the message speaks of the total, not of a row", () => {
    const { report } = firstForm(buildForm({ rows: filler(0), total: "满分", grade: "优" }));
    expect(message(report, "H14")).toBe(
      "总分「满分」无法识别为数字：请改为数字（如 5 或 5.00），否则无法核对总分。"
    );
  });

  it("a weight typed as text: the row is not checked and its weight is not summed", () => {
    const { report } = firstForm(
      buildForm({
        rows: [{ name: "x", target: "≥90(%)", actual: "90(%)", weight: "十", score: 10 }, ...filler(10)],
        total: 100,
        grade: "优",
      })
    );
    expect(report.weights.total).toBe(90);
    expect(message(report, "G13")).toBe(
      "分值「十」无法识别为数字：请改为数字（如 5 或 5.00），否则本行无法核对得分，分值也不计入合计。"
    );
  });
});
