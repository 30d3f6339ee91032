/**
 * The formats people send: `zpb check` of the 70-form workbook as .xls, .ods and .xlsb beside the .xlsx
 * (in-process, the library already loaded), the first read that loads @e965/xlsx, and `zpb fix` of the
 * .xls (LibreOffice's conversion included). The copies are made here: .xls and .ods by soffice, .xlsb by
 * the library's writer.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { runCli, type CliIo } from "../../src/cli/run";
import { findSoffice } from "../../src/cli/convert";
import { WORKBOOK_2023 } from "./fixtures";
import { runsFromEnv, time } from "./measure";
import type { BenchSection, Table } from "./table";

const silent: CliIo = { out: () => undefined, err: () => undefined, color: false, env: {} };

async function zpb(argv: string[]): Promise<void> {
  const code = await runCli(argv, silent);
  if (code === 2) throw new Error(`zpb ${argv.join(" ")} failed`);
}

function convert(soffice: string, format: string, dir: string): void {
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      dir,
      WORKBOOK_2023,
    ],
    { encoding: "utf8", timeout: 300_000 }
  );
  if (r.status !== 0) throw new Error(`soffice: ${r.stderr}`);
}

export const formatsSection: BenchSection = {
  name: "formats",
  async run(): Promise<Table[]> {
    const soffice = findSoffice();
    if (!soffice) return [];
    const dir = await mkdtemp(join(tmpdir(), "zpb-bench-formats-"));
    try {
      convert(soffice, "xls:MS Excel 97", dir);
      convert(soffice, "ods", dir);
      const base = join(dir, "forms-2023-putuo-taopu-001-070");
      const X = await import("@e965/xlsx");
      const book = X.read(await readFile(WORKBOOK_2023), { cellFormula: true, cellNF: true });
      await writeFile(`${base}.xlsb`, X.write(book, { bookType: "xlsb", type: "buffer" }) as Buffer);
      const runs = runsFromEnv(7);
      const size = async (p: string) => `${((await readFile(p)).length / 1024).toFixed(0)} KB`;
      // The first read of an .xls in this process: the library is imported then.
      const start = performance.now();
      await zpb(["check", `${base}.xls`]);
      const first = performance.now() - start;
      const rows = [];
      const xlsx = await time(() => zpb(["check", WORKBOOK_2023]), runs, 1);
      for (const [label, path] of [
        [".xlsx（自有读取器）", WORKBOOK_2023],
        [".xls（BIFF8，LibreOffice 另存）", `${base}.xls`],
        [".ods（LibreOffice 另存）", `${base}.ods`],
        [".xlsb（@e965/xlsx 写出）", `${base}.xlsb`],
      ] as const) {
        const t = path === WORKBOOK_2023 ? xlsx : await time(() => zpb(["check", path]), runs, 1);
        rows.push([
          `zpb check ${label}`,
          await size(path),
          t.median,
          t.min,
          `${(t.median / xlsx.median).toFixed(2)}×`,
        ]);
      }
      const fix = await time(() => zpb(["fix", `${base}.xls`, "-o", join(dir, "out.xlsx")]), 3, 0);
      rows.push([
        "zpb fix .xls（LibreOffice 转换 + 写入 + 复查）",
        await size(`${base}.xls`),
        fix.median,
        fix.min,
        `${(fix.median / xlsx.median).toFixed(1)}×`,
      ]);
      return [
        {
          title: "其他格式：70 张表的工作簿（进程内调用）",
          columns: ["测量", "文件", "中位数 ms", "最小 ms", "相对 .xlsx"],
          rows,
          notes: [
            `首次读取 .xls（含加载 @e965/xlsx）${first.toFixed(0)} ms；其余各项先预热 1 次，再取 ${runs} 次的中位数。`,
            "zpb fix .xls 取 3 次的中位数，每次都启动 LibreOffice（临时配置目录）把 .xls 转为 .xlsx。",
          ],
        },
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
