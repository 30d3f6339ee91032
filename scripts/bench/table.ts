/** Markdown tables for the benchmark report, aligned for a terminal (CJK characters count double). */
import { displayWidth, padTo } from "../../src/cli/format";

export type CellValue = string | number;

export interface Table {
  title: string;
  columns: string[];
  rows: CellValue[][];
  /** Lines printed under the table (what was measured, caveats). */
  notes?: string[];
}

/** A benchmark section: a titled group of tables, run in turn by scripts/bench.ts. */
export interface BenchSection {
  /** Short name to run one section alone: `npm run bench -- core`. */
  name: string;
  run(): Promise<Table[]>;
}

function cellText(value: CellValue): string {
  return typeof value === "number" ? String(Math.round(value * 100) / 100) : value;
}

/** The table as markdown text. */
export function formatTable(table: Table): string {
  const rows = table.rows.map((row) => row.map(cellText));
  const widths = table.columns.map((title, i) =>
    Math.max(3, displayWidth(title), ...rows.map((r) => displayWidth(r[i] ?? "")))
  );
  const line = (cells: string[]): string =>
    `| ${widths.map((w, i) => padTo(cells[i] ?? "", w)).join(" | ")} |`;
  const out = [
    `### ${table.title}`,
    "",
    line(table.columns),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
  ];
  for (const row of rows) out.push(line(row));
  if (table.notes?.length) out.push("", ...table.notes);
  return `${out.join("\n")}\n`;
}

/** Prints a table (to stdout unless told otherwise). */
export function printTable(
  table: Table,
  write: (text: string) => void = (t) => void process.stdout.write(t)
): void {
  write(`${formatTable(table)}\n`);
}
