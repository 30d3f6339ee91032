/**
 * src/review is platform-neutral (the pane runs it in the browser): nothing it imports, directly or through
 * other modules, is a node built-in, the CLI, or the DOM; and its API, called as the pane calls it (bytes
 * in, bytes out), gives the same documents as `zpb check`.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../src/core/index";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import {
  analyzeWorkbook,
  buildBatch,
  fileVerdict,
  letterFiles,
  readEarlier,
  reportHtml,
  summaryXlsx,
  zipFiles,
  type FileResult,
} from "../../src/review/index";
import { fixture } from "../cli/helpers";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Every module src/review/index.ts reaches, with the specifiers each imports. */
function graph(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, "utf8");
    const specifiers = [
      ...text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g),
    ].map((m) => m[1] ?? m[2]);
    seen.set(file, specifiers);
    for (const s of specifiers)
      if (s.startsWith(".")) {
        const base = resolve(dirname(file), s);
        visit(base.endsWith(".ts") ? base : `${base}.ts`);
      }
  };
  visit(join(SRC, "review/index.ts"));
  return seen;
}

describe("src/review", () => {
  it("imports no node built-in, nothing of the CLI or of node's file access, and touches no DOM", () => {
    const modules = graph();
    expect(modules.size).toBeGreaterThan(10);
    for (const [file, specifiers] of modules) {
      const name = file.slice(SRC.length);
      for (const s of specifiers) {
        expect(s, name).not.toMatch(/^node:|^(fs|path|os|url|zlib|crypto|child_process)$/);
        expect(resolve(dirname(file), s), `${name} → ${s}`).not.toMatch(
          /src[\\/](cli|taskpane)[\\/]|hosts[\\/]xlsx[\\/]node/
        );
      }
      const text = readFileSync(file, "utf8");
      expect(text, name).not.toMatch(/\b(document|window|process)\.[a-zA-Z]/);
    }
  });

  it("gives the summary, report, letters and zip from bytes, and reads its own summary back", async () => {
    const files: FileResult[] = ["forms-2023-putuo-taopu-001-070.xlsx", "single/2022-wujing-003.xlsx"].map(
      (name) => {
        const workbook = readWorkbook(new Uint8Array(readFileSync(fixture(name))), { file: name });
        const { sheets, skipped } = analyzeWorkbook(workbook, { profile: DEFAULT_PROFILE });
        return { path: name, error: null, sheets, skipped, ...fileVerdict(sheets) };
      }
    );
    const meta = {
      when: new Date(2026, 11, 2, 10, 35),
      profile: "mof2020",
      version: "test",
      inputs: ["收到的表"],
    };
    const batch = buildBatch(files, meta);
    expect(batch.counts.forms).toBe(71);
    const xlsx = summaryXlsx(batch, (file) => file);
    expect(Object.keys(unzipSync(xlsx))).toContain("xl/worksheets/sheet1.xml");
    const html = reportHtml(batch, (file) => file);
    expect(html).toContain("2026-12-02 10:35");
    expect(html).not.toMatch(/UTC/);
    const letters = await letterFiles(batch);
    expect(letters.map((l) => l.name).sort()).toEqual([
      "上海市普陀区桃浦镇人民政府.docx",
      "上海市普陀区桃浦镇人民政府.html",
      "上海市闵行区吴泾镇人民政府.docx",
      "上海市闵行区吴泾镇人民政府.html",
    ]);
    expect(Object.keys(unzipSync(zipFiles(letters))).sort()).toEqual(letters.map((l) => l.name).sort());
    // The summary read back as the earlier check: every form the same, none gone.
    const earlier = readEarlier(xlsx);
    expect(earlier.when).toBe("2026-12-02 10:35");
    expect(earlier.forms).toHaveLength(71);
    const again = buildBatch(files, meta, earlier);
    expect(again.since?.gone).toEqual([]);
    const changes = again.rows.filter((r) => r.range !== null).map((r) => r.change);
    expect(new Set(changes)).toEqual(new Set(["same", "still"]));
    expect(() => readEarlier(new TextEncoder().encode("not a check"))).toThrow(/汇总表|--json/);
  });
});
