/**
 * Which reader a spreadsheet's bytes need, told from their content (never from the file's name): our own
 * .xlsx reader, or the library reader of the other formats people send (.xls / .et, .xlsb, .ods).
 */
import { sniff } from "../xlsx/errors";
import { parseZip, readEntry } from "../xlsx/zip";
import { Budget } from "../xlsx/limits";

/** "xlsx" covers every OOXML package and every file the .xlsx reader refuses with its own reason. */
export type SpreadsheetFormat = "xlsx" | "xls" | "xlsb" | "ods";

/** The formats read by the library rather than by the .xlsx reader. */
export type LegacyFormat = Exclude<SpreadsheetFormat, "xlsx">;

const ODS_TYPES = new Set([
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.spreadsheet-template",
]);

function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}
/** The stream of an .xls workbook in its compound file: "Workbook" (BIFF8), "Book" (BIFF5). */
const BOOK_STREAMS = ["Workbook", "Book", "WORKBOOK", "BOOK"].map(utf16);

/** Whether `needle` occurs in `hay` (a plain scan: linear in practice, no expression on file bytes). */
export function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(needle[0]); i >= 0 && i <= last; i = hay.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Whether an OLE2 compound file names a workbook stream ("Workbook" or "Book") in its directory. */
export function hasBookStream(bytes: Uint8Array): boolean {
  return BOOK_STREAMS.some((name) => containsBytes(bytes, name));
}

/**
 * The reader a file needs. An OLE2 compound file that is neither encrypted OOXML nor Word/PowerPoint is
 * an .xls (a WPS .et saved in that format is one too); a zip holding `xl/workbook.bin` is an .xlsb, one
 * whose `mimetype` says OpenDocument spreadsheet an .ods. Everything else goes to the .xlsx reader, which
 * reads it or says what it is (damaged, encrypted, not a spreadsheet).
 */
export function spreadsheetFormat(bytes: Uint8Array): SpreadsheetFormat {
  const kind = sniff(bytes);
  if (kind === "legacy") return "xls";
  if (kind !== "zip") return "xlsx";
  try {
    const zip = parseZip(bytes);
    const names = zip.entries.map((e) => e.name.toLowerCase());
    if (names.includes("xl/workbook.bin")) return "xlsb";
    const mimetype = zip.byName.get("mimetype");
    // The mimetype entry is a few dozen bytes; a small budget refuses a hostile one at once.
    if (mimetype && mimetype.size < 256) {
      const budget = new Budget({
        partBytes: 256,
        packageBytes: 256,
        cells: 0,
        ratio: 1032,
        ratioGrace: 256,
      });
      const text = new TextDecoder("utf-8").decode(readEntry(zip, mimetype, budget)).trim();
      if (ODS_TYPES.has(text)) return "ods";
    }
  } catch {
    // A damaged zip: the .xlsx reader says so in its own words.
  }
  return "xlsx";
}

/** The extensions of the formats read by content, for a folder walk and for messages. */
export const LEGACY_EXTENSIONS = [".xls", ".et", ".xlsb", ".ods", ".ett", ".xlt", ".ots"] as const;
