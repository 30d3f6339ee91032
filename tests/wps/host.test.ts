/** The WPS host's write semantics on the fake ET model: undo, protection, highlights, store, workbooks, faults. */
import { describe, expect, it } from "vitest";
import type { Grid, Scalar } from "../../src/core/grid";
import { createExcelHost } from "../../src/hosts/excel";
import { createWpsHost } from "../../src/hosts/wps";
import { STORE_SHEET, FILLS } from "../../src/hosts/store-format";
import { HostError } from "../../src/hosts/types";
import { FakeExcel } from "../fakes/excel";
import { FakeWps, READING_SWITCHES } from "../fakes/wps";
import { fixtureGrids, openInWps, patchesOf, SINGLES } from "./helpers";

const FORM = "single/2023-taopu-003.xlsx";
const SHEET = "财政所-财政管理专项经费";

async function readAndPlan(path = FORM, readings = {}) {
  const { fake, host } = openInWps(path, readings);
  const grid = await host.readActiveSheet();
  return { fake, host, grid, patches: patchesOf(grid) };
}

const values = (fake: FakeWps, cells: string[]) => cells.map((c) => fake.value(SHEET, c));

describe("apply and revert", () => {
  it("writes the fix in one undo transaction with screen updating off, restored after", async () => {
    const { fake, host, patches } = await readAndPlan();
    expect(patches.map((p) => p.cell)).toEqual(["H23", "H30", "H31"]);
    await host.apply(patches);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([0, 9.38, 90.38]);
    expect(fake.transactions).toEqual(["自评表助手：一键重算"]);
    expect(fake.screenLog).toEqual([false, true]);
    // One Ctrl+Z undoes the whole fix (cells and snapshot).
    fake.undo();
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("without DebugTools still writes, each write its own undo step", async () => {
    const { fake, host, patches } = await readAndPlan(FORM, READING_SWITCHES["no-debugtools-no-events"]);
    await host.apply(patches);
    expect(fake.transactions).toEqual([]);
    expect(fake.book.undo.length).toBeGreaterThan(3);
  });

  it("keeps the snapshot in a very hidden __zpb_undo sheet and gives the user back the active sheet", async () => {
    for (const readings of [{}, READING_SWITCHES["add-returns-null"]]) {
      const { fake, host, patches } = await readAndPlan(FORM, readings);
      await host.apply(patches);
      const store = fake.sheet(STORE_SHEET);
      expect(store.visible).toBe(2);
      expect(fake.book.active.name).toBe(SHEET);
      expect(fake.value(STORE_SHEET, "A1")).toBe("zpb-undo-fix v1");
      expect(String(fake.value(STORE_SHEET, "A2")).startsWith("|")).toBe(true);
      // A new host (the pane reopened) still reverts.
      const again = createWpsHost(() => fake.app as never);
      expect(await again.hasRevert()).toBe(true);
      expect((await again.revertLast())?.patches.length).toBe(3);
      expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
      expect(await again.hasRevert()).toBe(false);
    }
  });

  it("refuses a protected sheet naming the cells, and writes nothing (throwing or ignoring hosts)", async () => {
    for (const readings of [{}, READING_SWITCHES["protected-ignored"]]) {
      const { fake, host, patches } = await readAndPlan(FORM, readings);
      fake.sheet(SHEET).protected = true;
      const error = await host.apply(patches).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostError);
      expect((error as HostError).reason).toBe("protected");
      expect((error as HostError).message).toContain("H23、H30、H31");
      expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
      expect(fake.book.sheets.some((s) => s.name === STORE_SHEET)).toBe(false);
    }
  });

  it("on a protected sheet writes the cells the template unlocked and names the locked ones, as in Excel", async () => {
    const { fake, host, patches } = await readAndPlan();
    fake.sheet(SHEET).protected = true;
    fake.edit(SHEET, "H23", { unlocked: true });
    fake.edit(SHEET, "H30", { unlocked: true });
    const fix = await host.apply(patches);
    expect(fix.patches.map((p) => p.cell)).toEqual(["H23", "H30"]);
    expect(fix.refused?.map((p) => p.cell)).toEqual(["H31"]);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([0, 9.38, 91]);
    expect((await host.revertLast())?.patches.map((p) => p.cell)).toEqual(["H23", "H30"]);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("refuses cells edited since the read and formula cells, writing nothing", async () => {
    const { fake, host, patches } = await readAndPlan();
    fake.edit(SHEET, "H30", { value: 5 });
    await expect(host.apply(patches)).rejects.toThrow(/H30.*被修改过/);
    fake.edit(SHEET, "H30", { value: 8, formula: "=SUM(H13:H29)" });
    await expect(host.apply(patches)).rejects.toThrow(/H30.*公式/);
    expect(values(fake, ["H23", "H31"])).toEqual([2, 91]);
  });

  it("a revert keeps a cell the user changed after the fix", async () => {
    const { fake, host, patches } = await readAndPlan();
    await host.apply(patches);
    fake.edit(SHEET, "H30", { value: 7 });
    const reverted = await host.revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["H23", "H31"]);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 7, 91]);
  });

  it("writes text exactly, with or without a host that parses assigned text", async () => {
    for (const readings of [{ textWrite: "typed" as const }, { textWrite: "literal" as const }]) {
      const grid: Grid = { name: "S", top: 0, left: 0, values: [["96%", "-5", "【请填写】"]], merges: [] };
      const fake = FakeWps.fromGrids([grid], { readings });
      const host = createWpsHost(() => fake.app as never);
      await host.readActiveSheet();
      const p = (cell: string, col: number, old: Scalar, value: string) => ({
        sheet: "S",
        row: 0,
        col,
        cell,
        old,
        value,
        what: "reason" as const,
      });
      await host.apply([
        p("A1", 0, "96%", "98%"),
        p("B1", 1, "-5", "1/2"),
        p("C1", 2, "【请填写】", "【原因】"),
      ]);
      expect(["A1", "B1", "C1"].map((c) => fake.value("S", c))).toEqual(["98%", "1/2", "【原因】"]);
    }
  });

  it("refuses patches of a sheet read in another workbook (the user switched between 检查 and 一键重算)", async () => {
    const { fake, host, patches } = await readAndPlan();
    const other = fake.open({ grids: fixtureGrids(FORM).grids, name: "副本.xlsx" });
    await expect(host.apply(patches)).rejects.toThrow(/不是在当前工作簿中检查的/);
    expect(fake.value(SHEET, "H23", other)).toBe(2);
  });
});

