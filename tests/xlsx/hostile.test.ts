/**
 * Huge and hostile workbooks through the reader: each read correctly or refused with a Chinese message
 * naming the file and the limit, never a throw of another kind. Time and memory per case are measured by
 * `npm run bench -- files` (docs/reliability.md), not asserted here.
 */
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { analyzeSheet, type Grid } from "../../src/core/index";
import { WorkbookError, readWorkbook, sniff, type ReadLimits } from "../../src/hosts/xlsx";
import { gridEnd } from "../../src/core/grid";
import { at, fixture, handWorkbook, worksheet } from "./helpers";
import { bomb, formSheet, manyMerges, manySheets, strayCell, withRows, workbookWith, zipOf } from "./hostile";

const base = fixture("single/2023-taopu-003.xlsx");

/** What the core makes of a grid: the findings and patches of each form, as text. */
function outcome(grid: Grid): string[] {
  return analyzeSheet(grid).forms.map(
    (f) =>
      `${f.report.findings.map((x) => `${x.code}@${x.cell}`).join(" ")} | ${f.patches.map((p) => `${p.cell}=${p.value}`).join(" ")}`
  );
}

function failure(bytes: Uint8Array, file = "表.xlsx", limits?: Partial<ReadLimits>) {
  try {
    readWorkbook(bytes, { file, limits });
  } catch (err) {
    if (err instanceof WorkbookError) return err;
    throw err;
  }
  throw new Error("expected a WorkbookError, got a workbook");
}

const expected = outcome(readWorkbook(base).sheets[0].grid);

describe("a stray value at XFD1048576 beside a normal form", () => {
  const grid = readWorkbook(strayCell(base)).sheets[0].grid;

  it("reads the cells that exist: a sparse grid, holes between the form and the far cell", () => {
    expect(at(grid, "XFD1048576").value).toBe(1);
    expect(gridEnd(grid)).toEqual({ row: 1048576, col: 16384 });
    expect(grid.values[1000]).toBeUndefined();
    let rows = 0;
    grid.values.forEach(() => rows++);
    expect(rows).toBeLessThan(40); // the form's rows and the far one, not a million
    expect(Object.keys(grid.values[1048575]).length).toBe(1);
  });

  it("checks the form as if the stray cell were not there", () => {
    expect(outcome(grid)).toEqual(expected);
    expect(expected[0]).toContain("SCORE_MISMATCH@H23");
  });
});

describe("a zip bomb", () => {
  it("is refused after its first megabytes, naming the file, the part and the limit", () => {
    const err = failure(bomb(base, 40), "炸弹.xlsx");
    expect(err.reason).toBe("too-large");
    expect(err.message).toContain("炸弹.xlsx");
    expect(err.message).toContain("xl/worksheets/sheet1.xml");
    expect(err.message).toContain("100 倍");
    // No English library text: the only Latin letters are the part's name and Excel/WPS.
    expect(err.message.replace("xl/worksheets/sheet1.xml", "")).not.toMatch(/[A-Za-z]{6,}/);
  });

  it("stops a part at its byte limit, a package at its own, and a workbook at its cell limit", () => {
    const form = formSheet(base);
    const part = failure(base, "表.xlsx", { partBytes: 8 * 1024 });
    expect(part.reason).toBe("too-large");
    expect(part.message).toContain("xl/worksheets/sheet1.xml 解压后超过 8 KB 的上限");
    const two = workbookWith(base, [form, { ...form, name: "第二张" }]);
    expect(failure(two, "表.xlsx", { packageBytes: 30 * 1024 }).message).toContain("合计超过");
    expect(failure(base, "表.xlsx", { cells: 50 }).message).toContain("非空单元格超过");
    // Within the limits the same workbook reads.
    expect(readWorkbook(two, { limits: { cells: 100_000 } }).sheets).toHaveLength(2);
  });

  it("refuses an entry whose inflated size differs from its directory record", () => {
    const bytes = handWorkbook([{ name: "S", path: "xl/worksheets/sheet1.xml", xml: worksheet("") }]);
    // Make the directory claim the worksheet is one byte longer than it inflates to.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8("xl/worksheets/sheet1.xml");
    for (let p = bytes.length - 22; p > 0; p--) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const len = view.getUint16(p + 28, true);
      if (len === name.length && bytes.subarray(p + 46, p + 46 + len).every((b, i) => b === name[i])) {
        view.setUint32(p + 24, view.getUint32(p + 24, true) + 1, true);
        break;
      }
    }
    expect(failure(bytes).reason).toBe("corrupt");
  });
});

