/**
 * 一键重算 without the pane: read the active sheet, analyze every form on it, write their fixes in one batch,
 * tell the user what happened.
 * Host-neutral (it only knows the Host interface) so it is tested with a fake host; commands.ts wires it to
 * Excel and to the notice dialog.
 */
import type { AnalyzeOptions, Grid, Patch, SheetAnalysis } from "../core/index";
import { worseStatus, type FormStatus, type SheetStatus } from "../core/status";
import { HostError, type Host } from "../hosts/types";
import { addinText as t, type FormTotal } from "../i18n/addin";

/** The core's analyzeSheet, passed in so tests can use the real one or a stub. */
export type Analyze = (grid: Grid, options: AnalyzeOptions) => SheetAnalysis;

export type { FormTotal };

/** What one 一键重算 came to. `forms` lists every form of the sheet, top to bottom. */
export type RecalcOutcome =
  | {
      kind: "fixed";
      sheet: string;
      written: number;
      forms: FormTotal[];
      /** Cells left unwritten: locked on a protected sheet. */
      locked: string[];
      reasons: number;
      remaining: number;
    }
  | {
      kind: "clean";
      sheet: string;
      forms: FormTotal[];
      reasons: number;
      remaining: number;
      /** The sheet's verdict (未能读取 where part of it could not be read beside its forms). */
      status?: SheetStatus;
    }
  | {
      kind: "reviewed";
      sheet: string;
      pending: number;
      reasons: number;
      remaining: number;
      forms?: FormTotal[];
    }
  | { kind: "not-form"; sheet: string }
  | { kind: "unreadable"; sheet: string; detail: string }
  | { kind: "failed"; reason: HostError["reason"] | "unknown"; detail: string };

/** What the user is shown: a short title and one paragraph. */
export interface Notice {
  tone: "success" | "info" | "warning" | "error";
  title: string;
  message: string;
}

/** The part of Office's add-in command event the command uses. */
export interface CommandEvent {
  completed(): void;
}

/** Shows a notice; resolves when the user has seen it (or at once when it cannot be shown). */
export type Notify = (notice: Notice) => Promise<void>;

/** The analysis options plus 审阅模式, in which the command only checks and never writes. */
export interface RecalcOptions extends AnalyzeOptions {
  reviewer?: boolean;
}

/**
 * Reads the active sheet, analyzes every form on it and applies all their patches in one write (none in
 * reviewer mode). Never throws: host failures (a protected sheet, no workbook, …) and unexpected errors
 * come back as a "failed" outcome.
 */
export async function recalculateSheet(
  getHost: () => Host | Promise<Host>,
  analyze: Analyze,
  { reviewer = false, ...options }: RecalcOptions = {}
): Promise<RecalcOutcome> {
  try {
    const host = await getHost();
    const grid = await host.readActiveSheet();
    const analysis = analyze(grid, options);
    const sheet = analysis.name || grid.name;
    const broken = analysis.findings.filter((f) => f.severity === "error");
    if (analysis.forms.length === 0)
      return broken.length > 0
        ? { kind: "unreadable", sheet, detail: broken[0].message }
        : { kind: "not-form", sheet };
    const patches: Patch[] = analysis.forms.flatMap((f) => f.patches);
    const refused = patches.length > 0 && !reviewer ? ((await host.apply(patches)).refused ?? []) : [];
    const findings = [...broken, ...analysis.forms.flatMap((f) => f.report.findings)];
    // A finding about a cell the fix wrote is settled; what is left needs a person.
    const lockedCells = new Set(refused.map((p) => p.cell));
    const written = new Set(patches.map((p) => p.cell).filter((c) => !lockedCells.has(c)));
    const reasons = findings.filter((f) => f.code === "REASON_MISSING").length;
    const remaining = findings.filter(
      (f) => f.severity !== "info" && f.code !== "REASON_MISSING" && !written.has(f.cell)
    ).length;
    const forms = analysis.forms.map(({ report }) => ({
      project: report.project,
      total: report.total.recomputed,
      grade: report.grade.cell !== null ? report.grade.recomputed : null,
      status: report.status,
    }));
    if (reviewer) return { kind: "reviewed", sheet, pending: patches.length, reasons, remaining, forms };
    if (patches.length === 0)
      return { kind: "clean", sheet, forms, reasons, remaining, status: analysis.status };
    return {
      kind: "fixed",
      sheet,
      written: written.size,
      forms,
      locked: [...lockedCells],
      reasons,
      remaining,
    };
  } catch (error) {
    if (error instanceof HostError) return { kind: "failed", reason: error.reason, detail: error.message };
    const detail = error instanceof Error && error.message ? error.message : t.unknownError;
    return { kind: "failed", reason: "unknown", detail };
  }
}