describe("faults", () => {
  it("a write that throws half-way: every written cell is put back, the sheet untouched, no snapshot", async () => {
    const { fake, host, patches } = await readAndPlan();
    fake.beforeWrite = ({ n }) => {
      if (n === 2) throw new Error("断电");
    };
    const error = (await host.apply(patches).catch((e: unknown) => e)) as HostError;
    expect(error.message).toContain("已写入的“财政所-财政管理专项经费”的 H23、H30都已恢复原值");
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
    fake.beforeWrite = undefined;
    expect(await host.hasRevert()).toBe(false);
    expect(fake.screenUpdating).toBe(true);
  });

  it("a failed fix leaves the previous fix's snapshot, so 撤销 still undoes the earlier fix", async () => {
    const { fake, host, patches } = await readAndPlan();
    await host.apply(patches.slice(0, 1));
    await host.readActiveSheet();
    fake.beforeWrite = ({ cell }) => {
      if (cell === "H31") throw new Error("断电");
    };
    await expect(host.apply(patches.slice(1))).rejects.toThrow(/已恢复原值/);
    fake.beforeWrite = undefined;
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([0, 8, 91]);
    expect((await host.revertLast())?.patches.map((p) => p.cell)).toEqual(["H23"]);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("when putting back fails too, the user is told exactly which cells hold new values, and 撤销 restores them", async () => {
    const { fake, host, patches } = await readAndPlan();
    // H23 written, H30 throws, and every later write (the rollback of H23 included) fails.
    fake.beforeWrite = ({ cell, n }) => {
      if (n >= 1 && cell !== "A1" && !cell.startsWith("A")) throw new Error("只读");
    };
    const error = (await host.apply(patches).catch((e: unknown) => e)) as HostError;
    expect(error.message).toContain("H23");
    expect(error.message).not.toMatch(/H30|H31/);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([0, 8, 91]);
    fake.beforeWrite = undefined;
    const reverted = await host.revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["H23"]);
    expect(values(fake, ["H23", "H30", "H31"])).toEqual([2, 8, 91]);
  });

  it("the workbook switched mid-run: the fix lands whole in the workbook it was read from", async () => {
    const { fake, host, patches } = await readAndPlan();
    const first = fake.book;
    const other = fake.open({ grids: fixtureGrids(FORM).grids, name: "另一个.xlsx" });
    fake.activateBook(first);
    fake.beforeWrite = ({ n }) => {
      if (n === 1) fake.activateBook(other);
    };
    await host.apply(patches);
    expect(
      values(
        fake,
        ["H23", "H30", "H31"].map((c) => c)
      ).length
    ).toBe(3);
    expect(["H23", "H30", "H31"].map((c) => fake.value(SHEET, c, first))).toEqual([0, 9.38, 90.38]);
    expect(["H23", "H30", "H31"].map((c) => fake.value(SHEET, c, other))).toEqual([2, 8, 91]);
    expect(other.sheets.some((s) => s.name === STORE_SHEET)).toBe(false);
  });
});

/** The fake Excel's workbook as grids and ET visibility, to open it in the fake WPS. */
function excelToGrids(fake: FakeExcel): { grids: Grid[]; visible: Record<string, number> } {
  const visible: Record<string, number> = {};
  const grids = fake.model.sheets.map((s) => {
    visible[s.name] = s.visibility === "VeryHidden" ? 2 : s.visibility === "Hidden" ? 0 : -1;
    let rows = 0;
    let cols = 0;
    for (const k of s.cells.keys()) {
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    const grid: Grid = {
      name: s.name,
      top: 0,
      left: 0,
      values: [],
      formulas: [],
      formats: [],
      merges: s.merges,
    };
    for (let r = 0; r < rows; r++) {
      grid.values.push([]);
      grid.formulas!.push([]);
      grid.formats!.push([]);
      for (let c = 0; c < cols; c++) {
        const cell = s.cells.get(`${r},${c}`);
        grid.values[r].push(cell && cell.value !== "" ? cell.value : null);
        grid.formulas![r].push(cell?.formula ?? null);
        grid.formats![r].push(cell && cell.format !== "General" ? cell.format : null);
      }
    }
    return grid;
  });
  return { grids, visible };
}

describe("across hosts", () => {
  it.each(SINGLES)(
    "a fix of %s made by the Excel host (its __zpb_undo sheet) is reverted by the WPS host",
    async (id) => {
      const path = `single/${id}.xlsx`;
      const excel = FakeExcel.fromGrids(fixtureGrids(path).grids);
      const excelHost = createExcelHost(excel.run);
      const original = await excelHost.readActiveSheet();
      const patches = patchesOf(original);
      await excelHost.apply(patches);
      const { grids, visible } = excelToGrids(excel);
      const wps = FakeWps.fromGrids(grids, { visible });
      const host = createWpsHost(() => wps.app as never);
      expect(await host.hasRevert()).toBe(patches.length > 0);
      if (patches.length === 0) return;
      expect(visible[STORE_SHEET]).toBe(2);
      for (const p of patches) expect(wps.value(p.sheet, p.cell)).toBe(p.value);
      expect((await host.revertLast())?.patches).toEqual(patches);
      for (const p of patches) expect(wps.value(p.sheet, p.cell)).toBe(p.old);
      // …and a fix made by the WPS host is reverted by the Excel host.
      const again = patchesOf(await host.readActiveSheet());
      await host.apply(again);
      const back = FakeExcel.fromGrids(wps.grids().grids, { [STORE_SHEET]: "VeryHidden" });
      expect((await createExcelHost(back.run).revertLast())?.patches).toEqual(again);
      for (const p of again) expect(back.cell(p.sheet, p.cell).value ?? null).toEqual(p.old ?? "");
    }
  );
});

describe("highlights", () => {
  it("fills in BGR, remembers the fill it replaced, and removes only its own", async () => {
    const { fake, host } = await readAndPlan();
    fake.edit(SHEET, "H30", { fill: 0x00ff00 }); // the user's own green (BGR)
    await host.highlight(SHEET, [
      { cell: "H23", severity: "error" },
      { cell: "H30", severity: "warning" },
      { cell: "H31", severity: "info" },
    ]);
    expect(fake.cell(SHEET, "H23").fill).toBe(0xcec7ff); // #FFC7CE as R + 256·G + 65536·B
    expect(fake.cell(SHEET, "H30").fill).toBe(0x9cebff);
    expect(FILLS.error).toBe("#FFC7CE");
    fake.edit(SHEET, "H31", { fill: 255 }); // the user recoloured H31 red since
    await host.clearHighlights(SHEET);
    expect(fake.cell(SHEET, "H23").fill).toBeNull();
    expect(fake.cell(SHEET, "H30").fill).toBe(0x00ff00);
    expect(fake.cell(SHEET, "H31").fill).toBe(255);
  });

  it("a highlight cut short leaves no fill it cannot clear", async () => {
    const { fake, host } = await readAndPlan();
    fake.beforeWrite = ({ cell, sheet }) => {
      if (sheet === SHEET && cell === "H30") throw new Error("断电");
    };
    const cells = [
      { cell: "H23", severity: "error" as const },
      { cell: "H30", severity: "warning" as const },
    ];
    await expect(host.highlight(SHEET, cells)).rejects.toThrow();
    expect(fake.cell(SHEET, "H23").fill).toBe(0xcec7ff);
    fake.beforeWrite = undefined;
    await host.clearHighlights(SHEET);
    expect(fake.cell(SHEET, "H23").fill).toBeNull();
    expect(fake.cell(SHEET, "H30").fill).toBeNull();
  });

  it("refuses a protected sheet", async () => {
    const { fake, host } = await readAndPlan();
    fake.sheet(SHEET).protected = true;
    await expect(host.highlight(SHEET, [{ cell: "H23", severity: "error" }])).rejects.toMatchObject({
      reason: "protected",
    });
  });
});

describe("workbooks and sheets", () => {
  it("tells the pane when the user switches workbook or sheet: by events, or by polling without them", async () => {
    for (const readings of [{}, READING_SWITCHES["no-debugtools-no-events"]]) {
      const { fake } = openInWps("forms-2022-minhang-wujing.xlsx", readings);
      const host = createWpsHost(() => fake.app as never, { pollMs: 20 });
      const events: unknown[] = [];
      const stop = await host.watch!((e) => events.push(e));
      const names = fake.book.sheets.map((s) => s.name);
      const settle = () => new Promise((r) => setTimeout(r, readings.events === false ? 100 : 10));
      fake.activate(names[1]);
      await settle();
      expect(events).toEqual([{ kind: "activated", sheet: names[1] }]);
      // The add-in's own fix (which adds its store sheet, activating it for a moment) reports nothing.
      const h = createWpsHost(() => fake.app as never);
      await h.apply(patchesOf(await h.readActiveSheet()));
      await settle();
      expect(events).toHaveLength(1);
      const other = fake.open({ grids: fixtureGrids(FORM).grids, name: "另一个.xlsx" });
      fake.activateBook(other);
      await settle();
      expect(events[1]).toEqual({ kind: "activated", sheet: SHEET });
      stop();
      fake.activate(names[2], fake.env.books[0]);
      fake.activateBook(fake.env.books[0]);
      await settle();
      expect(events).toHaveLength(2);
    }
  });

  it("reads an empty sheet as an empty grid, and skips the store sheet in a whole-workbook run", async () => {
    const fake = FakeWps.fromGrids([
      { name: "空表", top: 0, left: 0, values: [], merges: [] },
      { name: STORE_SHEET, top: 0, left: 0, values: [["zpb-undo-fix v1"]], merges: [] },
    ]);
    fake.sheet(STORE_SHEET).visible = 2;
    const host = createWpsHost(() => fake.app as never);
    expect(await host.readActiveSheet()).toMatchObject({ name: "空表", values: [], merges: [] });
    expect((await host.readAllSheets()).map((g) => g.name)).toEqual(["空表"]);
  });

  it("says so when WPS has no workbook open", async () => {
    const fake = new FakeWps();
    const host = createWpsHost(() => fake.app as never);
    await expect(host.readActiveSheet()).rejects.toMatchObject({ reason: "no-sheet" });
  });

  it("the fake fails loudly on a member it does not implement", () => {
    const { fake } = openInWps(FORM);
    const app = fake.app as Record<string, unknown>;
    expect(() => app.Workbooks).toThrow(/not implemented/);
  });
});

describe("host calls (a ceiling: every call is a synchronous trip into WPS)", () => {
  it("reads one form in at most 550 calls and the 70-form workbook in at most 33,000", async () => {
    const one = openInWps(FORM);
    one.fake.resetCalls();
    await one.host.readActiveSheet();
    expect(one.fake.calls).toBeLessThanOrEqual(550);
    const book = openInWps("forms-2023-putuo-taopu-001-070.xlsx");
    book.fake.resetCalls();
    await book.host.readAllSheets();
    expect(book.fake.calls).toBeLessThanOrEqual(33_000);
  });

  it("writes a fix of 3 cells in at most 60 calls", async () => {
    const { fake, host, patches } = await readAndPlan();
    fake.resetCalls();
    await host.apply(patches);
    expect(fake.calls).toBeLessThanOrEqual(60);
  });
});

describe("a rate that takes its neighbour's number format (2022-wujing-006: H7 under H6 in 0.00%)", () => {
  const RATES = "single/2022-wujing-006.xlsx";

  it("writes the fraction and the format; 撤销 puts the value and General back", async () => {
    const { fake, host, grid, patches } = await readAndPlan(RATES);
    const sheet = grid.name;
    expect(patches.find((p) => p.cell === "H7")).toMatchObject({ value: 0.7778, numberFormat: "0.00%" });
    expect(fake.cell(sheet, "H7").format ?? null).toBeNull();
    await host.apply(patches);
    expect(fake.cell(sheet, "H7")).toMatchObject({ value: 0.7778, format: "0.00%" });
    expect(fake.cell(sheet, "H6")).toMatchObject({ value: 0.7778, format: "0.00%" });
    expect(patchesOf(await host.readActiveSheet())).toEqual([]);
    const reverted = await createWpsHost(() => fake.app as never).revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["H6", "H7"]);
    expect(fake.value(sheet, "H7")).toBeNull();
    expect(fake.cell(sheet, "H7").format ?? null).toBeNull();
    expect(fake.cell(sheet, "H6")).toMatchObject({ value: 0.7777, format: "0.00%" });
  });

  it("a run that fails after the format was set (at the snapshot): values and format put back", async () => {
    const { fake, host, grid, patches } = await readAndPlan(RATES);
    const sheet = grid.name;
    fake.beforeWrite = ({ cell, n }) => {
      if (cell === "A1" && n === 3) throw new Error("断电"); // H6, H7, H7's format, then the snapshot
    };
    await expect(host.apply(patches)).rejects.toThrow(/H6、H7/);
    fake.beforeWrite = undefined;
    expect(fake.value(sheet, "H7")).toBeNull();
    expect(fake.cell(sheet, "H7").format ?? null).toBeNull();
    expect(fake.cell(sheet, "H6")).toMatchObject({ value: 0.7777, format: "0.00%" });
    expect(await host.hasRevert()).toBe(false);
  });
});
