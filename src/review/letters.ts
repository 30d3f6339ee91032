/**
 * Letters back to departments (spec/cli.md "letters"): one per 主管部门, as .docx (opens and edits in WPS 文字
 * and Word) and as .html, built from one model so that both say the same: the forms to correct with every
 * problem's file, sheet, cell and what to do; the forms that passed; those that could not be scored or read;
 * with an earlier check, what was corrected since. Inputs whose department is unknown go to the reviewer's
 * own list (未能归属.html), never to a letter addressed to 贵单位. File names only, local time.
 */
import { asksAction } from "./findings";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { cliText as T } from "../i18n/cli";
import { codeAdvice, codeName } from "../i18n/codes";
import { reviewText as R } from "../i18n/review";
import { formatWhen, type Batch, type BatchRow } from "./batch";
import { esc, page, table } from "./html";
import { CHANGES } from "./since";

/** A file's name without its folders: letters never show a path of the reviewer's machine. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** A path as the reviewer's own list shows it: as given when relative, its name alone when absolute. */
function shownPath(path: string): string {
  return /^([\\/]|[A-Za-z]:)/.test(path) ? baseName(path) : path;
}

/** A department's name as a file name: no path separators or characters Windows refuses. */
export function letterName(department: string): string {
  const cleaned = department.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^[.\s]+|[.\s]+$/g, "");
  return [...(cleaned || "_")].slice(0, 80).join("");
}

/** One department's letter: its forms by what it must do about them. */
export interface Letter {
  department: string;
  /** The file name without extension (`.docx` and `.html` are written). */
  name: string;
  toCorrect: BatchRow[];
  passed: BatchRow[];
  unscored: BatchRow[];
  unreadable: BatchRow[];
}

/** The letters of a batch and the rows no department can be given (the reviewer's own list). */
export interface Letters {
  letters: Letter[];
  unattributed: BatchRow[];
}

/**
 * Sorts the batch's rows into letters: forms by their 主管部门; a sheet that could not be read, or a form with
 * no 主管部门, goes to the department of the other forms of its file when there is exactly one; anything else
 * (a file that could not be read or is no form, a form naming no department) to the reviewer's own list.
 * Sheets without a form in a file whose department is known are no news to anyone and are left out.
 */
export function sortLetters(batch: Batch): Letters {
  const fileDepartments = new Map<string, Set<string>>();
  for (const r of batch.rows)
    if (r.range !== null && r.department.trim())
      fileDepartments.set(r.file, (fileDepartments.get(r.file) ?? new Set()).add(r.department.trim()));
  const byDepartment = new Map<string, BatchRow[]>();
  const unattributed: BatchRow[] = [];
  for (const r of batch.rows) {
    let department = r.range !== null ? r.department.trim() : "";
    const known = fileDepartments.get(r.file);
    if (!department && known && known.size === 1) department = [...known][0];
    if (r.status === "no-form" || r.status === "not-spreadsheet") {
      if (!known) unattributed.push(r);
      continue;
    }
    if (!department) unattributed.push(r);
    else byDepartment.set(department, [...(byDepartment.get(department) ?? []), r]);
  }
  const used = new Set<string>([R.unattributedName.toLowerCase()]);
  const letters = [...byDepartment.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, rows]) => {
      const base = letterName(department);
      let name = base;
      for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
      used.add(name.toLowerCase());
      return {
        department,
        name,
        toCorrect: rows.filter((r) => r.status === "fix"),
        passed: rows.filter((r) => r.status === "pass"),
        unscored: rows.filter((r) => r.status === "unscored"),
        unreadable: rows.filter((r) => r.status === "unreadable"),
      };
    });
  return { letters, unattributed };
}

/** Where a row is, by file name: "2.xlsx「Sheet1」A1:I28". */
function place(r: BatchRow): string {
  return R.formPlace(baseName(r.file), r.sheet, r.range);
}

/** The paragraphs and tables of a letter, in order, for both renderings. */
type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "text"; text: string; note?: boolean }
  | { kind: "list"; items: string[] }
  | { kind: "table"; header: readonly string[]; rows: string[][]; widths: number[] };

