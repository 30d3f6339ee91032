/** The Excel host's document events: registering is one sync, events cost none and name the sheet. */
import { describe, expect, it } from "vitest";
import { createExcelHost } from "../../src/hosts/excel";
import type { HostEvent } from "../../src/hosts/types";
import { openFixture, WORKBOOK_23 } from "./helpers";

describe("watch", () => {
  it("reports sheet switches and edits by sheet name without a round trip per event", async () => {
    const { fake, file } = await openFixture(WORKBOOK_23);
    const host = createExcelHost(fake.run);
    await host.readAllSheets();
    fake.resetCounters();
    const events: HostEvent[] = [];
    const stop = await host.watch!((e) => events.push(e));
    expect(fake.syncCount).toBe(1);

    fake.activate(file[2].name);
    fake.edit(file[2].name, "H13", { value: 5 });
    fake.edit(file[2].name, "H14", { value: 6 });
    expect(events).toEqual([
      { kind: "activated", sheet: file[2].name },
      { kind: "changed", sheet: file[2].name, address: "H13" },
      { kind: "changed", sheet: file[2].name, address: "H14" },
    ]);
    expect(fake.syncCount).toBe(1);

    stop();
    fake.edit(file[2].name, "H15", { value: 7 });
    expect(events).toHaveLength(3);
  });

  it("names no sheet it has not read (the pane then treats the event as about any sheet)", async () => {
    const { fake, file } = await openFixture(WORKBOOK_23);
    const host = createExcelHost(fake.run);
    const events: HostEvent[] = [];
    await host.watch!((e) => events.push(e));
    fake.activate(file[1].name);
    expect(events).toEqual([{ kind: "activated", sheet: null }]);
  });
});
