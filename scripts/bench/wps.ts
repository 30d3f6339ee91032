/**
 * The WPS host's cost on the in-memory fake of the ET object model: host calls (every property get or set
 * and method call is a synchronous trip into WPS), beside the Excel host's round trips for the same work
 * and a naive cell-by-cell read. Only counts: the time of a call was never measured on a real WPS.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { analyzeSheet, type Patch } from "../../src/core/index";
import { a1 } from "../../src/core/address";
import { createExcelHost } from "../../src/hosts/excel/index";
import { createWpsHost } from "../../src/hosts/wps/index";
import type { EtApplication } from "../../src/hosts/wps/et";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { fakeFromXlsx } from "../../tests/fakes/excel/xlsx";
import { FakeWps } from "../../tests/fakes/wps/index";
import { WORKBOOK_2023 } from "./fixtures";
import type { BenchSection, CellValue, Table } from "./table";

const SINGLE = fileURLToPath(
  new URL("../../tests/fixtures/forms/single/2023-taopu-003.xlsx", import.meta.url)
);

function fakeOf(bytes: Uint8Array): FakeWps {
  return FakeWps.fromGrids(readWorkbook(bytes).sheets.map((s) => s.grid));
}

/** Host calls of `act` on a fresh fake, after `prepare`. */
async function calls(bytes: Uint8Array, act: (fake: FakeWps) => Promise<unknown> | unknown): Promise<number> {
  const fake = fakeOf(bytes);
  fake.resetCalls();
  await act(fake);
  return fake.calls;
}

/** The naive way: every cell of the used range asked for its value, formula, format and merge area. */
function naiveRead(app: EtApplication, all: boolean): void {
  const wb = app.ActiveWorkbook!;
  const sheets = all
    ? Array.from({ length: wb.Worksheets.Count }, (_, i) => wb.Worksheets.Item(i + 1))
    : [wb.ActiveSheet!];
  for (const ws of sheets) {
    const used = ws.UsedRange;
    const top = used.Row - 1;
    const left = used.Column - 1;
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    for (let r = top; r < top + rows; r++)
      for (let c = left; c < left + cols; c++) {
        const cell = ws.Range(a1(r, c));
        void [cell.Value2, cell.Formula, cell.NumberFormat, cell.MergeArea.Address(false, false)];
      }
  }
}

const patchesOf = (grid: Parameters<typeof analyzeSheet>[0]): Patch[] =>
  analyzeSheet(grid).forms.flatMap((f) => f.patches);

export const wpsSection: BenchSection = {
  name: "wps",
  async run(): Promise<Table[]> {
    const single = new Uint8Array(await readFile(SINGLE));
    const book = new Uint8Array(await readFile(WORKBOOK_2023));
    const host = (fake: FakeWps) => createWpsHost(() => fake.app as EtApplication);

    const readOne = await calls(single, (f) => host(f).readActiveSheet());
    const readOneNaive = await calls(single, (f) => naiveRead(f.app as EtApplication, false));
    const readAll = await calls(book, (f) => host(f).readAllSheets());
    const readAllNaive = await calls(book, (f) => naiveRead(f.app as EtApplication, true));

    const fake = fakeOf(single);
    const h = host(fake);
    const patches = patchesOf(await h.readActiveSheet());
    fake.resetCalls();
    await h.apply(patches);
    const apply = fake.calls;
    fake.resetCalls();
    await h.revertLast();
    const revert = fake.calls;

    const excelOne = await fakeFromXlsx(single);
    await createExcelHost(excelOne.run).readActiveSheet();
    const excelAll = await fakeFromXlsx(book);
    await createExcelHost(excelAll.run).readAllSheets();

    const row = (op: string, ours: number, naive: number | string, excel: number | string): CellValue[] => [
      op,
      ours,
      naive,
      typeof naive === "number" ? `${(naive / ours).toFixed(1)}×` : "—",
      excel,
    ];
    return [
      {
        title: "WPS 主机调用次数（内存中的模拟 ET 对象模型），与 Excel 往返次数并列",
        columns: [
          "操作",
          "WPS 调用（本加载项）",
          "WPS 调用（逐格）",
          "逐格 / 本加载项",
          "Excel 往返（sync）",
        ],
        rows: [
          row("读取 1 张表（当前工作表）", readOne, readOneNaive, excelOne.syncCount),
          row("读取 70 张表的工作簿（全部工作表）", readAll, readAllNaive, excelAll.syncCount),
          row(`写入 1 张表的修正（${patches.length} 个补丁，读回核对）`, apply, "—", 1),
          row("撤销这次修正", revert, "—", 2),
        ],
        notes: [
          "WPS 的对象模型是同步的：每次读写一个属性或调用一个方法都是一次进入 WPS 的调用（没有 load / sync 批处理）。",
          "本加载项：UsedRange 的 Value2、Formula 各读一次；NumberFormat 和 MergeCells 先问整个区域，只在「混合」（null）处按列、再按行对半拆分；只对空单元格（合并区域里除左上角外都是空的）读 MergeArea。",
          "逐格：每个单元格读 Value2、Formula、NumberFormat 和 MergeArea。单次调用的耗时没有在真实 WPS 上测过，所以这里只比较次数。",
          "上限（tests/wps/host.test.ts 断言）：读 1 张表 ≤ 550 次，读 70 张表 ≤ 33,000 次，写 3 个补丁 ≤ 60 次。",
        ],
      },
    ];
  },
};
