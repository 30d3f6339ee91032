/** The summary workbook writer: moved to src/review/xlsxout.ts (platform-neutral). */
export * from "../review/xlsxout";
