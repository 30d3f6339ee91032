/**
 * Start-up of the installed command: `zpb --version` (bin/zpb.js and the compiled lib/) against a bare
 * `node -e 0`, each started afresh many times; the median of each. Goal: within 2.5 times node's own.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { verdict } from "./fixtures";
import type { BenchSection, Table } from "./table";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/zpb.js", import.meta.url));
const GOAL = 2.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`node ${args.join(" ")}: exit ${r.status}`);
    if (i > 0) times.push(ms); // the first warms the file cache
  }
  return median(times);
}

export const startupSection: BenchSection = {
  name: "startup",
  async run(): Promise<Table[]> {
    if (!existsSync(fileURLToPath(new URL("../../lib/cli/main.js", import.meta.url))))
      spawnSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "inherit" });
    const runs = Number(process.env.BENCH_RUNS ?? 15);
    // Interleaved in rounds, so that a busy moment of the machine weighs on both alike.
    const node: number[] = [];
    const zpb: number[] = [];
    for (let round = 0; round < 3; round++) {
      node.push(timed(["-e", "0"], Math.ceil(runs / 3)));
      zpb.push(timed([BIN, "--version"], Math.ceil(runs / 3)));
    }
    const n = median(node);
    const z = median(zpb);
    return [
      {
        title: "启动时间（安装后的 zpb 命令，每次一个新进程）",
        columns: ["命令", "中位数 ms", "相对 node -e 0", "目标"],
        rows: [
          ["node -e 0", n, "1.00×", ""],
          ["zpb --version", z, `${(z / n).toFixed(2)}×`, `≤ ${GOAL}× ${verdict(z / n <= GOAL)}`],
        ],
        notes: [
          `各 ${runs} 次（分 3 轮交替，每轮先预热 1 次）的中位数，墙钟时间。zpb 运行 lib/ 中编译好的 JavaScript`,
          "（npm ci / npm pack 时由 prepare 脚本生成），不在运行时编译 TypeScript。",
        ],
      },
    ];
  },
};
