/** The real-form workbooks the benchmarks run on (tests/fixtures/forms). */
import { fileURLToPath } from "node:url";

const forms = (name: string): string =>
  fileURLToPath(new URL(`../../tests/fixtures/forms/${name}`, import.meta.url));

/** 23 forms of 2022 (9 columns, no 评分等级 row). */
export const WORKBOOK_2022 = forms("forms-2022-minhang-wujing.xlsx");
/** 70 forms of 2023: the batch workbook of the command benchmarks. */
export const WORKBOOK_2023 = forms("forms-2023-putuo-taopu-001-070.xlsx");

/** The 7 real forms of other provinces (tests/fixtures/forms/outside), one form per workbook. */
export const OUTSIDE_WORKBOOKS = [
  "anhui-jinzhai-meilixiangcun-2023-dept-TRUNCATED.xlsx",
  "anhui-tangxi-weituo-2022-TRUNCATED.xlsx",
  "anhui-xiaoxian-hexicun-2023-TRUNCATED.xlsx",
  "hubei-huanggang-shuitu-2020.xlsx",
  "sichuan-qingshen-gongzi-2023.xlsx",
  "yunnan-shidian-xinxingzhuti-2019.xlsx",
  "yunnan-yongde-mingliang-2022.xlsx",
].map((name) => ({ name: name.replace(/\.xlsx$/, ""), path: forms(`outside/${name}`) }));

/** "✓" when a measured value meets its goal, "✗" when not. */
export function verdict(ok: boolean): string {
  return ok ? "✓" : "✗";
}
