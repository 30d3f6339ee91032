/**
 * The HTML report (`zpb check --report 报告.html`): the summary's tables, a chart of the grade distribution
 * and one of the most frequent problems, and each form with its findings, as one self-contained page that
 * opens offline and prints on A4 landscape.
 */
import { cliText as T } from "../i18n/cli";
import { codeAdvice, codeName } from "../i18n/codes";
import { reviewText as R } from "../i18n/review";
import { CHANGES } from "./since";
import { GRADES, overview, provenance, type Batch, type BatchRow, type Group } from "./batch";
import { esc, fmt, page, pctText, severityTag, table } from "./html";
import type { Links } from "./summary";

const BAR_COLOURS: Record<string, string> = {
  优: "#548235",
  良: "#2f75b5",
  中: "#c55a11",
  差: "#c00000",
  none: "#a6a6a6",
};

/** A vertical bar chart of the forms per recomputed grade. */
export function gradeChart(batch: Batch): string {
  const bars = batch.grades.map((g) => ({
    label: g.grade ?? T.noGradeLabel,
    value: g.recomputed,
    key: g.grade ?? "none",
  }));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 420;
  const h = 200;
  const base = 170;
  const slot = (w - 40) / bars.length;
  const parts = bars.map((b, i) => {
    const height = Math.round((b.value / max) * 140);
    const x = 30 + i * slot + slot * 0.2;
    const bw = slot * 0.6;
    return (
      `<rect class="bar" x="${x.toFixed(1)}" y="${base - height}" width="${bw.toFixed(1)}" height="${height}" fill="${BAR_COLOURS[b.key]}"><title>${esc(`${b.label}：${b.value}`)}</title></rect>` +
      `<text x="${(x + bw / 2).toFixed(1)}" y="${base - height - 4}" text-anchor="middle" font-size="12">${b.value}</text>` +
      `<text x="${(x + bw / 2).toFixed(1)}" y="${base + 16}" text-anchor="middle" font-size="12">${esc(b.label)}</text>`
    );
  });
  return (
    `<svg class="chart grades" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(T.reportGradeChart)}" xmlns="http://www.w3.org/2000/svg">` +
    `<line x1="24" y1="${base}" x2="${w - 6}" y2="${base}" stroke="#595959"/>${parts.join("")}</svg>`
  );
}

/** A horizontal bar chart of the most frequent errors and warnings (at most eight). */
export function codeChart(batch: Batch): string {
  const top = batch.codes.slice(0, 8);
  const w = 520;
  const row = 22;
  const h = Math.max(1, top.length) * row + 12;
  const max = Math.max(1, ...top.map((c) => c.count));
  const labelWidth = 190;
  const parts = top.map((c, i) => {
    const y = 6 + i * row;
    const width = Math.max(2, Math.round((c.count / max) * (w - labelWidth - 50)));
    const colour = c.severity === "error" ? "#c00000" : "#c55a11";
    const label = codeName(c.code);
    return (
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end" font-size="12">${esc(label)}</text>` +
      `<rect class="bar" x="${labelWidth}" y="${y + 2}" width="${width}" height="${row - 6}" fill="${colour}"><title>${esc(`${label}：${c.count}`)}</title></rect>` +
      `<text x="${labelWidth + width + 4}" y="${y + 14}" font-size="12">${c.count}</text>`
    );
  });
  const empty = top.length === 0 ? `<text x="10" y="20" font-size="12">${esc(T.noProblems)}</text>` : "";
  return (
    `<svg class="chart codes" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(T.reportCodeChart)}" xmlns="http://www.w3.org/2000/svg">` +
    `${parts.join("")}${empty}</svg>`
  );
}

function link(links: Links, file: string, text: string): string {
  return `<a href="${esc(links(file))}">${esc(text)}</a>`;
}

function statusCell(r: BatchRow): string {
  const cls =
    r.status === "fix"
      ? "bad"
      : r.status === "unreadable" || r.status === "unscored"
        ? "warn"
        : r.status === "pass"
          ? "ok"
          : "";
  return `<span class="${cls}">${esc(R.status[r.status])}</span>`;
}

