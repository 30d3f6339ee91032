/**
 * Writes patches into an .xlsx file's bytes: only the worksheet parts of patched sheets change (by text
 * splicing); every other zip entry is copied raw, byte for byte.
 */
import { columnName } from "../../core/address";
import type { Patch } from "../../core/types";
import { PatchError } from "./errors";
import { guard, openPackage } from "./package";
import { lockedPatches, spliceSheet } from "./splice";
import { parseCellLocks } from "./styles";
import { writeZip } from "./zip";
import { binaryToBytes, bytesToBinary, utf8Binary } from "./xml";
import { xlsxText } from "../../i18n/xlsx";

/** Texts that a spreadsheet could read as a formula (defence in depth: the core never writes them). */
const FORMULA_LIKE = /^[=+\-@]/;

function check(p: Patch): void {
  if (typeof p.value === "number") {
    if (!Number.isFinite(p.value)) throw new PatchError(xlsxText.writeBadValue(p.sheet, p.cell), "bad-value");
  } else if (typeof p.value === "string") {
    if (FORMULA_LIKE.test(p.value))
      throw new PatchError(xlsxText.writeUnsafeText(p.sheet, p.cell), "unsafe-text");
  } else {
    throw new PatchError(xlsxText.writeBadValue(p.sheet, p.cell), "bad-value");
  }
  if (
    !Number.isInteger(p.row) ||
    !Number.isInteger(p.col) ||
    p.row < 0 ||
    p.col < 0 ||
    p.row > 1048575 ||
    p.col > 16383
  ) {
    throw new PatchError(xlsxText.writeBadValue(p.sheet, p.cell), "bad-value");
  }
}

/** What writePatches did: the new bytes, and the patches it left out because their cell is locked. */
export interface Written {
  bytes: Uint8Array;
  /** Patches of locked cells of protected sheets, not written (as Excel would refuse them). */
  locked: Patch[];
}

/**
 * Writes the patches that may be written: a locked cell of a protected sheet is left as it is and its
 * patch returned in `locked` (an unlocked one is written, as Excel lets a user type there). Patch
 * `row`/`col` decide the cell (`cell` is rewritten from them); the last patch of a cell wins. Throws
 * PatchError (formula cell, formula-like text, unknown sheet, bad value) before anything is written, and
 * WorkbookError when the bytes are not a readable .xlsx.
 */
export function writePatches(bytes: Uint8Array, patches: readonly Patch[], file?: string): Written {
  for (const p of patches) check(p);
  const pkg = openPackage(bytes, file);
  const bySheet = new Map<string, Map<string, Patch>>();
  for (const p of patches) {
    const cell = `${columnName(p.col)}${p.row + 1}`;
    const list = bySheet.get(p.sheet) ?? new Map<string, Patch>();
    list.set(cell, { ...p, cell });
    bySheet.set(p.sheet, list);
  }
  const replace = new Map<string, Uint8Array>();
  const locked: Patch[] = [];
  let locks: boolean[] | null = null;
  for (const [sheet, cells] of bySheet) {
    const info = pkg.sheets.find((s) => s.name === sheet);
    if (!info) throw new PatchError(xlsxText.writeNoSheet(sheet), "no-sheet");
    const next = guard(file, () => {
      // The part as bytes, one character per byte: every byte outside the patched cells is written back
      // as it was (a byte-order mark, an invalid UTF-8 sequence), never decoded and encoded again.
      const bytes = pkg.raw(info.path);
      if (bytes === null) throw new SyntaxError(xlsxText.missingPart(info.path));
      const xml = bytesToBinary(bytes);
      const wanted = [...cells.values()];
      locks ??= parseCellLocks(pkg.text(pkg.parts.get("styles") ?? "xl/styles.xml"));
      const refused = new Set(lockedPatches(xml, wanted, locks));
      locked.push(...refused);
      const writable = wanted.filter((p) => !refused.has(p));
      return writable.length > 0 ? spliceSheet(xml, sheet, writable, utf8Binary) : null;
    });
    if (next !== null) replace.set(info.path, binaryToBytes(next));
  }
  if (replace.size === 0) return { bytes: new Uint8Array(bytes), locked };
  return { bytes: writeZip(pkg.zip, replace), locked };
}

/**
 * Returns new .xlsx bytes with every patch written (see writePatches). Throws PatchError "protected", and
 * writes nothing, when a patch would write a locked cell of a protected sheet.
 */
export function applyPatches(bytes: Uint8Array, patches: readonly Patch[], file?: string): Uint8Array {
  const written = writePatches(bytes, patches, file);
  if (written.locked.length > 0) {
    const first = written.locked[0];
    throw new PatchError(
      xlsxText.writeLocked(
        first.sheet,
        written.locked.filter((p) => p.sheet === first.sheet).map((p) => p.cell)
      ),
      "protected"
    );
  }
  return written.bytes;
}
