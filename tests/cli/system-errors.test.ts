import { mkdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFailure } from "../../src/cli/check";
import { single, tempDir, zpb } from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

describe("the system's refusals are one Chinese line naming the path as typed", () => {
  it("fix -o into a folder that does not exist: no temporary file's absolute path, no errno text", async () => {
    const output = relative(process.cwd(), join(dir, "没有这个文件夹", "out.xlsx"));
    const run = await zpb("fix", single("2023-taopu-003"), "-o", output);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`无法写入 ${output}：文件或文件夹不存在\n`);
  });

  it("fix -o onto an existing folder", async () => {
    const output = join(dir, "已有文件夹.xlsx");
    await mkdir(output);
    const run = await zpb("fix", single("2023-taopu-003"), "-o", output);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`无法写入 ${output}：同名的文件夹已存在\n`);
  });

  it("a file the system refuses to read is unreadable, not an internal error", () => {
    const err = Object.assign(new Error("EACCES: permission denied, open '/srv/收到的表/a.xlsx'"), {
      code: "EACCES",
    });
    expect(describeFailure("收到的表/a.xlsx", err)).toBe("收到的表/a.xlsx：无法读取（没有权限）");
  });
});
