import { copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import { cliText } from "../../src/i18n/cli";
import { reviewText } from "../../src/i18n/review";
import { WORKBOOK_2022, single, tempDir, unreadableForm, zpb } from "./helpers";
import { readSummary, tableOf } from "./summary-reader";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function folder(): Promise<string> {
  const inputs = join(dir, "收到的表");
  await mkdir(inputs);
  await copyFile(single("2023-taopu-001"), join(inputs, "1.xlsx")); // clean
  await copyFile(single("2023-taopu-003"), join(inputs, "2.xlsx")); // one error
  await copyFile(WORKBOOK_2022, join(inputs, "吴泾.xlsx")); // 23 forms of another department
  await unreadableForm(single("2023-taopu-029"), join(inputs, "5.xlsx"));
  await writeFile(join(inputs, "坏.xlsx"), "PK\u0003\u0004 broken");
  return inputs;
}

function problems(
  doc: JsonDocument
): { file: string; sheet: string; cell: string; message: string; department: string }[] {
  return doc.files.flatMap((f) =>
    f.sheets.flatMap((s) => [
      ...s.findings
        .filter((x) => x.severity !== "info")
        .map((x) => ({ file: f.path, sheet: s.name, cell: x.cell, message: x.message, department: "" })),
      ...s.forms.flatMap((form) =>
        form.findings
          .filter((x) => x.severity !== "info")
          .map((x) => ({
            file: f.path,
            sheet: s.name,
            cell: x.cell,
            message: x.message,
            department: form.department,
          }))
      ),
    ])
  );
}

/** Text of an HTML fragment as a reader sees it (tags dropped, entities decoded). */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");
}

describe("zpb check --report", () => {
  it("writes one self-contained page: every form and problem, two charts, nothing loaded from elsewhere", async () => {
    const inputs = await folder();
    const out = join(dir, "报告.html");
    const run = await zpb("check", inputs, "--report", out);
    expect(run.code).toBe(2);
    expect(run.out).toContain(cliText.reportWritten(out));
    const html = await readFile(out, "utf8");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/@page \{ size: A4 landscape/);
    expect(html.match(/<svg class="chart /g)).toHaveLength(2);
    const doc = JSON.parse((await zpb("check", "--json", inputs)).out) as JsonDocument;
    const text = visible(html);
    for (const p of problems(doc)) expect(text, `${p.cell} ${p.message}`).toContain(visible(p.message));
    for (const f of doc.files)
      for (const s of f.sheets) for (const form of s.forms) expect(text).toContain(visible(form.project));
    // The grade chart has a bar per grade and one for none; the problem chart one per frequent code.
    const gradeBars = /<svg class="chart grades"[\s\S]*?<\/svg>/.exec(html)?.[0].match(/<rect class="bar"/g);
    expect(gradeBars).toHaveLength(5);
    const codeBars = /<svg class="chart codes"[\s\S]*?<\/svg>/.exec(html)?.[0].match(/<rect class="bar"/g);
    expect(codeBars?.length).toBeGreaterThan(1);
    expect(text).toContain("坏.xlsx");
    expect(text).toContain("未能读取");
  });
});

describe("zpb check --letters", () => {
  it("writes one page per 主管部门 with its forms' problems, their cells and what to do", async () => {
    const inputs = await folder();
    const letters = join(dir, "意见");
    const run = await zpb("check", inputs, "--letters", letters);
    expect(run.code).toBe(2);
    const doc = JSON.parse((await zpb("check", "--json", inputs)).out) as JsonDocument;
    const departments = new Set(
      doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms.map((form) => form.department)))
    );
    expect(departments.has("上海市闵行区吴泾镇人民政府")).toBe(true);
    const names = (await readdir(letters)).sort();
    // A .docx and an .html per department; inputs with no department on the reviewer's own list.
    expect(names).toEqual(
      [...[...departments].flatMap((d) => [`${d}.docx`, `${d}.html`]), "未能归属.html"].sort()
    );
    expect(run.out).toContain(cliText.lettersWritten(letters, departments.size));
    for (const name of ["上海市普陀区桃浦镇人民政府.html", "上海市闵行区吴泾镇人民政府.html"]) {
      const department = name.replace(/\.html$/, "");
      const text = visible(await readFile(join(letters, name), "utf8"));
      expect(text).toContain(`${department}：绩效自评表审核意见`);
      const mine = problems(doc).filter((p) => p.department === department);
      expect(mine.length).toBeGreaterThan(0);
      for (const p of mine) expect(text).toContain(visible(p.message));
      const others = problems(doc).filter((p) => p.department && p.department !== department);
      for (const p of others.slice(0, 5)) expect(text).not.toContain(visible(p.message));
    }
    // The unreadable form of a file with no other form goes to the reviewer's own list, with what is missing.
    const unknown = visible(await readFile(join(letters, "未能归属.html"), "utf8"));
    expect(unknown).toContain("5.xlsx");
    expect(unknown).toContain("坏.xlsx");
    const taopu = visible(await readFile(join(letters, "上海市普陀区桃浦镇人民政府.html"), "utf8"));
    expect(taopu).toContain(reviewText.letterPassed(1)); // 001 passed
    expect(taopu).toContain("H23"); // 003's error cell
    // The letters folder inside the input folder is never read back as input.
    const again = await zpb("check", inputs, "--letters", join(inputs, "意见"), "--json");
    const paths = (JSON.parse(again.out) as JsonDocument).files.map((f) => f.path);
    expect(paths.some((p) => p.includes("意见"))).toBe(false);
    // Letters written into the input folder itself: its workbooks are still checked, its pages never.
    expect((await zpb("check", inputs, "--letters", inputs)).code).toBe(2);
    expect((await zpb("check", inputs, "--letters", inputs, "--summary", join(dir, "s.xlsx"))).code).toBe(2);
    const rows = readSummary(join(dir, "s.xlsx"))[0];
    const listed = tableOf(rows, 4).map((r) => String(r["文件"]));
    expect(listed).toContain(join(inputs, "2.xlsx"));
    expect(listed.some((p) => p.endsWith(".html"))).toBe(false);
  });
});

describe("zpb check --brief", () => {
  it("prints only the forms with problems and a closing line with the counts", async () => {
    const inputs = await folder();
    const run = await zpb("check", inputs, "--brief");
    expect(run.code).toBe(2);
    expect(run.out).not.toContain("安全办-消防安全专项经费"); // 001 is clean
    expect(run.out).toContain("财政所-财政管理专项经费"); // 003 has an error
    expect(run.out).toContain("5.xlsx"); // the unreadable form
    const doc = JSON.parse((await zpb("check", "--json", inputs)).out) as JsonDocument;
    const forms = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms));
    const toCorrect = forms.filter((f) => f.findings.some((x) => x.severity === "error")).length;
    const last = run.out.trim().split("\n").at(-1);
    expect(last).toBe(
      cliText.briefTotals(doc.files.length, forms.length, forms.length - toCorrect, toCorrect, 1, 1)
    );
    const full = await zpb("check", inputs);
    expect(run.out.split("\n").length).toBeLessThan(full.out.split("\n").length);
  });
});