describe("many sheets, many merged areas", () => {
  it("reads 200 sheets, each the same form", () => {
    const book = readWorkbook(manySheets(base, 200));
    expect(book.sheets).toHaveLength(200);
    expect(book.sheets[199].name).toBe("表200");
    for (const s of [book.sheets[0], book.sheets[123], book.sheets[199]])
      expect(outcome(s.grid)).toEqual(expected);
  });

  it("reads 20,000 merged areas and checks the form unchanged", () => {
    const grid = readWorkbook(manyMerges(base, 20_000)).sheets[0].grid;
    const own = readWorkbook(base).sheets[0].grid.merges.length;
    expect(grid.merges).toHaveLength(own + 20_000);
    expect(grid.merges.at(-1)).toEqual({ top: 20_038, left: 10, bottom: 20_038, right: 11 });
    expect(outcome(grid)).toEqual(expected);
  });

  it("reads a row with cells at A and XFD as two cells, not 16,384", () => {
    const form = formSheet(base);
    const xml = withRows(form.xml, '<row r="50"><c r="A50"><v>7</v></c><c r="XFD50"><v>8</v></c></row>');
    const grid = readWorkbook(workbookWith(base, [{ name: form.name, xml }])).sheets[0].grid;
    expect([at(grid, "A50").value, at(grid, "XFD50").value, at(grid, "B50").value]).toEqual([7, 8, null]);
    expect(Object.keys(grid.values[49])).toEqual(["0", "16383"]);
  });
});

describe("every kind of file under an .xlsx name is named", () => {
  const word = zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
  const ppt = zipOf({ "[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>" });
  const ods = zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" });
  const odt = zipOf({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<x/>" });
  const plain = zipOf({ "readme.txt": "hello", "data/a.csv": "1,2" });
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["an empty file", new Uint8Array(0), "empty", /空的（0 字节）/],
    ["a Word document", word, "not-a-workbook", /Word 文档/],
    ["a PowerPoint file", ppt, "not-a-workbook", /PowerPoint/],
    ["an OpenDocument spreadsheet", ods, "not-a-workbook", /OpenDocument 表格（\.ods）.*另存为 \.xlsx/],
    ["an OpenDocument text", odt, "not-a-workbook", /OpenDocument 文档/],
    ["a plain zip", plain, "not-a-workbook", /普通的 zip 压缩包/],
    ["a PDF", strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "not-a-workbook", /PDF 文件/],
    ["a CSV", strToU8("项目名称,得分\n消防,98\n"), "not-a-workbook", /CSV 或纯文本/],
    [
      "an HTML page saved as a sheet",
      strToU8("<html><body><table><tr><td>1</td></tr></table>"),
      "not-a-workbook",
      /网页（HTML）/,
    ],
  ];
  for (const [what, bytes, reason, message] of cases) {
    it(`says ${what} is one, in one Chinese line naming the file`, () => {
      const err = failure(bytes, "收到的表.xlsx");
      expect(err.reason).toBe(reason);
      expect(err.message).toMatch(message);
      expect(err.message.startsWith("收到的表.xlsx：")).toBe(true);
      expect(err.message.split("\n")).toHaveLength(1);
    });
  }

  it("tells an old Word file (OLE2) from an old .xls", () => {
    const cfb = new Uint8Array(1536);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "WordDocument";
    for (let k = 0; k < name.length; k++) cfb[512 + k * 2] = name.charCodeAt(k);
    expect(sniff(cfb)).toBe("word");
    expect(failure(cfb).message).toMatch(/Word 文档/);
  });
});
