/**
 * OpenDocument formula references in A1 syntax: the library converts `[.B4]` to `B4` but leaves ranges
 * with absolute parts (`[.$B$4:.B4]`) and references to other sheets (`[隐藏表.A1]`) in OpenFormula's
 * bracket syntax. A linear scan (no regular expression on the file's text) rewrites what is left:
 * `[.$B$4:.B4]` → `$B$4:B4`, `[$Sheet.A1:.B2]` → `Sheet!A1:B2`, `['My sheet'.A1]` → `'My sheet'!A1`.
 */

/** Where the quote that closes the one at `from` is (a doubled quote is an escaped one), or the end. */
function closeQuote(text: string, from: number): number {
  const quote = text[from];
  let j = from + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j;
    } else j++;
  }
  return text.length;
}

/** Splits at `sep` outside single quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") i = closeQuote(text, i);
    else if (text[i] === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The last "." outside single quotes, or -1. */
function lastDot(text: string): number {
  let dot = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") i = closeQuote(text, i);
    else if (text[i] === ".") dot = i;
  }
  return dot;
}

function reference(inner: string): string {
  let first = "";
  return splitOutsideQuotes(inner, ":")
    .map((part, k) => {
      const dot = lastDot(part);
      let sheet = dot > 0 ? part.slice(0, dot) : "";
      const cell = dot >= 0 ? part.slice(dot + 1) : part;
      if (sheet.startsWith("$")) sheet = sheet.slice(1);
      if (k === 0) first = sheet;
      return sheet && (k === 0 || sheet !== first) ? `${sheet}!${cell}` : cell;
    })
    .join(":");
}

/** The formula with its bracketed OpenFormula references written in A1 syntax; string literals kept. */
export function odsFormula(formula: string): string {
  if (!formula.includes("[")) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closeQuote(formula, i);
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (ch === "[") {
      let end = i + 1;
      while (end < formula.length && formula[end] !== "]") {
        if (formula[end] === "'") end = closeQuote(formula, end);
        end++;
      }
      if (end >= formula.length) return out + formula.slice(i);
      out += reference(formula.slice(i + 1, end));
      i = end + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
