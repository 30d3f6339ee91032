/**
 * The pane's flows over one host: 检查 (read + analyze, no writes), 一键重算 (every form of the sheet),
 * 全部一键重算 (every form of every sheet, after a confirmation), 撤销, the whole-workbook run, and the
 * host's document events (findings marked stale, re-checked when the user comes back). Every failure ends in
 * a Notice, never only in the console.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Grid } from "../core/grid";
import type { Patch, SheetAnalysis } from "../core/types";
import type { AppliedFix, Host, HostEvent } from "../hosts/types";
import { paneText } from "../i18n/pane";
import {
  analyze,
  analyzeAll,
  firstToOpen,
  patchScope,
  refreshRow,
  sheetFindings,
  sheetPatches,
  countBySeverity,
  fixChanges,
  type Analyzer,
  type FixChanges,
  type WorkbookRow,
  type WorkbookRun,
} from "./analysis";
import { errorNotice, type Notice } from "./notice";
import type { PaneSettings } from "./settings";
import { heldOf, rowsTouched, type Written } from "./written";

export type { WorkbookRun } from "./analysis";

export type Phase = "idle" | "loading" | "ready" | "applying" | "workbook";

/** Where focus goes after an action (the App moves it there once the result is rendered). */
export type FocusTarget = "results" | "written" | "workbook" | "confirm" | "notice" | "fixAll";

export interface PaneState {
  phase: Phase;
  grid: Grid | null;
  analysis: SheetAnalysis | null;
  /** The form of the sheet the summary shows (a sheet may hold several). */
  form: number;
  notice: Notice | null;
  canRevert: boolean;
  /** The whole-workbook table (shown once 检查整个工作簿 or 全部一键重算 ran). */
  workbook: WorkbookRun | null;
  /** What the pane knows of every sheet (browser mode: from opening the file; Excel: from a workbook run). */
  overview: WorkbookRow[] | null;
  /** What the last 一键重算 / 全部一键重算 wrote and held. */
  written: Written | null;
  /** The pending 全部一键重算, waiting for the user's confirmation. */
  confirm: { patches: Patch[]; cells: number; sheets: number; changes: FixChanges } | null;
  /** A long action's progress: label, and 0–1 when it is known. */
  progress: { label: string; value?: number } | null;
  /** Why the findings may no longer match the sheet (the user switched sheets or edited its cells). */
  stale: "activated" | "changed" | null;
  /** The latest change, for the live region; `focus` is where focus goes, bumped by `focusSeq`. */
  announce: string;
  focus: FocusTarget | null;
  focusSeq: number;
}

const INITIAL: PaneState = {
  phase: "idle",
  grid: null,
  analysis: null,
  form: 0,
  notice: null,
  canRevert: false,
  workbook: null,
  overview: null,
  written: null,
  confirm: null,
  progress: null,
  stale: null,
  announce: "",
  focus: null,
  focusSeq: 0,
};

/** The rows of a sheet an address ("H23", "A1:C4", "'表1'!B2") covers, 0-based; null when unreadable. */
export function rowsOf(address: string): [number, number] | null {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const rows = local.split(":").map((p) => Number(/(\d+)$/.exec(p)?.[1] ?? NaN) - 1);
  if (rows.some((r) => Number.isNaN(r))) return null;
  return [Math.min(...rows), Math.max(...rows)];
}

/** Whether an event makes what the pane shows stale. */
function staleness(state: PaneState, event: HostEvent): PaneState["stale"] {
  const shown = state.grid?.name ?? null;
  if (shown === null) return null;
  // A sheet the host cannot name was never read, so it is not the one shown.
  if (event.kind === "activated") return event.sheet !== shown ? "activated" : null;
  if (event.sheet !== null && event.sheet !== shown) return null;
  const forms = state.analysis?.forms ?? [];
  const rows = rowsOf(event.address);
  if (!rows || forms.length === 0) return "changed";
  const touches = forms.some((f) => rows[0] <= f.report.bottom && rows[1] >= f.report.top);
  return touches ? "changed" : null;
}

