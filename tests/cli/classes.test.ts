/**
 * The command's side of the hostile-file classes: what is not a regular file, output that cannot be
 * written, control characters in what is printed. Files are built in the test from a real form.
 */
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeControls } from "../../src/cli/color";
import { fdWriter } from "../../src/cli/stdio";
import { formSheet, workbookWith } from "../xlsx/hostile";
import { hasStack, single, tempDir, zpb } from "./helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FORM = single("2023-taopu-003");
let dir = "";
let cleanup = async () => undefined as void;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(async () => cleanup());

/** Whether every line of stderr is one Chinese line naming `file`, with no stack. */
function oneChineseLine(err: string, file: string): void {
  const lines = err.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(hasStack(err)).toBe(false);
}

describe("3. what is not a regular file is refused at once", () => {
  it("a FIFO named .xlsx, alone and in a folder beside a real form (the batch goes on)", async () => {
    const folder = join(dir, "fifo");
    await mkdir(folder);
    const fifo = join(folder, "管道.xlsx");
    execFileSync("mkfifo", [fifo]);
    await copyFile(FORM, join(folder, "表.xlsx"));
    const alone = await zpb("check", fifo);
    expect(alone.code).toBe(2);
    oneChineseLine(alone.err, fifo);
    expect(alone.err).toContain("不是普通文件");
    const batch = await zpb("check", "--json", folder);
    expect(batch.code).toBe(2);
    const doc = JSON.parse(batch.out) as { files: { path: string; error: unknown; sheets: unknown[] }[] };
    expect(doc.files).toHaveLength(2);
    expect(doc.files.find((f) => f.path.endsWith("表.xlsx"))?.sheets).toHaveLength(1);
    oneChineseLine(batch.err, fifo);
    const fix = await zpb("fix", fifo);
    expect(fix.code).toBe(2);
    oneChineseLine(fix.err, fifo);
  });

  it("a link to /dev/zero, and a 1.9 GB sparse file: refused before reading", async () => {
    const zero = join(dir, "零.xlsx");
    await symlink("/dev/zero", zero);
    const z = await zpb("check", zero);
    expect(z.code).toBe(2);
    oneChineseLine(z.err, zero);
    const sparse = join(dir, "稀疏.xlsx");
    await writeFile(sparse, "");
    await truncate(sparse, 1900 * 1024 * 1024);
    const s = await zpb("check", sparse);
    expect(s.code).toBe(2);
    oneChineseLine(s.err, sparse);
    expect(s.err).toContain("1 GB");
    const f = await zpb("fix", sparse);
    expect(f.code).toBe(2);
    oneChineseLine(f.err, sparse);
  });
});

describe("4. output that cannot be written", () => {
  it("--json > /dev/full: one Chinese line on stderr, exit 2, no stack trace", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "check", "--json", FORM],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        env: { ...process.env, ZPB_DEBUG: "" },
      }
    );
    expect(run.status).toBe(1); // the form's own findings: the pipe takes everything
    const full = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" --import tsx src/cli/main.ts check --json "${FORM}" > /dev/full`],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, ZPB_DEBUG: "" } }
    );
    expect(full.status).toBe(2);
    oneChineseLine(full.stderr, "标准输出");
    expect(full.stderr).toContain("磁盘空间不足");
  });

  it("a short write is continued, EPIPE ends the output quietly, ENOSPC and EIO are kept as failures", () => {
    const got: number[] = [];
    let calls = 0;
    const short = fdWriter(1, (_fd, _b, _o, length) => {
      calls++;
      const n = Math.min(3, length);
      got.push(n);
      return n;
    });
    short.write("一二三四"); // 12 bytes, 3 at a time
    expect(got.reduce((a, b) => a + b, 0)).toBe(12);
    expect(calls).toBe(4);
    expect(short.failure).toBeNull();
    const fail = (code: string) =>
      fdWriter(1, () => {
        throw Object.assign(new Error(code), { code });
      });
    const pipe = fail("EPIPE");
    pipe.write("x");
    expect(pipe.failure).toBeNull();
    for (const code of ["ENOSPC", "EIO"]) {
      const w = fail(code);
      w.write("x");
      expect(w.failure?.code).toBe(code);
    }
  });
});

describe("5. control characters are escaped when printed", () => {
  const hostile = "表\u001b]0;标题\u0007\u001b[2J\u009b\u007f\u202e甲";

  it("in sheet names (report, --brief, fix) and file names (stderr), not changed in JSON", async () => {
    const base = new Uint8Array(await readFile(FORM));
    const form = formSheet(base);
    const xmlName = hostile.replace(/[\u0000-\u001f\u007f-\u009f\u202e]/g, (c) => `&#${c.charCodeAt(0)};`);
    const path = join(dir, "控制字符.xlsx");
    await writeFile(path, workbookWith(base, [{ name: xmlName, xml: form.xml }]));
    for (const args of [
      ["check", path],
      ["check", "--brief", path],
      ["fix", path, "-o", join(dir, "out.xlsx")],
    ]) {
      const run = await zpb(...args);
      expect(run.out).toContain(escapeControls(hostile));
      expect(run.out + run.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    }
    const json = await zpb("check", "--json", path);
    expect(json.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    const doc = JSON.parse(json.out) as { files: { sheets: { name: string }[] }[] };
    expect(doc.files[0].sheets[0].name).toBe(hostile);
    const missing = join(dir, "缺\u0007\u001b[1m.xlsx");
    const err = await zpb("check", missing);
    expect(err.err).toContain("\\x07\\x1B[1m");
    expect(err.err).not.toMatch(/[\u0007\u001b]/);
  });

  it("escapes C0 but newline and tab, DEL, C1 and bidi controls, and nothing else", () => {
    expect(escapeControls("a\tb\nc")).toBe("a\tb\nc");
    expect(escapeControls("\u0000\r\u001b\u007f\u0085\u200f\u2066中文")).toBe(
      "\\x00\\x0D\\x1B\\x7F\\x85\\u200F\\u2066中文"
    );
  });
});

describe("9. the installed command under a memory limit", () => {
  it("starts and checks a form under ulimit -v of 2, 4 and 16 GB (no TypeScript loader to run out)", () => {
    // The command as installed runs lib/ (built by prepare on npm ci); built here when missing.
    if (!existsSync(join(ROOT, "lib/cli/main.js")))
      execFileSync(process.execPath, ["scripts/build-cli.mjs"], { cwd: ROOT, stdio: "ignore" });
    for (const kb of [2_000_000, 4_000_000, 16_000_000]) {
      const run = spawnSync(
        "sh",
        ["-c", `ulimit -v ${kb} && exec "${process.execPath}" bin/zpb.js check "${FORM}"`],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }
      );
      expect(run.stderr, `ulimit -v ${kb}`).toBe("");
      expect(run.status, `ulimit -v ${kb}`).toBe(1);
      expect(run.stdout).toContain("共 1 个文件、1 张自评表");
    }
  });
});
