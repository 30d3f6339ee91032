import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes, writeFileAtomic } from "../../src/hosts/xlsx/node";

describe("writeFileAtomic", () => {
  const dir = mkdtempSync(join(tmpdir(), "zpb-atomic-"));

  it("creates a new file and replaces an existing one, leaving no temporary file", async () => {
    const target = join(dir, "表.xlsx");
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    await writeFileAtomic(target, new Uint8Array([4, 5]));
    expect([...readFileSync(target)]).toEqual([4, 5]);
    expect(readdirSync(dir)).toEqual(["表.xlsx"]);
  });

  it("leaves the target untouched and removes its temporary file when the rename fails", async () => {
    const sub = join(dir, "busy");
    mkdirSync(sub);
    // A non-empty folder in the way: the rename cannot replace it.
    const target = join(sub, "out.xlsx");
    mkdirSync(target);
    writeFileSync(join(target, "keep.txt"), "keep");
    await expect(writeFileAtomic(target, new Uint8Array([9]))).rejects.toThrow();
    expect(readFileSync(join(target, "keep.txt"), "utf8")).toBe("keep");
    expect(readdirSync(sub)).toEqual(["out.xlsx"]);
  });

  it("fails without writing anything when the folder does not exist", async () => {
    const target = join(dir, "没有", "out.xlsx");
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(existsSync(join(dir, "没有"))).toBe(false);
  });

  it("reads a file's bytes", async () => {
    const target = join(dir, "bytes.bin");
    writeFileSync(target, new Uint8Array([7, 8]));
    expect([...(await readWorkbookBytes(target))]).toEqual([7, 8]);
  });
});
