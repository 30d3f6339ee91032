/**
 * One verdict on every surface of `zpb` (spec/cli.md "Verdicts", "Every input is accounted for"): the exit
 * status, the text report, `--brief` and the JSON document agree, every input is listed with its status, a
 * file is judged by its content and not its name, and `fix` says what it changes in substance.
 */
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { JsonDocument, JsonFile } from "../../src/cli/json";
import type { FileStatus } from "../../src/core/status";
import { cliText } from "../../src/i18n/cli";
import { contractViolations } from "./contract";
import { WORKBOOK_2023, fixture, plannedWrites, single, tempDir, zpb } from "./helpers";

let dir = "";
let cleanup: () => Promise<void> = async () => undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const SICHUAN = fixture("outside/sichuan-qingshen-gongzi-2023.xlsx"); // published unscored
const mark = (status: FileStatus) => cliText.statusMark(status);

/** A minimal Office package of another kind: its content types and its main part, no xl/workbook.xml. */
function officePackage(main: string, type: string): Uint8Array {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/${main}" ContentType="${type}"/></Types>`;
  return zipSync({ "[Content_Types].xml": strToU8(types), [main]: strToU8("<document/>") });
}
const WORD = officePackage(
  "word/document.xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
);
const POWERPOINT = officePackage(
  "ppt/presentation.xml",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
);

/** The document, checked against the contract and the fix plan of its files. */
async function parse(out: string): Promise<JsonDocument> {
  const doc = JSON.parse(out) as JsonDocument;
  expect(contractViolations(doc, await plannedWrites(doc))).toEqual([]);
  return doc;
}

/** The exit status the verdicts call for: 2 a file not read or not a spreadsheet, 1 a form to fix, else 0. */
function exitOf(files: readonly JsonFile[]): number {
  if (files.some((f) => f.error !== null || f.status === "not-spreadsheet")) return 2;
  return files.some((f) => f.status === "fix" || f.status === "unreadable") ? 1 : 0;
}

/** The closing counts line the JSON document calls for. */
function countsOf(doc: JsonDocument): string {
  const forms = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms));
  const unreadParts = doc.files
    .flatMap((f) => f.sheets.flatMap((s) => s.findings))
    .filter((x) => x.code === "FORM_UNREADABLE").length;
  const n = (status: string) => forms.filter((f) => f.status === status).length;
  const files = (test: (f: JsonFile) => boolean) => doc.files.filter(test).length;
  return cliText.counts(
    doc.files.length,
    forms.length,
    { pass: n("pass"), fix: n("fix"), unscored: n("unscored"), unreadable: n("unreadable") + unreadParts },
    {
      noForm: files((f) => f.status === "no-form"),
      notSpreadsheet: files((f) => f.status === "not-spreadsheet"),
      unreadable: files((f) => f.error !== null && f.status === "unreadable"),
    }
  );
}

describe("a Word or PowerPoint file renamed .xlsx", () => {
  it("is 不是电子表格文件 in check (text, brief, JSON; exit 2) and fix writes nothing", async () => {
    for (const [name, bytes, kind] of [
      ["报告.xlsx", WORD, "Word"],
      ["演示.xlsx", POWERPOINT, "PowerPoint"],
    ] as const) {
      const file = join(dir, name);
      await writeFile(file, bytes);
      const json = await zpb("check", "--json", file);
      expect(json.code, name).toBe(2);
      const [result] = (await parse(json.out)).files;
      expect(result).toMatchObject({ path: file, status: "not-spreadsheet", sheets: [] });
      expect(result.why).toContain(kind);
      expect(result.why).toContain(file);
      const text = await zpb("check", file);
      expect(text.code).toBe(2);
      expect(text.out).toContain(`${file}  ${mark("not-spreadsheet")}`);
      expect(text.out).not.toContain("通过 1");
      expect(text.err.trim()).toBe(result.error);
      const brief = await zpb("check", "--brief", file);
      expect(brief.code).toBe(2);
      const lines = brief.out.trim().split("\n");
      expect(lines[0]).toBe(`${mark("not-spreadsheet")} ${result.why}`);
      expect(lines.at(-1)).toBe(countsOf(await parse(json.out)));
      for (const argv of [[], ["--in-place"], ["-o", join(dir, "out.xlsx")]]) {
        const before = await readdir(dir);
        const fix = await zpb("fix", file, ...argv);
        expect(fix.code, argv.join(" ")).toBe(2);
        expect(fix.err).toContain(kind);
        expect(fix.err.trim()).toBe(cliText.fixNotSpreadsheet(result.error as string));
        expect(await readdir(dir)).toEqual(before); // nothing written: no .checked.xlsx, no out.xlsx
        expect(Buffer.compare(await readFile(file), Buffer.from(bytes))).toBe(0);
      }
    }
  });
});

