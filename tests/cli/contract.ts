/**
 * The `zpb check --json` contract (spec/cli.md, version 2) as a validator: returns the list of
 * violations (path: what is wrong), empty when the document conforms.
 */
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

function form(at: string, s: unknown, problems: string[]): void {
  fields(
    at,
    s,
    {
      range: "string",
      kind: "string",
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

function sheet(at: string, s: unknown, problems: string[]): void {
  fields(at, s, { name: "string", findings: "array", forms: "array" }, problems);
  if (!isRecord(s)) return;
  findings(`${at}.findings`, s.findings, problems);
  if (Array.isArray(s.forms)) s.forms.forEach((f, i) => form(`${at}.forms[${i}]`, f, problems));
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

/** Violations of the version-2 document; [] when `doc` conforms. */
export function contractViolations(doc: unknown): string[] {
  const problems: string[] = [];
  fields("$", doc, { version: "number", files: "array" }, problems);
  if (!isRecord(doc)) return problems;
  if (doc.version !== 2) problems.push(`$.version: ${String(doc.version)}`);
  if (!Array.isArray(doc.files)) return problems;
  doc.files.forEach((f, i) => {
    fields(
      `$.files[${i}]`,
      f,
      { path: "string", error: "string|null", skipped: "array", sheets: "array" },
      problems
    );
    if (!isRecord(f)) return;
    if (Array.isArray(f.skipped))
      f.skipped.forEach((k, j) =>
        fields(`$.files[${i}].skipped[${j}]`, k, { sheet: "string", why: "string" }, problems)
      );
    if (typeof f.error === "string" && f.error.includes("\n"))
      problems.push(`$.files[${i}].error: more than one line`);
    if (Array.isArray(f.sheets)) f.sheets.forEach((s, j) => sheet(`$.files[${i}].sheets[${j}]`, s, problems));
  });
  return problems;
}
