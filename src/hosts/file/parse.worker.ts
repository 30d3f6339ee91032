/**
 * The Web Worker that reads a workbook for browser mode, so that a large file never freezes the pane:
 * unzip, XML parsing and (when asked) the analysis of every sheet run here; the pane receives the results.
 */
import { parseAnyWorkbook } from "./parse";
import type { WorkbookData } from "./types";
import { failureOf, type ParseReply, type ParseRequest } from "./protocol";

/** The worker's global scope, as far as this file uses it (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(reply: ParseReply): void;
}

const scope = self as unknown as WorkerScope;

const failed = (error: unknown): void => scope.postMessage({ kind: "failed", ...failureOf(error) });

scope.onmessage = (event) => {
  try {
    const { bytes, analyze } = event.data;
    const data = parseAnyWorkbook(
      bytes,
      (done, total) => scope.postMessage({ kind: "progress", done, total }),
      analyze
    );
    // An .xlsx is read at once; the other formats wait for their reader's chunk.
    if (data instanceof Promise)
      data.then((d: WorkbookData) => scope.postMessage({ kind: "done", data: d }), failed);
    else scope.postMessage({ kind: "done", data });
  } catch (error) {
    failed(error);
  }
};
