/** Host detection: WPS by members first, Excel by Office.onReady, else the browser's file mode. */
import { describe, expect, it } from "vitest";
import { detectHost, isWps } from "../../src/hosts/detect";
import { FakeWps } from "../fakes/wps";

const officeSaying = (host: unknown) => ({
  HostType: { Excel: "Excel" },
  onReady: (cb?: (info: { host: unknown }) => void) => {
    cb?.({ host });
    return Promise.resolve({ host });
  },
});

describe("detectHost", () => {
  it("is file mode without office.js", async () => {
    expect(await detectHost({})).toBe("file");
  });

  it("is Excel when Office.onReady says Excel", async () => {
    expect(await detectHost({ Office: officeSaying("Excel") })).toBe("excel");
  });

  it("is file mode when office.js runs outside Office (host null) or never answers", async () => {
    expect(await detectHost({ Office: officeSaying(null) })).toBe("file");
    const silent = { onReady: () => new Promise(() => undefined) };
    expect(await detectHost({ Office: silent }, 5)).toBe("file");
  });

  it("prefers WPS, probed by members, even when Office exists", async () => {
    const Application = { ActiveWorkbook: {}, Name: "WPS 表格" };
    expect(await detectHost({ Application, Office: officeSaying(null) })).toBe("wps");
    expect(await detectHost({ wps: { PluginStorage: {} } })).toBe("wps");
  });

  it("does not take any truthy Application for WPS, and survives throwing proxies", () => {
    expect(isWps({ Application: { Name: "something else" } })).toBe(false);
    const hostile = new Proxy(
      {},
      {
        has() {
          throw new Error("host object");
        },
      }
    );
    expect(isWps({ Application: hostile })).toBe(false);
  });

  it("finds WPS whose objects do not answer `in` (the fake's in-blind mode), and never falls back to file mode", async () => {
    const fake = new FakeWps({ inOperator: "blind" });
    // The check can fail: under this mode `in` sees none of the members a read finds.
    expect("ActiveWorkbook" in (fake.app as object)).toBe(false);
    expect("CreateTaskPane" in (fake.app as object)).toBe(false);
    expect((fake.app as { CreateTaskPane?: unknown }).CreateTaskPane).toBeTypeOf("function");
    // No workbook open: ActiveWorkbook reads null, the member is still there.
    expect(isWps({ Application: fake.app })).toBe(true);
    expect(await detectHost({ Application: fake.app, Office: officeSaying(null) }, 5)).toBe("wps");
    expect(await detectHost({ wps: fake.app }, 5)).toBe("wps");
  });

  it("counts a member whose read throws (a host object before a document is ready) as WPS", async () => {
    const early = new Proxy(
      {},
      {
        get(_t, prop) {
          if (prop === "ActiveWorkbook") throw new Error("not ready");
          return undefined;
        },
        has: () => false,
      }
    );
    expect(await detectHost({ Application: early }, 5)).toBe("wps");
  });

  it("takes WPS's user agent as WPS even when the object model is missing (no silent browser mode)", async () => {
    const agent =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/104.0.5112.102 Safari/537.36 WpsOfficeApp/12.1.0.17827";
    expect(await detectHost({ navigator: { userAgent: agent } }, 5)).toBe("wps");
    const chrome = agent.replace(/ WpsOfficeApp\/\S+/, "");
    expect(await detectHost({ navigator: { userAgent: chrome } }, 5)).toBe("file");
  });
});
