/** Core alone: analyzeSheet on Grids read beforehand (no file I/O in the timed part). */
import { readFile } from "node:fs/promises";
import { analyzeSheet, type Grid } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { WORKBOOK_2022, WORKBOOK_2023, verdict } from "./fixtures";
import { time, runsFromEnv } from "./measure";
import type { BenchSection, Table } from "./table";

const GOAL_ALL_MS = 50;

async function grids(file: string): Promise<Grid[]> {
  return readWorkbook(new Uint8Array(await readFile(file))).sheets.map((s) => s.grid);
}

export const coreSection: BenchSection = {
  name: "core",
  async run(): Promise<Table[]> {
    const all = [...(await grids(WORKBOOK_2022)), ...(await grids(WORKBOOK_2023))];
    const forms = all.filter((g) => analyzeSheet(g).forms.length > 0).length;
    const one = all[all.length - 1];
    const runs = runsFromEnv(30, 20);
    const single = await time(() => analyzeSheet(one), runs * 10, 20);
    const batch = await time(() => {
      for (const grid of all) analyzeSheet(grid);
    }, runs);
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
          ["（参考）读取 70 张表的 .xlsx 为 Grid", reader.median, reader.min, reader.runs, "—"],
        ],
        notes: [
          "analyzeSheet(grid) 对每张表做定位、读取、按 mof2020 规则评分并生成修正补丁；中位数取自上列次数。",
        ],
      },
    ];
  },
};
