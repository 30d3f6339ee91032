/**
 * The desk's inputs and reader: paths as `zpb check` prints them, a folder's files picked and sorted as the
 * folder walk does, a dropped folder walked through its entries, and a batch that survives a bad file (the
 * reader's worker restarted, the file a row with its reason).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDeskReader, type DeskWorkerFactory } from "../../src/hosts/file/desk-reader";
import { readForDesk } from "../../src/hosts/file/desk-read";
import type { DeskReply, DeskRequest } from "../../src/hosts/file/desk-protocol";
import {
  failedResult,
  fromDrop,
  readResult,
  sortInputs,
  type DeskInput,
} from "../../src/taskpane/desk/inputs";

const FORM = join(import.meta.dirname, "..", "fixtures", "forms", "single", "2023-taopu-003.xlsx");

const file = (name: string, bytes: BlobPart = "x") => new File([bytes], name);
const input = (path: string, inFolder: boolean): DeskInput => ({
  path,
  file: file(path.split("/").pop() ?? path),
  inFolder,
});

describe("the desk's inputs", () => {
  it("reads a folder's workbooks in code-point order, lists its other files and skips lock files", () => {
    const { read, others } = sortInputs([
      input("收到的表/b.xlsx", true),
      input("收到的表/~$b.xlsx", true),
      input("收到的表/说明.pdf", true),
      input("收到的表/a.xlsx", true),
      input("收到的表/a.xlsx", true),
      input("单独.docx", false),
    ]);
    expect(read.map((r) => r.path)).toEqual(["单独.docx", "收到的表/a.xlsx", "收到的表/b.xlsx"]);
    expect(others).toEqual(["收到的表/说明.pdf"]);
  });

  it("walks a dropped folder through its entries, in batches, with the folder's paths", async () => {
    const entry = (name: string, fullPath: string) => ({
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (ok: (f: File) => void) => ok(file(name)),
    });
    let calls = 0;
    const folder = {
      isFile: false,
      isDirectory: true,
      name: "表",
      fullPath: "/表",
      createReader: () => ({
        readEntries: (ok: (e: unknown[]) => void) => {
          calls += 1;
          ok(
            calls === 1 ? [entry("a.xlsx", "/表/a.xlsx")] : calls === 2 ? [entry("b.xlsx", "/表/b.xlsx")] : []
          );
        },
      }),
    };
    const items = [{ kind: "file", webkitGetAsEntry: () => folder }] as unknown as DataTransferItemList;
    const inputs = await fromDrop(items, null);
    expect(inputs.map((i) => [i.path, i.inFolder])).toEqual([
      ["表/a.xlsx", true],
      ["表/b.xlsx", true],
    ]);
  });

  it("gives a read file the CLI's verdict and a failed one its reason, named", async () => {
    const read = await readForDesk(new Uint8Array(readFileSync(FORM)), "mof2020");
    expect(readResult("a.xlsx", read)).toMatchObject({
      path: "a.xlsx",
      error: null,
      status: "fix",
      why: null,
    });
    const foreign = Object.assign(new Error("这是 Word 文档"), {
      name: "WorkbookError",
      reason: "not-a-workbook",
    });
    expect(failedResult("b.xlsx", foreign)).toMatchObject({
      status: "not-spreadsheet",
      error: "b.xlsx：这是 Word 文档",
    });
    expect(failedResult("c.xlsx", new Error("“c.xlsx”已损坏"))).toMatchObject({
      status: "unreadable",
      why: "“c.xlsx”已损坏",
    });
  });
});

describe("the desk's reader", () => {
  it("survives a file that kills its worker: that file fails, the next is read by a new worker", async () => {
    let started = 0;
    // A worker that dies (out of memory) after it has answered before: this read fails with a Chinese reason.
    const dying = createDeskReader(() => {
      started += 1;
      const w = {
        onmessage: null as ((e: MessageEvent<DeskReply>) => void) | null,
        onerror: null as ((e: ErrorEvent) => void) | null,
        terminate: () => undefined,
        postMessage(request: DeskRequest) {
          setTimeout(() => {
            if (request.id === 2) w.onerror?.({ preventDefault: () => undefined } as unknown as ErrorEvent);
            else
              w.onmessage?.({
                data: { id: request.id, kind: "done", result: { sheets: [], skipped: [] } },
              } as unknown as MessageEvent<DeskReply>);
          }, 0);
        },
      };
      return w as unknown as ReturnType<DeskWorkerFactory> & object;
    });
    const before = started;
    await expect(dying.read(new Uint8Array(2), "mof2020")).resolves.toBeTruthy();
    await expect(dying.read(new Uint8Array(2), "mof2020")).rejects.toThrow(/内存不足/);
    await expect(dying.read(new Uint8Array(2), "mof2020")).resolves.toBeTruthy();
    expect(started - before).toBe(2);
  });
});
