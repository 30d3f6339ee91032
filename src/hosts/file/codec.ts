/** The browser-safe xlsx reader/writer the file host uses in the pane (no Node APIs, no workbook library). */
import { readWorkbook } from "../xlsx/read";
import { applyPatches } from "../xlsx/write";
import type { XlsxCodec } from "./types";

export const xlsxCodec: XlsxCodec = {
  read: (bytes) => readWorkbook(bytes),
  write: (bytes, patches) => applyPatches(bytes, patches),
};
