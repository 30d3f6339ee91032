/** The task pane: the size of its JavaScript in dist/ and its first render in Chromium. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "../../tests/e2e/paths";
import { verdict } from "./fixtures";
import { median, runsFromEnv } from "./measure";
import { paneChunks } from "./pane-size";
import { measureRender, type RenderRun } from "./pane-render";
import type { BenchSection, CellValue, Table } from "./table";

const GOAL_GZIP_KB = 250;
const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/** Builds the pane when dist/ has none, saying so (the build's own output goes to stderr). */
function ensureBuild(): string | null {
  if (existsSync(join(DIST, "taskpane.html"))) return null;
  const note = "dist/ 中没有 taskpane.html，先运行 npm run build。";
  process.stdout.write(`${note}\n\n`);
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  return note;
}

async function sizeTable(built: string | null): Promise<Table> {
  const chunks = await paneChunks(DIST);
  const raw = chunks.reduce((n, c) => n + c.raw, 0);
  const gzip = chunks.reduce((n, c) => n + c.gzip, 0);
  const rows: CellValue[][] = chunks.map((c) => [c.file, kb(c.raw), kb(c.gzip), "—"]);
  rows.push([
    `合计（${chunks.length} 个文件）`,
    kb(raw),
    kb(gzip),
    `≤ ${GOAL_GZIP_KB} KB gzip ${verdict(gzip / 1024 <= GOAL_GZIP_KB)}`,
  ]);
  return {
    title: "任务窗格的 JavaScript 大小（dist/，生产构建）",
    columns: ["文件", "原始 KB", "gzip KB", "目标"],
    rows,
    notes: [
      ...(built ? [built] : []),
      "taskpane.html 加载的脚本（<script src> 与 data-bundles 所列，按加载顺序），不含 office.js 与 dist/office-js/**；gzip 为 node:zlib gzipSync 9 级。",
    ],
  };
}

function renderRows(runs: RenderRun[]): CellValue[][] {
  const known = (v: number | null): v is number => v !== null;
  const row = (what: string, v: number[]): CellValue[] =>
    v.length
      ? [what, median(v).toFixed(0), Math.min(...v).toFixed(0), Math.max(...v).toFixed(0), v.length]
      : [what, "未报告", "—", "—", 0];
  return [
    row("骨架首次绘制（first-paint）", runs.map((r) => r.fp).filter(known)),
    row("首次内容绘制（first-contentful-paint）", runs.map((r) => r.fcp).filter(known)),
    row(
      "首次渲染（“打开文件”按钮可见）",
      runs.map((r) => r.ready)
    ),
  ];
}

async function renderTable(): Promise<Table> {
  const runs = runsFromEnv(5);
  const measured = await measureRender(DIST, runs);
  return {
    title: "任务窗格首次渲染（Chromium 无头，浏览器模式，320×800）",
    columns: ["测量", "中位数 ms", "最小 ms", "最大 ms", "次数"],
    rows: measured
      ? renderRows(measured)
      : [["未找到 Chromium（apt-get install chromium，或设置 CHROMIUM），跳过", "—", "—", "—", 0]],
    notes: [
      `从导航开始计时（页面内 performance.now()）；每次一个新的浏览器上下文（无缓存），取 ${runs} 次的中位数（BENCH_RUNS 可调）。`,
      "页面由本机 127.0.0.1 的静态服务器提供；“按钮可见”取页面中第一次显示该按钮的动画帧。",
      "骨架只有灰色块、没有文字，所以骨架对应 first-paint；first-contentful-paint 是第一段文字，通常已是窗格本身。",
    ],
  };
}

export const paneSection: BenchSection = {
  name: "pane",
  async run(): Promise<Table[]> {
    const built = ensureBuild();
    return [await sizeTable(built), await renderTable()];
  },
};
