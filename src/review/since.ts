/**
 * The second round (`--since`, spec/cli.md): an earlier check read back from the 汇总.xlsx we wrote or from a
 * `--json` document, and every form of this check marked against it — new / fixed / still / worse / same —
 * with the problems corrected since and the earlier forms no longer found.
 */
import { asksAction } from "./findings";
import { cellAt, gridEnd, type Grid } from "../core/grid";
import type { FormKind } from "../core/index";
import { readWorkbook } from "../hosts/xlsx/read";
import { codeName } from "../i18n/codes";
import { STATUS_TEXT } from "../i18n/core";
import { cliText as T } from "../i18n/cli";
import { reviewText as R } from "../i18n/review";
import { round2 } from "./format";

/** How a form changed since the earlier check. */
export type Change = "new" | "fixed" | "still" | "worse" | "same";
export const CHANGES: readonly Change[] = ["new", "fixed", "still", "worse", "same"];

/** A problem (error or warning) of the earlier check, as a reader saw it. */
export interface EarlierProblem {
  cell: string;
  /** The problem's Chinese name (codes.ts). */
  name: string;
  message: string;
}

/** A form of the earlier check. */
export interface EarlierForm {
  file: string;
  sheet: string;
  project: string;
  department: string;
  /** Its status then ("pass", "fix", "unscored", "unreadable"). */
  status: string;
  errors: number;
  /** Its content identity (fingerprint below); "" when unknown. */
  fingerprint: string;
  problems: EarlierProblem[];
}

/** An earlier check: when it was (local time as written, "" when not known) and its forms. */
export interface Earlier {
  when: string;
  forms: EarlierForm[];
}

/** Thrown when the bytes are neither a summary we wrote nor a `--json` document; its message is Chinese. */
export class EarlierError extends Error {
  constructor() {
    super(R.earlierUnreadable);
    this.name = "EarlierError";
  }
}

/** What a form is, whatever its figures: kind and indicators (name, target, weight). */
interface Shape {
  kind: FormKind | string;
  indicators: readonly { level3: string; target: string; weight: number | null }[];
}

