/** The fake's request context: the action queue, sync (one round trip), byte estimates, payload limit. */
import { CONNECTION_LOST, isWrite, takeFault, type Fault } from "./faults";
import type { FakeWorkbookModel } from "./model";
import { refuseUnsupported } from "./limits";
import { FakeOfficeError } from "./proxy";

/** What one sync cost: bytes sent (queued writes and arguments) and received (loaded data). */
export interface SyncStat {
  request: number;
  response: number;
  actions: number;
}

export interface Counters {
  syncs: SyncStat[];
  payloadLimit: number;
  /** Armed faults (see faults.ts), consumed by the syncs they match. */
  faults: Fault[];
}

interface Action {
  label: string;
  run: () => void;
  bytes: number;
}

const encoder = new TextEncoder();
/** UTF-8 size of a value as JSON (works in Node and in the browser, where the e2e pane runs the fake). */
const bytesOf = (v: unknown): number => encoder.encode(JSON.stringify(v) ?? "").length;

/** The request context: the queue, sync, and the model it acts on. */
export class FakeContext {
  private queue: Action[] = [];
  private staged: (() => void)[] = [];
  private stagedBytes = 0;
  closed = false;
  constructor(
    readonly model: FakeWorkbookModel,
    private readonly counters: Counters
  ) {}

  enqueue(label: string, run: () => void, argument?: unknown): void {
    if (this.closed)
      throw new FakeOfficeError("InvalidObjectPath", `${label}: object used outside its Excel.run`);
    this.queue.push({ label, run, bytes: 40 + (argument === undefined ? 0 : bytesOf(argument)) });
  }

  /** Called by a load action while it runs: the value becomes readable only if the sync succeeds. */
  stage(commit: () => void, data: unknown): void {
    this.staged.push(commit);
    this.stagedBytes += bytesOf(data);
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "sync after Excel.run ended");
    const actions = this.queue;
    this.queue = [];
    this.staged = [];
    this.stagedBytes = 0;
    const request = actions.reduce((n, a) => n + a.bytes, 0);
    const stat: SyncStat = { request, response: 0, actions: actions.length };
    this.counters.syncs.push(stat);
    await Promise.resolve();
    if (request > this.counters.payloadLimit) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    }
    refuseUnsupported(
      this.model.apiVersion,
      actions.map((a) => a.label)
    );
    const fault = takeFault(
      this.counters.faults,
      actions.map((a) => a.label)
    );
    if (fault?.kind === "switch") this.model.switchTo(fault.to);
    if (fault?.kind === "error") throw new FakeOfficeError(fault.code, fault.message);
    if (fault?.kind === "close" && !fault.run) return this.hang();
    let writes = 0;
    for (const action of actions) {
      try {
        if (isWrite(action.label) && ++writes === (fault?.kind === "fail-at-write" ? fault.write : 0))
          throw new FakeOfficeError(CONNECTION_LOST.code, CONNECTION_LOST.message);
        action.run();
      } catch (e) {
        // Like Excel: the actions before the failing one stay done, the rest are dropped, nothing loads.
        this.staged = [];
        if (e instanceof FakeOfficeError) throw new FakeOfficeError(e.code, e.message, action.label);
        throw e;
      }
    }
    if (fault?.kind === "close") return this.hang();
    if (fault?.kind === "reject-after") {
      this.staged = [];
      throw new FakeOfficeError(CONNECTION_LOST.code, CONNECTION_LOST.message);
    }
    stat.response = this.stagedBytes;
    const commits = this.staged;
    this.staged = [];
    if (stat.response > this.counters.payloadLimit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      );
    }
    for (const commit of commits) commit();
  }

  /** The pane is gone: this context never answers again. */
  private hang(): Promise<void> {
    this.closed = true;
    this.staged = [];
    return new Promise<void>(() => undefined);
  }

  get pending(): number {
    return this.queue.length;
  }
}
