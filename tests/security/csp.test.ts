/**
 * Every HTML template of the add-in carries the Content-Security-Policy (the built pages are checked by
 * tests/e2e/csp.e2e.test.ts), and the checker itself catches what it must.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { cspProblems, loadsOfficeJs, OFFICE_CDN } from "./csp";
import { JSDOM } from "jsdom";

const ROOT = join(import.meta.dirname, "..", "..");

function htmlUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => join(dir, f));
}

const GOOD = `<!doctype html><html><head><meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'" />
<script src="legacy/check.js"></script></head><body></body></html>`;

describe("Content-Security-Policy of the HTML templates", () => {
  const pages = htmlUnder(join(ROOT, "src"));

  it("finds the pages", () => {
    expect(pages.map((p) => relative(ROOT, p).split("\\").join("/"))).toEqual(
      expect.arrayContaining([
        "src/taskpane/taskpane.html",
        "src/commands/commands.html",
        "src/commands/notify.html",
      ])
    );
  });

  it("the Excel pages load office.js through the loader, the WPS pages do not", () => {
    const loading = pages
      .filter((p) => loadsOfficeJs(new JSDOM(readFileSync(p, "utf8")).window.document))
      .map((p) => relative(ROOT, p).split("\\").join("/"))
      .sort();
    expect(loading).toEqual([
      "src/commands/commands.html",
      "src/commands/notify.html",
      "src/taskpane/taskpane.html",
    ]);
    for (const p of pages) expect(readFileSync(p, "utf8")).not.toContain("office-js/office.js");
  });

  it.each(pages.map((p) => [relative(ROOT, p), p]))(
    "%s: scripts from its own origin only, no eval",
    (_, path) => {
      expect(cspProblems(readFileSync(path, "utf8"))).toEqual([]);
    }
  );
});

const OFFICE_PAGE = GOOD.replace("script-src 'self'", `script-src 'self' ${OFFICE_CDN}`).replace(
  "</head>",
  '<script src="legacy/office-loader.js"></script></head>'
);

describe("the policy checker", () => {
  it("accepts a sound page", () => expect(cspProblems(GOOD)).toEqual([]));
  it("accepts Microsoft's office.js CDN on a page that loads office.js", () =>
    expect(cspProblems(OFFICE_PAGE)).toEqual([]));

  it.each([
    ["a page that loads office.js without the CDN", OFFICE_PAGE.replace(` ${OFFICE_CDN}`, "")],
    ["the CDN over http", OFFICE_PAGE.replace(OFFICE_CDN, "http://appsforoffice.microsoft.com")],
    ["the CDN with a wildcard", OFFICE_PAGE.replace(OFFICE_CDN, "https://*.microsoft.com")],
    ["another CDN beside it", OFFICE_PAGE.replace(OFFICE_CDN, `${OFFICE_CDN} https://cdn.example.com`)],
    ["the CDN for requests", OFFICE_PAGE.replace("connect-src 'self'", `connect-src 'self' ${OFFICE_CDN}`)],
    ["the CDN for workers", OFFICE_PAGE.replace("worker-src 'self'", `worker-src 'self' ${OFFICE_CDN}`)],
  ])("rejects %s", (_, html) => {
    expect(cspProblems(html).length).toBeGreaterThan(0);
  });

  it.each([
    ["no policy", GOOD.replace(/<meta http-equiv[^>]*>/, "")],
    ["eval allowed", GOOD.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")],
    ["inline script allowed", GOOD.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")],
    [
      "the office.js CDN on a page that does not load office.js",
      GOOD.replace("script-src 'self'", `script-src 'self' ${OFFICE_CDN}`),
    ],
    ["remote requests", GOOD.replace("connect-src 'self'", "connect-src *")],
    ["blob workers", GOOD.replace("worker-src 'self'", "worker-src 'self' blob:")],
    ["an inline script", GOOD.replace("</head>", "<script>alert(1)</script></head>")],
    ["a remote script", GOOD.replace("</head>", '<script src="https://x.example/a.js"></script></head>')],
    ["an inline handler", GOOD.replace("<body>", '<body onload="go()">')],
    [
      "a script ahead of the policy",
      GOOD.replace('<meta charset="UTF-8" />', '<script src="a.js"></script>'),
    ],
  ])("rejects %s", (_, html) => {
    expect(cspProblems(html).length).toBeGreaterThan(0);
  });
});
