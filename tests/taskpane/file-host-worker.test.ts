/**
 * Browser mode's reading off the main thread: the worker codec (over a stand-in worker that runs the
 * real worker module's parse), its fallback to the page, cancel, and the size limits of the file host.
 */
import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { analyzeSheet } from "../../src/core/index";
import { createFileHost, ReadCancelled } from "../../src/hosts/file";
import { xlsxCodec } from "../../src/hosts/file/codec";
import { checkLimits } from "../../src/hosts/file/limits";
import { parseWorkbook } from "../../src/hosts/file/parse";
import type { ParseReply, ParseRequest } from "../../src/hosts/file/protocol";
import { createBrowserCodec, readInPage, type WorkerFactory } from "../../src/hosts/file/worker-codec";
import { HostError } from "../../src/hosts/types";
import { paneText } from "../../src/i18n/pane";

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/forms/${path}`, import.meta.url)));
const FORM = () => fixture("single/2023-taopu-003.xlsx");
/** 23 forms, one per sheet. */
const BOOK = () => fixture("forms-2022-minhang-wujing.xlsx");

type Behaviour = "parse" | "silent" | "fail-to-start" | "die-after-progress";

/** Stands in for the bundled worker: answers like parse.worker.ts, asynchronously, as a worker would. */
class StandInWorker {
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly behaviour: Behaviour) {}

  postMessage(request: ParseRequest): void {
    const replies: ParseReply[] = [];
    if (this.behaviour === "parse") {
      // Structured clone, as postMessage does: the pane gets copies, sparse rows kept.
      const data = parseWorkbook(
        request.bytes,
        (done, total) => replies.push({ kind: "progress", done, total }),
        request.analyze
      );
      replies.push(structuredClone({ kind: "done", data }));
    }
    if (this.behaviour === "die-after-progress") replies.push({ kind: "progress", done: 0, total: 1 });
    setTimeout(() => {
      for (const reply of replies) {
        if (this.terminated) return;
        this.onmessage?.({ data: reply } as MessageEvent<ParseReply>);
      }
      if (this.behaviour === "fail-to-start" || this.behaviour === "die-after-progress")
        this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function factory(behaviour: Behaviour) {
  const started: StandInWorker[] = [];
  const make: WorkerFactory = () => {
    const worker = new StandInWorker(behaviour);
    started.push(worker);
    return worker as unknown as Worker;
  };
  return { make, started };
}

const names = (data: { sheets: { name: string }[] }) => data.sheets.map((s) => s.name);

describe("the worker codec", () => {
  it("reads the same sheets as the page codec, with progress per sheet", async () => {
    const { make, started } = factory("parse");
    const progress: [number, number][] = [];
    const data = await createBrowserCodec(make).read(BOOK(), { onProgress: (d, t) => progress.push([d, t]) });
    const expected = xlsxCodec.read(BOOK()) as { sheets: { name: string }[] };
    expect(names(data)).toEqual(names(expected));
    expect(data.sheets).toHaveLength(23);
    expect(data.sheets.map((s) => s.grid)).toEqual((expected as typeof data).sheets.map((s) => s.grid));
    expect(progress[0]).toEqual([0, 23]);
    expect(progress.at(-1)).toEqual([23, 23]);
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(started).toHaveLength(1);
    expect(started[0].terminated).toBe(true);
  });

  it("analyzes every sheet where it reads when asked, as the core does on the page", async () => {
    const options = { profile: "mof2020-linear" as const, prompts: false };
    for (const make of [factory("parse").make, () => null]) {
      const data = await createBrowserCodec(make).read(BOOK(), { analyze: options });
      expect(data.sheets).toHaveLength(23);
      for (const s of data.sheets) expect(s.analysis).toEqual(analyzeSheet(s.grid, options));
      expect(data.sheets[0].analysis?.forms).toHaveLength(1);
      const plain = await createBrowserCodec(make).read(FORM());
      expect(plain.sheets[0].analysis).toBeUndefined();
    }
  });

  it("cancels: the read rejects with ReadCancelled and the worker is terminated", async () => {
    const { make, started } = factory("silent");
    const abort = new AbortController();
    const read = createBrowserCodec(make).read(FORM(), { signal: abort.signal });
    abort.abort();
    await expect(read).rejects.toBeInstanceOf(ReadCancelled);
    expect(started[0].terminated).toBe(true);
  });

  it("starts no worker for a read cancelled before it began", async () => {
    const { make, started } = factory("parse");
    const abort = new AbortController();
    abort.abort();
    await expect(createBrowserCodec(make).read(FORM(), { signal: abort.signal })).rejects.toBeInstanceOf(
      ReadCancelled
    );
    expect(started).toHaveLength(0);
  });

  it("falls back to reading in the page where no worker starts (none, a throw, or a failed script)", async () => {
    const none: WorkerFactory = () => null;
    const throws: WorkerFactory = () => {
      throw new DOMException("blocked", "SecurityError");
    };
    const { make: failing, started } = factory("fail-to-start");
    for (const make of [none, throws, failing]) {
      const progress = vi.fn();
      const data = await createBrowserCodec(make).read(FORM(), { onProgress: progress });
      expect(names(data)).toEqual(["财政所-财政管理专项经费"]);
      expect(progress).toHaveBeenLastCalledWith(1, 1);
    }
    expect(started[0].terminated).toBe(true);
  });

  it("says the browser ran out of memory when the worker died while reading (no retry in the page)", async () => {
    const { make } = factory("die-after-progress");
    await expect(createBrowserCodec(make).read(FORM())).rejects.toThrow(paneText.workerFailed);
  });

  it("passes the reader's Chinese message on for a file that is not a workbook", async () => {
    const { make } = factory("parse");
    await expect(createBrowserCodec(make).read(new TextEncoder().encode("hello"))).rejects.toThrow(
      /不是 Excel 工作簿/
    );
  });
});

describe("reading in the page", () => {
  it("stops between sheets when cancelled", async () => {
    const abort = new AbortController();
    const seen: number[] = [];
    const read = readInPage(BOOK(), {
      signal: abort.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 2) abort.abort();
      },
    });
    await expect(read).rejects.toBeInstanceOf(ReadCancelled);
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe("the file host's limits", () => {
  const limits = { fileBytes: 1000, inflatedBytes: 5000 };

  it("refuses a file above the size limit before reading it, in Chinese", async () => {
    const read = vi.fn();
    const host = createFileHost({ read, write: (b) => b }, vi.fn(), limits);
    const error = await host.open(new Uint8Array(2000), "big.xlsx").then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).reason).toBe("too-large");
    expect((error as HostError).message).toContain("超过浏览器模式可以打开的");
    expect((error as HostError).message).toContain("zpb");
    expect(read).not.toHaveBeenCalled();
  });

  it("refuses a small package whose parts say they inflate beyond the limit", () => {
    const zeros = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(6000) }, { level: 9 });
    expect(zeros.length).toBeLessThan(limits.fileBytes);
    expect(() => checkLimits(zeros, limits)).toThrow(/解压后有/);
    expect(() => checkLimits(zipSync({ a: new Uint8Array(10) }), limits)).not.toThrow();
    // Not a zip: the reader says what it is.
    expect(() => checkLimits(new TextEncoder().encode("hello"), limits)).not.toThrow();
  });

  it("keeps the open workbook when opening another is cancelled", async () => {
    const { make } = factory("parse");
    const host = createFileHost(createBrowserCodec(make), vi.fn());
    await host.open(FORM(), "a.xlsx");
    const abort = new AbortController();
    abort.abort();
    await expect(host.open(BOOK(), "b.xlsx", { signal: abort.signal })).rejects.toBeInstanceOf(ReadCancelled);
    expect(host.view().fileName).toBe("a.xlsx");
    expect(host.view().sheets).toHaveLength(1);
  });
});

describe("parse.worker.ts", () => {
  it("answers a request with progress, then the sheets; a bad file with its message", async () => {
    const posted: ParseReply[] = [];
    const scope = { onmessage: null as ((e: { data: ParseRequest }) => void) | null, postMessage: vi.fn() };
    scope.postMessage.mockImplementation((reply: ParseReply) => posted.push(reply));
    vi.stubGlobal("self", scope);
    try {
      await import("../../src/hosts/file/parse.worker");
      scope.onmessage?.({ data: { bytes: FORM(), analyze: { prompts: true } } });
      expect(posted.map((r) => r.kind)).toEqual(["progress", "progress", "done"]);
      const done = posted[2] as Extract<ParseReply, { kind: "done" }>;
      expect(done.data.sheets[0]).toMatchObject({ name: "财政所-财政管理专项经费", state: "visible" });
      expect(done.data.sheets[0].analysis?.forms[0].report.project).toBe("财政所-财政管理专项经费");
      posted.length = 0;
      scope.onmessage?.({ data: { bytes: new TextEncoder().encode("hello") } });
      // The reason crosses the worker boundary: the pane tells 不是电子表格文件 from a damaged file.
      expect(posted).toEqual([
        { kind: "failed", message: expect.stringContaining("不是 Excel 工作簿"), reason: "not-a-workbook" },
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
