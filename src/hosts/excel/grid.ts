/** Turns what Excel loaded (values, formulas, numberFormat, merged-area addresses) into a Grid. */
import type { Grid, Merge, Scalar } from "../../core/grid";
import { formulaOf, toScalar } from "./office";

/** The loaded arrays of one rectangular block of a sheet, at its absolute 0-based position. */
export interface Block {
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  formats: unknown[][];
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "A1", "$B$7", "C" (whole column) or "12" (whole row) as one end of a range. */
function end(ref: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

/**
 * A merged area from an address as Excel reports it: "Sheet1!A1:B2", "'My Sheet'!$C$3:$D$4", "A:A".
 * Null when it cannot be read (the form then simply lacks that merge).
 */
export function parseMerge(address: string): Merge | null {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [p, q = p] = local.split(":");
  const a = end(p);
  const b = end(q);
  if (!a || !b) return null;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = Math.max(a.row ?? MAX_ROW, b.row ?? MAX_ROW);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = Math.max(a.col ?? MAX_COL, b.col ?? MAX_COL);
  return { top, left, bottom, right };
}

function formatOf(f: unknown): string | null {
  return typeof f === "string" && f !== "" && f !== "General" ? f : null;
}

/**
 * Joins row bands of one sheet (read in one or more batches) into a Grid. The bands must be given top to
 * bottom and share their columns; an empty list gives an empty Grid.
 */
export function toGrid(name: string, blocks: Block[], mergeAddresses: string[]): Grid {
  const merges = mergeAddresses.map(parseMerge).filter((m): m is Merge => m !== null);
  if (blocks.length === 0) return { name, top: 0, left: 0, values: [], formulas: [], formats: [], merges };
  const values: Scalar[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  for (const block of blocks) {
    block.values.forEach((line, r) => {
      values.push(line.map(toScalar));
      formulas.push(line.map((v, c) => formulaOf(block.formulas[r]?.[c], v)));
      formats.push(line.map((_, c) => formatOf(block.formats[r]?.[c])));
    });
  }
  return { name, top: blocks[0].top, left: blocks[0].left, values, formulas, formats, merges };
}