function changeCell(r: BatchRow): string {
  if (r.change === null) return "";
  const cls = r.change === "worse" || r.change === "still" ? "bad" : r.change === "fixed" ? "ok" : "";
  return `<span class="${cls}">${esc(R.change[r.change])}</span>`;
}

function summaryTable(batch: Batch, links: Links): string {
  const since = batch.since !== null;
  const rows = batch.rows.map((r) => {
    const changed =
      r.grade.submitted !== null && r.grade.recomputed !== null && r.grade.submitted !== r.grade.recomputed;
    return [
      link(links, r.file, r.file),
      esc(r.sheet),
      esc(r.project),
      esc(r.department),
      esc(r.implementer),
      esc(pctText(r.rate.submitted)),
      esc(pctText(r.rate.recomputed)),
      esc(fmt(r.total.submitted)),
      esc(fmt(r.total.recomputed)),
      `<span class="${r.total.diff ? "bad" : ""}">${esc(fmt(r.total.diff))}</span>`,
      esc(r.grade.submitted),
      `<span class="${changed ? "bad" : ""}">${esc(r.grade.recomputed)}</span>`,
      r.range === null ? "" : String(r.counts.error),
      r.range === null ? "" : String(r.counts.warning),
      r.range === null ? "" : String(r.counts.info),
      statusCell(r),
      esc(r.main),
      ...(since ? [changeCell(r)] : []),
    ];
  });
  const widths = [
    11,
    6,
    9,
    7,
    7,
    4.5,
    4.5,
    4,
    4,
    4,
    3.5,
    3.5,
    3,
    3,
    3,
    4.5,
    since ? 10 : 14,
    ...(since ? [4] : []),
  ];
  const header = [...T.summaryHeader, ...(since ? [R.changeHeader] : [])];
  return `<div class="small">${table(header, rows, widths).replace("<table>", '<table class="small">')}</div>`;
}

function groupTable(by: string, groups: readonly Group[]): string {
  const rows = groups.map((g) => [
    esc(g.name),
    String(g.forms),
    esc(fmt(g.average)),
    ...GRADES.map((grade) => String(g.grades[grade])),
    `<span class="${g.withErrors ? "bad" : ""}">${g.withErrors}</span>`,
  ]);
  return table(T.groupHeader(by), rows, [34, 8, 12, 8, 8, 8, 8, 14]);
}

function statsSection(batch: Batch): string {
  const forms = batch.counts.forms;
  const grades = batch.grades.map((g) => [
    esc(g.grade ?? T.noGradeLabel),
    String(g.submitted),
    String(g.recomputed),
    forms ? `${((g.recomputed / forms) * 100).toFixed(1)}%` : "",
  ]);
  const codes = batch.codes.map((c) => [
    esc(codeName(c.code)),
    severityTag(c.severity),
    String(c.count),
    String(c.forms),
    esc(codeAdvice(c.code)),
  ]);
  const duplicates = batch.duplicates.map((d) => [
    esc(d.project),
    esc(d.department),
    esc(T.duplicateWhy[d.why]),
    d.places.map((p) => esc(`${p.file}「${p.sheet}」${p.range}`)).join("<br>"),
  ]);
  return [
    `<h2>${esc(T.statsSheet)}</h2>`,
    `<h3>${esc(T.byDepartment)}</h3>`,
    groupTable("主管部门", batch.departments),
    `<h3>${esc(T.byImplementer)}</h3>`,
    groupTable("实施单位", batch.implementers),
    `<h3>${esc(T.gradeTitle)}</h3>`,
    table(T.gradeHeader, grades, [25, 25, 25, 25]),
    `<h3>${esc(T.codeTitle)}</h3>`,
    codes.length ? table(R.codeHeader, codes, [26, 8, 8, 8, 50]) : `<p class="note">${esc(T.noProblems)}</p>`,
    `<h3>${esc(T.duplicateTitle)}</h3>`,
    duplicates.length
      ? table(T.duplicateHeader, duplicates, [25, 20, 20, 35])
      : `<p class="note">${esc(T.noDuplicates)}</p>`,
  ].join("\n");
}

