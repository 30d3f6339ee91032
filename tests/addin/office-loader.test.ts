/**
 * legacy/office-loader.js and legacy/office-fallback.js: ES5 (they run before the IE11 check), office.js
 * only inside Office, Microsoft's CDN first, the bundled copy only when the CDN's office.js did not arrive,
 * `officejs=local` skipping the CDN.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";

const LEGACY = join(import.meta.dirname, "../../src/taskpane/legacy");
const loader = readFileSync(join(LEGACY, "office-loader.js"), "utf8");
const fallback = readFileSync(join(LEGACY, "office-fallback.js"), "utf8");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Runs a script in a page at `url` and returns what it wrote with document.write. */
function run(
  source: string,
  url: string,
  setup: (w: Record<string, unknown>) => void = () => undefined,
  attr = ""
) {
  const dom = new JSDOM(`<!doctype html><html><head><script ${attr}></script></head><body></body></html>`, {
    url,
    runScripts: "outside-only",
  });
  const w = dom.window as unknown as Record<string, unknown> & { document: Document };
  const written: string[] = [];
  w.document.write = (html: string) => void written.push(html);
  setup(w);
  dom.window.eval(source);
  return { written, w };
}

const srcs = (written: string[]) => written.map((h) => /src="([^"]+)"/.exec(h)?.[1]);

describe("office.js loading", () => {
  it("both scripts are ES5", () => {
    expect(() => parse(loader, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse(fallback, { ecmaVersion: 5 })).not.toThrow();
  });

  it("in a plain browser loads nothing", () => {
    expect(run(loader, "https://example.test/taskpane.html").written).toEqual([]);
  });

  it("inside Office: Microsoft's CDN, then the fallback check", () => {
    const { written } = run(loader, "https://example.test/taskpane.html?office=1&_host_Info=Excel$Win32");
    expect(srcs(written)).toEqual([CDN, "legacy/office-fallback.js"]);
  });

  it("on the pages only Office opens, without any query", () => {
    const { written } = run(loader, "https://example.test/commands.html", undefined, 'data-office="always"');
    expect(srcs(written)).toEqual([CDN, "legacy/office-fallback.js"]);
  });

  it("officejs=local skips the CDN, for the whole session", () => {
    const first = run(loader, "https://example.test/taskpane.html?office=1&officejs=local");
    expect(srcs(first.written)).toEqual(["legacy/office-fallback.js"]);
    expect((first.w.sessionStorage as Storage).getItem("zpb.officeJs")).toBe("local");
  });

  it("the fallback loads the bundled copy only when the CDN's office.js did not arrive", () => {
    const url = "https://example.test/taskpane.html?office=1";
    const missing = run(fallback, url);
    expect(srcs(missing.written)).toEqual(["office-js/office.js"]);
    expect(missing.w.__zpbOfficeJs).toBe("local");
    // A page-defined Office without office.js's OSF is not office.js.
    expect(srcs(run(fallback, url, (w) => (w.Office = {})).written)).toEqual(["office-js/office.js"]);
    const loaded = run(fallback, url, (w) => {
      w.Office = {};
      w.OSF = {};
    });
    expect(loaded.written).toEqual([]);
    expect(loaded.w.__zpbOfficeJs).toBe("cdn");
  });
});
