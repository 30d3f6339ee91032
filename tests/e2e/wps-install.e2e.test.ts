/**
 * The WPS add-in as built and packed: dist/wps/main.js at its fixed name is what index.html loads (after
 * the ES5 guard.js); the pane finds WPS whose objects do not answer `in` and never turns into browser mode;
 * `npm run wps:pack` makes zipingbiao.7z holding every file of the build and a jsplugins.xml pointing at it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse } from "acorn";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { paneText } from "../../src/i18n/pane";
import { openPane, type PaneSession } from "./browser";
import { bundleForPage } from "./bundle";
import { DIST, E2E, FORM, ROOT } from "./paths";
import { serveDir, type StaticServer } from "./server";

const SHEET = "财政所-财政管理专项经费";

/** Every file under `dir`, as paths relative to it with "/". */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [relative(base, path).split("\\").join("/")];
  });
}

describe.skipIf(!E2E)("the WPS entry page as built", () => {
  it("has main.js at its fixed name beside index.html, which loads it after the ES5 guard.js", () => {
    const wps = join(DIST, "wps");
    expect(existsSync(join(wps, "main.js"))).toBe(true);
    expect(readdirSync(wps).filter((f) => /^main\..*js$/.test(f))).toEqual(["main.js"]);
    const html = readFileSync(join(wps, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["guard.js", "main.js"]);
    expect(() =>
      parse(readFileSync(join(wps, "guard.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" })
    ).not.toThrow();
  });
});

describe.skipIf(!E2E)("the WPS add-in in Chromium, on a fake WPS whose objects do not answer `in`", () => {
  let server: StaticServer;
  let scripts: string[];

  beforeAll(async () => {
    server = await serveDir(DIST);
    const grids = readWorkbook(new Uint8Array(readFileSync(FORM))).sheets.map((s) => s.grid);
    const fake = await bundleForPage(join(import.meta.dirname, "fake-wps.ts"));
    scripts = [
      `window.__zpbSeed = ${JSON.stringify(grids)}; window.__zpbReadings = { inOperator: "blind" };`,
      fake,
    ];
  });

  afterAll(async () => {
    await server?.close();
  });

  it("the entry page loads guard.js then main.js, which defines the ribbon's callbacks", async () => {
    const entry: PaneSession = await openPane({
      origin: server.origin,
      initScripts: scripts,
      path: "wps/index.html",
    });
    try {
      await entry.page.waitForFunction(() => typeof (window as { ribbon?: unknown }).ribbon === "object");
      const loaded = entry.requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".js"));
      expect(loaded).toEqual(["/wps/guard.js", "/wps/main.js"]);
      const state = await entry.page.evaluate(() => {
        const w = window as unknown as {
          zpbWpsLegacy: boolean;
          ribbon: { OnAction(c: { Id: string }): boolean; state(): unknown };
          __fakeWps: { panes: unknown[] };
        };
        const opened = w.ribbon.OnAction({ Id: "zpbPane" });
        return {
          legacy: w.zpbWpsLegacy,
          opened,
          panes: w.__fakeWps.panes.length,
          main: typeof w.ribbon.state,
        };
      });
      expect(state).toEqual({ legacy: false, opened: true, panes: 1, main: "function" });
      expect(entry.errors).toEqual([]);
    } finally {
      await entry.close();
    }
  });

  it("the pane picks the WPS host (no browser mode) and checks the active sheet", async () => {
    const pane = await openPane({ origin: server.origin, initScripts: scripts });
    try {
      const blind = await pane.page.evaluate(
        () => "ActiveWorkbook" in (window as { Application?: object }).Application!
      );
      expect(blind).toBe(false);
      await pane.page.getByRole("heading", { name: SHEET }).waitFor();
      expect(await pane.page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});

describe.skipIf(!E2E)("npm run wps:pack", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "zpb-pack-"));
    execFileSync(
      "node",
      [join(ROOT, "scripts", "wps", "pack.mjs"), "--out", out, "--url", "https://intranet.example/zpb/"],
      {
        env: { ...process.env, ZPB_DIST: DIST },
        stdio: "ignore",
      }
    );
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("packs every file of the build into zipingbiao.7z, under zipingbiao_<version>/", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const folder = `zipingbiao_${version}`;
    // What the build has: the WPS add-in at the root, beside the pane and what it loads.
    const skip = /^(wps|wps-pack|wps-publish|office-js)\/|^(manifest\.xml|commands\.|notify\.)/;
    const expected = [...files(join(DIST, "wps")), ...files(DIST).filter((f) => !skip.test(f))].map(
      (f) => `${folder}/${f}`
    );
    const listing = execFileSync("7zz", ["l", "-slt", "-ba", join(out, "zipingbiao.7z")], {
      encoding: "utf8",
    });
    const entries = listing
      .split(/\r?\n\r?\n/)
      .filter((block) => /^Attributes = [^D\n]*$/m.test(block) && !/^Folder = \+/m.test(block))
      .map((block) => /^Path = (.*)$/m.exec(block)![1].split("\\").join("/"));
    expect(expected.length).toBeGreaterThan(20);
    expect(new Set(entries)).toEqual(new Set(expected));
    expect(entries).toContain(`${folder}/main.js`);
    expect(entries).toContain(`${folder}/index.html`);
    expect(entries).toContain(`${folder}/ribbon.xml`);
    expect(entries).toContain(`${folder}/taskpane.html`);
    // The entry page in the package finds the pane beside it.
    const index = readFileSync(join(out, folder, "index.html"), "utf8");
    expect(index).toMatch(/content="?taskpane\.html"?/);
  });

  it("writes jsplugins.xml pointing at the .7z", () => {
    const xml = readFileSync(join(out, "jsplugins.xml"), "utf8");
    const entry = new XMLParser({ ignoreAttributes: false }).parse(xml).jsplugins.jsplugin;
    expect(entry["@_url"]).toBe("https://intranet.example/zpb/zipingbiao.7z");
    expect(entry["@_type"]).toBe("et");
    expect(existsSync(join(out, "zipingbiao.7z"))).toBe(true);
  });
});
