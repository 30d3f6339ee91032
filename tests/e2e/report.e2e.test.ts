/**
 * The HTML report of `zpb check --report` in real Chromium: no request leaves the page, both charts are
 * drawn, it fits A4 landscape when printed, and printing to PDF gives A4 landscape pages.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { CHROMIUM_ARGS, E2E, REPORT_SCREENSHOT, ROOT, WORKBOOK, chromiumPath } from "./paths";

const ORIGIN = "http://report.invalid";
const FORMS = join(ROOT, "tests", "fixtures", "forms");

describe.skipIf(!E2E)("the HTML report in Chromium", () => {
  let dir = "";
  let html = "";
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zpb-report-"));
    const inputs = join(dir, "收到的表");
    mkdirSync(inputs);
    copyFileSync(WORKBOOK, join(inputs, "桃浦.xlsx"));
    copyFileSync(join(FORMS, "forms-2022-minhang-wujing.xlsx"), join(inputs, "吴泾.xlsx"));
    copyFileSync(join(FORMS, "outside", "hubei-huanggang-shuitu-2020.xlsx"), join(inputs, "黄冈.xlsx"));
    writeFileSync(join(inputs, "坏.xlsx"), "PK\u0003\u0004 broken");
    // Run from the folder, as a reviewer does: paths as given are relative (and so is the picture).
    const cwd = process.cwd();
    process.chdir(dir);
    let code = -1;
    try {
      code = await runCli(["check", "收到的表", "--report", "报告.html"], {
        out: () => undefined,
        err: () => undefined,
        color: false,
        env: {},
      });
    } finally {
      process.chdir(cwd);
    }
    const out = join(dir, "报告.html");
    expect(code).toBe(2);
    html = readFileSync(out, "utf8");
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error("chromium not found (apt-get install chromium, or set CHROMIUM)");
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "zh-CN" });
    // The page is served from an origin of its own: any other request is recorded and refused.
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/report.html`)
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      else {
        requests.push(url);
        await route.abort("blockedbyclient");
      }
    });
    page = await context.newPage();
    await page.goto(`${ORIGIN}/report.html`, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("makes no request besides the page itself", () => {
    expect(requests).toEqual([]);
  });

  it("draws both charts: bars with a size, the grade chart one per grade", async () => {
    const bars = await page.evaluate(() =>
      [...document.querySelectorAll("svg.chart")].map((svg) => ({
        cls: svg.getAttribute("class"),
        sizes: [...svg.querySelectorAll("rect.bar")].map((r) => {
          const box = r.getBoundingClientRect();
          return [box.width, box.height];
        }),
        width: svg.getBoundingClientRect().width,
      }))
    );
    expect(bars.map((b) => b.cls)).toEqual(["chart grades", "chart codes"]);
    const [grades, codes] = bars;
    expect(grades.sizes).toHaveLength(5);
    expect(grades.sizes.some(([w, h]) => w > 10 && h > 10)).toBe(true);
    expect(codes.sizes.length).toBeGreaterThan(1);
    expect(codes.sizes.every(([w, h]) => w > 0 && h > 5)).toBe(true);
    expect(grades.width).toBeGreaterThan(200);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The committed docs/screenshot-report.png is only rewritten on request or when missing.
    const write = process.env.ZPB_E2E_SCREENSHOT === "1" || !existsSync(REPORT_SCREENSHOT);
    if (write) mkdirSync(dirname(REPORT_SCREENSHOT), { recursive: true });
    const png = await page.screenshot(write ? { path: REPORT_SCREENSHOT } : {});
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("fits the printable width of A4 landscape: no table or chart wider than the page", async () => {
    await page.emulateMedia({ media: "print" });
    const printable = Math.floor(((297 - 24) / 25.4) * 96); // 12 mm margins, CSS px
    await page.setViewportSize({ width: printable, height: 800 });
    const over = await page.evaluate(() => {
      const wide: string[] = [];
      const page = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > page + 1)
        wide.push(`page ${document.documentElement.scrollWidth}`);
      for (const el of document.querySelectorAll("table, svg, h1, h2, h3, p")) {
        const box = el.getBoundingClientRect();
        if (box.right > page + 1) wide.push(`${el.tagName} ${Math.round(box.right)}`);
        if (el.tagName === "TABLE" && el.scrollWidth > el.clientWidth + 1)
          wide.push(`table ${el.scrollWidth}`);
      }
      return wide;
    });
    expect(over).toEqual([]);
    await page.emulateMedia({ media: "screen" });
  });

  it("prints to PDF on A4 landscape pages, the 汇总 header repeated", async () => {
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    expect(boxes.length).toBeGreaterThanOrEqual(pages);
    for (const [w, h] of boxes) {
      expect(Math.abs(w - 841.9)).toBeLessThan(2); // 297 mm
      expect(Math.abs(h - 595.3)).toBeLessThan(2); // 210 mm
    }
    const repeated = await page.evaluate(
      () => getComputedStyle(document.querySelector("thead") as Element).display
    );
    expect(repeated).toBe("table-header-group");
  });
});
