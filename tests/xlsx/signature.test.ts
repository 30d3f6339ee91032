import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { WorkbookError, listSheetsFast, readWorkbook, sniff } from "../../src/hosts/xlsx";
import { readWorkbookFile } from "../../src/hosts/xlsx/node";
import { fixture } from "./helpers";

/** A fake OLE2 compound file: the signature, then a directory sector naming the given streams. */
function fakeCfb(streams: string[]): Uint8Array {
  const out = new Uint8Array(1536);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, i) => {
    for (let k = 0; k < name.length; k++) out[512 + i * 128 + k * 2] = name.charCodeAt(k);
  });
  return out;
}

function failure(bytes: Uint8Array, file?: string): WorkbookError {
  try {
    readWorkbook(bytes, { file });
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw new Error(`expected a WorkbookError, got ${String(err)}`);
  }
  throw new Error("expected a WorkbookError, got a workbook");
}

describe("telling files apart by their signature", () => {
  it("reads a real .xlsx as a zip", () => {
    expect(sniff(fixture("single/2023-taopu-001.xlsx"))).toBe("zip");
  });

  it("says a CFB file with an EncryptedPackage stream has a password", () => {
    const err = failure(fakeCfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), "预算.xlsx");
    expect(err.reason).toBe("encrypted");
    expect(err.message).toContain("预算.xlsx");
    expect(err.message).toContain("文件有打开密码");
    expect(failure(fakeCfb(["Root Entry", "EncryptedPackage"])).reason).toBe("encrypted");
  });

  it("says a CFB file without encryption streams is an old .xls or .et", () => {
    const err = failure(fakeCfb(["Root Entry", "Workbook", "SummaryInformation"]), "旧表.xls");
    expect(err.reason).toBe("legacy");
    expect(err.message).toContain("旧表.xls");
    expect(err.message).toContain("另存为 .xlsx");
    // The name in ASCII (not UTF-16LE) is not an encryption stream.
    const ascii = fakeCfb(["Root Entry"]);
    ascii.set(strToU8("EncryptedPackage"), 900);
    expect(failure(ascii).reason).toBe("legacy");
  });

  it("says random bytes and text renamed .xlsx are not workbooks, and an empty file is empty", () => {
    const random = new Uint8Array(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    expect(failure(random).reason).toBe("not-a-workbook");
    expect(failure(strToU8("项目名称,得分\n消防,98\n"), "表.xlsx").message).toContain("表.xlsx");
    expect(failure(new Uint8Array(0)).reason).toBe("empty");
  });

  it("says a zip without a workbook part is not a workbook, or corrupt when it has xl/ parts", () => {
    expect(failure(zipSync({ "word/document.xml": strToU8("<w/>") })).reason).toBe("not-a-workbook");
    expect(failure(zipSync({ "xl/styles.xml": strToU8("<styleSheet/>") })).reason).toBe("corrupt");
  });

  it("reports every truncation of a real workbook as corrupt, never another error", () => {
    const bytes = fixture("single/2022-wujing-001.xlsx");
    for (const cut of [4, 30, 100, 1000, bytes.length / 2, bytes.length - 30, bytes.length - 1]) {
      const err = failure(bytes.subarray(0, Math.floor(cut)));
      expect(err.reason, `cut at ${cut}`).toBe("corrupt");
      expect(err.message).toContain("损坏");
    }
  });

  it("reports flipped bytes inside a compressed part as corrupt", () => {
    const bytes = fixture("single/2022-wujing-001.xlsx").slice();
    for (let i = 2000; i < 2400; i++) bytes[i] ^= 0x5a;
    expect(() => readWorkbook(bytes)).toThrow(WorkbookError);
  });

  it("lists sheets without reading cells, with the same errors", () => {
    expect(listSheetsFast(fixture("single/2023-taopu-001.xlsx")).map((s) => s.name)).toHaveLength(1);
    expect(() => listSheetsFast(fakeCfb(["EncryptedPackage"]))).toThrow(/文件有打开密码/);
  });
});

describe("files on disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "zpb-xlsx-"));

  it("says a missing file is missing, naming it", async () => {
    const file = join(dir, "不存在.xlsx");
    await expect(readWorkbookFile(file)).rejects.toMatchObject({ reason: "missing", name: "WorkbookError" });
    await expect(readWorkbookFile(file)).rejects.toThrow("不存在.xlsx");
  });

  it("says a folder is a folder", async () => {
    const sub = join(dir, "folder.xlsx");
    mkdirSync(sub);
    await expect(readWorkbookFile(sub)).rejects.toThrow(/文件夹/);
  });

  it("reads a real file and names a renamed text file in its error", async () => {
    const good = join(dir, "good.xlsx");
    writeFileSync(good, fixture("single/2023-taopu-003.xlsx"));
    expect((await readWorkbookFile(good)).sheets).toHaveLength(1);
    const txt = join(dir, "notes.xlsx");
    writeFileSync(txt, "hello");
    await expect(readWorkbookFile(txt)).rejects.toMatchObject({ reason: "not-a-workbook", file: txt });
  });
});
