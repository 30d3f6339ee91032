import { describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { parse } from "acorn";

const source = readFileSync(new URL("../../src/taskpane/legacy/check.js", import.meta.url), "utf8");
const PAGE = `<!doctype html><html><head></head><body><div id="root"><div class="zpb-skeleton"></div></div>
<script id="zpb-check" src="legacy/check.js" data-bundles="react.js taskpane.js"></script></body></html>`;

/** Runs check.js in a page; `setup` shapes the window first (IE's documentMode, a missing fetch, …). */
function runCheck(setup: (win: Record<string, unknown>, doc: Document) => void) {
  const dom = new JSDOM(PAGE, { runScripts: "outside-only", url: "https://localhost:3000/taskpane.html" });
  const win = dom.window as unknown as Record<string, unknown>;
  // jsdom has no fetch; a modern webview has.
  win.fetch = () => undefined;
  setup(win, dom.window.document);
  dom.window.eval(source);
  const doc = dom.window.document;
  const loaded = Array.from(doc.head.querySelectorAll("script")).map((s) => s.getAttribute("src"));
  return { win, doc, loaded, message: doc.getElementById("zpb-legacy")?.textContent ?? null };
}

describe("legacy/check.js", () => {
  it("is plain ES5, so IE11 can parse it", () => {
    expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse("const x = 1;", { ecmaVersion: 5 })).toThrow();
  });

  it("loads the bundles in order and shows no message in a modern webview", () => {
    const { win, loaded, message, doc } = runCheck(() => undefined);
    expect(win.zpbLegacy).toBe(false);
    expect(loaded).toEqual(["react.js", "taskpane.js"]);
    expect(message).toBeNull();
    expect(doc.querySelector(".zpb-skeleton")).not.toBeNull();
  });

  it("replaces the page with the explanation and loads nothing in Internet Explorer 11", () => {
    const { win, loaded, message, doc } = runCheck((_w, d) => {
      Object.defineProperty(d, "documentMode", { value: 11 });
    });
    expect(win.zpbLegacy).toBe(true);
    expect(loaded).toEqual([]);
    expect(message).toContain("Internet Explorer 11");
    expect(message).toContain("Microsoft 365");
    expect(message).toContain("WebView2");
    expect(message).toContain("浏览器模式");
    expect(message).toContain("zpb");
    expect(doc.querySelector(".zpb-skeleton")).toBeNull();
  });

  it("treats a webview without fetch or Proxy, or EdgeHTML, as legacy", () => {
    expect(runCheck((w) => delete w.fetch).message).not.toBeNull();
    expect(runCheck((w) => (w.Proxy = undefined)).message).not.toBeNull();
    const edge =
      "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.17763";
    const edgeRun = runCheck((w) =>
      Object.defineProperty(w.navigator as object, "userAgent", { value: edge })
    );
    expect(edgeRun.loaded).toEqual([]);
  });

  it("needs no eval (the pages' Content-Security-Policy forbids it) and knows an engine too old for ES2020", () => {
    expect(source).not.toMatch(/\bnew Function\b|\beval\s*\(/);
    const old = runCheck((w) => {
      const strings = (w.String as StringConstructor).prototype as unknown as Record<string, unknown>;
      strings.replaceAll = undefined;
    });
    expect(old.loaded).toEqual([]);
    expect(old.message).not.toBeNull();
  });

  it("answers the ribbon command at once in a legacy webview, so Excel is not left waiting", () => {
    const { win } = runCheck((_w, d) => Object.defineProperty(d, "documentMode", { value: 11 }));
    const completed = vi.fn();
    (win.recalculate as (e: { completed(): void }) => void)({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