/** State and actions of the pane; `settings` apply to every analysis, re-run when they change. */
export function usePane(host: Host, settings: PaneSettings, analyzer: Analyzer = analyze) {
  const [state, setState] = useState<PaneState>(INITIAL);
  const busy = useRef(false);
  const highlighted = useRef(new Set<string>());
  const latest = useRef(settings);
  latest.current = settings;
  const current = useRef(state);
  current.current = state;
  /** Whether the last fix was 全部一键重算 (then 撤销 re-reads every sheet). */
  const lastFixAll = useRef(false);

  const patch = useCallback((change: Partial<PaneState>) => setState((s) => ({ ...s, ...change })), []);
  const focusOn = useCallback(
    (focus: FocusTarget, announce?: string) =>
      setState((s) => ({ ...s, focus, focusSeq: s.focusSeq + 1, announce: announce ?? s.announce })),
    []
  );

  /** Runs one action at a time; a failure becomes the notice (focused) and the pane stays usable. */
  const guarded = useCallback(async (phase: Phase, action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setState((s) => ({ ...s, phase, notice: phase === "loading" ? null : s.notice }));
    try {
      await action();
    } catch (error) {
      const notice = errorNotice(error);
      setState((s) => ({
        ...s,
        notice,
        progress: null,
        phase: s.analysis ? "ready" : "idle",
        focus: "notice",
        focusSeq: s.focusSeq + 1,
        announce: paneText.announce(notice.title ?? paneText.errorTitle, notice.text),
      }));
    } finally {
      busy.current = false;
      setState((s) => (s.phase === phase ? { ...s, phase: s.analysis ? "ready" : "idle" } : s));
    }
  }, []);

  /** Highlighting formats cells: only when asked for, never in 审阅模式; stale highlights are removed. */
  const markCells = useCallback(
    async (analysis: SheetAnalysis) => {
      const { reviewer, highlight } = latest.current;
      const sheet = analysis.name;
      if (reviewer) return;
      if (highlight && analysis.forms.length > 0) {
        await host.highlight(
          sheet,
          sheetFindings(analysis).map((f) => ({ cell: f.cell, severity: f.severity }))
        );
        highlighted.current.add(sheet);
      } else if (highlighted.current.has(sheet)) {
        await host.clearHighlights(sheet);
        highlighted.current.delete(sheet);
      }
    },
    [host]
  );

  /** Shows a grid's analysis; keeps the workbook table and the overview in step with it. */
  const show = useCallback((grid: Grid, analysis: SheetAnalysis, canRevert: boolean) => {
    setState((s) => {
      const workbook = refreshRow(s.workbook, grid, analysis);
      const shared = s.overview !== null && s.overview === s.workbook?.rows;
      const overview = shared
        ? (workbook?.rows ?? null)
        : (refreshRow({ done: 0, total: 0, rows: s.overview }, grid, analysis)?.rows ?? null);
      const form = s.grid?.name === grid.name ? Math.min(s.form, Math.max(0, analysis.forms.length - 1)) : 0;
      return { ...s, grid, analysis, canRevert, stale: null, form, workbook, overview };
    });
  }, []);

  /** Reads and analyzes the active sheet. */
  const readAndAnalyze = useCallback(async () => {
    const grid = await host.readActiveSheet();
    const analysis = analyzer(grid, latest.current);
    const canRevert = await host.hasRevert();
    show(grid, analysis, canRevert);
    await markCells(analysis);
    return analysis;
  }, [host, markCells, analyzer, show]);

  const check = useCallback(
    () =>
      guarded("loading", async () => {
        const analysis = await readAndAnalyze();
        // Focus stays on 检查 (it stays focusable while busy); the result is announced.
        patch({ announce: paneText.checkedAnnounce(countBySeverity(sheetFindings(analysis))) });
      }),
    [guarded, readAndAnalyze, patch]
  );

  /**
   * Reads every sheet (with progress) and analyzes it; the rows become the overview, and the table unless
   * `table` is false (opening the pane only looks for the problems).
   */
  const readWorkbook = useCallback(
    async (label: (done: number, total: number) => string, table = true) => {
      patch({ progress: { label: label(0, 0) } });
      const grids = await host.readAllSheets((done, total) =>
        patch({ progress: { label: label(done, total), value: total > 0 ? done / total : undefined } })
      );
      const rows = analyzeAll(grids, latest.current, analyzer);
      const run: WorkbookRun = { done: grids.length, total: grids.length, rows };
      patch(table ? { workbook: run, overview: rows, progress: null } : { overview: rows, progress: null });
      return rows;
    },
    [host, analyzer, patch]
  );

  /** Opens a sheet of the workbook run: its findings, and its first problem selected in the host. */
  const openRow = useCallback(
    async (row: WorkbookRow) => {
      // The findings show even when the host cannot select there (Excel refuses to activate a hidden sheet).
      show(row.grid, row.analysis, current.current.canRevert);
      const first = sheetFindings(row.analysis).find((f) => f.severity !== "info")?.cell ?? "A1";
      try {
        await host.select(row.grid.name, first);
      } catch (error) {
        patch({ notice: errorNotice(error) });
      }
      patch({ canRevert: await host.hasRevert() });
    },
    [host, patch, show]
  );

  /**
   * Opening the pane: the active sheet first (one read). When it has no errors, the other sheets are read
   * (one workbook read) and the pane opens the first sheet with errors, saying so; a sheet with errors the
   * user is on stays.
   */
  const openCheck = useCallback(
    () =>
      guarded("loading", async () => {
        const analysis = await readAndAnalyze();
        const counts = countBySeverity(sheetFindings(analysis));
        let announce = paneText.checkedAnnounce(counts);
        if (counts.error === 0) {
          const rows = await readWorkbook(paneText.workbookProgress, false);
          const target = rows.find((r) => r.counts.error > 0);
          if (target && target.grid.name !== analysis.name) {
            await openRow(target);
            const text = paneText.openedFirstError(target.grid.name, analysis.name);
            patch({ notice: { intent: "info", text } });
            announce = text;
          }
        }
        patch({ announce });
      }),
    [guarded, readAndAnalyze, readWorkbook, openRow, patch]
  );

  const fix = useCallback(
    () =>
      guarded("applying", async () => {
        const analysis = current.current.analysis;
        const patches = analysis ? sheetPatches(analysis) : [];
        if (latest.current.reviewer || !analysis) return;
        if (patches.length === 0) {
          patch({ notice: { intent: "info", text: paneText.nothingToApply } });
          return;
        }
        const applied = await host.apply(patches);
        lastFixAll.current = false;
        const written = writtenOf(applied, [analysis]);
        await readAndAnalyze();
        const text = paneText.applied(applied.patches.length, 1);
        patch({ written, notice: { intent: "success", title: paneText.appliedTitle, text } });
        focusOn("written", paneText.announce(paneText.appliedTitle, text));
      }),
    [guarded, host, patch, readAndAnalyze, focusOn]
  );

  /** 全部一键重算, step 1: reads the workbook when needed and asks to confirm what will be written. */
  const prepareFixAll = useCallback(
    () =>
      guarded("workbook", async () => {
        if (latest.current.reviewer) return;
        const rows = await readWorkbook(paneText.workbookProgress);
        const patches = rows.flatMap((r) => sheetPatches(r.analysis));
        if (patches.length === 0) {
          patch({
            notice: { intent: "info", text: paneText.nothingToApplyAll },
            announce: paneText.announce(paneText.fixAll, paneText.nothingToApplyAll),
          });
          return;
        }
        const changes = fixChanges(rows.map((r) => r.analysis));
        patch({ confirm: { patches, ...patchScope(patches), changes }, notice: null });
        focusOn(
          "confirm",
          paneText.announce(
            paneText.confirmTitle,
            paneText.confirmAll(patchScope(patches)) + paneText.confirmChanges(changes)[0]
          )
        );
      }),
    [guarded, readWorkbook, patch, focusOn]
  );

  /** 全部一键重算, step 2: one apply (one revert snapshot) for every sheet, then the workbook again. */
  const confirmFixAll = useCallback(
    () =>
      guarded("applying", async () => {
        const pending = current.current.confirm;
        patch({ confirm: null });
        // The confirmation goes away: focus waits on 全部一键重算 until the written cells are listed.
        focusOn("fixAll");
        if (!pending || latest.current.reviewer) return;
        const before = current.current.overview ?? [];
        patch({ progress: { label: paneText.writingCells(pending.cells) } });
        const applied = await host.apply(pending.patches);
        lastFixAll.current = true;
        const written = writtenOf(
          applied,
          before.map((r) => r.analysis)
        );
        const rows = await readWorkbook(paneText.recheckProgress);
        const target = firstToOpen(rows);
        if (target) await openRow(target);
        const scope = patchScope(applied.patches);
        const left = rows.filter((r) => r.counts.error > 0).length;
        const text =
          paneText.applied(scope.cells, scope.sheets) + (left > 0 ? paneText.errorsLeft(left) : "");
        patch({
          written,
          // What was just written can be reverted (asking the host again would cost a round trip).
          canRevert: applied.patches.length > 0 || current.current.canRevert,
          notice: { intent: left > 0 ? "warning" : "success", title: paneText.appliedAllTitle, text },
        });
        focusOn("written", paneText.announce(paneText.appliedAllTitle, text));
      }),
    [guarded, host, patch, readWorkbook, openRow, focusOn]
  );

  const cancelFixAll = useCallback(() => {
    patch({ confirm: null });
    focusOn("fixAll", paneText.cancelled);
  }, [patch, focusOn]);

  const revert = useCallback(
    () =>
      guarded("applying", async () => {
        if (latest.current.reviewer) return;
        const reverted = await host.revertLast();
        const all = lastFixAll.current && reverted !== null;
        if (all) {
          await readWorkbook(paneText.recheckProgress);
          lastFixAll.current = false;
        }
        await readAndAnalyze();
        const text = reverted
          ? paneText.reverted(reverted.patches.length, patchScope(reverted.patches).sheets)
          : paneText.nothingToRevert;
        // Focus stays on 撤销 (focusable while disabled); the result is announced.
        patch({
          written: null,
          announce: paneText.announce(paneText.revertedTitle, text),
          notice: reverted
            ? { intent: "success", title: paneText.revertedTitle, text }
            : { intent: "info", text },
        });
      }),
    [guarded, host, patch, readAndAnalyze, readWorkbook, focusOn]
  );

  const checkWorkbook = useCallback(
    () =>
      guarded("workbook", async () => {
        patch({ workbook: { done: 0, total: 0, rows: null } });
        let rows: WorkbookRow[];
        try {
          rows = await readWorkbook(paneText.workbookProgress);
        } catch (error) {
          // A progress bar left from a failed run would spin forever: the notice tells what happened.
          patch({ workbook: null, progress: null });
          throw error;
        }
        // Open where the problems are.
        const target = firstToOpen(rows);
        if (target) await openRow(target);
        const errors = rows.filter((r) => r.counts.error > 0).length;
        focusOn("workbook", paneText.workbookAnnounce(rows.filter((r) => r.isForm).length, errors));
      }),
    [guarded, patch, readWorkbook, openRow, focusOn]
  );

  /** Shows one sheet of the workbook run (its findings get focus, which scrolls them into view). */
  const showSheet = useCallback(
    (row: WorkbookRow) =>
      guarded("loading", async () => {
        await openRow(row);
        focusOn("results", paneText.openedSheet(row.grid.name));
      }),
    [guarded, openRow, focusOn]
  );

  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      host.select(sheet, cell).catch((error: unknown) => patch({ notice: errorNotice(error) }));
    },
    [host, patch]
  );

  const selectForm = useCallback((form: number) => patch({ form }), [patch]);

  /** Browser mode: what opening a file found on every sheet. */
  const setOverview = useCallback((rows: WorkbookRow[] | null) => patch({ overview: rows }), [patch]);

  // The host's document events mark the findings stale; nothing is read until the user comes back.
  useEffect(() => {
    if (!host.watch) return;
    let stop: (() => void) | null = null;
    let gone = false;
    host
      .watch((event) => {
        setState((s) => {
          if (s.stale || busy.current) return s;
          const stale = staleness(s, event);
          return stale ? { ...s, stale, announce: paneText.staleAnnounce[stale] } : s;
        });
      })
      .then(
        (off) => (gone ? off() : (stop = off)),
        () => undefined // Without events the pane works as before: 检查 reads again.
      );
    return () => {
      gone = true;
      stop?.();
    };
  }, [host]);

  /** The user is back in the pane: a stale sheet is read again (one read, whatever happened meanwhile). */
  const returned = useCallback(() => {
    if (current.current.stale && !busy.current) void check();
  }, [check]);

  // A new profile or prompt setting re-analyzes what was read, without reading the sheet again.
  useEffect(() => {
    setState((s) => {
      const rows = (list: WorkbookRow[] | null) =>
        list
          ? analyzeAll(
              list.map((r) => r.grid),
              settings,
              analyzer
            )
          : list;
      const table = s.workbook?.rows ? rows(s.workbook.rows) : null;
      return {
        ...s,
        analysis: s.grid ? analyzer(s.grid, settings) : s.analysis,
        workbook: s.workbook && table ? { ...s.workbook, rows: table } : s.workbook,
        // The overview is usually the table's rows: analyzed once.
        overview: s.overview && s.overview === s.workbook?.rows ? table : rows(s.overview),
      };
    });
  }, [settings.profile, settings.prompts]); // Only these two change what the core says.

  const dismiss = useCallback(() => patch({ notice: null }), [patch]);

  return {
    state,
    settings,
    analyzer,
    check,
    openCheck,
    fix,
    prepareFixAll,
    confirmFixAll,
    cancelFixAll,
    revert,
    checkWorkbook,
    showSheet,
    selectCell,
    selectForm,
    setOverview,
    returned,
    dismiss,
    guarded,
    patch,
    focusOn,
    readAndAnalyze,
  };
}

/** What an apply wrote, what it refused (locked cells) and what the analyses held (formulas, FIX_HELD). */
function writtenOf(applied: AppliedFix, analyses: readonly SheetAnalysis[]): Written {
  const sheets = new Set([...applied.patches, ...(applied.refused ?? [])].map((p) => p.sheet));
  const relevant = analyses.filter((a) => sheets.has(a.name) || analyses.length === 1);
  return {
    patches: applied.patches,
    refused: applied.refused ?? [],
    held: relevant.flatMap(heldOf),
    rows: rowsTouched(relevant),
  };
}
