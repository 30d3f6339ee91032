/**
 * `zpb fix` never loses a byte the user has: a save made while it works is kept, a symbolic link stays a
 * link, Ctrl-C leaves no temporary file, the output keeps the workbook's kind, protected cells stay as they
 * are. The signal test spawns the installed command; the others run it in-process.
 */
import { spawn } from "node:child_process";
import { copyFile, lstat, mkdir, readFile, readdir, readlink, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { fixture as formFixture } from "../xlsx/helpers";
import { formSheet, protectedForm, workbookWith, zipOf } from "../xlsx/hostile";
import { hasStack, single, tempDir, zpb } from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const BIN = fileURLToPath(new URL("../../bin/zpb.js", import.meta.url));
const base = formFixture("single/2023-taopu-003.xlsx");

/** Runs zpb in-process with an environment (the pause hook). */
async function zpbWith(env: Record<string, string>, ...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    color: false,
    env,
  });
  return { code, out, err };
}

/** Resolves once a temporary file of the atomic write appears in `folder`. */
async function tempFileIn(folder: string): Promise<string> {
  for (;;) {
    const temp = (await readdir(folder)).find((n) => n.endsWith(".tmp"));
    if (temp) return temp;
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe("zpb fix --in-place and the user's own saves", () => {
  it("refuses, writing nothing, when the file was saved while it worked", async () => {
    const file = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-003"), file);
    const saved = await readFile(single("2023-taopu-001")); // what the user saved meanwhile
    // The fix waits 3 s between writing its temporary file and the rename: the user's save lands there.
    const run = zpbWith({ ZPB_TEST_PAUSE_BEFORE_RENAME_MS: "3000" }, "fix", file, "--in-place");
    await tempFileIn(dir);
    await writeFile(file, saved);
    const { code, err } = await run;
    expect(code).toBe(2);
    expect(err).toContain("在修正期间被修改过");
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(Buffer.compare(await readFile(file), saved)).toBe(0);
    expect(await readdir(dir)).toEqual(["表.xlsx"]);
  }, 20_000);

  it("replaces the file a symbolic link names, and the link stays", async () => {
    const real = join(dir, "真实", "表.xlsx");
    await mkdir(join(dir, "真实"));
    await copyFile(single("2023-taopu-003"), real);
    const link = join(dir, "链接.xlsx");
    await symlink(real, link);
    const before = await readFile(real);
    const run = await zpb("fix", link, "--in-place");
    expect(run.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(Buffer.compare(await readFile(real), before)).not.toBe(0);
    const again = await zpb("check", link);
    expect(again.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(["真实", "链接.xlsx"]);
    expect(await readdir(join(dir, "真实"))).toEqual(["表.xlsx"]);
  });

  it("removes its temporary file on SIGINT and leaves the input intact", async () => {
    const file = join(dir, "表.xlsx");
    await copyFile(single("2023-taopu-003"), file);
    const before = await readFile(file);
    const child = spawn(process.execPath, [BIN, "fix", file, "--in-place"], {
      env: { ...process.env, ZPB_TEST_PAUSE_BEFORE_RENAME_MS: "60000", ZPB_DEBUG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on("exit", (code, signal) => done({ code, signal }))
    );
    expect(await tempFileIn(dir)).toMatch(/^\.表\.xlsx\.[0-9a-f]+\.tmp$/);
    child.kill("SIGINT");
    const { code, signal } = await exited;
    expect(signal === "SIGINT" || code === 130).toBe(true);
    expect(await readdir(dir)).toEqual(["表.xlsx"]);
    expect(Buffer.compare(await readFile(file), before)).toBe(0);
  }, 30_000);
});

describe("zpb fix keeps the workbook's kind", () => {
  it("writes an .xlsm as <name>.checked.xlsm, macro-enabled content type and all", async () => {
    const form = formSheet(base);
    const input = join(dir, "宏.xlsm");
    await writeFile(input, workbookWith(base, [form], { macro: true }));
    const run = await zpb("fix", input);
    expect(run.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(["宏.checked.xlsm", "宏.xlsm"]);
    const types = strFromU8(unzipSync(await readFile(join(dir, "宏.checked.xlsm")))["[Content_Types].xml"]);
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  it("refuses -o with an extension Excel would not open the package under", async () => {
    const input = join(dir, "宏.xlsm");
    await writeFile(input, workbookWith(base, [formSheet(base)], { macro: true }));
    const run = await zpb("fix", input, "-o", join(dir, "改好的.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toContain(".xlsm");
    expect(await readdir(dir)).toEqual(["宏.xlsm"]);
  });

  it("refuses a Word document renamed .xlsx, and writes no copy of it", async () => {
    const input = join(dir, "表.xlsx");
    await writeFile(
      input,
      zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" })
    );
    const run = await zpb("fix", input, "-o", join(dir, "out.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toContain("Word 文档");
    expect(hasStack(run.err)).toBe(false);
    expect(await readdir(dir)).toEqual(["表.xlsx"]);
  });
});

describe("zpb fix on a protected sheet", () => {
  it("writes the unlocked cells, leaves the locked ones and names them", async () => {
    const input = join(dir, "保护.xlsx");
    await writeFile(input, protectedForm(base, ["H23"]));
    const output = join(dir, "out.xlsx");
    const run = await zpb("fix", input, "-o", output);
    expect(run.out).toMatch(/H23\s+得分\s+2 → 0/);
    expect(run.out).toContain("受保护，以下锁定的单元格未写入：H30、H31");
    expect(run.code).toBe(1); // the locked 总分 H31 no longer adds up: an error remains
    const after = await zpb("check", "--json", output);
    const mismatch = (cell: string) =>
      new RegExp(`"code": "SCORE_MISMATCH",\\s*"severity": "\\w+",\\s*"cell": "${cell}"`);
    expect(after.out).toMatch(mismatch("H30"));
    expect(after.out).not.toMatch(mismatch("H23"));
  });

  it("with --in-place and every cell locked, leaves the file as it was", async () => {
    const input = join(dir, "保护.xlsx");
    const bytes = protectedForm(base, []);
    await writeFile(input, bytes);
    const run = await zpb("fix", input, "--in-place");
    expect(run.out).toContain("都在受保护的工作表中被锁定，原文件未改动");
    expect(Buffer.compare(await readFile(input), Buffer.from(bytes))).toBe(0);
    expect(await readdir(dir)).toEqual(["保护.xlsx"]);
  });
});
