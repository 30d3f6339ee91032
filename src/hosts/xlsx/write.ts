/**
 * Writes patches into an .xlsx file's bytes: only the worksheet parts of patched sheets change (by text
 * splicing); every other zip entry is copied raw, byte for byte.
 */
import { columnName } from "../../core/address";
import type { Patch } from "../../core/types";
import { PatchError } from "./errors";
import { guard, openPackage } from "./package";
import { spliceSheet } from "./splice";
import { writeZip } from "./zip";
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

/**
 * Returns new .xlsx bytes with the patches written. Patch `row`/`col` decide the cell (`cell` is rewritten
 * from them); the last patch of a cell wins. Throws PatchError (formula cell, formula-like text, unknown
 * sheet, bad value) before anything is written, and WorkbookError when the bytes are not a readable .xlsx.
 */
export function applyPatches(bytes: Uint8Array, patches: readonly Patch[], file?: string): Uint8Array {
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
  for (const [sheet, cells] of bySheet) {
    const info = pkg.sheets.find((s) => s.name === sheet);
    if (!info) throw new PatchError(xlsxText.writeNoSheet(sheet), "no-sheet");
    const next = guard(file, () => {
      const xml = pkg.text(info.path);
      if (xml === null) throw new SyntaxError(xlsxText.missingPart(info.path));
      return spliceSheet(xml, sheet, [...cells.values()]);
    });
    replace.set(info.path, new TextEncoder().encode(next));
  }
  if (replace.size === 0) return new Uint8Array(bytes);
  return writeZip(pkg.zip, replace);
}