/** A short identity of a form's content that survives its correction (no scores in it); "" for none. */
export function fingerprint(form: Shape): string {
  if (form.indicators.length === 0) return "";
  const text = JSON.stringify([
    form.kind,
    form.indicators.map((i) => [i.level3.trim(), i.target.trim(), round2(i.weight)]),
  ]);
  // FNV-1a, twice with different seeds: 16 hex digits.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** What a form of this check offers to the comparison (a BatchRow has it). */
export interface CurrentForm {
  file: string;
  sheet: string;
  project: string;
  department: string;
  status: string;
  counts: { error: number };
  findings: readonly { cell: string; code: string; severity: string }[];
  fingerprint: string;
  change: Change | null;
  corrected: EarlierProblem[];
}

const isBad = (status: string) => status === "fix" || status === "unreadable";

/** The change from an earlier form to a current one. */
export function changeOf(then: Pick<EarlierForm, "status" | "errors">, now: CurrentForm): Change {
  if (isBad(then.status) && !isBad(now.status)) return "fixed";
  if (isBad(then.status) && isBad(now.status)) return now.counts.error > then.errors ? "worse" : "still";
  if (!isBad(then.status) && isBad(now.status)) return "worse";
  return "same";
}

const nameKey = (f: { project: string; department: string }) =>
  f.project.trim() ? JSON.stringify([f.project.trim(), f.department.trim()]) : null;

/**
 * Marks every current form (sets `change` and `corrected`) against the earlier check; returns the earlier
 * forms no longer found. Forms are matched by 项目名称 + 主管部门, else by content.
 */
export function compare(forms: readonly CurrentForm[], earlier: Earlier): { gone: EarlierForm[] } {
  const unused = new Set(earlier.forms);
  const take = (pick: (e: EarlierForm) => boolean): EarlierForm | undefined => {
    for (const e of unused)
      if (pick(e)) {
        unused.delete(e);
        return e;
      }
    return undefined;
  };
  const matched = new Map<CurrentForm, EarlierForm>();
  // By name first (every form), then by content for those left.
  for (const form of forms) {
    const key = nameKey(form);
    const hit = key === null ? undefined : take((e) => nameKey(e) === key);
    if (hit) matched.set(form, hit);
  }
  for (const form of forms) {
    if (matched.has(form) || !form.fingerprint) continue;
    const hit = take((e) => e.fingerprint === form.fingerprint);
    if (hit) matched.set(form, hit);
  }
  for (const form of forms) {
    const then = matched.get(form);
    if (!then) {
      form.change = "new";
      form.corrected = [];
      continue;
    }
    form.change = changeOf(then, form);
    const now = new Set(form.findings.filter(asksAction).map((f) => `${f.cell}\u0000${codeName(f.code)}`));
    form.corrected = then.problems.filter((p) => !now.has(`${p.cell}\u0000${p.name}`));
  }
  return { gone: [...unused] };
}

// ---- Reading an earlier check back ----

const STATUS_OF_TEXT = new Map<string, string>(Object.entries(STATUS_TEXT).map(([k, v]) => [v, k]));

function text(grid: Grid, row: number, col: number): string {
  const v = cellAt(grid, row, col).value;
  return v === null || v === undefined ? "" : String(v).trim();
}

/** Finds the header row holding every title given; returns its row and the column of each title. */
function header(grid: Grid, titles: readonly string[]): { row: number; col: Map<string, number> } | null {
  const end = gridEnd(grid);
  for (let r = grid.top; r <= Math.min(end.row, grid.top + 20); r++) {
    const col = new Map<string, number>();
    for (let c = grid.left; c <= end.col; c++) {
      const t = text(grid, r, c);
      if (t && !col.has(t)) col.set(t, c);
    }
    if (titles.every((t) => col.has(t))) return { row: r, col };
  }
  return null;
}

function fromSummary(bytes: Uint8Array): Earlier {
  const book = readWorkbook(bytes);
  const sheet = (name: string) => book.sheets.find((s) => s.name === name)?.grid;
  const summary = sheet(T.summarySheet);
  const statusTitle = "状态";
  const head = summary
    ? header(summary, ["文件", "工作表", "项目名称", "主管部门", statusTitle, "错误"])
    : null;
  if (!summary || !head) throw new EarlierError();
  const at = (r: number, title: string) => {
    const c = head.col.get(title);
    return c === undefined ? "" : text(summary, r, c);
  };
  const forms: EarlierForm[] = [];
  const end = gridEnd(summary);
  for (let r = head.row + 1; r <= end.row; r++) {
    const status = STATUS_OF_TEXT.get(at(r, statusTitle));
    if (status === undefined || !["pass", "fix", "unscored", "unreadable"].includes(status)) continue;
    const errors = Number(at(r, "错误")) || 0;
    // A row about a whole file or sheet that could not be read has no 项目名称 nor content: it is no form.
    if (status === "unreadable" && !at(r, "项目名称") && !at(r, R.fingerprintHeader)) continue;
    forms.push({
      file: at(r, "文件"),
      sheet: at(r, "工作表"),
      project: at(r, "项目名称"),
      department: at(r, "主管部门"),
      status,
      errors,
      fingerprint: at(r, R.fingerprintHeader),
      problems: [],
    });
  }
  const problems = sheet(T.problemSheet);
  const ph = problems ? header(problems, ["文件", "工作表", "单元格", "项目名称", "说明"]) : null;
  if (problems && ph) {
    const pend = gridEnd(problems);
    const col = (title: string) => ph.col.get(title);
    const get = (r: number, title: string) => {
      const c = col(title);
      return c === undefined ? "" : text(problems, r, c);
    };
    for (let r = ph.row + 1; r <= pend.row; r++) {
      const file = get(r, "文件");
      const sheetName = get(r, "工作表");
      const project = get(r, "项目名称");
      const name = get(r, "问题") || (get(r, "代码") ? codeName(get(r, "代码")) : "");
      const form = forms.find((f) => f.file === file && f.sheet === sheetName && f.project === project);
      if (form) form.problems.push({ cell: get(r, "单元格"), name, message: get(r, "说明") });
    }
  }
  const note = text(summary, summary.top + 1, summary.left);
  const when = /生成于\s*(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec(note)?.[1] ?? "";
  return { when, forms };
}

interface JsonLike {
  version?: unknown;
  when?: unknown;
  files?: {
    path?: string;
    sheets?: {
      name?: string;
      forms?: {
        kind?: string;
        status?: string;
        project?: string;
        department?: string;
        total?: { recomputed?: number | null };
        indicators?: { level3?: string; target?: string; weight?: number | null }[];
        findings?: { code?: string; severity?: string; cell?: string; message?: string }[];
      }[];
    }[];
  }[];
}

function fromJson(doc: JsonLike): Earlier {
  if (doc.version !== 2 || !Array.isArray(doc.files)) throw new EarlierError();
  const forms: EarlierForm[] = [];
  for (const file of doc.files)
    for (const sheet of file.sheets ?? [])
      for (const form of sheet.forms ?? []) {
        const findings = form.findings ?? [];
        const errors = findings.filter((f) => f.severity === "error").length;
        const status =
          form.status ?? (errors > 0 ? "fix" : form.total?.recomputed == null ? "unscored" : "pass");
        const indicators = (form.indicators ?? []).map((i) => ({
          level3: i.level3 ?? "",
          target: i.target ?? "",
          weight: i.weight ?? null,
        }));
        forms.push({
          file: file.path ?? "",
          sheet: sheet.name ?? "",
          project: form.project ?? "",
          department: form.department ?? "",
          status,
          errors,
          fingerprint: fingerprint({ kind: form.kind ?? "", indicators }),
          problems: findings
            .filter((f) => f.severity === "error" || f.severity === "warning")
            .map((f) => ({ cell: f.cell ?? "", name: codeName(f.code ?? ""), message: f.message ?? "" })),
        });
      }
  return { when: typeof doc.when === "string" ? doc.when : "", forms };
}

/**
 * Reads an earlier check: a 汇总.xlsx written by this tool, or a `--json` document. Throws EarlierError (a
 * Chinese message) for anything else.
 */
export function readEarlier(bytes: Uint8Array): Earlier {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return fromSummary(bytes);
    } catch {
      throw new EarlierError();
    }
  }
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ""));
  } catch {
    throw new EarlierError();
  }
  if (doc === null || typeof doc !== "object") throw new EarlierError();
  return fromJson(doc as JsonLike);
}
