/**
 * The reviewer's outputs over 500 real forms (seven copies of the 70-form workbook and the ten single-form
 * workbooks): the check alone, then with the summary workbook, the HTML report and the letters.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBatch } from "../../src/review/batch";
import { checkPaths } from "../../src/cli/check";
import { reportHtml } from "../../src/review/report";
import { runCli, type CliIo } from "../../src/cli/run";
import { summaryBytes } from "../../src/cli/summary";
import { DEFAULT_PROFILE } from "../../src/core/index";
import { WORKBOOK_2023 } from "./fixtures";
import { memory, runsFromEnv, time, type MemoryUse } from "./measure";
import type { BenchSection, Table } from "./table";

const SINGLE = fileURLToPath(new URL("../../tests/fixtures/forms/single/", import.meta.url));
const silent: CliIo = { out: () => undefined, err: () => undefined, color: false, env: {} };

async function zpb(argv: string[]): Promise<void> {
  const code = await runCli(argv, silent);
  if (code === 2) throw new Error(`zpb ${argv.join(" ")} failed`);
}

function mem(m: MemoryUse): string {
  return `${m.heapDelta.toFixed(1)} / ${m.rss.toFixed(0)}`;
}

async function size(path: string): Promise<string> {
  return `${((await stat(path)).size / 1024).toFixed(0)} KB`;
}

export const reviewerSection: BenchSection = {
  name: "reviewer",
  async run(): Promise<Table[]> {
    const dir = await mkdtemp(join(tmpdir(), "zpb-bench-reviewer-"));
    try {
      const inputs = join(dir, "收到的表");
      await mkdir(inputs);
      for (let i = 1; i <= 7; i++) await copyFile(WORKBOOK_2023, join(inputs, `桃浦-${i}.xlsx`));
      for (const name of await readdir(SINGLE)) await copyFile(join(SINGLE, name), join(inputs, name));
      const files = await checkPaths([inputs], { profile: DEFAULT_PROFILE });
      const forms = files.reduce((n, f) => n + f.sheets.reduce((m, s) => m + s.forms.length, 0), 0);
      const summary = join(dir, "汇总.xlsx");
      const report = join(dir, "报告.html");
      const letters = join(dir, "意见");
      const runs = runsFromEnv(5);
      const meta = { when: new Date(), profile: "mof2020", version: "bench", inputs: [inputs] };
      const cases: [string, () => Promise<unknown>][] = [
        ["zpb check --brief（读取 + 评分 + 文字报告）", () => zpb(["check", inputs, "--brief"])],
        ["zpb check --summary 汇总.xlsx", () => zpb(["check", inputs, "--brief", "--summary", summary])],
        ["zpb check --report 报告.html", () => zpb(["check", inputs, "--brief", "--report", report])],
        [
          "zpb check --summary --report --letters",
          () =>
            zpb(["check", inputs, "--brief", "--summary", summary, "--report", report, "--letters", letters]),
        ],
        ["只写汇总表（已检查的结果 → 字节）", async () => summaryBytes(buildBatch(files, meta), dir)],
        ["只写 HTML 报告（已检查的结果 → 文本）", async () => reportHtml(buildBatch(files, meta), (f) => f)],
      ];
      const rows: (string | number)[][] = [];
      for (const [name, fn] of cases) {
        const t = await time(fn, runs, 1);
        const m = await memory(fn);
        rows.push([name, t.median, t.min, mem(m)]);
      }
      return [
        {
          title: `审核输出：${forms} 张真实表格（${files.length} 个工作簿），进程内调用`,
          columns: ["测量", "中位数 ms", "最小 ms", "堆增量 / RSS MB"],
          rows,
          notes: [
            `每项先预热 1 次，再取 ${runs} 次的中位数（BENCH_RUNS 可调）。输入为 70 张表的工作簿复制 7 份加 single/ 的 10 个工作簿。`,
            `写出的文件：汇总.xlsx ${await size(summary)}，报告.html ${await size(report)}，审核意见 ${(await readdir(letters)).length} 份。`,
          ],
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
