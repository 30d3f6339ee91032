/** Pieces shared by the HTML report and the letters: escaping, tables, the page's own CSS. */
import { cliText as T } from "../i18n/cli";
import type { Severity } from "../core/index";

/** Text for HTML element content or a quoted attribute. */
export function esc(text: string | number | null | undefined): string {
  if (text === null || text === undefined) return "";
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A number with at most 2 decimals, "" for none. */
export function fmt(value: number | null): string {
  return value === null ? "" : String(value);
}

export function pctText(value: number | null): string {
  return value === null ? "" : `${value}%`;
}

export function severityTag(severity: Severity): string {
  return `<span class="sev ${severity}">${esc(T.severity[severity])}</span>`;
}

/** A table: header titles, rows of cell HTML (already escaped), optional column widths in %. */
export function table(
  header: readonly string[],
  rows: readonly string[][],
  widths?: readonly number[]
): string {
  const cols = widths
    ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join("")}</colgroup>`
    : "";
  const head = `<thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table>${cols}${head}<tbody>\n${body}\n</tbody></table>`;
}

/**
 * The page's style: A4 (landscape for the report), tables that wrap long texts instead of widening the
 * page, header rows repeated on every printed page, no font or image from anywhere else.
 */
export function css(landscape: boolean): string {
  const width = landscape ? 273 : 186; // the printable width of A4 with 12 mm margins
  return `
@page { size: A4 ${landscape ? "landscape" : "portrait"}; margin: 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "SimSun", sans-serif;
  font-size: 10pt; color: #1f2328; margin: 0 auto; padding: 6mm 0; max-width: ${width}mm; line-height: 1.45; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 2px solid #9bc2e6; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; }
p { margin: 1mm 0; }
.note { color: #595959; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 1mm 0 3mm; }
th, td { border: 1px solid #b4c6e7; padding: 1px 3px; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #ddebf7; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.small { font-size: 8pt; }
.sev { font-weight: 600; white-space: nowrap; }
.sev.error, .bad { color: #c00000; }
.sev.warning, .warn { color: #c55a11; }
.sev.info { color: #2f5597; font-weight: normal; }
.ok { color: #548235; }
.charts { display: flex; flex-wrap: wrap; gap: 6mm; break-inside: avoid; }
.charts figure { margin: 0; flex: 1 1 120mm; }
.charts figcaption { font-weight: 600; margin-bottom: 1mm; }
svg { display: block; width: 100%; height: auto; }
section.form { break-inside: avoid; }
a { color: #0563c1; }
@media print { a { color: inherit; text-decoration: none; } }
`;
}

/** A whole page: no script, no request to anything but itself (the CSP says so to the browser too). */
export function page(title: string, body: string, landscape: boolean): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${css(landscape)}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