describe("a folder", () => {
  it("checks a *.checked.xlsx like any other submission, and counts its forms", async () => {
    await copyFile(single("2023-taopu-001"), join(dir, "a.xlsx"));
    await copyFile(WORKBOOK_2023, join(dir, "x.checked.xlsx"));
    const json = await zpb("check", "--json", dir);
    const doc = await parse(json.out);
    const checked = doc.files.find((f) => f.path === join(dir, "x.checked.xlsx"));
    expect(checked?.sheets.flatMap((s) => s.forms)).toHaveLength(70);
    expect(checked?.status).toBe("fix"); // the 70-form workbook has forms to correct: never a silent pass
    expect(json.code).toBe(1);
    const text = await zpb("check", dir);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`${join(dir, "x.checked.xlsx")}  ${mark("fix")}`);
    const last = text.out.trim().split("\n").at(-1);
    expect(last).toBe(countsOf(doc));
    expect(last).toMatch(/^共 2 个文件、71 张自评表/);
  });

  it("lists a .pdf, a .txt and a .docx with their status and why in the text, --brief and JSON", async () => {
    await copyFile(single("2023-taopu-001"), join(dir, "a.xlsx"));
    await writeFile(join(dir, "说明.pdf"), "%PDF-1.4\n%âãÏÓ\n1 0 obj\n");
    await writeFile(join(dir, "说明.txt"), "报送说明");
    await writeFile(join(dir, "附件.docx"), WORD);
    // Content, not names: a workbook under another name is checked.
    await copyFile(single("2023-taopu-003"), join(dir, "改名.dat"));
    const others = ["说明.pdf", "说明.txt", "附件.docx"].map((n) => join(dir, n));
    const json = await zpb("check", "--json", dir);
    expect(json.code).toBe(2); // files that are not spreadsheets are inputs that are not 通过
    const doc = await parse(json.out);
    expect(doc.files.map((f) => relative(dir, f.path)).sort()).toEqual(
      ["a.xlsx", "改名.dat", "说明.pdf", "说明.txt", "附件.docx"].sort()
    );
    for (const path of others) {
      const f = doc.files.find((x) => x.path === path);
      expect(f, path).toMatchObject({ status: "not-spreadsheet", sheets: [] });
      expect(f?.why).toContain(path);
      expect(f?.why).toContain("不是电子表格文件");
    }
    expect(doc.files.find((f) => f.path.endsWith("改名.dat"))?.status).toBe("fix");
    const text = await zpb("check", dir);
    expect(text.code).toBe(2);
    const brief = await zpb("check", "--brief", dir);
    expect(brief.code).toBe(2);
    const briefLines = brief.out.trim().split("\n");
    for (const path of others) {
      const why = doc.files.find((x) => x.path === path)?.why as string;
      expect(text.out).toContain(`${path}  ${mark("not-spreadsheet")}\n  ✗ ${why}`);
      expect(briefLines).toContain(`${mark("not-spreadsheet")} ${why}`);
    }
    expect(briefLines.at(-1)).toBe(countsOf(doc));
    expect(text.out.trim().split("\n").at(-1)).toBe(countsOf(doc));
  });
});

