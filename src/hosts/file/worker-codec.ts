/**
 * The codec browser mode uses: reading (and, when asked, analysis) runs in a Web Worker (bundled by webpack from parse.worker.ts),
 * with progress and cancel; where no worker can start (no Worker, a blocked script, a file:// page) it
 * reads in the page, one sheet at a time, giving the page a turn between sheets.
 */
import { paneText } from "../../i18n/pane";
import { listSheetsFast, readWorkbook } from "../xlsx/read";
import { applyPatches } from "../xlsx/write";
import { analyzed } from "./parse";
import { readSpreadsheet, spreadsheetFormat } from "../legacy/index";
import { errorOf, type ParseReply, type ParseRequest } from "./protocol";
import {
  ReadCancelled,
  type ReadControl,
  type WorkbookData,
  type WorkbookSheet,
  type XlsxCodec,
} from "./types";

/** Starts a parsing worker; null or a throw means "no worker here". */
export type WorkerFactory = () => Pick<Worker, "postMessage" | "terminate" | "onmessage" | "onerror"> | null;

/** The bundled worker. webpack turns `new Worker(new URL(…, import.meta.url))` into a chunk of its own. */
export const bundledWorker: WorkerFactory = () =>
  typeof Worker === "function"
    ? new Worker(/* webpackChunkName: "parse-worker" */ new URL("./parse.worker.ts", import.meta.url), {
        name: "zpb-parse",
      })
    : null;

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Reads in the page, sheet by sheet, so that progress paints and a cancel is seen between sheets. */
export async function readInPage(bytes: Uint8Array, control: ReadControl = {}): Promise<WorkbookData> {
  const { onProgress, signal, analyze } = control;
  if (spreadsheetFormat(bytes) !== "xlsx") {
    // The library reads the whole file at once; the cancel is seen before and after.
    await nextTurn();
    if (signal?.aborted) throw new ReadCancelled();
    const book = await readSpreadsheet(bytes, { onProgress });
    if (signal?.aborted) throw new ReadCancelled();
    return { sheets: book.sheets.map((s) => analyzed(s, analyze)), format: book.format };
  }
  const names = listSheetsFast(bytes).map((s) => s.name);
  const sheets: WorkbookSheet[] = [];
  onProgress?.(0, names.length);
  for (const name of names) {
    await nextTurn();
    if (signal?.aborted) throw new ReadCancelled();
    sheets.push(...readWorkbook(bytes, { sheets: [name] }).sheets.map((s) => analyzed(s, analyze)));
    onProgress?.(sheets.length, names.length);
  }
  await nextTurn();
  if (signal?.aborted) throw new ReadCancelled();
  return { sheets };
}

function startWorker(factory: WorkerFactory): ReturnType<WorkerFactory> {
  try {
    return factory();
  } catch {
    return null; // e.g. a SecurityError on a file:// page
  }
}

/** Reads in a worker; falls back to the page when the worker fails before it said anything. */
function readInWorker(
  worker: NonNullable<ReturnType<WorkerFactory>>,
  bytes: Uint8Array,
  control: ReadControl
): Promise<WorkbookData> {
  const { onProgress, signal } = control;
  return new Promise<WorkbookData>((resolve, reject) => {
    let heard = false;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
    };
    const cancel = () => {
      finish();
      reject(new ReadCancelled());
    };
    signal?.addEventListener("abort", cancel, { once: true });
    worker.onmessage = (event: MessageEvent<ParseReply>) => {
      heard = true;
      const reply = event.data;
      if (reply.kind === "progress") {
        onProgress?.(reply.done, reply.total);
        return;
      }
      finish();
      if (reply.kind === "done") resolve(reply.data);
      // The reader's reason survives the worker boundary (不是电子表格文件 is told apart from a damaged file).
      else reject(errorOf(reply));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      finish();
      // A worker that never answered could not start (blocked, missing chunk): read in the page instead.
      // One that died while reading (out of memory) would take the tab down with it in the page.
      if (!heard) readInPage(bytes, control).then(resolve, reject);
      else reject(new Error(paneText.workerFailed));
    };
    const request: ParseRequest = { bytes, analyze: control.analyze };
    worker.postMessage(request);
  });
}

/** The browser-mode codec over a worker factory (default: the bundled worker). */
export function createBrowserCodec(factory: WorkerFactory = bundledWorker): XlsxCodec {
  return {
    async read(bytes, control = {}) {
      if (control.signal?.aborted) throw new ReadCancelled();
      const worker = startWorker(factory);
      return worker ? readInWorker(worker, bytes, control) : readInPage(bytes, control);
    },
    write: (bytes, patches) => applyPatches(bytes, patches),
  };
}