/** Turns an outcome into the notice shown to the user. */
export function describeOutcome(outcome: RecalcOutcome): Notice {
  switch (outcome.kind) {
    case "reviewed":
      return reviewedNotice(outcome);
    case "clean":
    case "fixed": {
      if (outcome.kind === "clean" && (!allPass(outcome.forms) || sheetNotPassed(outcome)))
        return notPassedNotice(outcome);
      const head =
        outcome.kind === "fixed"
          ? t.fixed(outcome.sheet, outcome.written, outcome.forms)
          : t.clean(outcome.sheet, outcome.forms);
      const locked = outcome.kind === "fixed" ? outcome.locked : [];
      const tail = [
        locked.length > 0 ? t.locked(locked) : "",
        outcome.reasons > 0 ? t.reasonsMissing(outcome.reasons) : "",
        outcome.remaining > 0 ? t.remaining(outcome.remaining) : "",
      ].join("");
      const needsWork = outcome.reasons > 0 || outcome.remaining > 0 || locked.length > 0;
      return {
        tone: needsWork ? "warning" : outcome.kind === "fixed" ? "success" : "info",
        title: outcome.kind === "fixed" ? t.fixedTitle : t.cleanTitle,
        message: head + tail,
      };
    }
    case "not-form":
      return { tone: "info", title: t.notFormTitle, message: t.notForm(outcome.sheet) };
    case "unreadable":
      return {
        tone: "error",
        title: t.unreadableTitle,
        message: t.unreadable(outcome.sheet, outcome.detail),
      };
    case "failed":
      return { tone: "error", title: t.failedTitle, message: failureText(outcome.reason, outcome.detail) };
  }
}

/** Whether every form is 通过 (forms from older callers carry no status: their findings decided). */
function allPass(forms: readonly FormTotal[]): boolean {
  return forms.every((f) => f.status === undefined || f.status === "pass");
}

/** A sheet whose own verdict is not 通过 (an unreadable part beside its forms). */
function sheetNotPassed(outcome: { status?: SheetStatus }): boolean {
  return outcome.status === "unreadable";
}

function tailOf(outcome: { reasons: number; remaining: number }): string {
  return [
    outcome.reasons > 0 ? t.reasonsMissing(outcome.reasons) : "",
    outcome.remaining > 0 ? t.remaining(outcome.remaining) : "",
  ].join("");
}

function reviewedNotice(outcome: Extract<RecalcOutcome, { kind: "reviewed" }>): Notice {
  if (outcome.pending === 0 && outcome.forms && !allPass(outcome.forms))
    return {
      tone: "info",
      title: t.reviewedTitle,
      message: t.notPassed(outcome.sheet, outcome.forms) + tailOf(outcome),
    };
  return {
    tone: "info",
    title: t.reviewedTitle,
    message: t.reviewed(outcome.sheet, outcome.pending) + tailOf(outcome),
  };
}

/** Nothing to write, and not every form 通过: the worst status as the title, each form's status said. */
function notPassedNotice(outcome: Extract<RecalcOutcome, { kind: "clean" }>): Notice {
  const forms = outcome.forms.reduce<FormStatus>((w, f) => worseStatus(w, f.status ?? "pass"), "pass");
  const worst: FormStatus = sheetNotPassed(outcome) ? "unreadable" : forms;
  return {
    tone: worst === "unscored" ? "info" : "warning",
    title: t.statusTitle(worst),
    message: t.notPassed(outcome.sheet, outcome.forms) + tailOf(outcome),
  };
}

function failureText(reason: HostError["reason"] | "unknown", detail: string): string {
  switch (reason) {
    case "protected":
      return t.protected;
    case "no-sheet":
      return t.noSheet;
    case "too-large":
      return t.tooLarge;
    case "unsupported":
      return t.unsupported;
    case "failed":
    case "unknown":
      return t.failed(detail);
  }
}

/**
 * The ribbon command's body: recalculates, shows the result, and always calls `event.completed()` (also
 * when anything throws) so Excel never stays on "working on your request".
 */
export async function runRecalculate(
  getHost: () => Host | Promise<Host>,
  analyze: Analyze,
  event: CommandEvent,
  notify: Notify,
  options: RecalcOptions = {}
): Promise<RecalcOutcome | null> {
  let outcome: RecalcOutcome | null = null;
  try {
    outcome = await recalculateSheet(getHost, analyze, options);
    await notify(describeOutcome(outcome));
  } catch {
    // Only the notice can fail here (recalculateSheet never throws); the sheet is already done.
  } finally {
    event.completed();
  }
  return outcome;
}
