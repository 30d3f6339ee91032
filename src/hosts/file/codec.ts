/**
 * The browser-safe xlsx reader/writer of the file host (no Node APIs, no workbook library): `xlsxCodec`
 * reads on the calling thread (tests, scripts); `browserCodec` is what the pane uses, reading in a Web Worker.
 */
import { createBrowserCodec } from "./worker-codec";
import { parseAnyWorkbook } from "./parse";
import { applyPatches } from "../xlsx/write";
import type { XlsxCodec } from "./types";

export const xlsxCodec: XlsxCodec = {
  read: (bytes) => parseAnyWorkbook(bytes),
  write: (bytes, patches) => applyPatches(bytes, patches),
};

/** The pane's codec: reads in the bundled Web Worker, in the page where no worker can start. */
export const browserCodec: XlsxCodec = createBrowserCodec();