function formSection(r: BatchRow, links: Links): string {
  const where = `${r.file}${r.sheet ? `「${r.sheet}」` : ""}${r.range ? ` ${r.range}` : ""}`;
  const change = r.change === null ? "" : `（${changeCell(r)}）`;
  const title = `${link(links, r.file, where)} ${esc(r.project)} — ${statusCell(r)}${change}`;
  const facts =
    r.range === null
      ? `<p>${esc(r.main)}</p>`
      : `<p class="note">${esc(
          [
            `主管部门 ${r.department || T.unnamed}`,
            `实施单位 ${r.implementer || T.unnamed}`,
            `执行率 ${pctText(r.rate.submitted) || "—"} → ${pctText(r.rate.recomputed) || "—"}`,
            `总分 ${fmt(r.total.submitted) || "—"} → ${fmt(r.total.recomputed) || "—"}`,
            `等级 ${r.grade.submitted ?? "—"} → ${r.grade.recomputed ?? "—"}`,
          ].join("　")
        )}</p>`;
  const findings = r.findings.map((f) => [
    esc(f.cell),
    severityTag(f.severity),
    esc(codeName(f.code)),
    esc(f.message),
  ]);
  const body =
    findings.length > 0
      ? table(R.findingHeader, findings, [8, 8, 18, 66])
      : r.range !== null
        ? `<p class="ok">${esc(T.reportNoFindings)}</p>`
        : "";
  const corrected =
    r.corrected.length > 0
      ? `<p class="ok">${esc(R.correctedTitle)}${r.corrected
          .map((p) => esc(R.correctedItem(p.cell, p.name)))
          .join("；")}</p>`
      : "";
  return `<section class="form"><h3>${title}</h3>${facts}${corrected}${body}</section>`;
}

/** The second round: how many forms changed how, which were corrected, which are gone. */
export function sinceSection(batch: Batch): string {
  if (!batch.since) return "";
  const counts = { new: 0, fixed: 0, still: 0, worse: 0, same: 0 };
  for (const r of batch.rows) if (r.change) counts[r.change]++;
  const lists = CHANGES.filter((c) => c !== "same" && counts[c] > 0).map((c) => {
    const items = batch.rows
      .filter((r) => r.change === c)
      .map((r) => `<li>${esc(`${r.project || T.unnamed}（${R.formPlace(r.file, r.sheet, r.range)}）`)}</li>`);
    return `<h3>${esc(R.change[c])}（${counts[c]}）</h3><ul>${items.join("")}</ul>`;
  });
  const gone = batch.since.gone.map((g) => [
    esc(g.file),
    esc(g.sheet),
    esc(g.project),
    esc(g.department),
    esc((R.status as Record<string, string>)[g.status] ?? g.status),
  ]);
  return [
    `<h2>${esc(R.sinceTitle)}</h2>`,
    batch.since.when ? `<p class="note">${esc(R.sinceLine(batch.since.when))}</p>` : "",
    `<p><b>${esc(R.sinceCounts(counts, batch.since.gone.length))}</b></p>`,
    ...lists,
    `<h3>${esc(R.goneTitle)}（${gone.length}）</h3>`,
    gone.length ? table(R.goneHeader, gone, [30, 15, 25, 20, 10]) : `<p class="note">${esc(R.noneGone)}</p>`,
  ].join("\n");
}

/**
 * The report page's HTML. `links` gives the target of a file's link, relative to where the page is saved.
 */
export function reportHtml(batch: Batch, links: Links): string {
  const body = [
    `<h1>${esc(T.reportTitle)}</h1>`,
    `<p class="note">${esc(provenance(batch))}</p>`,
    `<p><b>${esc(overview(batch))}</b></p>`,
    sinceSection(batch),
    `<div class="charts">`,
    `<figure><figcaption>${esc(T.reportGradeChart)}</figcaption>${gradeChart(batch)}</figure>`,
    `<figure><figcaption>${esc(T.reportCodeChart)}</figcaption>${codeChart(batch)}</figure>`,
    `</div>`,
    `<h2>${esc(T.summarySheet)}</h2>`,
    summaryTable(batch, links),
    statsSection(batch),
    `<h2>${esc(T.reportFormsTitle)}</h2>`,
    ...batch.rows
      .filter((r) => r.status !== "no-form" && r.status !== "not-spreadsheet")
      .map((r) => formSection(r, links)),
  ].join("\n");
  return page(T.reportTitle, body, true);
}
