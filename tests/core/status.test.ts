import { describe, expect, it } from "vitest";
import { exitStatus, fileStatus, formStatus, sheetStatus, statusRank } from "../../src/core/status";
import type { Finding } from "../../src/core/types";

const error: Finding = { code: "SCORE_MISMATCH", severity: "error", cell: "H9", message: "" };
const warning: Finding = { code: "REASON_MISSING", severity: "warning", cell: "I9", message: "" };
const unreadable: Finding = { code: "FORM_UNREADABLE", severity: "error", cell: "A1", message: "" };
const total = (recomputed: number | null) => ({ submitted: 90, recomputed, cell: "H30", printedSum: 90 });

describe("the one verdict", () => {
  it("calls a form 通过 only when it was recomputed with no error", () => {
    expect(formStatus({ findings: [warning], total: total(90) })).toBe("pass");
    expect(formStatus({ findings: [warning], total: total(null) })).toBe("unscored");
    expect(formStatus({ findings: [error], total: total(null) })).toBe("fix");
    expect(formStatus({ findings: [error], total: total(90) })).toBe("fix");
  });

  it("gives a sheet its worst form, 未能读取 beside an unreadable part, 不是自评表 with none", () => {
    expect(sheetStatus([], [])).toBe("no-form");
    expect(sheetStatus([], [unreadable])).toBe("unreadable");
    expect(sheetStatus([{ status: "pass" }, { status: "unscored" }], [])).toBe("unscored");
    expect(sheetStatus([{ status: "pass" }, { status: "fix" }], [])).toBe("fix");
    expect(sheetStatus([{ status: "pass" }], [unreadable])).toBe("unreadable");
  });

  it("gives a file its worst sheet, or why it gives no form", () => {
    expect(fileStatus([{ status: "no-form" }, { status: "pass" }])).toBe("pass");
    expect(fileStatus([{ status: "no-form" }])).toBe("no-form");
    expect(fileStatus([])).toBe("no-form");
    expect(fileStatus([], "not-spreadsheet")).toBe("not-spreadsheet");
    expect(fileStatus([{ status: "pass" }], "unreadable")).toBe("unreadable");
    expect(statusRank("unreadable")).toBeLessThan(statusRank("fix"));
    expect(statusRank("unscored")).toBeLessThan(statusRank("pass"));
  });

  it("exits 0 only when every input is 通过, 未评分 or 不是自评表", () => {
    const f = (status: Parameters<typeof statusRank>[0], fileError = false) => ({ status, fileError });
    expect(exitStatus([f("pass"), f("unscored"), f("no-form")])).toBe(0);
    expect(exitStatus([f("pass"), f("fix")])).toBe(1);
    expect(exitStatus([f("unreadable")])).toBe(1);
    expect(exitStatus([f("fix"), f("unreadable", true)])).toBe(2);
    expect(exitStatus([f("not-spreadsheet")])).toBe(2);
  });
});