function problemRows(r: BatchRow): string[][] {
  return r.findings
    .filter(asksAction)
    .map((f) => [f.cell, T.severity[f.severity], codeName(f.code), f.message, codeAdvice(f.code)]);
}

function correctedBlock(r: BatchRow): Block[] {
  if (r.corrected.length === 0) return [];
  const items = r.corrected.map((p) => R.correctedItem(p.cell, p.name));
  return [
    { kind: "text", text: R.correctedTitle },
    { kind: "list", items },
  ];
}

function sinceBlocks(letter: Letter, batch: Batch): Block[] {
  if (!batch.since) return [];
  const rows = [...letter.toCorrect, ...letter.passed, ...letter.unscored, ...letter.unreadable];
  const counts = { new: 0, fixed: 0, still: 0, worse: 0, same: 0 };
  for (const r of rows) if (r.change) counts[r.change]++;
  const gone = batch.since.gone.filter((g) => g.department.trim() === letter.department);
  const blocks: Block[] = [
    { kind: "heading", text: R.sinceTitle },
    ...(batch.since.when ? [{ kind: "text" as const, text: R.sinceLine(batch.since.when), note: true }] : []),
    { kind: "text", text: R.sinceCounts(counts, gone.length) },
  ];
  for (const c of CHANGES) {
    if (c === "same" || counts[c] === 0) continue;
    const items = rows
      .filter((r) => r.change === c)
      .map((r) => {
        const corrected = r.corrected.map((p) => R.correctedItem(p.cell, p.name)).join("；");
        return `${r.project || T.unnamed}（${place(r)}）${corrected ? `：${R.correctedTitle}${corrected}` : ""}`;
      });
    blocks.push({ kind: "subheading", text: `${R.change[c]}（${items.length}）` }, { kind: "list", items });
  }
  if (gone.length > 0)
    blocks.push(
      { kind: "subheading", text: `${R.goneTitle}（${gone.length}）` },
      {
        kind: "list",
        items: gone.map((g) => `${g.project || T.unnamed}（${baseName(g.file)}「${g.sheet}」）`),
      }
    );
  return blocks;
}

/** What a letter says, block by block. */
export function letterBlocks(letter: Letter, batch: Batch): Block[] {
  const forms = letter.toCorrect.length + letter.passed.length + letter.unscored.length;
  const blocks: Block[] = [
    { kind: "title", text: R.letterTitle(letter.department) },
    { kind: "text", text: R.letterIntro(formatWhen(batch.meta.when), forms, letter.toCorrect.length) },
  ];
  if (letter.toCorrect.length > 0) {
    blocks.push({ kind: "text", text: R.letterAsk });
    blocks.push({ kind: "heading", text: R.letterToCorrect(letter.toCorrect.length) });
    for (const r of letter.toCorrect)
      blocks.push(
        { kind: "subheading", text: r.project || T.unnamed },
        { kind: "text", text: place(r), note: true },
        ...correctedBlock(r),
        { kind: "table", header: R.letterHeader, rows: problemRows(r), widths: [9, 9, 18, 42, 22] }
      );
  }
  if (letter.unscored.length > 0)
    blocks.push(
      { kind: "heading", text: R.letterUnscored(letter.unscored.length) },
      { kind: "list", items: letter.unscored.map((r) => `${r.project || T.unnamed}（${place(r)}）`) }
    );
  if (letter.unreadable.length > 0)
    blocks.push(
      { kind: "heading", text: R.letterUnreadable(letter.unreadable.length) },
      { kind: "list", items: letter.unreadable.map((r) => `${place(r)}：${r.main}`) }
    );
  if (letter.passed.length > 0)
    blocks.push(
      { kind: "heading", text: R.letterPassed(letter.passed.length) },
      {
        kind: "list",
        items: letter.passed.map((r) => {
          const notes = r.findings.filter((f) => f.severity === "warning");
          const extra = notes.length
            ? `；请留意：${notes.map((f) => `${f.cell} ${f.message}`).join("；")}`
            : "";
          return `${r.project || T.unnamed}（${place(r)}）${extra}`;
        }),
      }
    );
  blocks.push(...sinceBlocks(letter, batch));
  blocks.push({ kind: "text", text: R.letterClosing, note: true });
  return blocks;
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `<h1>${esc(b.text)}</h1>`;
        case "heading":
          return `<h2>${esc(b.text)}</h2>`;
        case "subheading":
          return `<h3>${esc(b.text)}</h3>`;
        case "text":
          return `<p${b.note ? ' class="note"' : ""}>${esc(b.text)}</p>`;
        case "list":
          return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
        case "table":
          return table(
            b.header,
            b.rows.map((r) => r.map((c) => esc(c))),
            b.widths
          );
      }
    })
    .join("\n");
}

