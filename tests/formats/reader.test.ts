/**
 * The reader of .xls / .xlsb / .ods (src/hosts/legacy): what it tells apart by content — the format, a
 * password, damage, a file that is no spreadsheet — and what it keeps of a sheet: values, formulas,
 * number formats, merged areas, hidden and very hidden sheets. Files are built here from a real form.
 */
import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { cellAt } from "../../src/core/grid";
import { readSpreadsheet, spreadsheetFormat } from "../../src/hosts/legacy/index";
import { LEGACY_LIMITS } from "../../src/hosts/legacy/read";
import { WorkbookError } from "../../src/hosts/xlsx/errors";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { join } from "node:path";
import { fixture } from "../cli/helpers";
import { RICH, convertedDir, soffice } from "./convert";
import { officePackage } from "./packages";
import { odsFormula } from "../../src/hosts/legacy/ods-formula";
import { OdsScanner, hiddenTables } from "../../src/hosts/legacy/ods-scan";

const FORM = fixture("outside/hubei-huanggang-shuitu-2020.xlsx");

type Lib = typeof import("@e965/xlsx");
const lib = (): Promise<Lib> => import("@e965/xlsx");

/** A workbook of three sheets (visible, hidden, very hidden) with a formula, formats and a merged area. */
async function small(bookType: "xls" | "xlsb" | "ods"): Promise<Uint8Array> {
  const X = await lib();
  const book = X.utils.book_new();
  const sheet = X.utils.aoa_to_sheet([
    ["项目名称", "消防安全专项经费"],
    ["分值", 10, 0.955],
  ]);
  sheet["C2"].z = "0.00%";
  sheet["D2"] = { t: "n", v: 20, f: "B2*2" };
  sheet["!ref"] = "A1:D2";
  sheet["!merges"] = [{ s: { r: 0, c: 1 }, e: { r: 0, c: 3 } }];
  X.utils.book_append_sheet(book, sheet, "自评表");
  X.utils.book_append_sheet(book, X.utils.aoa_to_sheet([["隐藏"]]), "隐藏表");
  X.utils.book_append_sheet(book, X.utils.aoa_to_sheet([["深度隐藏"]]), "深度隐藏表");
  book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] };
  return new Uint8Array(X.write(book, { bookType, type: "buffer" }) as Buffer);
}

async function failure(bytes: Uint8Array, file = "表.xls"): Promise<WorkbookError> {
  try {
    await readSpreadsheet(bytes, { file });
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbookError);
    return err as WorkbookError;
  }
  throw new Error("read without an error");
}

