/**
 * The reviewer's desk in the pane beside `zpb check`: the same 500 real forms (seven copies of the 70-form
 * workbook and the ten single-form workbooks) chosen as one folder in the built pane (Chromium, browser
 * mode), read in the desk's worker until the table and the counts show; the page's JS heap sampled through
 * CDP (Performance.getMetrics, JSHeapUsedSize of the page; the worker's heap is its own) — then 汇总.xlsx
 * built. Beside it, `zpb check --summary` over the same folder in this process.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { runCli, type CliIo } from "../../src/cli/run";
import { deskText } from "../../src/i18n/pane";
import { CHROMIUM_ARGS, DIST, chromiumPath } from "../../tests/e2e/paths";
import { serveDir } from "../../tests/e2e/server";
import { WORKBOOK_2023 } from "./fixtures";
import { median, memory, runsFromEnv, time } from "./measure";
import type { BenchSection, CellValue, Table } from "./table";

const SINGLE = fileURLToPath(new URL("../../tests/fixtures/forms/single/", import.meta.url));
const silent: CliIo = { out: () => undefined, err: () => undefined, color: false, env: {} };
const MB = 1024 * 1024;

interface DeskRun {
  ms: number;
  summaryMs: number;
  peakHeapMB: number;
  forms: string;
}

async function deskRun(origin: string, folder: string): Promise<DeskRun> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("chromium not found");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 320, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("button", { name: deskText.open, exact: true }).click();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    let peak = 0;
    let sampling = true;
    const sample = async () => {
      while (sampling) {
        const { metrics } = await cdp.send("Performance.getMetrics");
        const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
        peak = Math.max(peak, used);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const sampler = sample();
    const start = Date.now();
    await page.getByLabel(deskText.folderInput).setInputFiles(folder);
    await page.getByTestId("desk-counts").waitFor({ timeout: 600_000 });
    const ms = Date.now() - start;
    const counts = (await page.getByTestId("desk-counts").textContent()) ?? "";
    const t0 = Date.now();
    await Promise.all([
      page.waitForEvent("download", { timeout: 600_000 }),
      page
        .getByRole("group", { name: deskText.downloads })
        .getByRole("button", { name: deskText.summary })
        .click(),
    ]);
    const summaryMs = Date.now() - t0;
    sampling = false;
    await sampler;
    return { ms, summaryMs, peakHeapMB: peak / MB, forms: counts };
  } finally {
    await browser.close();
  }
}

export const deskSection: BenchSection = {
  name: "desk",
  async run(): Promise<Table[]> {
    const dir = await mkdtemp(join(tmpdir(), "zpb-bench-desk-"));
    const server = await serveDir(DIST);
    try {
      const folder = join(dir, "收到的表");
      await mkdir(folder);
      for (let i = 1; i <= 7; i++) await copyFile(WORKBOOK_2023, join(folder, `桃浦-${i}.xlsx`));
      for (const name of await readdir(SINGLE)) await copyFile(join(SINGLE, name), join(folder, name));
      const runs = runsFromEnv(3, 1);
      const desk: DeskRun[] = [];
      for (let i = 0; i < runs; i++) desk.push(await deskRun(server.origin, folder));
      const summary = join(dir, "汇总.xlsx");
      const cli = () => runCli(["check", folder, "--brief", "--summary", summary], silent);
      const t = await time(cli, runs, 1);
      const m = await memory(cli);
      const rows: CellValue[][] = [
        [
          "窗格：审阅多个文件（选择文件夹 → 表格与计数）",
          median(desk.map((d) => d.ms)).toFixed(0),
          Math.min(...desk.map((d) => d.ms)).toFixed(0),
          `页面 JS 堆峰值 ${Math.max(...desk.map((d) => d.peakHeapMB)).toFixed(1)} MB`,
        ],
        [
          "窗格：下载 汇总.xlsx（生成）",
          median(desk.map((d) => d.summaryMs)).toFixed(0),
          Math.min(...desk.map((d) => d.summaryMs)).toFixed(0),
          "—",
        ],
        [
          "zpb check --brief --summary（进程内）",
          t.median.toFixed(0),
          t.min.toFixed(0),
          `堆增量 ${m.heapDelta.toFixed(1)} MB / RSS ${m.rss.toFixed(0)} MB`,
        ],
      ];
      return [
        {
          title: "审阅台：窗格与 zpb check 检查同样的 500 张真实表格",
          columns: ["测量", "中位数 ms", "最小 ms", "内存"],
          rows,
          notes: [
            `窗格在 Chromium（无头，320 px）中打开 dist/ 的生产构建，${runs} 次，每次新开浏览器；${desk[0]?.forms ?? ""}`,
            "页面堆为 CDP Performance.getMetrics 的 JSHeapUsedSize，每 50 ms 取样一次（工作线程的堆不在其中）。",
          ],
        },
      ];
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
