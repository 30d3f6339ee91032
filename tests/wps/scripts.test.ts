/** The WPS tooling's steps (scripts/wps/lib.mjs): publish.xml entries, jsaddons paths, publish.html. */
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import {
  addinUrl,
  commandFromRegistry,
  findEt,
  flattenPage,
  jsaddonsDir,
  jspluginsLine,
  jspluginsXml,
  packageName,
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
    expect(html).toContain('"http://127.0.0.1:58890"');
    expect(html).toContain('"/deployaddons/runParams"');
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

describe("jsplugins.xml", () => {
  it("lists the offline package by its .7z, as every WPS source does", () => {
    const xml = jspluginsXml("https://intranet.example/zpb/zipingbiao.7z", "0.1.0");
    expect(XMLValidator.validate(xml)).toBe(true);
    const entry = new XMLParser({ ignoreAttributes: false }).parse(xml).jsplugins.jsplugin;
    expect(entry).toEqual({
      "@_name": "zipingbiao",
      "@_type": "et",
      "@_url": "https://intranet.example/zpb/zipingbiao.7z",
      "@_version": "0.1.0",
    });
    expect(packageName()).toBe("zipingbiao.7z");
  });
});

describe("finding WPS 表格 for npm run wps:debug", () => {
  const LOCAL = "C:\\Users\\u\\AppData\\Local";
  const PROGRAMS = "C:\\Program Files (x86)";
  const env = { LOCALAPPDATA: LOCAL, "ProgramFiles(x86)": PROGRAMS };
  /** A file system holding exactly these files (folders implied). */
  const fsWith = (files: string[]) => {
    const all = new Set(files);
    const dirs = new Map<string, Set<string>>();
    for (const f of files) {
      const parts = f.split("\\");
      for (let i = 1; i < parts.length; i++) {
        const dir = parts.slice(0, i).join("\\");
        if (!dirs.has(dir)) dirs.set(dir, new Set());
        dirs.get(dir)!.add(parts[i]);
        all.add(dir);
      }
    }
    return {
      existsSync: (p: string) => all.has(p),
      readdirSync: (p: string) => {
        if (!dirs.has(p)) throw new Error(`ENOENT ${p}`);
        return [...dirs.get(p)!];
      },
    };
  };
  const versioned = (root: string, v: string) => `${root}\\Kingsoft\\WPS Office\\${v}\\office6\\et.exe`;

  it("reads the registry's command for sheets first (quoted path, %1 dropped)", () => {
    const et = versioned(LOCAL, "12.1.0.17827");
    const reg = (key: string) =>
      key.endsWith("KET.Sheet.12\\shell\\new\\command")
        ? `\r\n${key}\r\n    (默认)    REG_SZ    "${et}" /et /n "%1"\r\n`
        : null;
    expect(findEt({ platform: "win32", env, fs: fsWith([et]), reg })).toEqual({
      exe: et,
      args: ["/et", "/n"],
      from: "registry",
    });
  });

  it("finds et.exe under the versioned install folder, newest version first, when the registry has nothing", () => {
    const old = versioned(LOCAL, "12.1.0.9912");
    const newer = versioned(LOCAL, "12.1.0.17827");
    const fs = fsWith([old, newer, `${LOCAL}\\Kingsoft\\WPS Office\\ksolaunch.exe`]);
    expect(findEt({ platform: "win32", env, fs, reg: () => null })).toEqual({
      exe: newer,
      args: [],
      from: "folder",
    });
    // A registry entry whose program is gone does not count.
    const stale = () => '    (Default)    REG_SZ    "D:\\gone\\et.exe" "%1"';
    expect(findEt({ platform: "win32", env, fs, reg: stale })?.exe).toBe(newer);
  });

  it("finds a machine-wide install, the launcher as a last resort, and nothing where there is no WPS", () => {
    const machine = `${PROGRAMS}\\Kingsoft\\WPS Office\\11.1.0.11365\\office6\\et.exe`;
    expect(findEt({ platform: "win32", env, fs: fsWith([machine]) })?.exe).toBe(machine);
    const launcher = `${PROGRAMS}\\Kingsoft\\WPS Office\\ksolaunch.exe`;
    expect(findEt({ platform: "win32", env, fs: fsWith([launcher]) })).toEqual({
      exe: launcher,
      args: [],
      from: "launcher",
    });
    expect(findEt({ platform: "win32", env, fs: fsWith([]) })).toBeNull();
    const linux = "/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6/et";
    const posix = { existsSync: (p: string) => p === linux, readdirSync: () => [] };
    expect(findEt({ platform: "linux", env: {}, fs: posix })?.exe).toBe(linux);
  });

  it("parses REG QUERY output: unquoted paths, REG_EXPAND_SZ variables, and none", () => {
    expect(
      commandFromRegistry(
        '    (Default)    REG_EXPAND_SZ    %LOCALAPPDATA%\\Kingsoft\\WPS Office\\office6\\et.exe /et "%1"',
        { LOCALAPPDATA: LOCAL }
      )
    ).toEqual({ exe: `${LOCAL}\\Kingsoft\\WPS Office\\office6\\et.exe`, args: ["/et"] });
    expect(
      commandFromRegistry("ERROR: The system was unable to find the specified registry key.")
    ).toBeNull();
    expect(commandFromRegistry(null)).toBeNull();
  });
});
