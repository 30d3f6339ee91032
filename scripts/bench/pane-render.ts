/**
 * First render of the pane in Debian's Chromium, in browser mode (no Office): from navigation start to
 * the frame in which the 打开文件 button is visible, and the paint timings (first paint, first contentful).
 */
import { chromium, type Page } from "playwright-core";
import { paneText } from "../../src/i18n/pane";
import { CHROMIUM_ARGS, chromiumPath } from "../../tests/e2e/paths";
import { serveDir } from "../../tests/e2e/server";

export interface RenderRun {
  /** ms from navigation start to the first frame showing the 打开文件 button. */
  ready: number;
  /** ms from navigation start to the first paint (the skeleton's grey boxes), null when not reported. */
  fp: number | null;
  /** ms to the first contentful paint (first text: the skeleton has none), null when not reported. */
  fcp: number | null;
}

/**
 * Runs before the page's own scripts: checks every animation frame for the button and keeps the time of
 * the first frame that shows it (performance.now() counts from navigation start).
 */
function watchScript(label: string): string {
  return `(() => {
    const shown = () => [...document.querySelectorAll("button")].some(
      (b) => b.textContent.trim() === ${JSON.stringify(label)} && b.checkVisibility());
    const tick = () => {
      if (shown()) window.__zpbReady = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();`;
}

/** A paint entry's time; paint entries arrive with the frame's presentation, so wait for it a little. */
async function paintTime(page: Page, name: string): Promise<number | null> {
  try {
    const handle = await page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, {
      timeout: 5_000,
    });
    return Number(await handle.jsonValue());
  } catch {
    return null;
  }
}

/** `runs` loads of dist/taskpane.html at 320×800, each in a fresh browser context; null without Chromium. */
export async function measureRender(dist: string, runs: number): Promise<RenderRun[] | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const server = await serveDir(dist);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const results: RenderRun[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: "zh-CN" });
      try {
        await context.addInitScript({ content: watchScript(paneText.open) });
        const page = await context.newPage();
        await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "commit" });
        const ready = await page.waitForFunction(() => (window as { __zpbReady?: number }).__zpbReady, null, {
          timeout: 30_000,
        });
        results.push({
          ready: Number(await ready.jsonValue()),
          fp: await paintTime(page, "first-paint"),
          fcp: await paintTime(page, "first-contentful-paint"),
        });
      } finally {
        await context.close();
      }
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
