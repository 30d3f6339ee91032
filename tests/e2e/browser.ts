/** Launches Debian's Chromium on the served pane and records every request the page makes. */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./paths";

export interface PaneSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for (documents, scripts, XHR, fetch, workers). */
  requests: string[];
  /** Requests to anything but the pane's own origin (blocked, so the test fails instead of leaking). */
  external: string[];
  /** Messages the page logged as errors, and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  origin: string;
  width?: number;
  height?: number;
  /** Scripts run before any of the page's own (e.g. a fake Office). */
  initScripts?: string[];
  /** Serves an empty office.js, so that a fake `Office` injected before load is not replaced. */
  stubOfficeJs?: boolean;
  /** Query string of the pane's URL; Office opens it with "?office=1&_host_Info=…" (see manifest.xml). */
  query?: string;
  /** The page to open (default taskpane.html). */
  path?: string;
}

/** Opens a fresh browser on `origin`/taskpane.html. */
export async function openPane(options: PaneOptions): Promise<PaneSession> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("chromium not found (apt-get install chromium, or set CHROMIUM)");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 320, height: options.height ?? 800 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  const requests: string[] = [];
  const external: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requests.push(url);
    const own = url.startsWith(`${options.origin}/`) || url.startsWith("blob:") || url.startsWith("data:");
    if (!own) {
      external.push(url);
      await route.abort("blockedbyclient");
    } else if (options.stubOfficeJs && new URL(url).pathname.endsWith("/office-js/office.js")) {
      await route.fulfill({
        status: 200,
        contentType: "text/javascript",
        body: "/* office.js stubbed by the test */",
      });
    } else {
      await route.continue();
    }
  });
  for (const script of options.initScripts ?? []) await context.addInitScript({ content: script });
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${options.origin}/${options.path ?? "taskpane.html"}${options.query ?? ""}`);
  return { browser, context, page, requests, external, errors, close: () => browser.close() };
}
