/**
 * Letters back to departments (`zpb check … --letters <folder>`): one printable HTML page per 主管部门,
 * listing its forms' problems with their cells and what to do, ready to send back.
 */
import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { cliText as T } from "../i18n/cli";
import { formatWhen, type Batch, type BatchRow } from "./batch";
import { esc, page, severityTag, table } from "./html";
import { CliError } from "./types";
import { saveAtomic, systemReason } from "./workbook";

export interface Letter {
  department: string;
  /** The file name in the letters folder. */
  name: string;
  rows: BatchRow[];
}

/** A department's name as a file name: no path separators or characters Windows refuses. */
export function letterName(department: string): string {
  const cleaned = department.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^[.\s]+|[.\s]+$/g, "");
  return [...(cleaned || "_")].slice(0, 80).join("");
}

/**
 * The letters of a batch: forms by their 主管部门; a file or sheet that could not be read goes to the
 * department of the other forms of its file when there is one, else to a letter of its own.
 */
export function letters(batch: Batch): Letter[] {
  const fileDepartments = new Map<string, Set<string>>();
  for (const r of batch.rows)
    if (r.range !== null && r.department)
      fileDepartments.set(r.file, (fileDepartments.get(r.file) ?? new Set()).add(r.department));
  const byDepartment = new Map<string, BatchRow[]>();
  for (const r of batch.rows) {
    if (r.status === "notForm") continue;
    let department = r.department;
    if (!department) {
      const known = fileDepartments.get(r.file);
      department = known && known.size === 1 ? [...known][0] : T.unknownDepartment;
    }
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), r]);
  }
  const used = new Set<string>();
  return [...byDepartment.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, rows]) => {
      const base = letterName(department);
      let name = `${base}.html`;
      for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.html`;
      used.add(name.toLowerCase());
      return { department, name, rows };
    });
}

function formBlock(r: BatchRow): string {
  const where = `${r.file}${r.sheet ? `「${r.sheet}」` : ""}`;
  const shown = r.findings.filter((f) => f.severity !== "info");
  const rows = shown.map((f) => [
    esc(f.cell),
    severityTag(f.severity),
    esc(f.message),
    esc(T.codeAdvice[f.code] ?? ""),
  ]);
  return (
    `<section class="form"><h3>${esc(r.project || where)}</h3><p class="note">${esc(where)}${
      r.range ? ` ${esc(r.range)}` : ""
    }</p>` +
    table(T.letterHeader, rows, [10, 10, 50, 30]) +
    `</section>`
  );
}

/** One letter's HTML. */
export function letterHtml(letter: Letter, batch: Batch): string {
  const forms = letter.rows.filter((r) => r.range !== null);
  const unreadable = letter.rows.filter((r) => r.status === "unreadable");
  const toWork = forms.filter((r) => r.findings.some((f) => f.severity !== "info"));
  const passed = forms.filter((r) => !toWork.includes(r));
  const toCorrect = forms.filter((r) => r.status === "fix").length;
  const title = T.letterTitle(letter.department);
  const parts = [
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(T.letterIntro(formatWhen(batch.meta.when), forms.length, toCorrect))}</p>`,
    ...toWork.map(formBlock),
  ];
  if (unreadable.length > 0)
    parts.push(
      `<h2>${esc(T.letterUnreadable)}</h2><ul>${unreadable
        .map((r) => `<li>${esc(`${r.file}${r.sheet ? `「${r.sheet}」` : ""}：${r.main}`)}</li>`)
        .join("")}</ul>`
    );
  if (passed.length > 0)
    parts.push(
      `<h2>${esc(T.letterPassed)}</h2><ul>${passed
        .map((r) => `<li>${esc(`${r.project}（${r.file}「${r.sheet}」）`)}</li>`)
        .join("")}</ul>`
    );
  parts.push(`<p class="note">${esc(T.letterClosing)}</p>`);
  return page(title, parts.join("\n"), false);
}

/** Writes one letter per department into `folder` (created when missing); returns how many. */
export async function writeLetters(folder: string, batch: Batch): Promise<number> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new CliError(T.argError(T.lettersFolderIsFile(folder)));
  } catch (err) {
    if (err instanceof CliError) throw err;
    try {
      await mkdir(folder, { recursive: true });
    } catch (mkdirErr) {
      const detail = systemReason(mkdirErr) ?? String(mkdirErr);
      throw new CliError(T.writeFailed(folder, detail));
    }
  }
  const all = letters(batch);
  for (const letter of all)
    await saveAtomic(join(folder, letter.name), new TextEncoder().encode(letterHtml(letter, batch)));
  return all.length;
}
