/**
 * The Excel host against the naive cell-by-cell way, on the in-memory fake Excel: round trips (syncs) and
 * payload counted by the fake, turned into a modelled time (no real Excel on this machine).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { analyzeSheet, type Patch } from "../../src/core/index";
import { createExcelHost } from "../../src/hosts/excel/index";
import type { Host } from "../../src/hosts/types";
import type { FakeExcel } from "../../tests/fakes/excel/index";
import { naiveApply, naiveReadActiveSheet, naiveReadAllSheets } from "../../tests/fakes/excel/naive";
import { fakeFromXlsx } from "../../tests/fakes/excel/xlsx";
import { WORKBOOK_2023 } from "./fixtures";
import type { BenchSection, CellValue, Table } from "./table";

/** The one form of the single-sheet measurements. */
const SINGLE_2023 = fileURLToPath(
  new URL("../../tests/fixtures/forms/single/2023-taopu-003.xlsx", import.meta.url)
);

/** The model: each round trip costs a fixed latency, each byte a share of the bandwidth. */
const LATENCY_MS = 100;
const BYTES_PER_MS = (1024 * 1024) / 1000;

interface Cost {
  syncs: number;
  bytes: number;
}

const modelled = (c: Cost): number => c.syncs * LATENCY_MS + c.bytes / BYTES_PER_MS;

/** Runs `act` on a fresh fake of `bytes` after `prepare`, counting only what `act` costs. */
async function cost(
  bytes: Uint8Array,
  act: (fake: FakeExcel) => Promise<unknown>,
  prepare: (fake: FakeExcel) => Promise<unknown> = async () => undefined
): Promise<Cost> {
  const fake = await fakeFromXlsx(bytes);
  await prepare(fake);
  fake.resetCounters();
  await act(fake);
  return { syncs: fake.syncCount, bytes: fake.bytes };
}

function rows(operation: string, ours: Cost, naive: Cost): CellValue[][] {
  const ratio = `${(modelled(naive) / modelled(ours)).toFixed(0)}×`;
  const row = (approach: string, c: Cost, r: string): CellValue[] => [
    operation,
    approach,
    c.syncs,
    (c.bytes / 1024).toFixed(1),
    modelled(c).toFixed(0),
    r,
  ];
  return [row("本加载项（批量）", ours, "1×"), row("逐格（naive）", naive, ratio)];
}

export const excelSection: BenchSection = {
  name: "excel",
  async run(): Promise<Table[]> {
    const single = new Uint8Array(await readFile(SINGLE_2023));
    const book = new Uint8Array(await readFile(WORKBOOK_2023));

    const readOne = await cost(single, (f) => createExcelHost(f.run).readActiveSheet());
    const readOneNaive = await cost(single, (f) => naiveReadActiveSheet(f.run));
    const readAll = await cost(book, (f) => createExcelHost(f.run).readAllSheets());
    const readAllNaive = await cost(book, (f) => naiveReadAllSheets(f.run));

    // The pane applies right after it read the sheet: the host reuses what that read learnt.
    let host: Host | null = null;
    let patches: Patch[] = [];
    const apply = await cost(
      single,
      (f) => (host ?? createExcelHost(f.run)).apply(patches),
      async (f) => {
        host = createExcelHost(f.run);
        patches = analyzeSheet(await host.readActiveSheet()).forms.flatMap((f) => f.patches);
      }
    );
    const applyNaive = await cost(single, (f) => naiveApply(f.run, patches));

    return [
      {
        title: "Excel 往返：本加载项与逐格读写对比（内存中的模拟 Excel）",
        columns: ["操作", "方式", "往返（sync）", "数据量 KB", "模型时间 ms", "naive / 本加载项"],
        rows: [
          ...rows("读取 1 张表（当前工作表）", readOne, readOneNaive),
          ...rows("读取 70 张表的工作簿（全部工作表）", readAll, readAllNaive),
          ...rows(`写入 1 张表的修正（${patches.length} 个补丁）`, apply, applyNaive),
        ],
        notes: [
          `模型时间 = 往返次数 × ${LATENCY_MS} ms + 数据量 ÷ 1 MB/s（假设的往返延迟与带宽，不是实测；数据量是模拟 Excel 对每次 sync 收发字节的估算）。`,
          "读取：tests/fixtures/forms/single/2023-taopu-003.xlsx 与 forms-2023-putuo-taopu-001-070.xlsx；逐格方式每格一次 sync，不读合并区域。",
          "写入：analyzeSheet 给出的补丁；本加载项在读取之后写入（窗格的实际流程，只计写入），逐格方式每格先查保护与公式再写，两次 sync。",
        ],
      },
    ];
  },
};
