/**
 * The Web Worker that reads a workbook for browser mode, so that a large file never freezes the pane:
 * unzip and XML parsing run here; the pane only receives the grids.
 */
import { parseWorkbook } from "./parse";
import type { ParseReply, ParseRequest } from "./protocol";

/** The worker's global scope, as far as this file uses it (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(reply: ParseReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const data = parseWorkbook(event.data.bytes, (done, total) =>
      scope.postMessage({ kind: "progress", done, total })
    );
    scope.postMessage({ kind: "done", data });
  } catch (error) {
    // WorkbookError messages are already Chinese and name the problem (corrupt, encrypted, .xls …).
    scope.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};
