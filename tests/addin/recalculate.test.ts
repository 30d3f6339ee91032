import { describe, expect, it, vi } from "vitest";
import type { FormReport, Grid, Patch, SheetAnalysis } from "../../src/core/index";
import { analyzeSheet } from "../../src/core/index";
import { HostError, type Host } from "../../src/hosts/types";
import { describeOutcome, runRecalculate, type Analyze, type Notice } from "../../src/commands/recalculate";

const grid: Grid = { name: "自评表", top: 0, left: 0, values: [["项目名称", "示例项目"]], merges: [] };

/** A host whose reads and writes are recorded; `fail` makes one of them throw. */
function fakeHost(fail?: { on: "read" | "apply"; error: Error }) {
  const applied: Patch[][] = [];
  const host: Host = {
    kind: "excel",
    readActiveSheet: async () => {
      if (fail?.on === "read") throw fail.error;
      return grid;
    },
    readAllSheets: async () => [grid],
    apply: async (patches) => {
      if (fail?.on === "apply") throw fail.error;
      applied.push(patches);
      return { at: "2024-01-01T00:00:00Z", patches };
    },
    revertLast: async () => null,
    hasRevert: async () => false,
    select: async () => undefined,
    highlight: async () => undefined,
    clearHighlights: async () => undefined,
  };
  return { host, applied };
}

function report(overrides: Partial<FormReport>): FormReport {
  return {
    sheet: "自评表",
    range: "A1:I40",
    top: 0,
    bottom: 39,
    kind: "project",
    project: "示例项目",
    department: "",
    implementer: "",
    weights: { budget: 10, indicators: 90, total: 100, byBlock: false },
    budget: {
      submittedRate: null,
      rate: null,
      submittedScore: null,
      score: null,
      cell: null,
      rateCell: null,
      annual: null,
      executed: null,
      explain: "",
    },
    indicators: [],
    total: { submitted: 90, recomputed: 90, cell: "H40", printedSum: 90 },
    grade: { submitted: "优", recomputed: "优", cell: "H41" },
    findings: [],
    status: "pass",
    ...overrides,
  };
}

const patch = (cell: string, value: number | string, what: Patch["what"]): Patch => ({
  sheet: "自评表",
  row: 0,
  col: 0,
  cell,
  old: null,
  value,
  what,
});

/** A stub core answering one sheet with these forms. */
const analysis = (...forms: { report: FormReport; patches: Patch[] }[]): Analyze =>
  vi.fn((): SheetAnalysis => ({ name: "自评表", forms, findings: [], status: "pass" }));

async function run(host: Host | (() => Host), analyze: Analyze) {
  const completed = vi.fn();
  const notices: Notice[] = [];
  const outcome = await runRecalculate(
    typeof host === "function" ? host : () => host,
    analyze,
    { completed },
    async (n) => {
      notices.push(n);
    }
  );
  return { completed, notices, outcome };
}