describe("a form that prints no scores", () => {
  it("is 未评分 everywhere, says what was checked, exits 0, and is never called 通过", async () => {
    const json = await zpb("check", "--json", SICHUAN);
    expect(json.code).toBe(0);
    const doc = await parse(json.out);
    expect(doc.files[0].status).toBe("unscored");
    expect(doc.files[0].sheets[0].forms.map((f) => f.status)).toEqual(["unscored"]);
    expect(doc.files[0].why).toBeUndefined(); // it gives a form
    const text = await zpb("check", SICHUAN);
    const brief = await zpb("check", "--brief", SICHUAN);
    expect([text.code, brief.code]).toEqual([0, 0]);
    expect(text.out).toContain(`${SICHUAN}  ${mark("unscored")}`);
    expect(text.out).toMatch(/「工资性支出」.*【未评分】\n/);
    expect(text.out).toContain("未评分：表中没有可核对的得分或分值");
    expect(text.out).toContain("已检查分值合计（100）、预算执行率、2 项指标");
    expect(brief.out.trim().split("\n")[0]).toMatch(/^【未评分】 .*「工资性支出」/);
    for (const out of [text.out, brief.out]) {
      const lines = out.trim().split("\n");
      expect(lines.at(-1)).toBe(countsOf(doc));
      expect(lines.at(-1)).toContain("通过 0 张，需修改 0 张，未评分 1 张");
      // 通过 is a count there (0), and nowhere else; nor the tick of a clean form.
      for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/通过|✓/);
    }
  });
});

describe("zpb fix says what changes in substance", () => {
  it("counts the scores it raises and lowers, and gives each written form's 总分 and 评分等级 from → to", async () => {
    const output = join(dir, "out.xlsx");
    const run = await zpb("fix", WORKBOOK_2023, "-o", output);
    expect(run.code).toBeLessThanOrEqual(1);
    const before = (await parse((await zpb("check", "--json", WORKBOOK_2023)).out)).files[0].sheets;
    const after = (await parse((await zpb("check", "--json", output)).out)).files[0].sheets;
    let up = 0;
    let down = 0;
    const changed: string[] = [];
    before.forEach((sheet, i) => {
      const [a, b] = [sheet.forms[0], after[i].forms[0]];
      const scores = (f: typeof a) => [f.budget.submittedScore, ...f.indicators.map((x) => x.submittedScore)];
      const [old, now] = [scores(a), scores(b)];
      old.forEach((v, j) => {
        const w = now[j];
        if (v !== null && w !== null && w > v) up++;
        if (v !== null && w !== null && w < v) down++;
      });
      if (JSON.stringify(now) !== JSON.stringify(old) || a.total.submitted !== b.total.submitted) {
        const text = (x: string | number | null) => (x === null ? "—" : String(x));
        changed.push(
          cliText.fixOutcome(
            text(a.total.submitted),
            text(b.total.submitted),
            text(a.grade.submitted),
            text(b.grade.submitted)
          )
        );
      }
    });
    expect(up).toBeGreaterThan(10); // the under-scored self-scores raised …
    expect(down).toBeGreaterThan(0); // … and the over-scored ones lowered
    expect(run.out).toContain(cliText.fixScores(up, down, 0));
    expect(changed.length).toBeGreaterThan(10);
    for (const line of changed) expect(run.out).toContain(`    ${line}`);
    expect(run.out).toContain("总分 91 → 90.38，评分等级 优 → 优");
    expect(run.out).toMatch(/评分等级 优 → 良/);
  });

  it("writes nothing into a form that is 通过 with nothing to correct", async () => {
    const input = single("2023-taopu-001");
    expect((await parse((await zpb("check", "--json", input)).out)).files[0].status).toBe("pass");
    const output = join(dir, "out.xlsx");
    const run = await zpb("fix", input, "-o", output);
    expect(run.code).toBe(0);
    expect(run.out).toContain(cliText.fixNothing("安全办-消防安全专项经费"));
    expect(run.out).not.toContain("得分：调高");
    expect(Buffer.compare(await readFile(output), await readFile(input))).toBe(0);
  });
});

describe("zpb fix -o naming another kind of file", () => {
  it("is refused, and nothing is written", async () => {
    for (const name of ["x.xls", "x.ods", "x.csv", "x.xlsm"]) {
      const run = await zpb("fix", single("2023-taopu-003"), "-o", join(dir, name));
      expect(run.code, name).toBe(2);
      expect(run.err, name).toContain(".xlsx");
      expect(await readdir(dir), name).toEqual([]);
    }
  });
});

