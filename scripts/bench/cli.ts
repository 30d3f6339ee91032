/** The command on the 70-form workbook, in-process, against a bare exceljs read and read + write. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../../src/cli/run";
import { WORKBOOK_2023, verdict } from "./fixtures";
import { memory, runsFromEnv, time, type MemoryUse } from "./measure";
import type { BenchSection, Table } from "./table";

const GOAL_RATIO = 1.3;
const silent: CliIo = { out: () => undefined, err: () => undefined, color: false, env: {} };

async function zpb(argv: string[]): Promise<void> {
  const code = await runCli(argv, silent);
  if (code === 2) throw new Error(`zpb ${argv.join(" ")} failed`);
}

function mem(m: MemoryUse): string {
  return `${m.heapDelta.toFixed(1)} / ${m.rss.toFixed(0)}`;
}

export const cliSection: BenchSection = {
  name: "cli",
  async run(): Promise<Table[]> {
    const dir = await mkdtemp(join(tmpdir(), "zpb-bench-"));
    try {
      const out = join(dir, "out.xlsx");
      const buf = await readFile(WORKBOOK_2023);
      // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads at run time.
      const input = buf as unknown as ExcelJS.Buffer;
      const runs = runsFromEnv(7);
      const check = () => zpb(["check", WORKBOOK_2023]);
      const fix = () => zpb(["fix", WORKBOOK_2023, "-o", out]);
      const read = () => new ExcelJS.Workbook().xlsx.load(input);
      const readWrite = async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(input);
        await book.xlsx.writeBuffer();
      };
      const t = {
        check: await time(check, runs, 1),
        read: await time(read, runs, 1),
        fix: await time(fix, runs, 1),
        readWrite: await time(readWrite, runs, 1),
      };
      const m = {
        check: await memory(check),
        read: await memory(read),
        fix: await memory(fix),
        readWrite: await memory(readWrite),
      };
      const checkRatio = t.check.median / t.read.median;
      const fixRatio = t.fix.median / t.readWrite.median;
      return [
        {
          title: `zpb 与 exceljs 对比（70 张表的工作簿，${(buf.length / 1024).toFixed(0)} KB，进程内调用）`,
          columns: ["测量", "中位数 ms", "最小 ms", "相对 exceljs", "目标", "堆增量 / RSS MB"],
          rows: [
            [
              "zpb check（读取 + 评分 + 报告）",
              t.check.median,
              t.check.min,
              `${checkRatio.toFixed(2)}×`,
              `≤ ${GOAL_RATIO}× ${verdict(checkRatio <= GOAL_RATIO)}`,
              mem(m.check),
            ],
            ["exceljs 读取（xlsx.load）", t.read.median, t.read.min, "1×", "—", mem(m.read)],
            [
              "zpb fix -o（读取 + 评分 + 写入 + 复查）",
              t.fix.median,
              t.fix.min,
              `${fixRatio.toFixed(2)}×`,
              `≤ ${GOAL_RATIO}× ${verdict(fixRatio <= GOAL_RATIO)}`,
              mem(m.fix),
            ],
            [
              "exceljs 读取 + 写出（load + writeBuffer）",
              t.readWrite.median,
              t.readWrite.min,
              "1×",
              "—",
              mem(m.readWrite),
            ],
          ],
          notes: [
            `每项先预热 1 次，再取 ${runs} 次的中位数（BENCH_RUNS 可调）。zpb 从磁盘读文件，exceljs 从已读入的缓冲区读；`,
            "zpb fix 写到临时目录（临时文件 + 改名）并复查写出的文件。堆增量为一次运行前后 heapUsed 之差（运行前先 GC）。",
          ],
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
