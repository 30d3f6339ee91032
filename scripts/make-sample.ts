/**
 * Builds samples/自评表-示例.xlsx from the real forms in tests/fixtures/forms: a few forms with typical
 * errors, one clean form and a sheet that is not a form. Run once (`npx tsx scripts/make-sample.ts`) and
 * commit the result; the demo and the README use it.
 */
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { writeFileAtomic } from "../src/hosts/xlsx/node";

const FORMS = fileURLToPath(new URL("../tests/fixtures/forms/", import.meta.url));
export const SAMPLE = fileURLToPath(new URL("../samples/自评表-示例.xlsx", import.meta.url));

/** Which sheets, from which workbook, in the sample's order (ids of tests/fixtures/forms/README.md). */
const PICKS: { workbook: string; sheet: string; why: string }[] = [
  {
    workbook: "forms-2023-putuo-taopu-001-070.xlsx",
    sheet: "安全办-消防安全专项经费",
    why: "2023-taopu-001：没有问题",
  },
  {
    workbook: "forms-2023-putuo-taopu-001-070.xlsx",
    sheet: "财政所-财政管理专项经费",
    why: "2023-taopu-003：反向指标多计分、少计分",
  },
  {
    workbook: "forms-2023-putuo-taopu-001-070.xlsx",
    sheet: "财政所-即知即改专项经费",
    why: "2023-taopu-006：少计分且未写偏差原因",
  },
  {
    workbook: "forms-2022-minhang-wujing.xlsx",
    sheet: "人口工作",
    why: "2022-wujing-003：分值合计 103、执行率按年初预算数、总分不符",
  },
  {
    workbook: "forms-2022-minhang-wujing.xlsx",
    sheet: "协管员服装费",
    why: "2022-wujing-001：缺少全年预算数、总分不符",
  },
];

function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Workbook): void {
  const sheet = to.addWorksheet(from.name, { pageSetup: { ...from.pageSetup }, views: from.views });
  from.columns.forEach((column, i) => {
    if (column.width !== undefined) sheet.getColumn(i + 1).width = column.width;
  });
  from.eachRow({ includeEmpty: true }, (row, r) => {
    const target = sheet.getRow(r);
    if (row.height !== undefined) target.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const copy = target.getCell(c);
      copy.value = cell.value;
      copy.style = structuredClone(cell.style);
    });
  });
  for (const range of from.model.merges) sheet.mergeCells(range);
}

function addReadme(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet("说明");
  sheet.getColumn(1).width = 90;
  const lines = [
    "自评表助手示例工作簿",
    "以下各表摘自公开的财政项目支出绩效自评表（原样保留填报错误），用于演示检查与一键重算：",
    ...PICKS.map((p) => `「${p.sheet}」 ${p.why}`),
    "本工作表不是自评表，检查时会列为“非自评表的工作表”。",
  ];
  lines.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text));
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
}

/** Builds the sample workbook's bytes. */
export async function buildSample(): Promise<Uint8Array> {
  const sources = new Map<string, ExcelJS.Workbook>();
  const book = new ExcelJS.Workbook();
  for (const pick of PICKS) {
    let source = sources.get(pick.workbook);
    if (!source) {
      source = new ExcelJS.Workbook();
      await source.xlsx.readFile(FORMS + pick.workbook);
      sources.set(pick.workbook, source);
    }
    const sheet = source.getWorksheet(pick.sheet);
    if (!sheet) throw new Error(`${pick.workbook} has no sheet ${pick.sheet}`);
    copySheet(sheet, book);
  }
  addReadme(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFileAtomic(SAMPLE, await buildSample());
  process.stdout.write(`wrote ${SAMPLE}\n`);
}
