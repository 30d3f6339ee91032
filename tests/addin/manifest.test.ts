import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { checkManifest, pngSize } from "../../config/manifest-check.mjs";

const root = new URL("../../", import.meta.url);
const xml = readFileSync(new URL("manifest.xml", root), "utf8");
const SOURCES: Record<string, string> = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "commands.html": "src/commands/commands.html",
};
const readLocal = (file: string): Uint8Array | null => {
  const url = new URL(SOURCES[file] ?? file, root);
  return existsSync(url) ? readFileSync(url) : null;
};

type Node = Record<string, unknown>;
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["Control", "bt:String", "bt:Image", "bt:Url"].includes(name),
}).parse(xml) as Node;
const app = parsed.OfficeApp as Node;
const vo = app.VersionOverrides as Node;
const resources = vo.Resources as Node;
const strings = [
  ...((resources["bt:ShortStrings"] as Node)["bt:String"] as Node[]),
  ...((resources["bt:LongStrings"] as Node)["bt:String"] as Node[]),
];
const text = (id: unknown) => strings.find((s) => s["@id"] === id)?.["@DefaultValue"];
const urlOf = (id: unknown) =>
  ((resources["bt:Urls"] as Node)["bt:Url"] as Node[]).find((u) => u["@id"] === id)?.["@DefaultValue"];
const form = ((vo.Hosts as Node).Host as Node).DesktopFormFactor as Node;
const group = ((form.ExtensionPoint as Node).OfficeTab as Node).Group as Node;
const controls = group.Control as Node[];

describe("manifest.xml", () => {
  it("passes the offline structural check", () => {
    expect(checkManifest(xml, readLocal)).toEqual([]);
  });

  it("is an Excel task pane add-in with ReadWriteDocument only and a zh-CN display name", () => {
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(((app.Hosts as Node).Host as Node)["@Name"]).toBe("Workbook");
    expect(app.Permissions).toBe("ReadWriteDocument");
    // The pane never navigates to another origin (docs/security.md).
    expect(app.AppDomains).toBeUndefined();
    expect(app.DefaultLocale).toBe("zh-CN");
    expect((app.DisplayName as Node)["@DefaultValue"]).toBe("自评表助手");
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe(
      "https://localhost:3000/taskpane.html?office=1"
    );
    expect(vo["@xsi:type"]).toBe("VersionOverridesV1_0");
    expect(((vo.Hosts as Node).Host as Node)["@xsi:type"]).toBe("Workbook");
  });

  it("puts two buttons on the Home tab: 自评表助手 opens the pane, 一键重算 runs recalculate", () => {
    expect(((form.ExtensionPoint as Node).OfficeTab as Node)["@id"]).toBe("TabHome");
    expect(controls).toHaveLength(2);
    const [pane, recalc] = controls;
    expect(text((pane.Label as Node)["@resid"])).toBe("自评表助手");
    const paneAction = pane.Action as Node;
    expect(paneAction["@xsi:type"]).toBe("ShowTaskpane");
    expect(paneAction.TaskpaneId).toBe("ButtonId1");
    expect(urlOf((paneAction.SourceLocation as Node)["@resid"])).toBe(
      "https://localhost:3000/taskpane.html?office=1"
    );
    expect(text((recalc.Label as Node)["@resid"])).toBe("一键重算");
    const recalcAction = recalc.Action as Node;
    expect(recalcAction["@xsi:type"]).toBe("ExecuteFunction");
    expect(recalcAction.FunctionName).toBe("recalculate");
    expect(urlOf((form.FunctionFile as Node)["@resid"])).toBe("https://localhost:3000/commands.html");
    for (const c of controls) {
      const tip = text(((c.Supertip as Node).Description as Node)["@resid"]);
      expect(tip).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("has real PNG icons at 16, 32, 64 and 80 px", () => {
    for (const size of [16, 32, 64, 80]) {
      const bytes = readFileSync(new URL(`assets/icon-${size}.png`, root));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it("reports what breaks: wrong permission, foreign URL, missing or wrong-size icon, dangling resid, bad order", () => {
    const broken = (from: string, to: string) => checkManifest(xml.replace(from, to), readLocal);
    expect(broken("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument")).toContainEqual(
      expect.stringContaining("Permissions")
    );
    expect(broken('<Host Name="Workbook"/>', '<Host Name="Document"/>')).toContainEqual(
      expect.stringContaining("Hosts")
    );
    expect(
      broken("https://localhost:3000/commands.html", "https://example.com/commands.html")
    ).toContainEqual(expect.stringContaining("not under"));
    expect(broken("assets/icon-80.png", "assets/icon-81.png")).toContainEqual(
      expect.stringContaining("does not exist")
    );
    expect(
      broken(
        'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"',
        'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-16.png"'
      )
    ).toContainEqual(expect.stringContaining("expected 32×32"));
    expect(broken('resid="RecalcButton.Label"', 'resid="Nowhere.Label"')).toContainEqual(
      expect.stringContaining("does not resolve")
    );
    expect(broken('id="ZpbRecalcButton"', 'id="ZpbTaskpaneButton"')).toContainEqual(
      expect.stringContaining("duplicate control id")
    );
    const swapped = xml.replace(/(<Version>.*?<\/Version>)\s*(<ProviderName>.*?<\/ProviderName>)/, "$2$1");
    expect(checkManifest(swapped, readLocal)).toContainEqual(
      expect.stringContaining("out of the schema's order")
    );
    expect(checkManifest(xml.replace("</Hosts>", ""), readLocal)[0]).toMatch(/not well-formed/);
  });
});
