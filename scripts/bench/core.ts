/** Core alone: analyzeSheet on Grids read beforehand (no file I/O in the timed part). */
import { readFile } from "node:fs/promises";
import { analyzeSheet, type Grid } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { OUTSIDE_WORKBOOKS, WORKBOOK_2022, WORKBOOK_2023, verdict } from "./fixtures";
import { time, runsFromEnv } from "./measure";
import type { BenchSection, CellValue, Table } from "./table";

const GOAL_ALL_MS = 50;

async function grids(file: string): Promise<Grid[]> {
  return readWorkbook(new Uint8Array(await readFile(file))).sheets.map((s) => s.grid);
}

/** The forms analyzeSheet finds on the sheets. */
const formsOn = (sheets: Grid[]) => sheets.reduce((n, g) => n + analyzeSheet(g).forms.length, 0);

export const coreSection: BenchSection = {
  name: "core",
  async run(): Promise<Table[]> {
    const all = [...(await grids(WORKBOOK_2022)), ...(await grids(WORKBOOK_2023))];
    const forms = formsOn(all);
    const one = all[all.length - 1];
    const runs = runsFromEnv(30, 20);
    const single = await time(() => analyzeSheet(one), runs * 10, 20);
    const batch = await time(() => {
      for (const grid of all) analyzeSheet(grid);
    }, runs);
    const outside = await Promise.all(
      OUTSIDE_WORKBOOKS.map(async (w) => ({ ...w, sheets: await grids(w.path) }))
    );
    const outsideRows: CellValue[][] = [];
    for (const w of outside) {
      const t = await time(() => w.sheets.forEach((g) => analyzeSheet(g)), runs * 10, 20);
      outsideRows.push([`外省：${w.name}（${formsOn(w.sheets)} 张表）`, t.median, t.min, t.runs, "—"]);
    }
    const outsideAll = outside.flatMap((w) => w.sheets);
    const outsideBatch = await time(() => outsideAll.forEach((g) => analyzeSheet(g)), runs * 10, 20);
    const bytes2023 = new Uint8Array(await readFile(WORKBOOK_2023));
    const reader = await time(() => readWorkbook(bytes2023), runs);
    return [
      {
        title: "核心（读表 + 评分 + 修正计划，Grid 已备好）",
        columns: ["测量", "中位数 ms", "最小 ms", "次数", "目标"],
        rows: [
          ["1 张表", single.median, single.min, single.runs, "—"],
          [
            `全部 ${all.length} 张表（${forms} 张识别为自评表）`,
            batch.median,
            batch.min,
            batch.runs,
            `< ${GOAL_ALL_MS} ms ${verdict(batch.median < GOAL_ALL_MS)}`,
          ],
          ...outsideRows,
          [
            `外省全部 ${outside.length} 个工作簿（${formsOn(outsideAll)} 张表）`,
            outsideBatch.median,
            outsideBatch.min,
            outsideBatch.runs,
            "—",
          ],
          ["（参考）读取 70 张表的 .xlsx 为 Grid", reader.median, reader.min, reader.runs, "—"],
        ],
        notes: [
          "analyzeSheet(grid) 对每张表找出其中的每一张自评表，定位、读取、按 mof2020 规则评分并生成修正补丁；中位数取自上列次数。",
          "外省工作簿（tests/fixtures/forms/outside）各含一张其他省份模板的真实表格：两行表头、按板块给分、其中明细行等。",
        ],
      },
    ];
  },
};
