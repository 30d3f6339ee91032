/** A1-style addresses for 0-based absolute coordinates. */

/** Column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "H23" for row 22, column 7. */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** Parses "H23" (or "$H$23") into 0-based row and column; throws on anything else (API misuse). */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "A1:I27" into 0-based inclusive bounds; a single cell gives a 1×1 range. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = ref.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
