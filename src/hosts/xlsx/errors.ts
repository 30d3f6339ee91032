/** The named errors of the .xlsx host, and what a file is, told from its first bytes. */
import { xlsxText } from "../../i18n/xlsx";

export type WorkbookErrorReason =
  "missing" | "corrupt" | "encrypted" | "legacy" | "not-a-workbook" | "empty" | "too-large";

/** What a file that is not a workbook is instead, told from its bytes (its name may say otherwise). */
export type ForeignKind =
  "word" | "powerpoint" | "ods" | "opendocument" | "zip" | "pdf" | "text" | "html" | "unknown";

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
    case "empty":
      return new WorkbookError(reason, xlsxText.empty(file), file);
    case "too-large":
      return new WorkbookError(reason, xlsxText.tooLarge(file, detail ?? ""), file);
  }
}

/** The WorkbookError of a file that is something else than a workbook, saying what it is. */
export function foreignFile(kind: ForeignKind, file?: string): WorkbookError {
  return new WorkbookError("not-a-workbook", xlsxText.foreign(kind, file), file);
}

/** Refused patches (API misuse or a guard): a formula cell, a text that could run as a formula, … */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly reason: "formula" | "unsafe-text" | "no-sheet" | "bad-value" | "protected"
  ) {
    super(message);
    this.name = "PatchError";
  }
}

export type FileKind =
  "zip" | "encrypted" | "legacy" | "empty" | "word" | "powerpoint" | "pdf" | "text" | "html" | "unknown";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}
const ENCRYPTION_STREAMS = [utf16("EncryptedPackage"), utf16("EncryptionInfo")];
const WORD_STREAM = utf16("WordDocument");
const POWERPOINT_STREAM = utf16("PowerPoint Document");
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const PDF = ascii("%PDF-");

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

/** Whether the first bytes read as text (UTF-8, UTF-16 or GBK alike): no NUL and few control bytes. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control * 100 <= head.length;
}

/**
 * What a file is by its signature: a zip (maybe an .xlsx), an OLE2 compound file holding an encrypted
 * OOXML package (a password-protected .xlsx), an old Word or PowerPoint file, another OLE2 file (an old
 * .xls or a WPS .et), an empty file, a PDF, an HTML page or other text (a CSV), or unknown.
 */
export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4)
    return "zip";
  if (bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b)) {
    if (ENCRYPTION_STREAMS.some((n) => contains(bytes, n))) return "encrypted";
    if (contains(bytes, WORD_STREAM)) return "word";
    if (contains(bytes, POWERPOINT_STREAM)) return "powerpoint";
    return "legacy";
  }
  if (PDF.every((b, i) => bytes[i] === b)) return "pdf";
  if (looksLikeText(bytes)) {
    const start = new TextDecoder("utf-8").decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
    return /^(<!doctype html|<html|<table|<meta)/.test(start) ? "html" : "text";
  }
  return "unknown";
}
