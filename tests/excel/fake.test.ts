/// <reference types="office-js" />
import { describe, expect, it } from "vitest";
import { FakeExcel } from "../fakes/excel";

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

function fake(): FakeExcel {
  return FakeExcel.fromGrids([
    {
      name: "S",
      top: 0,
      left: 0,
      values: [
        [1, "a"],
        [2, null],
      ],
      merges: [{ top: 0, left: 0, bottom: 1, right: 0 }],
    },
    { name: "T", top: 0, left: 0, values: [["t"]], merges: [] },
  ]);
}

describe("the fake fails like Excel", () => {
  it("throws when a property is read before load, or after load but before sync", async () => {
    await fake().run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
      expect(() => range.values).toThrow(NOT_LOADED);
      range.load("values");
      expect(() => range.values).toThrow(NOT_LOADED);
      await context.sync();
      expect(range.values).toEqual([
        [1, "a"],
        [2, ""],
      ]);
      expect(() => range.address).toThrow("The property 'address' is not available.");
    });
  });

  it("throws on members and load paths it does not implement", async () => {
    await fake().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      expect(() => sheet.getRange("A1").getCell(0, 0)).toThrow(
        "Fake Excel: Range.getCell is not implemented"
      );
      expect(() => sheet.getRange("A1").load("text")).toThrow(
        "Fake Excel: loading Range.text is not implemented"
      );
      expect(() => context.workbook.tables).toThrow("Fake Excel: Workbook.tables is not implemented");
      expect(() => context.trackedObjects).toThrow(
        "Fake Excel: RequestContext.trackedObjects is not implemented"
      );
      expect(() => {
        (sheet as unknown as { position: number }).position = 2;
      }).toThrow("Fake Excel: setting Worksheet.position is not implemented");
      await context.sync();
    });
  });

  it("applies assignments at sync, in queue order (a load queued before a write sees the old value)", async () => {
    const f = fake();
    await f.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      range.load("values");
      range.values = [[9]];
      expect(f.cell("S", "A1").value).toBe(1);
      await context.sync();
      expect(range.values).toEqual([[1]]);
      expect(f.cell("S", "A1").value).toBe(9);
    });
  });

  it("reads typed input like Excel: numeric text becomes a number, an apostrophe keeps text, = a formula", async () => {
    const f = fake();
    await f.run(async (context) => {
      context.workbook.worksheets.getItem("T").getRange("A1:D1").values = [["12", "'12", "=A2", "优"]];
      await context.sync();
    });
    expect(["A1", "B1", "C1", "D1"].map((c) => f.cell("T", c).value)).toEqual([12, "12", "", "优"]);
    expect(f.cell("T", "C1").formula).toBe("=A2");
    await expect(
      f.run(async (context) => {
        context.workbook.worksheets.getItem("T").getRange("A1").values = [["2023/1/2"]];
        await context.sync();
      })
    ).rejects.toThrow('Fake Excel: reading "2023/1/2" as a date or time is not implemented');
  });

  it("gives null objects for missing items and used ranges of empty sheets", async () => {
    const f = fake();
    f.model.addSheet("空");
    await f.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("无").load("name");
      const empty = context.workbook.worksheets.getItem("空").getUsedRangeOrNullObject().load("address");
      const merges = context.workbook.worksheets
        .getItem("T")
        .getRange("A1:B2")
        .getMergedAreasOrNullObject()
        .load("address");
      const found = context.workbook.worksheets
        .getItem("S")
        .getRange("A1:B2")
        .getMergedAreasOrNullObject()
        .load("address");
      expect(() => missing.isNullObject).toThrow("The property 'isNullObject' is not available.");
      await context.sync();
      expect([missing.isNullObject, empty.isNullObject, merges.isNullObject, found.isNullObject]).toEqual([
        true,
        true,
        true,
        false,
      ]);
      expect(() => missing.name).toThrow("null object");
      expect(found.address).toBe("S!A1:A2");
    });
  });

  it("rejects at sync a missing sheet and a write to a protected sheet, keeping earlier actions done", async () => {
    const f = fake();
    f.sheet("S").protected = true;
    await f.run(async (context) => {
      const t = context.workbook.worksheets.getItem("T").getRange("A1");
      const s = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
      t.values = [["done"]];
      s.values = [[5]];
      const error = await context.sync().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "AccessDenied" });
      expect(() => s.values).toThrow("is not available");
      context.workbook.worksheets.getItem("无").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(f.cell("T", "A1").value).toBe("done");
    expect(f.cell("S", "A1").value).toBe(1);
    expect(f.sheet("S").unprotectCalls).toBe(0);
  });

  it("fails a batch that ends with unsynced actions, and objects used after their run", async () => {
    const f = fake();
    await expect(
      f.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [[3]];
      })
    ).rejects.toThrow("never synced");
    expect(f.cell("S", "A1").value).toBe(1);
    const kept = await f.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1").load("values");
      await context.sync();
      return r;
    });
    expect(() => kept.load("values")).toThrow("outside its Excel.run");
  });

  it("counts syncs and bytes, and enforces the payload limit", async () => {
    const f = fake();
    f.payloadLimit = 400;
    await f.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B2").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("S").getRange("A1:Z50").load("values, formulas");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    });
    expect(f.syncCount).toBe(2);
    expect(f.syncs[0].response).toBeGreaterThan(10);
    expect(f.bytes).toBeGreaterThan(f.syncs[0].response);
  });

  it("adds very hidden sheets and keeps one sheet visible", async () => {
    const f = fake();
    await f.run(async (context) => {
      const sheet = context.workbook.worksheets.add("隐");
      sheet.visibility = "VeryHidden";
      context.workbook.worksheets.add("隐");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    });
    expect(f.sheet("隐").visibility).toBe("VeryHidden");
  });
});
