/**
 * The desk's reader: one worker for the whole batch (files go to it one by one), restarted after a file
 * that killed it (out of memory) so that the batch survives any one bad file; in the page where no worker
 * can start, with a turn for the page between files.
 */
import type { ProfileName } from "../../core/index";
import type { WorkbookResult } from "../../review/analyze";
import { paneText } from "../../i18n/pane";
import type { DeskReply, DeskRequest } from "./desk-protocol";
import { errorOf } from "./protocol";
import { ReadCancelled } from "./types";

type DeskWorker = Pick<Worker, "postMessage" | "terminate" | "onmessage" | "onerror">;
export type DeskWorkerFactory = () => DeskWorker | null;

export const bundledDeskWorker: DeskWorkerFactory = () =>
  typeof Worker === "function"
    ? new Worker(/* webpackChunkName: "desk-worker" */ new URL("./desk.worker.ts", import.meta.url), {
        name: "zpb-desk",
      })
    : null;

export interface DeskReader {
  /** Reads and analyses one workbook; rejects with its WorkbookError, or ReadCancelled. */
  read(bytes: Uint8Array, profile: ProfileName, signal?: AbortSignal): Promise<WorkbookResult>;
  /** Ends the worker (after the batch, or on cancel). */
  close(): void;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function readInPage(bytes: Uint8Array, profile: ProfileName): Promise<WorkbookResult> {
  await nextTurn();
  const { readForDesk } = await import(/* webpackChunkName: "desk-read" */ "./desk-read");
  return readForDesk(bytes, profile);
}

export function createDeskReader(factory: DeskWorkerFactory = bundledDeskWorker): DeskReader {
  let worker: DeskWorker | null = null;
  let noWorker = false;
  let seq = 0;

  function start(): DeskWorker | null {
    if (worker || noWorker) return worker;
    try {
      worker = factory();
    } catch {
      worker = null;
    }
    if (!worker) noWorker = true;
    return worker;
  }

  function stop(): void {
    worker?.terminate();
    worker = null;
  }

  return {
    read(bytes, profile, signal) {
      if (signal?.aborted) return Promise.reject(new ReadCancelled());
      const w = start();
      if (!w) return readInPage(bytes, profile);
      const id = ++seq;
      return new Promise<WorkbookResult>((resolve, reject) => {
        let heard = false;
        const done = () => signal?.removeEventListener("abort", cancel);
        const cancel = () => {
          stop();
          reject(new ReadCancelled());
        };
        signal?.addEventListener("abort", cancel, { once: true });
        w.onmessage = (event: MessageEvent<DeskReply>) => {
          const reply = event.data;
          if (reply.id !== id) return;
          heard = true;
          done();
          if (reply.kind === "done") resolve(reply.result);
          else reject(errorOf(reply));
        };
        w.onerror = (event: ErrorEvent) => {
          event.preventDefault?.();
          done();
          stop();
          // A worker that never started (blocked script): every file is read in the page from now on.
          if (!heard && seq === 1) {
            noWorker = true;
            readInPage(bytes, profile).then(resolve, reject);
          } else reject(new Error(paneText.workerFailed));
        };
        const request: DeskRequest = { id, bytes, profile };
        w.postMessage(request);
      });
    },
    close: stop,
  };
}
