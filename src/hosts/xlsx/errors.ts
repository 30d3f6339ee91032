/** The named errors of the .xlsx host, and what a file is, told from its first bytes. */
import { xlsxText } from "../../i18n/xlsx";

export type WorkbookErrorReason = "missing" | "corrupt" | "encrypted" | "legacy" | "not-a-workbook";

/** A file that cannot be read as a workbook; `message` is Chinese and names the file when known. */
export class WorkbookError extends Error {
  constructor(
    readonly reason: WorkbookErrorReason,
    message: string,
    readonly file?: string
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

/** Builds the WorkbookError of a reason, with its catalogue message. */
export function workbookError(reason: WorkbookErrorReason, file?: string, detail?: string): WorkbookError {
  switch (reason) {
    case "missing":
      return new WorkbookError(reason, xlsxText.missing(file), file);
    case "corrupt":
      return new WorkbookError(reason, xlsxText.corrupt(file, detail), file);
    case "encrypted":
      return new WorkbookError(reason, xlsxText.encrypted(file), file);
    case "legacy":
      return new WorkbookError(reason, xlsxText.legacy(file), file);
    case "not-a-workbook":
      return new WorkbookError(reason, xlsxText.notWorkbook(file), file);
  }
}

/** Refused patches (API misuse or a guard): a formula cell, a text that could run as a formula, … */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly reason: "formula" | "unsafe-text" | "no-sheet" | "bad-value"
  ) {
    super(message);
    this.name = "PatchError";
  }
}

export type FileKind = "zip" | "encrypted" | "legacy" | "unknown";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}
const ENCRYPTION_STREAMS = [utf16("EncryptedPackage"), utf16("EncryptionInfo")];

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/**
 * What a file is by its signature: a zip (maybe an .xlsx), an OLE2 compound file holding an encrypted
 * OOXML package (a password-protected .xlsx), another OLE2 file (an old .xls or a WPS .et), or unknown.
 */
export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)
    return "zip";
  if (bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b)) {
    return ENCRYPTION_STREAMS.some((n) => contains(bytes, n)) ? "encrypted" : "legacy";
  }
  return "unknown";
}
