import { describe, expect, it } from "vitest";
import { createExcelHost } from "../../src/hosts/excel";
import { openFixture, patch } from "./helpers";

const FORM = "single/2023-taopu-029.xlsx";

describe("hasRevert", () => {
  it("costs no round trip right after a read: a check (read + hasRevert) is one sync", async () => {
    const { fake } = await openFixture(FORM);
    const host = createExcelHost(fake.run);
    await host.readActiveSheet();
    expect(await host.hasRevert()).toBe(false);
    expect(fake.syncCount).toBe(1);
  });

  it("answers from Excel again once anything was written, and sees a fix made by another host", async () => {
    const { fake } = await openFixture(FORM);
    const pane = createExcelHost(fake.run);
    const ribbon = createExcelHost(fake.run);
    const grid = await pane.readActiveSheet();
    expect(await pane.hasRevert()).toBe(false); // the pane asks right after every read
    await ribbon.readActiveSheet();
    await ribbon.apply([patch(grid, "H13", 6.5)]);
    fake.resetCounters();
    expect(await pane.hasRevert()).toBe(true);
    expect(fake.syncCount).toBe(1);
    await pane.readActiveSheet();
    fake.resetCounters();
    expect(await pane.hasRevert()).toBe(true);
    expect(fake.syncCount).toBe(0);
    await pane.revertLast();
    fake.resetCounters();
    expect(await pane.hasRevert()).toBe(false);
    expect(fake.syncCount).toBe(1);
  });
});
