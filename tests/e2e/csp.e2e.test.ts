/**
 * The built pages' Content-Security-Policy: every dist/**\/*.html carries it (a page added later is
 * covered too), and in Chromium the production bundle runs under it — worker included — with no
 * violation, while eval is refused.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { excelText } from "../../src/i18n/excel";
import { paneText } from "../../src/i18n/pane";
import { cspProblems } from "../security/csp";
import { openPane, type PaneSession } from "./browser";
import { DIST, E2E, FORM } from "./paths";
import { serveDir, type StaticServer } from "./server";

const pages = E2E
  ? readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"))
  : [];

/** Collects the page's CSP violations (an init script runs before any of the page's own). */
const RECORD = `
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__violations.push(e.violatedDirective + " " + e.blockedURI));
`;

describe.skipIf(!E2E)("Content-Security-Policy of the built pages", () => {
  it("covers the pane, the ribbon's function file and the dialog", () => {
    expect(pages).toEqual(expect.arrayContaining(["taskpane.html", "commands.html", "notify.html"]));
  });

  it.each(pages)("%s: scripts from its own origin only, no eval, no inline script", (page) => {
    expect(cspProblems(readFileSync(join(DIST, page), "utf8"))).toEqual([]);
  });
});

describe.skipIf(!E2E)("the production pane under its policy, in Chromium", () => {
  let server: StaticServer;
  let pane: PaneSession;

  beforeAll(async () => {
    server = await serveDir(DIST);
    pane = await openPane({ origin: server.origin, initScripts: [RECORD] });
  });

  afterAll(async () => {
    await pane?.close();
    await server?.close();
  });

  it("opens, checks and fixes a form (worker included) without a single violation", async () => {
    const { page } = pane;
    await page.getByLabel(paneText.fileInput).setInputFiles(FORM);
    await page.getByRole("heading", { name: "财政所-财政管理专项经费" }).waitFor();
    await page.getByRole("button", { name: paneText.fix, exact: true }).click();
    await page.getByRole("button", { name: paneText.revert, exact: true, disabled: false }).waitFor();
    expect(pane.requests.some((url) => url.includes("parse-worker"))).toBe(true);
    expect(await page.evaluate("window.__violations")).toEqual([]);
    expect(pane.errors).toEqual([]);
  });

  it("inside Office: office.js from Microsoft's CDN under the policy, the bundled copy when the CDN is unreachable", async () => {
    const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    const office = await openPane({ origin: server.origin, query: "?office=1", initScripts: [RECORD] });
    try {
      const { page, context } = office;
      await page.waitForFunction("window.__zpbOfficeJs !== undefined");
      // The test's browser has no Internet: the CDN request is made and fails, the local copy follows.
      expect(office.requests).toContain(CDN);
      expect(await page.evaluate("window.__zpbOfficeJs")).toBe("local");
      expect(office.requests).toContain(`${server.origin}/office-js/office.js`);
      // A reachable CDN: its office.js runs under the policy, and the local copy is not fetched.
      await context.route(CDN, (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: "window.OSF = {}; window.Office = { onReady: function () { return new Promise(function () {}); } };",
        })
      );
      const before = office.requests.length;
      await page.reload();
      await page.waitForFunction("window.__zpbOfficeJs !== undefined");
      expect(await page.evaluate("window.__zpbOfficeJs")).toBe("cdn");
      expect(office.requests.slice(before)).not.toContain(`${server.origin}/office-js/office.js`);
      expect(await page.evaluate("window.__violations")).toEqual([]);
      // Office has not answered: the pane waits for it and does not turn into browser mode.
      await page.getByText(excelText.connecting).waitFor();
      expect(await page.getByRole("button", { name: paneText.open, exact: true }).count()).toBe(0);
    } finally {
      await office.close();
    }
  });

  it("is enforced: a script of the page's own origin cannot eval, an inline script does not run", async () => {
    const { page, context } = pane;
    // page.evaluate itself is exempt from CSP; a script the page loads is not.
    await context.route("**/csp-probe.js", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: 'try { new Function("return 1")(); window.__probe = "eval ran"; } catch (e) { window.__probe = e.name; }',
      })
    );
    await page.evaluate(`new Promise((resolve) => {
      const probe = document.createElement("script");
      probe.src = "csp-probe.js";
      probe.onload = resolve;
      document.head.appendChild(probe);
      const inline = document.createElement("script");
      inline.textContent = "window.__inline = true;";
      document.head.appendChild(inline);
    })`);
    expect(await page.evaluate("window.__probe")).toBe("EvalError");
    expect(await page.evaluate("window.__inline")).toBeUndefined();
    const violations = (await page.evaluate("window.__violations")) as string[];
    expect(violations.filter((v) => v.startsWith("script-src")).length).toBe(2);
  });
});
