/** Shared formulas: the text of a dependent cell, derived from its master's by moving relative references. */
import { columnName } from "../../core/address";

const MAX_COL = 16383;
const MAX_ROW = 1048575;
// A cell reference not part of a name, a function call or a sheet name ("Sheet1!" is skipped by "!"). The
// character before it is captured rather than looked behind, which older script engines cannot parse.
const REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!])/g;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function shiftPlain(text: string, dr: number, dc: number): string {
  return text.replace(
    REF,
    (whole, before: string, cAbs: string, letters: string, rAbs: string, digits: string) => {
      let col = colIndex(letters);
      let row = Number(digits) - 1;
      if (col > MAX_COL || row > MAX_ROW) return whole;
      if (!cAbs) col += dc;
      if (!rAbs) row += dr;
      if (col < 0 || row < 0 || col > MAX_COL || row > MAX_ROW) return `${before}#REF!`;
      return `${before}${cAbs}${columnName(col)}${rAbs}${row + 1}`;
    }
  );
}

/**
 * Moves the relative A1 references of a formula (without "=") by dr rows and dc columns, leaving string
 * literals and quoted sheet names alone — what Excel does when it expands a shared formula.
 */
export function shiftFormula(text: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return text;
  let out = "";
  let i = 0;
  // The next quote of each kind, each searched again only once passed: linear, where a search of the
  // rest per literal is quadratic in a formula of many literals.
  let dq = -2;
  let sq = -2;
  while (i < text.length) {
    if (dq !== -1 && dq < i) dq = text.indexOf('"', i);
    if (sq !== -1 && sq < i) sq = text.indexOf("'", i);
    const next = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
    const q = next < 0 ? -1 : next - i;
    if (q < 0) {
      out += shiftPlain(text.slice(i), dr, dc);
      break;
    }
    out += shiftPlain(text.slice(i, i + q), dr, dc);
    const quote = text[i + q];
    let j = i + q + 1;
    // A doubled quote inside a literal is an escaped quote.
    for (;;) {
      const k = text.indexOf(quote, j);
      if (k < 0) {
        j = text.length;
        break;
      }
      if (text[k + 1] === quote) j = k + 2;
      else {
        j = k + 1;
        break;
      }
    }
    out += text.slice(i + q, j);
    i = j;
  }
  return out;
}