describe("the .xls / .xlsb / .ods reader", () => {
  it.each(["xls", "xlsb"] as const)(
    "reads a .%s's values, number format, merged area and hidden and very hidden sheets",
    async (format) => {
      const bytes = await small(format);
      expect(spreadsheetFormat(bytes)).toBe(format);
      const book = await readSpreadsheet(bytes);
      expect(book.format).toBe(format);
      expect(book.extension).toBe(".xlsx");
      expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
        ["自评表", "visible"],
        ["隐藏表", "hidden"],
        ["深度隐藏表", "veryHidden"],
      ]);
      const grid = book.sheets[0].grid;
      expect(cellAt(grid, 0, 1).value).toBe("消防安全专项经费");
      expect(cellAt(grid, 1, 1).value).toBe(10);
      expect(cellAt(grid, 1, 2)).toMatchObject({ value: 0.955, format: "0.00%" });
      expect(cellAt(grid, 1, 3).value).toBe(20); // the library's writer keeps no formula
      expect(grid.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
    }
  );

  // LibreOffice has no very hidden sheets: it saves them as hidden.
  it.skipIf(!soffice && !process.env.CI).each(["xls", "ods"] as const)(
    "reads a .%s saved by LibreOffice: formula, number format, merged area, hidden sheets",
    async (format) => {
      const dir = await convertedDir();
      const book = await readSpreadsheet(new Uint8Array(readFileSync(join(dir, `${RICH}.${format}`))));
      expect(book.format).toBe(format);
      expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
        ["自评表", "visible"],
        ["隐藏表", "hidden"],
        ["深度隐藏表", "hidden"],
      ]);
      const grid = book.sheets[0].grid;
      expect(cellAt(grid, 1, 2)).toMatchObject({ value: 0.955, format: "0.00%" });
      expect(cellAt(grid, 1, 3)).toMatchObject({ value: 20, formula: "=B2*2" });
      expect(grid.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
      // Every formula as the .xlsx reader reads the source: filled down, absolute, text, another sheet.
      // The library's OpenFormula conversion drops some "$" of an absolute reference (only whether a cell
      // holds a formula matters to the checks): .ods formulas are compared without them.
      const source = readWorkbook(new Uint8Array(readFileSync(join(dir, "src", `${RICH}.xlsx`))));
      const want = source.sheets[0].grid;
      const strip = (f: string | null) => (format === "ods" ? (f ?? "").replaceAll("$", "") : (f ?? ""));
      let formulas = 0;
      for (let row = 3; row < 8; row++)
        for (let col = 1; col < 7; col++) {
          const w = cellAt(want, row, col);
          const g = cellAt(grid, row, col);
          expect(strip(g.formula), `${row},${col}`).toBe(strip(w.formula));
          if (w.formula) formulas++;
          // LibreOffice's .xls keeps 0 as the result of a text formula it did not recalculate.
          if (format === "ods" || typeof w.value === "number") expect(g.value).toEqual(w.value);
        }
      expect(formulas).toBe(21);
    },
    300_000
  );

  it("reads only the sheets asked for, with progress", async () => {
    const seen: [number, number][] = [];
    const book = await readSpreadsheet(await small("xls"), {
      sheets: ["隐藏表"],
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(book.sheets.map((s) => s.name)).toEqual(["隐藏表"]);
    expect(seen).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it("tells the format by content: an .xls under an .xlsx name is read as .xls", async () => {
    const bytes = await small("xls");
    const book = await readSpreadsheet(bytes, { file: "改了名字.xlsx" });
    expect(book.format).toBe("xls");
    expect(spreadsheetFormat(new Uint8Array(readFileSync(FORM)))).toBe("xlsx");
  });

  it("says a password-protected .xls has a password", async () => {
    const X = await lib();
    const cfb = X.CFB.read(Buffer.from(await small("xls")), { type: "buffer" });
    const entry = X.CFB.find(cfb, "Workbook");
    expect(entry).toBeTruthy();
    const stream = Buffer.from(entry!.content as Uint8Array);
    // A FILEPASS record (XOR obfuscation: type 0, key, verifier) right after the first BOF record.
    const bofEnd = 4 + stream.readUInt16LE(2);
    const filepass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
    entry!.content = Buffer.concat([stream.subarray(0, bofEnd), filepass, stream.subarray(bofEnd)]);
    entry!.size = (entry!.content as Buffer).length;
    const bytes = new Uint8Array(X.CFB.write(cfb, { type: "buffer" }) as Buffer);
    const err = await failure(bytes);
    expect(err.reason).toBe("encrypted");
    expect(err.message).toMatch(/^表\.xls：文件有打开密码/);
  });

  it("says a damaged .xls, .xlsb or .ods is damaged, in Chinese", async () => {
    for (const format of ["xls", "xlsb", "ods"] as const) {
      const bytes = await small(format);
      const cut = format === "xls" ? bytes.slice(0, 1024) : bytes.slice(); // an .xls cut after its header
      if (format !== "xls") cut.fill(0x41, 200, cut.length - 400); // the parts' data, not the directory
      const err = await failure(cut, `表.${format}`);
      expect(err.reason, format).toBe("corrupt");
      expect(err.message).toMatch(new RegExp(`^表\\.${format}：文件已损坏`));
      expect(err.message).not.toMatch(/[A-Za-z]{6,}/); // no English library text
    }
  });

  it("says an OLE2 file with no workbook stream is not a spreadsheet", async () => {
    const X = await lib();
    const cfb = X.CFB.utils.cfb_new();
    X.CFB.utils.cfb_add(cfb, "/Contents", Buffer.from("hello"));
    const bytes = new Uint8Array(X.CFB.write(cfb, { type: "buffer" }) as Buffer);
    expect((await failure(bytes)).reason).toBe("not-a-workbook");
  });

  it("refuses a file over the size limit before the library sees it", async () => {
    const big = new Uint8Array(LEGACY_LIMITS.fileBytes + 1);
    big.set(await small("xls"));
    const err = await failure(big);
    expect(err.reason).toBe("too-large");
    expect(err.message).toMatch(/32 MB/);
  });

  it("refuses an .ods whose part inflates past the limits, with our inflater, before the library", async () => {
    const bomb = zipSync(
      {
        mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
        "content.xml": [new Uint8Array(24 * 1024 * 1024), { level: 9 }],
      },
      {}
    );
    expect(spreadsheetFormat(bomb)).toBe("ods");
    const err = await failure(bomb, "炸弹.ods");
    expect(err.reason).toBe("too-large");
  });

  it("says a Word or PowerPoint package under an .xlsx name is not a spreadsheet", async () => {
    for (const [main, words] of [
      ["word/document.xml", /Word 文档/],
      ["ppt/presentation.xml", /PowerPoint/],
    ] as const) {
      const bytes = officePackage(main);
      const err = await failure(bytes, "自评表.xlsx");
      expect(err.reason).toBe("not-a-workbook");
      expect(err.message).toMatch(words);
      expect(err.message.startsWith("自评表.xlsx：")).toBe(true);
    }
  });
});

describe("OpenDocument references left in bracket syntax", () => {
  it.each([
    ["[.$B$4:.B4]", "$B$4:B4"],
    ['[$隐藏表.A1]&"x"', '隐藏表!A1&"x"'],
    ["SUM(['My sheet'.$A$1:'My sheet'.B2])+[$S.C3]", "SUM('My sheet'!$A$1:B2)+S!C3"],
    ["['a.b'.C1:.D2]", "'a.b'!C1:D2"],
    ['IF(A1="[x]",1,0)', 'IF(A1="[x]",1,0)'],
    ["[.A1", "[.A1"],
  ])("%s → %s", (from, to) => {
    expect(odsFormula(from)).toBe(to);
  });
});

describe("the .ods content scan", () => {
  it.skipIf(!soffice && !process.env.CI)(
    "finds the same hidden tables and merged areas whatever the pieces content.xml arrives in",
    async () => {
      const dir = await convertedDir();
      const zip = unzipSync(readFileSync(join(dir, "hubei-huanggang-shuitu-2020.ods")));
      const text = new TextDecoder().decode(zip["content.xml"]);
      const whole = new OdsScanner();
      whole.push(text);
      const want = whole.end();
      expect(want.tables[0].merges.length).toBeGreaterThan(3);
      for (const size of [1, 7, 4096]) {
        const pieces = new OdsScanner();
        for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
        expect(pieces.end()).toEqual(want);
      }
      const rich = unzipSync(readFileSync(join(dir, `${RICH}.ods`)));
      const scan = new OdsScanner();
      scan.push(new TextDecoder().decode(rich["content.xml"]));
      expect([...hiddenTables(scan.end())]).toEqual(["隐藏表", "深度隐藏表"]);
    }
  );
});
