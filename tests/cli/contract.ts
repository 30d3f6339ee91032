/**
 * The `zpb check --json` contract (spec/cli.md, version 2) as a validator: returns the list of
 * violations (path: what is wrong), empty when the document conforms.
 */

/**
 * The number of cells 一键重算 would write in every form, by file path: per sheet, per form (in the document's
 * order). The JSON does not carry the fix plan; the verdict depends on it (src/core/status.ts).
 */
export type PlannedWrites = ReadonlyMap<string, readonly (readonly number[])[]>;
type Kind =
  "string" | "number" | "boolean" | "array" | "object" | "string|null" | "number|null" | "object|null";

function kindOk(value: unknown, kind: Kind): boolean {
  if (kind.endsWith("|null") && value === null) return true;
  const base = kind.replace("|null", "");
  if (base === "array") return Array.isArray(value);
  if (base === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
  if (base === "number") return typeof value === "number" && Number.isFinite(value);
  return typeof value === base;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function fields(at: string, obj: unknown, spec: Record<string, Kind>, problems: string[]): void {
  if (!isRecord(obj)) {
    problems.push(`${at}: not an object`);
    return;
  }
  for (const [key, kind] of Object.entries(spec)) {
    if (!(key in obj)) problems.push(`${at}.${key}: missing`);
    else if (!kindOk(obj[key], kind))
      problems.push(`${at}.${key}: expected ${kind}, got ${JSON.stringify(obj[key])}`);
  }
  for (const key of Object.keys(obj)) if (!(key in spec)) problems.push(`${at}.${key}: not in the contract`);
}

const FORM_STATUSES = ["pass", "fix", "unscored", "unreadable"];
const FILE_STATUSES = [...FORM_STATUSES, "no-form", "not-spreadsheet"];
/** Worst first (spec/cli.md): a file's status is its worst form's. */
const RANK = ["unreadable", "fix", "unscored", "pass"];

const TWO_DECIMALS = (n: unknown): boolean =>
  typeof n !== "number" || Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

function findings(at: string, list: unknown, problems: string[]): void {
  if (!Array.isArray(list)) return;
  list.forEach((f, i) => {
    fields(
      `${at}[${i}]`,
      f,
      { code: "string", severity: "string", cell: "string", message: "string" },
      problems
    );
    if (isRecord(f) && !["error", "warning", "info"].includes(String(f.severity)))
      problems.push(`${at}[${i}].severity: ${String(f.severity)}`);
  });
}

function form(at: string, s: unknown, writes: number | undefined, problems: string[]): void {
  fields(
    at,
    s,
    {
      range: "string",
      kind: "string",
      status: "string",
      project: "string",
      department: "string",
      implementer: "string",
      weights: "object",
      budget: "object",
      indicators: "array",
      total: "object",
      grade: "object",
      findings: "array",
    },
    problems
  );
  if (!isRecord(s)) return;
  if (!["project", "department", "target"].includes(String(s.kind)))
    problems.push(`${at}.kind: ${String(s.kind)}`);
  if (!FORM_STATUSES.includes(String(s.status))) problems.push(`${at}.status: ${String(s.status)}`);
  // The verdict follows from the findings and the fix plan (spec/cli.md "Verdicts", src/core/status.ts):
  // 需修改 exactly with an error, or with a recomputed total and a cell 一键重算 would still write; 通过 only
  // with a recomputed total, no error and no planned write; 未评分 only without a total.
  const errors = Array.isArray(s.findings) && s.findings.some((f) => isRecord(f) && f.severity === "error");
  const recomputed = isRecord(s.total) ? s.total.recomputed : undefined;
  if (writes === undefined) problems.push(`${at}: no fix plan to judge its status by`);
  const planned = (writes ?? 0) > 0;
  if ((s.status === "fix") !== (errors || (recomputed !== null && planned)))
    problems.push(
      `${at}.status: ${String(s.status)} with errors ${errors}, planned writes ${String(writes)}`
    );
  if (s.status === "pass" && planned)
    problems.push(`${at}.status: pass with ${String(writes)} planned writes`);
  if (s.status === "pass" && recomputed === null) problems.push(`${at}.status: pass without a total`);
  if (s.status === "unscored" && recomputed !== null) problems.push(`${at}.status: unscored with a total`);
  if (typeof s.range === "string" && !/^[A-Z]+\d+:[A-Z]+\d+$/.test(s.range))
    problems.push(`${at}.range: ${s.range}`);
  fields(
    `${at}.weights`,
    s.weights,
    { budget: "number|null", indicators: "number|null", total: "number|null" },
    problems
  );
  fields(
    `${at}.budget`,
    s.budget,
    {
      submittedRate: "number|null",
      rate: "number|null",
      submittedScore: "number|null",
      score: "number|null",
      cell: "string|null",
    },
    problems
  );
  if (Array.isArray(s.indicators))
    s.indicators.forEach((ind, i) =>
      fields(
        `${at}.indicators[${i}]`,
        ind,
        {
          row: "number",
          scoreCell: "string",
          level1: "string",
          level2: "string",
          level3: "string",
          target: "string",
          actual: "string",
          weight: "number|null",
          submittedScore: "number|null",
          score: "number|null",
          method: "string",
        },
        problems
      )
    );
  fields(
    `${at}.total`,
    s.total,
    { submitted: "number|null", recomputed: "number|null", cell: "string|null" },
    problems
  );
  fields(
    `${at}.grade`,
    s.grade,
    { submitted: "string|null", recomputed: "string|null", cell: "string|null" },
    problems
  );
  if (isRecord(s.grade) && s.grade.cell === null && s.grade.submitted !== null)
    problems.push(`${at}.grade: a submitted grade without its cell`);
  findings(`${at}.findings`, s.findings, problems);
  const numbers = [s.budget, s.total].flatMap((o) => (isRecord(o) ? Object.values(o) : []));
  if (!numbers.every(TWO_DECIMALS)) problems.push(`${at}: a number has more than 2 decimals`);
}

function sheet(at: string, s: unknown, writes: readonly number[] | undefined, problems: string[]): void {
  fields(at, s, { name: "string", findings: "array", forms: "array" }, problems);
  if (!isRecord(s)) return;
  findings(`${at}.findings`, s.findings, problems);
  if (Array.isArray(s.forms)) {
    if (writes !== undefined && writes.length !== s.forms.length)
      problems.push(`${at}: ${s.forms.length} forms, a fix plan for ${writes.length}`);
    s.forms.forEach((f, i) => form(`${at}.forms[${i}]`, f, writes?.[i], problems));
  }
  const codes = Array.isArray(s.findings) ? s.findings.map((f) => (isRecord(f) ? f.code : null)) : [];
  if (Array.isArray(s.forms) && s.forms.length === 0) {
    if (codes.length !== 1 || !["LAYOUT_NOT_FOUND", "FORM_UNREADABLE"].includes(String(codes[0])))
      problems.push(
        `${at}: a sheet with no form must have one LAYOUT_NOT_FOUND or FORM_UNREADABLE finding, has ${JSON.stringify(codes)}`
      );
  }
  if (codes.some((c) => c !== "LAYOUT_NOT_FOUND" && c !== "FORM_UNREADABLE"))
    problems.push(`${at}.findings: only sheet-level codes belong here, has ${JSON.stringify(codes)}`);
}

/** A file's status: one of the table's, its worst form's, or why it gives none. */
function fileStatus(at: string, f: Record<string, unknown>, forms: unknown[], problems: string[]): void {
  const status = String(f.status);
  if (!FILE_STATUSES.includes(status)) problems.push(`${at}.status: ${status}`);
  const sheets = Array.isArray(f.sheets) ? f.sheets.filter(isRecord) : [];
  const unread = sheets.some(
    (s) => Array.isArray(s.findings) && s.findings.some((x) => isRecord(x) && x.code === "FORM_UNREADABLE")
  );
  const statuses = [
    ...forms.map((x) => (isRecord(x) ? String(x.status) : "")),
    ...(unread ? ["unreadable"] : []),
  ];
  if (f.error !== null) {
    if (status !== "unreadable" && status !== "not-spreadsheet")
      problems.push(`${at}.status: ${status} for a file that could not be read`);
    return;
  }
  if (status === "not-spreadsheet") problems.push(`${at}.status: not-spreadsheet without an error`);
  const worst = RANK.find((r) => statuses.includes(r));
  if (worst === undefined ? status !== "no-form" : status !== worst)
    problems.push(`${at}.status: ${status}, its forms say ${worst ?? "no-form"}`);
}

/** Violations of the version-2 document; [] when `doc` conforms. `writes`: the fix plan of its files. */
export function contractViolations(doc: unknown, writes: PlannedWrites): string[] {
  const problems: string[] = [];
  fields("$", doc, { version: "number", files: "array" }, problems);
  if (!isRecord(doc)) return problems;
  if (doc.version !== 2) problems.push(`$.version: ${String(doc.version)}`);
  if (!Array.isArray(doc.files)) return problems;
  doc.files.forEach((f, i) => {
    // `why` is there exactly where the file gives no form (no form read on any sheet).
    const forms =
      isRecord(f) && Array.isArray(f.sheets)
        ? f.sheets.flatMap((s) => (isRecord(s) && Array.isArray(s.forms) ? (s.forms as unknown[]) : []))
        : [];
    const shape: Record<string, Kind> = {
      path: "string",
      error: "string|null",
      status: "string",
      skipped: "array",
      sheets: "array",
    };
    if (forms.length === 0) shape.why = "string";
    fields(`$.files[${i}]`, f, shape, problems);
    if (!isRecord(f)) return;
    fileStatus(`$.files[${i}]`, f, forms, problems);
    if (Array.isArray(f.skipped))
      f.skipped.forEach((k, j) =>
        fields(`$.files[${i}].skipped[${j}]`, k, { sheet: "string", why: "string" }, problems)
      );
    if (typeof f.error === "string" && f.error.includes("\n"))
      problems.push(`$.files[${i}].error: more than one line`);
    const plan = typeof f.path === "string" ? writes.get(f.path) : undefined;
    if (plan !== undefined && Array.isArray(f.sheets) && plan.length !== f.sheets.length)
      problems.push(`$.files[${i}]: ${f.sheets.length} sheets, a fix plan for ${plan.length}`);
    if (Array.isArray(f.sheets))
      f.sheets.forEach((s, j) => sheet(`$.files[${i}].sheets[${j}]`, s, plan?.[j], problems));
  });
  return problems;
}
