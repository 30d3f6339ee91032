/** Host detection: WPS by members first, Excel by Office.onReady, else the browser's file mode. */
import { describe, expect, it } from "vitest";
import { detectHost, isWps } from "../../src/hosts/detect";

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
});
