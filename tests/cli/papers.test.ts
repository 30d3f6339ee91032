/**
 * The reviewer's papers as they reach paper and departments, over the real forms of tests/fixtures/forms
 * checked a second time (`--since` the first check's JSON, so that the 与上次相比 column prints too):
 * - the summary printed by LibreOffice to PDF and measured there (tests/cli/pdf.ts): A4 landscape, no text
 *   under 8 pt on any page (the Tf size times the text and transformation matrices' scale of every piece of
 *   text shown), every column header on every page of 汇总 and 问题明细, no column pushed onto a page of its own;
 * - the letters read back (.docx's word/document.xml, .html) and the .docx rendered by LibreOffice: no path of
 *   this machine, no UTC, counts equal to the rows listed, each department's forms and only those;
 * - no finding code in anything a person reads (text, --brief, summary, report, letters).
 * One LibreOffice run converts the summary and every letter (the letters only where LibreOffice Writer is
 * installed). docs/screenshot-summary-print.png is made by scripts/screenshot-summary.ts.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonDocument } from "../../src/cli/json";
import { FINDING_CODES } from "../../src/core/types";
import { cliText } from "../../src/i18n/cli";
import { CODE_NAME } from "../../src/i18n/codes";
import { reviewText as R } from "../../src/i18n/review";
import { sofficeBinary } from "../xlsx/helpers";
import { fixture, tempDir, zpb } from "./helpers";
import { readPdf, type PdfPage } from "./pdf";
import { readSummary } from "./summary-reader";

const FORMS = fixture("");
/** LibreOffice Writer (package libreoffice-writer-nogui), which renders the .docx letters; Calc alone cannot. */
const WRITER = (() => {
  const soffice = sofficeBinary();
  if (!soffice) return false;
  const program = dirname(realpathSync(soffice));
  return readdirSync(program).some((n) => /^libswlo\.so|^swlo\.dll|^libswlo\.dylib/.test(n));
})();
/** Anything shaped like a finding code (FIX_HELD, UNSCORABLE would need the list: both are checked). */
const CODE_LIKE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;
const CODES = [...new Set([...FINDING_CODES, ...Object.keys(CODE_NAME)])];

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
let doc: JsonDocument;
let text = "";
let brief = "";
let summaryPdf: PdfPage[] = [];
const letterPdfs = new Map<string, PdfPage[]>();
const paths = { summary: "", report: "", letters: "", pdf: "" };

function noCode(what: string, shown: string): void {
  expect(shown, what).not.toMatch(CODE_LIKE);
  for (const code of CODES) expect(shown.includes(code), `${what}: ${code}`).toBe(false);
}

/** Text of an HTML page as a reader sees it (no style, tags dropped, entities decoded). */
function visible(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&");
}

/** The text of a .docx: every w:t of word/document.xml, paragraphs on their own lines. */
function docxText(bytes: Uint8Array): { xml: string; text: string } {
  const xml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
  const text = xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, "\u0001$1\u0002")
    .replace(/[^\u0001\u0002\n]*\u0001([^\u0002]*)\u0002/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
  return { xml, text };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const earlier = join(dir, "上次.json");
  const first = await zpb("check", "--json", FORMS);
  doc = JSON.parse(first.out) as JsonDocument;
  const { writeFile } = await import("node:fs/promises");
  await writeFile(earlier, first.out);
  paths.summary = join(dir, "汇总.xlsx");
  paths.report = join(dir, "报告.html");
  paths.letters = join(dir, "审核意见");
  const run = await zpb(
    "check",
    FORMS,
    "--since",
    earlier,
    "--summary",
    paths.summary,
    "--report",
    paths.report,
    "--letters",
    paths.letters
  );
  expect(run.code).toBe(1);
  text = run.out;
  brief = (await zpb("check", FORMS, "--brief")).out;

  const soffice = sofficeBinary();
  if (!soffice) throw new Error("LibreOffice (soffice) is required in CI");
  paths.pdf = join(dir, "pdf");
  const docx = readdirSync(paths.letters)
    .filter((n) => n.endsWith(".docx"))
    .map((n) => join(paths.letters, n));
  const profile = pathToFileURL(join(dir, "profile")).href;
  const convert = (to: string, files: string[], out: string) =>
    spawnSync(
      soffice,
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", out, ...files],
      { encoding: "utf8", timeout: 240_000 }
    );
  const r = convert("pdf", [paths.summary, ...(WRITER ? docx : [])], paths.pdf);
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  summaryPdf = readPdf(readFileSync(join(paths.pdf, "汇总.pdf")));
  for (const file of WRITER ? docx : []) {
    const name = file
      .split(/[\\/]/)
      .pop()!
      .replace(/\.docx$/, "");
    letterPdfs.set(name, readPdf(readFileSync(join(paths.pdf, `${name}.pdf`))));
  }
}, 300_000);
afterAll(() => cleanup());

