/**
 * `zpb` on the formats people send: check reads .xls / .et / .xlsb / .ods like their .xlsx, a folder walk
 * picks them up, fix writes `<name>.checked.xlsx` through LibreOffice, and what cannot be done is refused
 * with one Chinese line and exit 2: a Word or PowerPoint file under an .xlsx name, an `-o` of another kind,
 * `--in-place` on such a file, no soffice, a conversion past its time limit.
 */
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { WORKBOOK_2022, fixture, hasStack, tempDir, zpb } from "../cli/helpers";
import { officePackage } from "./packages";
import { convertedDir, convertedOf, soffice } from "./convert";

const OUTSIDE = fixture("outside/yunnan-yongde-mingliang-2022.xlsx");

let dir = "";
let converted = "";
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  if (soffice) converted = await convertedDir();
}, 300_000);
afterAll(() => cleanup());

/** Runs zpb with an environment. */
async function zpbEnv(env: Record<string, string>, ...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
  });
  return { code, out, err };
}

function copy(from: string, name: string): string {
  const to = join(dir, name);
  copyFileSync(from, to);
  return to;
}

const oneLine = (text: string) => text.trim().split("\n").length === 1;

describe("a Word or PowerPoint file under an .xlsx name", () => {
  it.each([
    ["word/document.xml", "Word 文档"],
    ["ppt/presentation.xml", "PowerPoint"],
  ] as const)("(%s) is not a spreadsheet: check exits 2, fix writes nothing", async (main, words) => {
    const file = join(dir, `${main.startsWith("word") ? "报告" : "汇报"}.xlsx`);
    writeFileSync(file, officePackage(main));
    const check = await zpb("check", file);
    expect(check.code).toBe(2);
    expect(oneLine(check.err)).toBe(true);
    expect(check.err).toContain(file);
    expect(check.err).toContain(words);
    const json = JSON.parse((await zpb("check", file, "--json")).out) as { files: { error: string }[] };
    expect(json.files[0].error).toContain(words);
    const before = readdirSync(dir).sort();
    const fix = await zpb("fix", file);
    expect(fix.code).toBe(2);
    expect(oneLine(fix.err) && fix.err.includes(file) && fix.err.includes(words)).toBe(true);
    expect(hasStack(fix.err)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe("-o of another kind than what is written", () => {
  it("is refused for an .xlsx written as .xls, and nothing is written", async () => {
    const out = join(dir, "x.xls");
    const r = await zpb("fix", OUTSIDE, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/参数错误：输出文件 .*x\.xls 的扩展名应为 \.xlsx/);
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(!soffice && !process.env.CI)("check and fix of .xls, .et, .xlsb, .ods", () => {
  it("checks an .xls, .et, .xlsb and .ods exactly as its .xlsx: same report, same exit status", async () => {
    const want = await zpb("check", WORKBOOK_2022);
    for (const [format, name] of [
      ["xls", "报送.xls"],
      ["xls", "报送.et"],
      ["xlsb", "报送.xlsb"],
      ["ods", "报送.ods"],
    ] as const) {
      const file = copy(convertedOf(converted, WORKBOOK_2022, format), name);
      const got = await zpb("check", file);
      expect(got.code, name).toBe(want.code);
      expect(got.out.replaceAll(file, "FILE")).toBe(want.out.replaceAll(WORKBOOK_2022, "FILE"));
    }
  });

  it("picks up .xls, .et, .xlsb and .ods in a folder, and a .docx there stays another file", async () => {
    const { dir: folder, cleanup: done } = await tempDir();
    try {
      for (const [format, name] of [
        ["xls", "a.xls"],
        ["xls", "b.et"],
        ["xlsb", "c.xlsb"],
        ["ods", "d.ods"],
      ] as const)
        copyFileSync(convertedOf(converted, OUTSIDE, format), join(folder, name));
      writeFileSync(join(folder, "e.docx"), officePackage("word/document.xml"));
      const r = await zpb("check", folder, "--json");
      const doc = JSON.parse(r.out) as { files: { path: string; error: string | null; status: string }[] };
      // Every input is accounted for: the .docx is listed as what it is, not checked, not dropped.
      expect(doc.files.map((f) => [f.path.replace(/^.*\//, ""), f.error === null, f.status])).toEqual([
        ["a.xls", true, "fix"],
        ["b.et", true, "fix"],
        ["c.xlsb", true, "fix"],
        ["d.ods", true, "fix"],
        ["e.docx", false, "not-spreadsheet"],
      ]);
    } finally {
      await done();
    }
  });

  it("fixes an .xls into <name>.checked.xlsx that checks as the fixed .xlsx does; the input is unchanged", async () => {
    const xls = copy(convertedOf(converted, WORKBOOK_2022, "xls"), "报送.xls");
    const before = readFileSync(xls);
    const fixed = await zpb("fix", xls);
    expect(fixed.err).toBe("");
    expect(fixed.code).toBe(1); // errors a person must correct remain (weights, missing budgets)
    const output = join(dir, "报送.checked.xlsx");
    expect(fixed.out).toContain(output);
    expect(fixed.out).toContain(`${xls} 不是 .xlsx 格式：已由 LibreOffice 转换为 .xlsx 后修正`);
    expect(readFileSync(xls).equals(before)).toBe(true);

    const xlsx = copy(WORKBOOK_2022, "原表.xlsx");
    expect((await zpb("fix", xlsx)).code).toBe(1);
    const viaXls = await zpb("check", output, "--json");
    const viaXlsx = await zpb("check", join(dir, "原表.checked.xlsx"), "--json");
    const forms = (out: string) =>
      (JSON.parse(out) as { files: { sheets: unknown[] }[] }).files.map((f) => f.sheets);
    expect(forms(viaXls.out)).toEqual(forms(viaXlsx.out));
    // Everything fix removes is gone: the fixed .xls has fewer findings than the .xls as sent.
    const count = (out: string) => (out.match(/"code":/g) ?? []).length;
    expect(count(viaXls.out)).toBeLessThan(count((await zpb("check", xls, "--json")).out));
  }, 120_000);

  it("refuses --in-place on an .xls (it cannot keep the format), and -o naming an .xlsm", async () => {
    const xls = copy(convertedOf(converted, OUTSIDE, "xls"), "单表.xls");
    const before = readFileSync(xls);
    const inPlace = await zpb("fix", xls, "--in-place");
    expect(inPlace.code).toBe(2);
    expect(inPlace.err).toMatch(/单表\.xls 不是 \.xlsx 格式，--in-place 无法保留原格式/);
    const xlsm = await zpb("fix", xls, "-o", join(dir, "单表.xlsm"));
    expect(xlsm.code).toBe(2);
    expect(xlsm.err).toMatch(/扩展名应为 \.xlsx/);
    expect(readFileSync(xls).equals(before)).toBe(true);
    expect(existsSync(join(dir, "单表.xlsm")) || existsSync(join(dir, "单表.checked.xlsx"))).toBe(false);
  });
});

describe("fix of an .xls without LibreOffice", () => {
  it("says in one line what to do, exit 2, and writes nothing", async () => {
    const X = await import("@e965/xlsx");
    const book = X.read(readFileSync(OUTSIDE), { cellFormula: true, cellNF: true });
    const xls = join(dir, "无转换.xls");
    writeFileSync(xls, X.write(book, { bookType: "xls", type: "buffer" }) as Buffer);
    expect((await zpbEnv({ ZPB_SOFFICE: "none" }, "check", xls)).code).not.toBe(2);
    const r = await zpbEnv({ ZPB_SOFFICE: "none" }, "fix", xls);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toBe(true);
    expect(r.err).toContain(xls);
    expect(r.err).toMatch(/未找到 soffice：请安装 LibreOffice，或在 Excel\/WPS 中把它另存为 \.xlsx/);
    expect(existsSync(join(dir, "无转换.checked.xlsx"))).toBe(false);
  });

  it.skipIf(process.platform === "win32")(
    "stops a conversion past its time limit, kills the converter and removes its temporary folder",
    async () => {
      const X = await import("@e965/xlsx");
      const book = X.read(readFileSync(OUTSIDE), {});
      const xls = join(dir, "超时.xls");
      writeFileSync(xls, X.write(book, { bookType: "xls", type: "buffer" }) as Buffer);
      const { dir: tmp, cleanup: done } = await tempDir();
      const pidFile = join(tmp, "pid");
      const fake = join(tmp, "soffice");
      writeFileSync(fake, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 60\n`);
      chmodSync(fake, 0o755);
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = tmp;
      try {
        const r = await zpbEnv({ ZPB_SOFFICE: fake, ZPB_SOFFICE_TIMEOUT_MS: "1500" }, "fix", xls);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/LibreOffice 未能把它转换为 \.xlsx（2 秒内未完成，已停止）/);
        const pid = Number(readFileSync(pidFile, "utf8"));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(() => process.kill(pid, 0)).toThrow();
        expect(readdirSync(tmp).filter((n) => n.startsWith("zpb-convert-"))).toEqual([]);
        expect(existsSync(join(dir, "超时.checked.xlsx"))).toBe(false);
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
        await done();
      }
    },
    30_000
  );
});
