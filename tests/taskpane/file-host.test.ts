/** The browser-mode host over a real form workbook: open, fix in memory, revert, download name. */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import { sheetPatches } from "../../src/taskpane/analysis";
import { cellAt, gridFromRows } from "../../src/core/grid";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { checkedName, createFileHost, type XlsxCodec } from "../../src/hosts/file";
import { HostError } from "../../src/hosts/types";

const FORM = new URL("../fixtures/forms/single/2023-taopu-003.xlsx", import.meta.url);
const bytes = () => new Uint8Array(readFileSync(FORM));

describe("file host", () => {
  it("reads the first sheet, applies patches to the bytes and reverts to the old bytes", async () => {
    const save = vi.fn();
    const host = createFileHost(xlsxCodec, save);
    const original = bytes();
    const view = await host.open(original, "2023-taopu-003.xlsx");
    expect(view.active).toBe(view.sheets[0].name);
    const grid = await host.readActiveSheet();
    const patches = sheetPatches(analyzeSheet(grid));
    expect(patches.length).toBeGreaterThan(0);
    expect(await host.hasRevert()).toBe(false);

    const fix = await host.apply(patches);
    expect(fix.patches).toBe(patches);
    expect(host.bytes()).not.toBe(original);
    const fixed = await host.readActiveSheet();
    for (const p of patches) expect(cellAt(fixed, p.row, p.col).value).toBe(p.value);
    expect(sheetPatches(analyzeSheet(fixed))).toEqual([]);
    expect(await host.hasRevert()).toBe(true);

    expect(host.download()).toBe(true);
    expect(save).toHaveBeenCalledWith(host.bytes(), "2023-taopu-003.checked.xlsx");

    expect((await host.revertLast())?.patches).toBe(patches);
    expect(host.bytes()).toBe(original);
    expect(cellAt(await host.readActiveSheet(), patches[0].row, patches[0].col).value).toBe(patches[0].old);
    expect(await host.revertLast()).toBeNull();
  });

  it("writes a rate that takes its neighbour's format as a number in that format (2022-wujing-006 H7)", async () => {
    const host = createFileHost(xlsxCodec, vi.fn());
    const original = new Uint8Array(
      readFileSync(new URL("../fixtures/forms/single/2022-wujing-006.xlsx", import.meta.url))
    );
    await host.open(original, "2022-wujing-006.xlsx");
    const patches = sheetPatches(analyzeSheet(await host.readActiveSheet()));
    expect(patches.find((p) => p.cell === "H7")?.numberFormat).toBe("0.00%");
    await host.apply(patches);
    const fixed = await host.readActiveSheet();
    expect(cellAt(fixed, 6, 7)).toEqual({ value: 0.7778, formula: null, format: "0.00%" });
    expect(sheetPatches(analyzeSheet(fixed))).toEqual([]);
    await host.revertLast();
    expect(cellAt(await host.readActiveSheet(), 6, 7)).toEqual({ value: null, formula: null, format: null });
  });

  it("tracks selection and highlights for the preview and notifies listeners", async () => {
    const host = createFileHost(xlsxCodec, vi.fn());
    await host.open(bytes(), "a.xlsx");
    const listener = vi.fn();
    const stop = host.subscribe(listener);
    const sheet = host.view().sheets[0].name;
    await host.select(sheet, "H23");
    expect(host.view().selection).toEqual({ sheet, cell: "H23" });
    await host.highlight(sheet, [{ cell: "H23", severity: "error" }]);
    expect(host.view().highlights[sheet]).toHaveLength(1);
    await host.clearHighlights(sheet);
    expect(host.view().highlights[sheet]).toBeUndefined();
    stop();
    await host.select(sheet, "A1");
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it("refuses to work without a file, with HostErrors", async () => {
    const host = createFileHost(xlsxCodec, vi.fn());
    await expect(host.readActiveSheet()).rejects.toBeInstanceOf(HostError);
    await expect(host.apply([])).rejects.toBeInstanceOf(HostError);
    expect(host.download()).toBe(false);
    await expect(host.open(new TextEncoder().encode("not a zip"), "x.xlsx")).rejects.toThrow();
  });

  it("leaves very hidden sheets (such as Excel's undo store) out of the sheet list and the workbook run", async () => {
    const sheet = (name: string, state: string) => ({ name, state, grid: gridFromRows(name, [[name]]) });
    const codec: XlsxCodec = {
      read: () => ({
        sheets: [sheet("表1", "visible"), sheet("__zpb_undo", "veryHidden"), sheet("备查", "hidden")],
      }),
      write: (b) => b,
    };
    const host = createFileHost(codec, vi.fn());
    const view = await host.open(new Uint8Array([1]), "a.xlsx");
    expect(view.sheets.map((s) => s.name)).toEqual(["表1", "备查"]);
    expect((await host.readAllSheets()).map((g) => g.name)).toEqual(["表1", "备查"]);
    expect(() => host.setActiveSheet("__zpb_undo")).toThrow(HostError);
  });

  it("names the download after the file", () => {
    expect(checkedName("2023 表.xlsx")).toBe("2023 表.checked.xlsx");
    expect(checkedName("book.XLSX")).toBe("book.checked.xlsx");
    expect(checkedName("noext")).toBe("noext.checked.xlsx");
  });
});