/** The pages of one sheet: LibreOffice prints the sheet's footer (its name, 第 n 页) first on each. */
function pagesOf(sheet: string): PdfPage[] {
  return summaryPdf.filter((p) => p.text.startsWith(`${sheet}第`));
}

describe("the summary on paper", () => {
  it("prints no text under 8 pt on any page", () => {
    expect(summaryPdf.length).toBeGreaterThan(2);
    const sizes = summaryPdf.flatMap((p) => p.sizes);
    expect(sizes.length).toBeGreaterThan(1000);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
  });

  it("prints every column header on every page of 汇总 and 问题明细, and every page is one of a sheet", () => {
    const summaryTitles = [...cliText.summaryHeader, R.changeHeader];
    const sheets: [string, readonly string[]][] = [
      [cliText.summarySheet, summaryTitles],
      [cliText.problemSheet, R.problemHeader],
    ];
    for (const [sheet, titles] of sheets) {
      const pages = pagesOf(sheet);
      expect(pages.length, sheet).toBeGreaterThan(0);
      for (const [i, p] of pages.entries())
        for (const title of titles)
          expect(p.text, `${sheet} p.${i + 1}: ${title}`).toContain(title.replace(/\s/g, ""));
    }
    const counted = [cliText.summarySheet, cliText.problemSheet, cliText.statsSheet].map(
      (s) => pagesOf(s).length
    );
    expect(counted.reduce((a, b) => a + b, 0)).toBe(summaryPdf.length);
    // The content identity column is for the next round, never printed.
    for (const p of summaryPdf) expect(p.text).not.toContain(R.fingerprintHeader);
  });

  it("prints each form's project and its whole 最主要问题, wrapped, not cut", () => {
    const printed = pagesOf(cliText.summarySheet)
      .map((p) => p.text)
      .join("");
    const rows = readSummary(paths.summary)[0].rows.slice(4);
    const main = cliText.summaryHeader.length - 1;
    let checked = 0;
    for (const row of rows) {
      const problem = String(row[main] ?? "").replace(/\s/g, "");
      if (!problem) continue;
      expect(printed, problem).toContain(problem);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("is A4 landscape on every page", () => {
    const pdf = readFileSync(join(paths.pdf, "汇总.pdf")).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThanOrEqual(summaryPdf.length);
    for (const m of boxes) expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([842, 595]);
  });
});

describe("the letters", () => {
  const departmentsOf = () => {
    const forms = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms));
    const by = new Map<string, string[]>();
    for (const f of forms)
      if (f.department.trim())
        by.set(f.department.trim(), [...(by.get(f.department.trim()) ?? []), f.project]);
    return by;
  };

  it("writes a .docx and an .html per department, and the reviewer's own list for the rest", () => {
    const names = readdirSync(paths.letters).sort();
    const departments = [...departmentsOf().keys()];
    const expected = departments.flatMap((d) => [`${d}.docx`, `${d}.html`]);
    // The folder holds notes (README.md …) and forms naming no department: the reviewer's own list has them.
    expect(names).toEqual([...expected, `${R.unattributedName}.html`].sort());
    const own = visible(readFileSync(join(paths.letters, `${R.unattributedName}.html`), "utf8"));
    expect(own).toContain("README.md");
    expect(names.some((n) => n.includes("主管部门未知"))).toBe(false);
  });

  it("names files only, dates in local time, counts equal to the rows listed, each department's forms and only those", () => {
    const by = departmentsOf();
    for (const [department, projects] of by) {
      const docx = docxText(readFileSync(join(paths.letters, `${department}.docx`)));
      const html = visible(readFileSync(join(paths.letters, `${department}.html`), "utf8"));
      for (const [what, shown] of [
        ["docx", docx.text],
        ["html", html],
      ] as const) {
        const where = `${department}.${what}`;
        expect(shown, where).toContain(R.letterTitle(department));
        expect(shown, where).not.toContain(dir);
        expect(shown, where).not.toContain(FORMS);
        expect(shown, where).not.toMatch(/(^|[\s（(「])(\/[\w.-]+){2,}/);
        expect(shown, where).not.toMatch(/[A-Za-z]:\\/);
        expect(shown, where).not.toMatch(/UTC/);
        expect(shown, where).toMatch(/审核，贵单位报送的自评表共 \d+ 张/);
        for (const project of projects) expect(shown, `${where}: ${project}`).toContain(project);
        for (const [other, theirs] of by)
          if (other !== department)
            for (const project of theirs.filter((p) => p && !projects.includes(p)))
              expect(shown.includes(project), `${where} names ${other}'s ${project}`).toBe(false);
        // Counts in the text equal the rows listed.
        const [, total, toCorrect] = /共 (\d+) 张，其中 (\d+) 张需修改/.exec(shown) ?? [];
        const listed = (label: (n: number) => string) => {
          const source = label(0)
            .split("：")[0]
            .replace(/[（）()]/g, "\\$&")
            .replace("0", "(\\d+)");
          const m = new RegExp(source).exec(shown);
          return m ? Number(m[1]) : 0;
        };
        const fix = listed(R.letterToCorrect);
        const passed = listed(R.letterPassed);
        const unscored = listed(R.letterUnscored);
        expect(Number(toCorrect), where).toBe(fix);
        expect(Number(total), where).toBe(fix + passed + unscored);
        expect(fix + passed + unscored, where).toBe(projects.length);
      }
      // One table per form to correct in the .docx, each with its header row and a row per problem.
      const fix = Number(/其中 (\d+) 张需修改/.exec(docx.text)?.[1]);
      expect((docx.xml.match(/<w:tbl>/g) ?? []).length, department).toBe(fix);
    }
  });

  it("writes well-formed WordprocessingML in every .docx", () => {
    for (const name of readdirSync(paths.letters).filter((n) => n.endsWith(".docx"))) {
      const parts = unzipSync(readFileSync(join(paths.letters, name)));
      for (const part of [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
      ]) {
        expect(parts[part], `${name} ${part}`).toBeDefined();
        expect(XMLValidator.validate(new TextDecoder().decode(parts[part])), `${name} ${part}`).toBe(true);
      }
    }
  });

  it.skipIf(!WRITER)("renders every .docx in LibreOffice Writer: pages, nothing under 8 pt", () => {
    expect(letterPdfs.size).toBe(departmentsOf().size);
    for (const [name, pages] of letterPdfs) {
      expect(pages.length, name).toBeGreaterThan(0);
      expect(Math.min(...pages.flatMap((p) => p.sizes)), name).toBeGreaterThanOrEqual(8);
      expect(pages[0].text, name).toContain(R.letterTitle(name).replace(/\s/g, ""));
    }
  });
});

describe("no finding code where a person reads", () => {
  it("not in the text report, --brief, the summary, the report or the letters", () => {
    noCode("text", text);
    noCode("brief", brief);
    for (const sheet of readSummary(paths.summary))
      noCode(sheet.name, sheet.texts.filter((t) => !/^[0-9a-f]{16}$/.test(t)).join("\n"));
    noCode("report", visible(readFileSync(paths.report, "utf8")));
    for (const name of readdirSync(paths.letters)) {
      const bytes = readFileSync(join(paths.letters, name));
      noCode(name, name.endsWith(".docx") ? docxText(bytes).text : visible(bytes.toString("utf8")));
    }
    // The printed summary too (what LibreOffice drew).
    noCode("summary PDF", summaryPdf.map((p) => p.text).join("\n"));
  });

  it("has a Chinese name for every finding code", () => {
    for (const code of FINDING_CODES) expect(CODE_NAME[code], code).toMatch(/\p{Script=Han}/u);
    for (const code of ["VALUE_EMPTY", "TOTAL_OVER_FULL", "COLUMN_INFERRED"])
      expect(CODE_NAME[code]).toBeTruthy();
    expect(new Set(Object.values(CODE_NAME)).size).toBe(Object.keys(CODE_NAME).length);
  });
});
