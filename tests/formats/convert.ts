/**
 * The real workbooks of tests/fixtures saved in the other formats people send: .xls and .ods by LibreOffice
 * (one soffice call per format for every file), .xlsb and BIFF5 .xls by @e965/xlsx's writer (LibreOffice
 * writes neither). Made once and kept under the system's temporary folder, keyed by the fixtures' hash, so
 * that several test files and later runs share one conversion.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { fixture } from "../cli/helpers";
import { sofficeBinary } from "../xlsx/helpers";

/** The workbooks converted: the two Shanghai workbooks and the outside forms. */
export const SOURCES: readonly string[] = [
  "forms-2022-minhang-wujing.xlsx",
  "forms-2023-putuo-taopu-001-070.xlsx",
  "outside/anhui-jinzhai-meilixiangcun-2023-dept-TRUNCATED.xlsx",
  "outside/anhui-tangxi-weituo-2022-TRUNCATED.xlsx",
  "outside/anhui-xiaoxian-hexicun-2023-TRUNCATED.xlsx",
  "outside/hubei-huanggang-shuitu-2020.xlsx",
  "outside/sichuan-qingshen-gongzi-2023.xlsx",
  "outside/yunnan-shidian-xinxingzhuti-2019.xlsx",
  "outside/yunnan-yongde-mingliang-2022.xlsx",
].map(fixture);

export type Converted = "xls" | "ods" | "xlsb" | "biff5.xls";

export const soffice = sofficeBinary();

function key(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(readFileSync(file));
  hash.update("v3");
  return hash.digest("hex").slice(0, 16);
}

function runSoffice(format: string, outDir: string, files: readonly string[], profile: string): void {
  const r = spawnSync(
    soffice as string,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 300_000 }
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stdout}\n${r.stderr}`);
}

async function writeWithLibrary(source: string, target: string, bookType: "xlsb" | "biff5"): Promise<void> {
  const X = await import("@e965/xlsx");
  const book = X.read(readFileSync(source), { cellFormula: true, cellNF: true, cellStyles: true });
  writeFileSync(target, X.write(book, { bookType, type: "buffer" }) as Buffer);
}

/** The base name of the small workbook below, converted with the real ones. */
export const RICH = "rich";

/**
 * A small workbook with what a reader must keep: a formula, a number format, a merged area, a hidden and a
 * very hidden sheet.
 */
export async function richWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("自评表");
  sheet.getCell("A1").value = "项目名称";
  sheet.getCell("B1").value = "消防安全专项经费";
  sheet.getCell("A2").value = "分值";
  sheet.getCell("B2").value = 10;
  sheet.getCell("C2").value = 0.955;
  sheet.getCell("C2").numFmt = "0.00%";
  sheet.getCell("D2").value = { formula: "B2*2", result: 20 };
  sheet.mergeCells("B1:D1");
  // Formulas as forms hold them: filled down (shared), absolute and relative references, text, other sheets.
  for (let i = 0; i < 5; i++) {
    const row = 4 + i;
    sheet.getCell(`B${row}`).value = i + 1;
    // exceljs writes a shared formula from shareType/ref, which its typings do not list.
    const master = { formula: "B4*2", result: 2, shareType: "shared", ref: "C4:C8" };
    sheet.getCell(`C${row}`).value = (
      i === 0 ? master : { sharedFormula: "C4", result: (i + 1) * 2 }
    ) as ExcelJS.CellValue;
    sheet.getCell(`D${row}`).value = { formula: `SUM($B$4:B${row})`, result: ((i + 1) * (i + 2)) / 2 };
    sheet.getCell(`E${row}`).value = { formula: `IF(B${row}>2,"高","低")`, result: i + 1 > 2 ? "高" : "低" };
    sheet.getCell(`F${row}`).value = {
      formula: `ROUND(B${row}/3,2)`,
      result: Math.round(((i + 1) / 3) * 100) / 100,
    };
  }
  sheet.getCell("G4").value = { formula: '隐藏表!A1&"x"', result: "隐藏x" };
  book.addWorksheet("隐藏表", { state: "hidden" }).getCell("A1").value = "隐藏";
  book.addWorksheet("深度隐藏表", { state: "veryHidden" }).getCell("A1").value = "深度隐藏";
  await book.xlsx.writeFile(path);
}

let made: Promise<string> | null = null;

/**
 * The folder holding `<name>.xls`, `<name>.ods`, `<name>.xlsb` and `<name>.biff5.xls` for every source
 * (`<name>` its base name without .xlsx). Needs soffice; throws when it fails.
 */
export function convertedDir(): Promise<string> {
  made ??= (async () => {
    const cache = join(tmpdir(), `zpb-formats-${key()}`);
    const lock = `${cache}.lock`;
    // Test files run in parallel workers: one converts (holding the lock folder), the others wait for it.
    for (const until = Date.now() + 600_000; Date.now() < until;) {
      if (existsSync(join(cache, "done"))) return cache;
      try {
        mkdirSync(lock);
      } catch {
        const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > 600_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      try {
        if (!existsSync(join(cache, "done"))) await convertInto(cache);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      return cache;
    }
    throw new Error("timed out waiting for another test file's conversion");
  })();
  return made;
}

async function convertInto(cache: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "zpb-formats-work-"));
  try {
    const profile = join(work, "profile");
    const rich = join(work, "src", `${RICH}.xlsx`);
    mkdirSync(join(work, "src"));
    await richWorkbook(rich);
    runSoffice("xls:MS Excel 97", work, [...SOURCES, rich], profile);
    runSoffice("ods", work, [...SOURCES, rich], profile);
    rmSync(profile, { recursive: true, force: true });
    for (const source of SOURCES) {
      const name = basename(source, ".xlsx");
      await writeWithLibrary(source, join(work, `${name}.xlsb`), "xlsb");
      await writeWithLibrary(source, join(work, `${name}.biff5.xls`), "biff5");
    }
    writeFileSync(join(work, "done"), "");
    rmSync(cache, { recursive: true, force: true }); // an incomplete copy of an interrupted run
    renameSync(work, cache);
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

/** The converted copy of a source in a format. */
export function convertedOf(dir: string, source: string, format: Converted): string {
  return join(dir, `${basename(source, ".xlsx")}.${format}`);
}
