/**
 * Faults between the pane and Excel, injected into the fake: a sync whose answer is lost after the write
 * batch ran, a write that fails half-way, the pane closed mid-run, another workbook under the pane. After
 * each the sheet is fully patched or untouched — or the message names every cell that may have been
 * written — and the revert snapshot (__zpb_undo) covers every cell that holds a written value.
 */
import { describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import type { Patch } from "../../src/core/types";
import { createExcelHost, STORE_SHEET } from "../../src/hosts/excel";
import { HostError, type Host } from "../../src/hosts/types";
import { FakeExcel, FakeWorkbookModel, type FakeSheet } from "../fakes/excel";
import { parseBox } from "../fakes/excel/address";
import { openFixture, patch } from "./helpers";

const FORM = "single/2023-taopu-029.xlsx";
const always = () => true;
/** The sync in which the host, after a failed batch, asks Excel what was written. */
const recovery = (labels: readonly string[]) => labels.includes("WorkbookProtection.load");
/** Lets a batch that will never hear back run up to its hanging sync. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function readForm() {
  const { fake } = await openFixture(FORM);
  const host = createExcelHost(fake.run);
  const grid = await host.readActiveSheet();
  return { fake, host, grid, sheet: grid.name, patches: somePatches(grid) };
}

/** A number over a number, text into an empty cell, a number over a "-": three runs, three writes. */
function somePatches(grid: Grid): Patch[] {
  return [patch(grid, "H13", 6.5), patch(grid, "I14", "请补充偏差原因", "reason"), patch(grid, "I7", 0)];
}

async function rejection(p: Promise<unknown>): Promise<HostError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

/** What each target cell holds: "old", "new", or "other" (neither). */
function states(fake: FakeExcel, patches: Patch[]): ("old" | "new" | "other")[] {
  return patches.map((p) => {
    const v = fake.cell(p.sheet, p.cell).value;
    const value = v === "" ? null : v;
    return value === p.value ? "new" : value === p.old ? "old" : "other";
  });
}

/** The fix the store holds, as a pane opened afresh finds it. */
async function storedFix(fake: FakeExcel): Promise<Patch[] | null> {
  const reopened = createExcelHost(fake.run);
  if (!(await reopened.hasRevert())) return null;
  const probe = fake.model.sheet(STORE_SHEET)!;
  const text = [...probe.cells.entries()]
    .filter(([k]) => k.endsWith(",0") && k !== "0,0")
    .sort(([a], [b]) => Number(a.split(",")[0]) - Number(b.split(",")[0]))
    .map(([, c]) => String(c.value).slice(1))
    .join("");
  return (JSON.parse(text) as { patches: Patch[] }).patches;
}

/** Untouched: every cell old, no snapshot claiming a fix. */
async function expectUntouched(fake: FakeExcel, patches: Patch[]) {
  expect(states(fake, patches)).toEqual(patches.map(() => "old"));
  expect(await storedFix(fake)).toBeNull();
}

/** Fully patched, and the snapshot is exactly this fix. */
async function expectPatched(fake: FakeExcel, patches: Patch[]) {
  expect(states(fake, patches)).toEqual(patches.map(() => "new"));
  expect(await storedFix(fake)).toEqual(patches);
}

/** The next action works: the same fix goes through, and reverts. */
async function expectRecovered(host: Host, fake: FakeExcel, patches: Patch[]) {
  expect(fake.armedFaults).toBe(0);
  await host.readActiveSheet();
  await host.apply(patches);
  await expectPatched(fake, patches);
  expect((await host.revertLast())?.patches).toHaveLength(patches.length);
  await expectUntouched(fake, patches);
}

describe("a sync that rejects after the write batch was queued and ran", () => {
  it("puts every written cell and the snapshot back, and says the sheet was not changed", async () => {
    const { fake, host, patches, sheet } = await readForm();
    fake.inject({ kind: "reject-after" });
    const error = await rejection(host.apply(patches));
    expect(error.reason).toBe("failed");
    expect(error.message).toContain(`已写入的“${sheet}”的 H13、I14、I7已恢复为检查时的内容`);
    expect(error.message).toContain("工作表保持原样");
    await expectUntouched(fake, patches);
    await expectRecovered(host, fake, patches);
  });

  it("names every cell that may have been written when Excel cannot be asked afterwards either", async () => {
    const { fake, host, patches, sheet } = await readForm();
    fake.inject({ kind: "reject-after" });
    // Every later sync fails too (the host also retries its recovery read once in another form).
    for (let i = 0; i < 3; i++) fake.inject({ kind: "reject-after", when: always });
    const error = await rejection(host.apply(patches));
    expect(error.message).toContain(`“${sheet}”的 H13、I14、I7`);
    expect(error.message).toContain("撤销");
    // The batch did run: the cells are written and the snapshot, written ahead of them, covers them all.
    await expectPatched(fake, patches);
    const reopened = createExcelHost(fake.run);
    expect((await reopened.revertLast())?.patches).toEqual(patches);
    await expectUntouched(fake, patches);
  });

  it("keeps the fix when the answer of a revert is lost (cells and snapshot as before the revert)", async () => {
    const { fake, host, patches } = await readForm();
    await host.apply(patches);
    fake.inject({ kind: "reject-after" });
    const error = await rejection(host.revertLast());
    expect(error.message).toContain("工作表保持原样");
    await expectPatched(fake, patches);
    expect((await host.revertLast())?.patches).toEqual(patches);
    await expectUntouched(fake, patches);
  });
});

describe("a write that fails half-way", () => {
  // Writes of the batch, in order: the snapshot, then H13, I7, I14 (one range per run).
  it.each([
    [1, "没有写入任何内容"],
    [2, "没有写入任何内容"],
    [3, "已写入的“工会-工会工作专项经费”的 H13已恢复"],
    [4, "已写入的“工会-工会工作专项经费”的 H13、I7已恢复"],
  ])("failing at write %i leaves the sheet untouched and no snapshot, and says so", async (n, told) => {
    const { fake, host, patches } = await readForm();
    fake.inject({ kind: "fail-at-write", write: n });
    const error = await rejection(host.apply(patches));
    expect(error.message).toContain(told);
    expect(error.message).toContain("工作表保持原样");
    await expectUntouched(fake, patches);
    await expectRecovered(host, fake, patches);
  });

  it("keeps the previous fix's snapshot when a second fix fails half-way", async () => {
    const { fake, host, grid } = await readForm();
    const first = [patch(grid, "H15", 6)];
    await host.apply(first);
    await host.readActiveSheet();
    const second = somePatches(grid);
    fake.inject({ kind: "fail-at-write", write: 3 });
    await rejection(host.apply(second));
    expect(states(fake, second)).toEqual(["old", "old", "old"]);
    expect(await storedFix(fake)).toEqual(first);
    expect(states(fake, first)).toEqual(["new"]);
  });

  it("fails half-way while reverting: the fix stays whole", async () => {
    const { fake, host, patches } = await readForm();
    await host.apply(patches);
    fake.inject({ kind: "fail-at-write", write: 3 });
    await rejection(host.revertLast());
    await expectPatched(fake, patches);
  });
});

describe("the pane closed mid-run", () => {
  it("after the batch ran: the sheet is fully patched and a reopened pane reverts it", async () => {
    const { fake, host, patches } = await readForm();
    fake.inject({ kind: "close", run: true });
    void host.apply(patches); // never settles: the pane is gone
    await settle();
    await expectPatched(fake, patches);
    const reopened = createExcelHost(fake.run);
    expect((await reopened.revertLast())?.patches).toEqual(patches);
    await expectUntouched(fake, patches);
  });

  it("before the batch ran: untouched", async () => {
    const { fake, host, patches } = await readForm();
    fake.inject({ kind: "close", run: false });
    void host.apply(patches);
    await settle();
    await expectUntouched(fake, patches);
  });

  it("after a half-done write, during the recovery: the snapshot covers the written cell and revert restores it", async () => {
    const { fake, host, patches } = await readForm();
    fake.inject({ kind: "fail-at-write", write: 3 }); // snapshot and H13 written, I7 fails
    fake.inject({ kind: "close", run: false, when: recovery });
    void host.apply(patches);
    await settle();
    expect(states(fake, patches)).toEqual(["new", "old", "old"]);
    expect(await storedFix(fake)).toEqual(patches);
    const reopened = createExcelHost(fake.run);
    const reverted = await reopened.revertLast();
    // Only the cell that was written is reported as restored.
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["H13"]);
    await expectUntouched(fake, patches);
  });

  it("during a revert, after its batch ran: the sheet is back to the old values and no snapshot remains", async () => {
    const { fake, host, patches } = await readForm();
    await host.apply(patches);
    fake.inject({ kind: "close", run: true });
    void host.revertLast();
    await settle();
    await expectUntouched(fake, patches);
  });

  it("half-way through a revert: the snapshot still covers the cells not yet restored", async () => {
    const { fake, host, patches } = await readForm();
    await host.apply(patches);
    fake.inject({ kind: "fail-at-write", write: 2 }); // H13 restored, I7 fails; the snapshot is cleared last
    fake.inject({ kind: "close", run: false, when: recovery });
    void host.revertLast();
    await settle();
    expect(states(fake, patches)).toEqual(["old", "new", "new"]);
    expect(await storedFix(fake)).toEqual(patches);
    const reverted = await createExcelHost(fake.run).revertLast();
    expect(reverted?.patches.map((p) => p.cell)).toEqual(["I14", "I7"]);
    await expectUntouched(fake, patches);
  });
});