/** One letter's HTML page. */
export function letterHtml(letter: Letter, batch: Batch): string {
  return page(R.letterTitle(letter.department), blocksHtml(letterBlocks(letter, batch)), false);
}

const FONT = "宋体";

function run(text: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: (options.size ?? 11) * 2,
    bold: options.bold,
    color: options.color,
  });
}

function blocksDocx(blocks: readonly Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        out.push(
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [run(b.text, { bold: true, size: 16 })],
          })
        );
        break;
      case "heading":
        out.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            spacing: { before: 240, after: 80 },
            children: [run(b.text, { bold: true, size: 13 })],
          })
        );
        break;
      case "subheading":
        out.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: { before: 160, after: 40 },
            children: [run(b.text, { bold: true, size: 11 })],
          })
        );
        break;
      case "text":
        out.push(new Paragraph({ children: [run(b.text, b.note ? { color: "595959", size: 10 } : {})] }));
        break;
      case "list":
        for (const item of b.items) out.push(new Paragraph({ bullet: { level: 0 }, children: [run(item)] }));
        break;
      case "table": {
        const total = b.widths.reduce((x, y) => x + y, 0);
        const cell = (text: string, i: number, header: boolean) =>
          new TableCell({
            width: { size: Math.round((b.widths[i] / total) * 5000), type: WidthType.PERCENTAGE },
            shading: header ? { fill: "DDEBF7" } : undefined,
            children: [new Paragraph({ children: [run(text, { bold: header, size: 10 })] })],
          });
        out.push(
          new Table({
            width: { size: 5000, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
              ...b.rows.map(
                (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })
              ),
            ],
          })
        );
        break;
      }
    }
  }
  return out;
}

/** One letter as a .docx (A4 portrait): bytes. */
export async function letterDocx(letter: Letter, batch: Batch): Promise<Uint8Array> {
  const doc = new Document({
    creator: "自评表助手",
    title: R.letterTitle(letter.department),
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT, width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: blocksDocx(letterBlocks(letter, batch)),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The reviewer's own list: inputs no department can be given, each with its status and why. */
export function unattributedHtml(rows: readonly BatchRow[], batch: Batch): string {
  const body = [
    `<h1>${esc(R.unattributedTitle)}</h1>`,
    `<p class="note">${esc(formatWhen(batch.meta.when))}</p>`,
    `<p>${esc(R.unattributedIntro(rows.length))}</p>`,
    table(
      R.unattributedHeader,
      rows.map((r) => [
        esc(shownPath(r.file)),
        esc(r.sheet),
        esc(r.project),
        esc(R.status[r.status]),
        esc(r.main),
      ]),
      [28, 14, 20, 10, 28]
    ),
  ].join("\n");
  return page(R.unattributedTitle, body, false);
}

/** A file of the letters folder. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/**
 * Every file of the letters folder: `<主管部门>.docx` and `<主管部门>.html` per department, and `未能归属.html`
 * when some input has no department (the reviewer's own list; it names the files as given, for the reviewer).
 */
export async function letterFiles(batch: Batch): Promise<NamedBytes[]> {
  const { letters, unattributed } = sortLetters(batch);
  const encode = (s: string) => new TextEncoder().encode(s);
  const out: NamedBytes[] = [];
  for (const letter of letters) {
    out.push({ name: `${letter.name}.docx`, bytes: await letterDocx(letter, batch) });
    out.push({ name: `${letter.name}.html`, bytes: encode(letterHtml(letter, batch)) });
  }
  if (unattributed.length > 0)
    out.push({ name: `${R.unattributedName}.html`, bytes: encode(unattributedHtml(unattributed, batch)) });
  return out;
}
