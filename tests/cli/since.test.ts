/**
 * The second round (`--since`): a folder checked, some forms corrected with `zpb fix`, one made worse, one
 * taken away and one added; every form marked rightly in the JSON, the summary, the report and the letters,
 * against the earlier summary and against the earlier `--json` output alike.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import type { JsonDocumentSince } from "../../src/cli/since";
import { reviewText as R } from "../../src/i18n/review";
import { single, tempDir, zpb } from "./helpers";
import { readSummary, tableOf } from "./summary-reader";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
let inputs = "";
const out = { summary: "", report: "", letters: "", earlierJson: "", earlierSummary: "" };
type Doc = JsonDocumentSince;
let since: Doc;
let sinceJson: Doc;
const projects: Record<string, string> = {};

function projectOf(doc: JsonDocument, file: string): string {
  const f = doc.files.find((x) => x.path.endsWith(file));
  return f?.sheets.flatMap((s) => s.forms)[0]?.project ?? "";
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  inputs = join(dir, "收到的表");
  await mkdir(inputs);
  await copyFile(single("2023-taopu-003"), join(inputs, "1.xlsx")); // one error: corrected by zpb fix
  await copyFile(single("2022-wujing-003"), join(inputs, "2.xlsx")); // errors: sent back unchanged
  await copyFile(single("2023-taopu-001"), join(inputs, "3.xlsx")); // clean: made worse
  await copyFile(single("2023-taopu-006"), join(inputs, "4.xlsx")); // unchanged
  await copyFile(single("2022-wujing-001"), join(inputs, "5.xlsx")); // not sent again
  out.earlierSummary = join(dir, "第一轮汇总.xlsx");
  out.earlierJson = join(dir, "第一轮.json");
  const first = await zpb("check", inputs, "--summary", out.earlierSummary);
  expect(first.code).toBe(1);
  const firstDoc = JSON.parse((await zpb("check", "--json", inputs)).out) as JsonDocument;
  await writeFile(out.earlierJson, JSON.stringify(firstDoc));
  for (const f of ["1.xlsx", "2.xlsx", "3.xlsx", "4.xlsx", "5.xlsx"]) projects[f] = projectOf(firstDoc, f);

  // The second round: 1 corrected, 3 made worse (a score above its weight), 5 gone, 6 new.
  expect((await zpb("fix", join(inputs, "1.xlsx"), "--in-place")).code).toBe(0);
  const form3 = firstDoc.files.find((f) => f.path.endsWith("3.xlsx"))?.sheets[0].forms[0];
  const indicator = form3?.indicators.find((i) => i.weight !== null && i.weight > 0);
  expect(indicator).toBeDefined();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(inputs, "3.xlsx"));
  book.worksheets[0].getCell(indicator?.scoreCell ?? "A1").value = (indicator?.weight ?? 0) + 5;
  await book.xlsx.writeFile(join(inputs, "3.xlsx"));
  await rm(join(inputs, "5.xlsx"));
  await copyFile(single("2022-wujing-006"), join(inputs, "6.xlsx"));

  out.summary = join(dir, "第二轮汇总.xlsx");
  out.report = join(dir, "第二轮报告.html");
  out.letters = join(dir, "意见");
  const second = await zpb(
    "check",
    inputs,
    "--since",
    out.earlierSummary,
    "--summary",
    out.summary,
    "--report",
    out.report,
    "--letters",
    out.letters
  );
  expect(second.code).toBe(1);
  expect(second.out).toContain(R.sinceTitle);
  since = JSON.parse((await zpb("check", "--json", inputs, "--since", out.earlierSummary)).out) as Doc;
  sinceJson = JSON.parse((await zpb("check", "--json", inputs, "--since", out.earlierJson)).out) as Doc;
}, 60_000);
afterAll(() => cleanup());

const EXPECTED: Record<string, string> = {
  "1.xlsx": "fixed",
  "2.xlsx": "still",
  "3.xlsx": "worse",
  "4.xlsx": "same",
  "6.xlsx": "new",
};

describe("zpb check --since", () => {
  it("marks every form in the JSON, against the earlier summary and the earlier --json alike", () => {
    for (const doc of [since, sinceJson]) {
      const marks = Object.fromEntries(
        doc.files.map((f) => [
          f.path.split(/[\\/]/).pop(),
          f.sheets.flatMap((s) => s.forms.map((x) => x.change)),
        ])
      );
      for (const [file, change] of Object.entries(EXPECTED)) expect(marks[file], file).toEqual([change]);
      expect(doc.gone.map((g) => g.project)).toEqual([projects["5.xlsx"]]);
    }
  });

  it("has a 与上次相比 column in the summary and lists the forms gone on 统计", () => {
    const sheets = readSummary(out.summary);
    const rows = tableOf(sheets[0], 4);
    for (const [file, change] of Object.entries(EXPECTED)) {
      const row = rows.find((r) => String(r["文件"]).endsWith(file));
      expect(row?.[R.changeHeader], file).toBe(R.change[change as keyof typeof R.change]);
    }
    const stats = sheets[2];
    const start = stats.rows.findIndex((r) => r[0] === R.goneTitle);
    expect(start).toBeGreaterThan(0);
    expect(stats.rows.slice(start + 2).some((r) => r.includes(projects["5.xlsx"]))).toBe(true);
  });

  it("has a section in the report naming each form under its change, and the form gone", async () => {
    const html = await readFile(out.report, "utf8");
    const section = html.slice(
      html.indexOf(R.sinceTitle),
      html.indexOf("<h2>", html.indexOf(R.sinceTitle) + 1)
    );
    expect(section).toContain(R.sinceCounts({ new: 1, fixed: 1, still: 1, worse: 1, same: 1 }, 1));
    for (const [file, change] of Object.entries(EXPECTED)) {
      if (change === "same") continue;
      const heading = section.indexOf(`<h3>${R.change[change as keyof typeof R.change]}（1）</h3>`);
      expect(heading, file).toBeGreaterThan(-1);
      expect(section.slice(heading).split("</ul>")[0]).toContain(projects[file] || file);
    }
    expect(section).toContain(projects["5.xlsx"]);
  });

  it("says in each letter what was corrected since the last one", async () => {
    const taopu = await readFile(join(out.letters, "上海市普陀区桃浦镇人民政府.html"), "utf8");
    expect(taopu).toContain(R.sinceTitle);
    const fixed = taopu.slice(taopu.indexOf(`<h3>${R.change.fixed}（1）</h3>`));
    expect(fixed.split("</ul>")[0]).toContain(projects["1.xlsx"]);
    // … with the problems corrected, by cell and name (2023-taopu-003's score error at H23).
    expect(fixed.split("</ul>")[0]).toContain(
      `${R.correctedTitle}${R.correctedItem("H23", "得分与规则不符")}`
    );
    const worse = taopu.slice(taopu.indexOf(`<h3>${R.change.worse}（1）</h3>`));
    expect(worse.split("</ul>")[0]).toContain(projects["3.xlsx"]);
    const wujing = await readFile(join(out.letters, "上海市闵行区吴泾镇人民政府.html"), "utf8");
    expect(wujing).toContain(`<h3>${R.change.still}（1）</h3>`);
    expect(wujing).toContain(`<h3>${R.goneTitle}（1）</h3>`);
    expect(wujing).toContain(projects["5.xlsx"]);
  });
});