/** The cell of a sheet list (a workbook no longer under the pane). */
function cellIn(sheets: FakeSheet[], name: string, address: string) {
  const sheet = sheets.find((s) => s.name === name)!;
  const box = parseBox(address);
  return sheet.cells.get(`${box.top},${box.left}`)?.value ?? "";
}

describe("another workbook under the pane mid-run", () => {
  it("without the sheet: nothing is written in either workbook, and the message says the sheet is gone", async () => {
    const { fake, host, patches, sheet } = await readForm();
    const other = FakeWorkbookModel.fromGrids([
      { name: "Sheet1", top: 0, left: 0, values: [["x"]], merges: [] },
    ]);
    fake.inject({ kind: "switch", to: other });
    const error = await rejection(host.apply(patches));
    expect(error.reason).toBe("no-sheet");
    expect(error.message).toContain(sheet);
    expect(cellIn(other.sheets, "Sheet1", "A1")).toBe("x");
    expect(other.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("a copy of the form edited since: its cells are kept, and the first workbook is untouched", async () => {
    const { fake, host, grid, sheet } = await readForm();
    await host.apply([patch(grid, "H15", 6)]); // the first workbook has a snapshot
    await host.readActiveSheet();
    const patches = somePatches(grid);
    const copy = (await openFixture(FORM)).fake;
    copy.edit(sheet, "H13", { value: 4 }); // the copy's user typed 4
    const first = fake.model.sheets;
    fake.inject({ kind: "switch", to: copy.model });
    const error = await rejection(host.apply(patches));
    expect(error.message).toContain("H13");
    expect(fake.cell(sheet, "H13").value).toBe(4);
    expect(fake.cell(sheet, "I14").value).toBe("");
    expect(fake.cell(sheet, "I7").value).toBe("-");
    expect(fake.model.sheet(STORE_SHEET)).toBeUndefined();
    expect(cellIn(first, sheet, "H13")).toBe(7);
    expect(cellIn(first, sheet, "H15")).toBe(6);
  });

  it("between the reads of a whole-workbook run: a HostError, and the next run works", async () => {
    const { fake } = await openFixture("forms-2022-minhang-wujing.xlsx");
    const host = createExcelHost(fake.run);
    const other = FakeWorkbookModel.fromGrids([
      { name: "Sheet1", top: 0, left: 0, values: [["x"]], merges: [] },
    ]);
    const first = fake.model.sheets;
    let syncs = 0;
    fake.inject({ kind: "switch", to: other, when: () => ++syncs === 2 });
    await rejection(host.readAllSheets());
    fake.model.switchTo(Object.assign(new FakeWorkbookModel(), { sheets: first }));
    expect((await host.readAllSheets()).length).toBe(23);
  });
});

describe("highlighting cut short", () => {
  const cells = [
    { cell: "H13", severity: "error" as const },
    { cell: "I14", severity: "warning" as const },
  ];
  const highlightSync = (labels: readonly string[]) => labels.includes("RangeFill.color");

  it.each([
    ["the marks' write fails", { kind: "fail-at-write", write: 1, when: highlightSync } as const],
    ["the answer is lost", { kind: "reject-after", when: highlightSync } as const],
    ["the pane closes after the batch ran", { kind: "close", run: true, when: highlightSync } as const],
  ])("%s: a reopened pane clears every fill the add-in made", async (_, fault) => {
    const { fake, host, sheet } = await readForm();
    fake.edit(sheet, "I14", { fill: "#00FF00" }); // the user's own fill, to be given back
    fake.inject(fault);
    void host.highlight(sheet, cells).catch(() => undefined);
    await settle();
    await createExcelHost(fake.run).clearHighlights(sheet);
    expect(fake.cell(sheet, "H13").fill).toBeNull();
    expect(fake.cell(sheet, "I14").fill).toBe("#00FF00");
  });
});
