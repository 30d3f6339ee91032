/**
 * The reviewer's desk's worker: reads and analyses one workbook per request, so that a batch of hundreds of
 * files never freezes the pane. A file that fails answers with its message and reason; the batch goes on.
 */
import { readForDesk } from "./desk-read";
import type { DeskReply, DeskRequest } from "./desk-protocol";
import { failureOf } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<DeskRequest>) => void) | null;
  postMessage(reply: DeskReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { id, bytes, profile } = event.data;
  try {
    scope.postMessage({ id, kind: "done", result: await readForDesk(bytes, profile) });
  } catch (error) {
    scope.postMessage({ id, kind: "failed", ...failureOf(error) });
  }
};
