// @vitest-environment jsdom
/** ribbon.xml: well-formed, starts with <customUI, and names only callbacks that exist and are not async. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const XML = readFileSync(join(import.meta.dirname, "..", "..", "src", "wps", "ribbon.xml"), "utf8");
const CALLBACK = /^(onLoad|onAction|getEnabled|getVisible|getImage|getLabel|getScreentip|getPressed)$/;

/** Every callback attribute in the tree, as [attribute, value]. */
function callbacks(node: unknown, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((n) => callbacks(n, out));
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("@_") && CALLBACK.test(k.slice(2))) out.push([k.slice(2), String(v)]);
      else callbacks(v, out);
    }
  return out;
}

describe("ribbon.xml", () => {
  it("is well-formed and starts with <customUI (no XML declaration), in the CustomUI namespace", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(XML.startsWith("<customUI")).toBe(true);
    expect(XML).toContain('xmlns="http://schemas.microsoft.com/office/2006/01/customui"');
  });

  it("has the group 自评表助手 with the buttons 自评表助手 and 一键重算", () => {
    const tree = new XMLParser({ ignoreAttributes: false }).parse(XML);
    const group = tree.customUI.ribbon.tabs.tab.group;
    expect(group["@_label"]).toBe("自评表助手");
    expect(group.button.map((b: Record<string, string>) => [b["@_id"], b["@_label"]])).toEqual([
      ["zpbPane", "自评表助手"],
      ["zpbRecalc", "一键重算"],
    ]);
  });

  it("names callbacks that the entry page defines, synchronous, returning at once", async () => {
    const { ribbon } = await import("../../src/wps/main");
    const tree = new XMLParser({ ignoreAttributes: false }).parse(XML);
    const named = callbacks(tree);
    expect(named.map(([a]) => a).sort()).toEqual(["getImage", "getImage", "onAction", "onAction", "onLoad"]);
    for (const [, path] of named) {
      const [root, name] = path.split(".");
      expect(root).toBe("ribbon");
      const fn = (ribbon as Record<string, unknown>)[name];
      expect(typeof fn).toBe("function");
      expect((fn as () => unknown).constructor.name).toBe("Function"); // not AsyncFunction
    }
    expect((window as unknown as { ribbon: unknown }).ribbon).toBe(ribbon);
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAction({ Id: "unknown" })).toBe(true);
    expect(ribbon.GetImage({ Id: "zpbPane" })).toBe("images/icon-32.png");
  });
});

describe("一键重算 from the entry page", () => {
  it("in 审阅模式 only checks: nothing written, the notice says what it would write", async () => {
    const { ribbon } = await import("../../src/wps/main");
    const { FakeWps } = await import("../fakes/wps");
    const { fixtureGrids } = await import("./helpers");
    const { saveSettings, DEFAULT_SETTINGS } = await import("../../src/taskpane/settings");
    const fake = FakeWps.fromGrids(fixtureGrids("single/2023-taopu-003.xlsx").grids);
    const g = globalThis as unknown as { Application?: unknown };
    g.Application = fake.app;
    try {
      saveSettings({ ...DEFAULT_SETTINGS, reviewer: true });
      expect(ribbon.OnAction({ Id: "zpbRecalc" })).toBe(true);
      expect(await ribbon.state().last).toMatchObject({ kind: "reviewed", pending: 3 });
      expect(fake.value("财政所-财政管理专项经费", "H23")).toBe(2);
      expect(fake.transactions).toEqual([]);
      await new Promise((r) => setTimeout(r, 0));
      expect(fake.dialogs).toHaveLength(1);
      saveSettings(DEFAULT_SETTINGS);
      ribbon.OnAction({ Id: "zpbRecalc" });
      expect(await ribbon.state().last).toMatchObject({ kind: "fixed", written: 3 });
      expect(fake.value("财政所-财政管理专项经费", "H23")).toBe(0);
    } finally {
      delete g.Application;
      localStorage.clear();
    }
  });
});
