/** The WPS tooling's steps (scripts/wps/lib.mjs): publish.xml entries, jsaddons paths, publish.html. */
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  addinUrl,
  flattenPage,
  jsaddonsDir,
  jspluginsLine,
  offlineEntry,
  onlineEntry,
  publishHtml,
  upsertPublishXml,
} from "../../scripts/wps/lib.mjs";

describe("publish.xml", () => {
  it("gets the development entry wpsjs debug writes, replacing only this add-in's entry", () => {
    const other = '<jspluginonline name="other" type="wps" url="http://x/" enable="enable"/>';
    const before = `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${other}\n  ${onlineEntry("http://127.0.0.1:1/wps/")}\n</jsplugins>\n`;
    const after = upsertPublishXml(before, onlineEntry("http://127.0.0.1:3889/wps/"));
    expect(XMLValidator.validate(after)).toBe(true);
    const list = new XMLParser({ ignoreAttributes: false }).parse(after).jsplugins.jspluginonline;
    expect(list).toEqual([
      expect.objectContaining({ "@_name": "other" }),
      {
        "@_name": "zipingbiao",
        "@_type": "et",
        "@_url": "http://127.0.0.1:3889/wps/",
        "@_enable": "enable_dev",
        "@_install": "null",
      },
    ]);
  });

  it("is created when missing, and an offline entry replaces an online one", () => {
    const first = upsertPublishXml("", onlineEntry("http://127.0.0.1:3889/wps/"));
    const second = upsertPublishXml(first, offlineEntry("0.1.0"));
    expect(XMLValidator.validate(second)).toBe(true);
    expect(second).not.toContain("jspluginonline");
    expect(second).toContain('<jsplugin name="zipingbiao" type="et" url="zipingbiao_0.1.0" version="0.1.0"');
    expect(jspluginsLine("file:///opt/zpb/", "0.1.0")).toBe(
      '<jsplugin name="zipingbiao" type="et" url="file:///opt/zpb/" version="0.1.0"/>'
    );
  });

  it("lives in WPS's jsaddons folder of each platform", () => {
    expect(jsaddonsDir("linux", {}, "/home/u")).toBe("/home/u/.local/share/Kingsoft/wps/jsaddons");
    expect(jsaddonsDir("win32", { APPDATA: "C:\\Users\\u\\AppData\\Roaming" }, "C:\\Users\\u")).toBe(
      "C:\\Users\\u\\AppData\\Roaming\\kingsoft\\wps\\jsaddons"
    );
  });
});

describe("publish.html and the offline folder", () => {
  it("takes an http(s) URL of dist/ ending with / and installs its wps/ folder", () => {
    expect(addinUrl("https://intranet.example/zpb/")).toBe("https://intranet.example/zpb/wps/");
    expect(addinUrl("https://intranet.example/zpb")).toBeNull();
    expect(addinUrl("ftp://x/")).toBeNull();
    const html = publishHtml({ url: "https://intranet.example/zpb/wps/", version: "0.1.0" });
    expect(html).toContain("http://127.0.0.1:58890/deployaddons/runParams");
    expect(html).toContain('"url":"https://intranet.example/zpb/wps/"');
    expect(html).toContain('"addonType":"et"');
    expect(html).not.toMatch(/\balert\(/);
  });

  it("rewrites the entry page to find the pane beside it", () => {
    const built =
      "<meta name=zpb-pane content=../taskpane.html><script defer src=../wps/main.1234.js></script>";
    expect(flattenPage(built)).toBe(
      '<meta name=zpb-pane content="taskpane.html"><script defer src=main.1234.js></script>'
    );
  });
});
