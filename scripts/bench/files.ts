/**
 * Huge and hostile files (docs/reliability.md): each generated into a temporary folder, then checked (or
 * fixed) by `zpb` in a child process of its own, for its time and its peak resident memory.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  bomb,
  formSheet,
  manyMerges,
  manySheets,
  millionRows,
  millionRowsBelow,
  strayCell,
  workbookWith,
} from "../../tests/xlsx/hostile";
import { verdict } from "./fixtures";

/** The form and one row of 3.2 million cells without r attributes (refused at its 16,385th column). */
function wideRow(base: Uint8Array): Uint8Array {
  const form = formSheet(base);
  const row = `<row r="40">${"<c><v>1</v></c>".repeat(3_200_000)}</row>`;
  return workbookWith(base, [
    { name: form.name, xml: form.xml.replace("</sheetData>", `${row}</sheetData>`), level: 1 },
  ]);
}

/** The form with one remark cell holding 200,000 <f> runs (read as one formula cell). */
function manyFormulaRuns(base: Uint8Array): Uint8Array {
  const form = formSheet(base);
  const xml = form.xml.replace(
    /<c r="I30"[^>]*>.*?<\/c>/,
    `<c r="I30">${"<f>1+1</f>".repeat(200_000)}<v>2</v></c>`
  );
  return workbookWith(base, [{ name: form.name, xml }]);
}
import type { BenchSection, Table } from "./table";

const CASE = fileURLToPath(new URL("./file-case.ts", import.meta.url));
const BASE = fileURLToPath(new URL("../../tests/fixtures/forms/single/2023-taopu-003.xlsx", import.meta.url));

interface Case {
  name: string;
  build: (base: Uint8Array) => Uint8Array;
  /** "check", or "fix" (written to -o beside it). */
  command: "check" | "fix";
  /** What the run must end with: its exit status. */
  code: number;
  goal: { seconds: number; mb: number };
}

const CASES: Case[] = [
  { name: "正常的一张表（基准）", build: (b) => b, command: "check", code: 1, goal: { seconds: 2, mb: 500 } },
  {
    name: "表旁 XFD1048576 有一个值",
    build: strayCell,
    command: "check",
    code: 1,
    goal: { seconds: 5, mb: 500 },
  },
  { name: "同上，zpb fix -o", build: strayCell, command: "fix", code: 0, goal: { seconds: 5, mb: 500 } },
  {
    name: "压缩炸弹（1.2 MB，工作表解压后 400 MB）",
    build: (b) => bomb(b, 400),
    command: "check",
    code: 2,
    goal: { seconds: 5, mb: 500 },
  },
  {
    name: "同上，zpb fix -o",
    build: (b) => bomb(b, 400),
    command: "fix",
    code: 2,
    goal: { seconds: 5, mb: 500 },
  },
  {
    name: "一行 320 万个无 r 属性的单元格",
    build: wideRow,
    command: "check",
    code: 2,
    goal: { seconds: 5, mb: 1024 },
  },
  {
    name: "一个单元格含 20 万个 <f>",
    build: manyFormulaRuns,
    command: "check",
    code: 1,
    goal: { seconds: 5, mb: 500 },
  },
  {
    name: "100 万行（表 + 另一张 100 万行的明细表）",
    build: millionRows,
    command: "check",
    code: 1,
    goal: { seconds: 10, mb: 1024 },
  },
  { name: "同上，zpb fix -o", build: millionRows, command: "fix", code: 0, goal: { seconds: 10, mb: 1024 } },
  {
    name: "100 万行在表的同一张工作表上",
    build: millionRowsBelow,
    command: "check",
    code: 1,
    goal: { seconds: 10, mb: 1024 },
  },
  {
    name: "同上，zpb fix -o（改写 150 MB 的工作表）",
    build: millionRowsBelow,
    command: "fix",
    code: 0,
    goal: { seconds: 20, mb: 2048 },
  },
  {
    name: "200 张工作表（每张一张表）",
    build: (b) => manySheets(b, 200),
    command: "check",
    code: 1,
    goal: { seconds: 10, mb: 1024 },
  },
  {
    name: "2 万个合并区域",
    build: (b) => manyMerges(b, 20_000),
    command: "check",
    code: 1,
    goal: { seconds: 5, mb: 500 },
  },
];

interface Measured {
  ms: number;
  /** CPU time of the child (user + system, every thread: the collector's too). */
  cpuMs: number;
  maxRssMb: number;
  code: number;
  err: string;
}

function runCase(argv: string[]): Measured {
  const r = spawnSync(process.execPath, ["--import", "tsx", CASE, ...argv], { encoding: "utf8" });
  const line = r.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as Measured;
  } catch {
    return {
      ms: NaN,
      cpuMs: NaN,
      maxRssMb: NaN,
      code: r.status ?? -1,
      err: (r.stderr || line).split("\n")[0],
    };
  }
}

export const filesSection: BenchSection = {
  name: "files",
  async run(): Promise<Table[]> {
    const dir = await mkdtemp(join(tmpdir(), "zpb-bench-files-"));
    try {
      const base = new Uint8Array(await readFile(BASE));
      const rows: (string | number)[][] = [];
      const built = new Map<Case["build"], string>();
      for (const c of CASES) {
        let file = built.get(c.build);
        if (!file) {
          file = join(dir, `case-${built.size}.xlsx`);
          await writeFile(file, c.build(base));
          built.set(c.build, file);
        }
        const size = (await stat(file)).size;
        const argv = c.command === "check" ? ["check", file] : ["fix", file, "-o", join(dir, "out.xlsx")];
        const m = runCase(argv);
        // Judged on CPU time: on a machine shared with other work the wall clock says more about the others.
        const ok = m.code === c.code && m.cpuMs / 1000 <= c.goal.seconds && m.maxRssMb <= c.goal.mb;
        rows.push([
          c.name,
          size >= 1 << 20 ? `${(size / (1 << 20)).toFixed(1)} MB` : `${(size / 1024).toFixed(0)} KB`,
          m.ms / 1000,
          m.cpuMs / 1000,
          Math.round(m.maxRssMb),
          m.code === 2 ? `退出 2：${m.err.replace(/^[^：]*：/, "").slice(0, 40)}…` : `退出 ${m.code}`,
          `< ${c.goal.seconds} s、< ${c.goal.mb} MB ${verdict(ok)}`,
        ]);
      }
      return [
        {
          title: "大文件与恶意文件（每项一个子进程）",
          columns: ["文件", "大小", "秒", "CPU 秒", "峰值 RSS MB", "结果", "目标"],
          rows,
          notes: [
            "秒 = 子进程内 runCli 的时间（不含 Node 与 tsx 的启动），CPU 秒 = 其间用户态 + 内核态 CPU 时间（含 GC 线程，",
            "机器繁忙时比墙钟时间可靠，目标按它判断）；峰值 RSS = 子进程的 process.resourceUsage().maxRSS，",
            "含 Node、tsx 与源码本身（约 80 MB）。文件由 tests/xlsx/hostile.ts 生成，不入库。上限见 docs/reliability.md。",
          ],
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