describe("runRecalculate", () => {
  it("writes the patches in one apply, reports what it wrote and completes", async () => {
    const { host, applied } = fakeHost();
    const patches = [
      patch("H20", 9.5, "score"),
      patch("H40", 92.5, "total"),
      patch("J21", "请填写偏差原因", "reason"),
    ];
    const findings: FormReport["findings"] = [
      { code: "SCORE_MISMATCH", severity: "error", cell: "H20", message: "" },
      { code: "REASON_MISSING", severity: "warning", cell: "J21", message: "" },
      { code: "WEIGHT_SUM", severity: "error", cell: "F10", message: "" },
    ];
    const total = { submitted: 90, recomputed: 92.5, cell: "H40", printedSum: 90 };
    const grade = { submitted: "良", recomputed: "优" as const, cell: "H41" };
    const { completed, notices, outcome } = await run(
      host,
      analysis({ report: report({ findings, total, grade }), patches })
    );
    expect(applied).toEqual([patches]);
    expect(outcome).toMatchObject({
      kind: "fixed",
      written: 3,
      forms: [{ total: 92.5, grade: "优" }],
      locked: [],
      reasons: 1,
      remaining: 1,
    });
    expect(notices).toHaveLength(1);
    expect(notices[0].tone).toBe("warning");
    expect(notices[0].message).toContain("写入 3 处");
    expect(notices[0].message).toContain("92.50");
    expect(notices[0].message).toContain("1 行需要填写偏差原因");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("in 审阅模式 writes nothing, says what it would write, and completes", async () => {
    const { host, applied } = fakeHost();
    const patches = [patch("H20", 9.5, "score"), patch("H40", 92.5, "total")];
    const completed = vi.fn();
    const notices: Notice[] = [];
    const outcome = await runRecalculate(
      () => host,
      analysis({ report: report({}), patches }),
      { completed },
      async (n) => void notices.push(n),
      { reviewer: true }
    );
    expect(applied).toEqual([]);
    expect(outcome).toMatchObject({ kind: "reviewed", pending: 2 });
    expect(notices[0]).toMatchObject({ tone: "info", title: "审阅模式：未写入" });
    expect(notices[0].message).toContain("2 个单元格可以重算");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("writes nothing on a correct form and says so", async () => {
    const { host, applied } = fakeHost();
    const { completed, notices, outcome } = await run(host, analysis({ report: report({}), patches: [] }));
    expect(applied).toEqual([]);
    expect(outcome?.kind).toBe("clean");
    expect(notices[0]).toMatchObject({ tone: "info", title: "无需修改" });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("does not write on a sheet that is not a form (real core)", async () => {
    const { host, applied } = fakeHost();
    const { completed, notices, outcome } = await run(host, analyzeSheet);
    expect(applied).toEqual([]);
    expect(outcome).toEqual({ kind: "not-form", sheet: "自评表" });
    expect(notices[0].message).toContain("不是绩效自评表");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("explains a protected sheet and completes", async () => {
    const { host } = fakeHost({ on: "apply", error: new HostError("locked", "protected") });
    const { completed, notices, outcome } = await run(
      host,
      analysis({ report: report({}), patches: [patch("H20", 1, "score")] })
    );
    expect(outcome).toEqual({ kind: "failed", reason: "protected", detail: "locked" });
    expect(notices[0].tone).toBe("error");
    expect(notices[0].message).toContain("撤销工作表保护");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("reports a host error with its detail and completes", async () => {
    const { host } = fakeHost({ on: "read", error: new Error("连接已断开") });
    const { completed, notices, outcome } = await run(host, analyzeSheet);
    expect(outcome).toMatchObject({ kind: "failed", reason: "unknown" });
    expect(notices[0].message).toBe("重算时出错：连接已断开");
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes even when creating the host, the core or the notice throws", async () => {
    const noHost = await run(() => {
      throw new HostError("no workbook", "no-sheet");
    }, analyzeSheet);
    expect(noHost.outcome).toMatchObject({ kind: "failed", reason: "no-sheet" });
    expect(noHost.completed).toHaveBeenCalledTimes(1);

    const { host } = fakeHost();
    const crash = await run(host, () => {
      throw new TypeError("boom");
    });
    expect(crash.outcome).toMatchObject({ kind: "failed", detail: "boom" });
    expect(crash.completed).toHaveBeenCalledTimes(1);

    const completed = vi.fn();
    await runRecalculate(
      () => host,
      analyzeSheet,
      { completed },
      () => Promise.reject(new Error("no dialog"))
    );
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("一键重算 per form", () => {
  it("recalculates every form of the sheet in one write and names each form's total", async () => {
    const { host, applied } = fakeHost();
    const first = { report: report({ project: "甲项目" }), patches: [patch("H20", 9.5, "score")] };
    const second = {
      report: report({
        project: "乙项目",
        range: "A45:I80",
        top: 44,
        bottom: 79,
        total: { submitted: 80, recomputed: 85, cell: "H80", printedSum: 80 },
        grade: { submitted: "良", recomputed: "良", cell: "H81" },
      }),
      patches: [patch("H60", 85, "total")],
    };
    const { notices, outcome } = await run(host, analysis(first, second));
    expect(applied).toEqual([[...first.patches, ...second.patches]]);
    expect(outcome).toMatchObject({
      kind: "fixed",
      written: 2,
      forms: [{ project: "甲项目" }, { project: "乙项目" }],
    });
    expect(notices[0].message).toContain("2 张自评表已重算");
    expect(notices[0].message).toContain("甲项目 总分 90.00");
    expect(notices[0].message).toContain("乙项目 总分 85.00");
  });

  it("writes nothing on a sheet that looks like a form but cannot be read, and says what is missing", async () => {
    const { host, applied } = fakeHost();
    const unreadable: Analyze = () => ({
      name: "自评表",
      forms: [],
      findings: [
        {
          code: "FORM_UNREADABLE",
          severity: "error",
          cell: "A5",
          message: "找到了 三级指标、分值，缺少 得分 列。",
        },
      ],
      status: "unreadable",
    });
    const { notices, outcome } = await run(host, unreadable);
    expect(applied).toEqual([]);
    expect(outcome).toMatchObject({ kind: "unreadable", sheet: "自评表" });
    expect(notices[0].tone).toBe("error");
    expect(notices[0].message).toContain("缺少 得分 列");
  });

  it("names the locked cells a protected sheet refused, after writing the others", async () => {
    const { host } = fakeHost();
    const patches = [patch("H20", 9.5, "score"), patch("H40", 92.5, "total")];
    host.apply = async (p) => ({ at: "now", patches: p.slice(0, 1), refused: p.slice(1) });
    const { notices, outcome } = await run(host, analysis({ report: report({}), patches }));
    expect(outcome).toMatchObject({ kind: "fixed", written: 1, locked: ["H40"] });
    expect(notices[0].tone).toBe("warning");
    expect(notices[0].message).toContain("写入 1 处");
    expect(notices[0].message).toContain("H40被锁定");
  });
});

describe("describeOutcome", () => {
  it("has a Chinese message for every host failure reason", () => {
    const reasons = ["protected", "no-sheet", "too-large", "unsupported", "failed", "unknown"] as const;
    const messages = reasons.map(
      (reason) => describeOutcome({ kind: "failed", reason, detail: "x" }).message
    );
    expect(new Set(messages).size).toBe(5); // "failed" and "unknown" share the detailed message
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
});