describe("every real workbook: one verdict in JSON, text, --brief and the exit status", () => {
  it("agree form by form and file by file; --brief ends with the counts", async () => {
    const forms = fixture("");
    const json = await zpb("check", "--json", forms);
    const doc = await parse(json.out);
    const text = await zpb("check", forms);
    const brief = await zpb("check", "--brief", forms);
    expect([json.code, text.code, brief.code]).toEqual([
      exitOf(doc.files),
      exitOf(doc.files),
      exitOf(doc.files),
    ]);
    const workbooks = doc.files.filter((f) => f.sheets.length > 0);
    expect(workbooks.length).toBeGreaterThanOrEqual(19);
    const blocks = text.out.split("\n\n");
    for (const file of doc.files) {
      const block = blocks.find((b) => b.startsWith(`${file.path}  【`));
      expect(block, file.path).toBeDefined();
      const lines = (block as string).split("\n");
      expect(lines[0], file.path).toBe(`${file.path}  ${mark(file.status)}`);
      // Every form heading carries its form's status, in order; an unreadable part says 未能读取.
      const want = file.sheets.flatMap((s) => [
        ...s.forms.map((f) => mark(f.status)),
        ...s.findings.filter((x) => x.code === "FORM_UNREADABLE").map(() => mark("unreadable")),
      ]);
      const got = lines
        .filter((l) => /^ {2}「.*  【[^】]+】$/.test(l))
        .map((l) => l.slice(l.lastIndexOf("【")));
      expect(got, file.path).toEqual(want);
      // 通过 only on the headings of forms (and files) that are 通过, and the tick only under such a form.
      const passes = lines.filter((l) => l.includes(mark("pass"))).length;
      expect(passes, file.path).toBe(
        want.filter((m) => m === mark("pass")).length + (file.status === "pass" ? 1 : 0)
      );
      expect(lines.filter((l) => l.includes("通过")).length, file.path).toBe(passes);
      for (const sheet of file.sheets)
        for (const form of sheet.forms)
          if (form.status !== "pass" && form.findings.length === 0) expect(block).not.toContain("✓");
      // --brief: a line per form that is not 通过, with its status; none for a file that is 通过.
      const briefLines = brief.out
        .split("\n")
        .filter((l) => l.includes(` ${file.path} `) || l.endsWith(file.path));
      const notPassed = file.sheets.flatMap((s) => s.forms).filter((f) => f.status !== "pass");
      if (file.status === "pass") expect(briefLines, file.path).toEqual([]);
      for (const f of notPassed)
        expect(briefLines.some((l) => l.startsWith(mark(f.status)) && l.includes(f.project))).toBe(true);
    }
    // The counts close both; --brief is a line per form, unreadable part or file that is not 通过, a blank
    // line, then the counts.
    const counts = countsOf(doc);
    expect(text.out.trim().split("\n").at(-1)).toBe(counts);
    const lines = brief.out.trim().split("\n");
    expect(lines.at(-1)).toBe(counts);
    expect(lines.at(-2)).toBe("");
    const allForms = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.forms));
    const unreadParts = doc.files
      .flatMap((f) => f.sheets.flatMap((s) => s.findings))
      .filter((x) => x.code === "FORM_UNREADABLE").length;
    const formless = doc.files.filter(
      (f) => f.sheets.every((s) => s.forms.length === 0) && f.status !== "pass"
    );
    const notPassed = allForms.filter((f) => f.status !== "pass").length + unreadParts + formless.length;
    expect(lines.slice(0, -2)).toHaveLength(notPassed);
    expect(lines.length * 5).toBeLessThan(text.out.split("\n").length);
  }, 60_000);

  it("and each workbook alone exits as its verdict says", async () => {
    const paths = [
      ...["2022-wujing-001", "2022-wujing-003", "2023-taopu-001", "2023-taopu-003"].map(single),
      ...(await readdir(fixture("outside")))
        .filter((n) => n.endsWith(".xlsx"))
        .map((n) => fixture(`outside/${n}`)),
    ];
    const codes = new Set<number>();
    for (const path of paths) {
      const json = await zpb("check", "--json", path);
      const doc = await parse(json.out);
      expect(json.code, path).toBe(exitOf(doc.files));
      expect((await zpb("check", "--brief", path)).code, path).toBe(json.code);
      codes.add(json.code);
    }
    expect([...codes].sort()).toEqual([0, 1]); // both outcomes are exercised
  }, 60_000);
});
