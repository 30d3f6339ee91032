/**
 * The pane's flows over one host: 检查 (read + analyze, no writes), 一键重算 (apply, then re-check), 撤销,
 * and the whole-workbook run. Every failure ends in a Notice, never only in the console.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Analysis } from "../core/index";
import type { Grid } from "../core/grid";
import type { Host } from "../hosts/types";
import { paneText } from "../i18n/pane";
import {
  analyze,
  analyzeAll,
  refreshRow,
  type Analyzer,
  type WorkbookRow,
  type WorkbookRun,
} from "./analysis";
import { errorNotice, type Notice } from "./notice";
import type { PaneSettings } from "./settings";

export type { WorkbookRun } from "./analysis";

export type Phase = "idle" | "loading" | "ready" | "applying" | "workbook";

export interface PaneState {
  phase: Phase;
  grid: Grid | null;
  analysis: Analysis | null;
  notice: Notice | null;
  canRevert: boolean;
  workbook: WorkbookRun | null;
}

const INITIAL: PaneState = {
  phase: "idle",
  grid: null,
  analysis: null,
  notice: null,
  canRevert: false,
  workbook: null,
};

/** State and actions of the pane; `settings` apply to every analysis, re-run when they change. */
export function usePane(host: Host, settings: PaneSettings, analyzer: Analyzer = analyze) {
  const [state, setState] = useState<PaneState>(INITIAL);
  const busy = useRef(false);
  const highlighted = useRef(new Set<string>());
  const latest = useRef(settings);
  latest.current = settings;

  const patch = useCallback((change: Partial<PaneState>) => setState((s) => ({ ...s, ...change })), []);

  /** Runs one action at a time; a failure becomes the notice and the pane stays usable. */
  const guarded = useCallback(async (phase: Phase, action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setState((s) => ({ ...s, phase, notice: phase === "loading" ? null : s.notice }));
    try {
      await action();
    } catch (error) {
      setState((s) => ({ ...s, notice: errorNotice(error), phase: s.analysis ? "ready" : "idle" }));
    } finally {
      busy.current = false;
      setState((s) => (s.phase === phase ? { ...s, phase: s.analysis ? "ready" : "idle" } : s));
    }
  }, []);

  /** Highlighting formats cells: only when asked for, never in 审阅模式; stale highlights are removed. */
  const markCells = useCallback(
    async (analysis: Analysis) => {
      const { reviewer, highlight } = latest.current;
      const sheet = analysis.report.name;
      if (reviewer) return;
      if (highlight && analysis.report.isForm) {
        await host.highlight(
          sheet,
          analysis.report.findings.map((f) => ({ cell: f.cell, severity: f.severity }))
        );
        highlighted.current.add(sheet);
      } else if (highlighted.current.has(sheet)) {
        await host.clearHighlights(sheet);
        highlighted.current.delete(sheet);
      }
    },
    [host]
  );

  /** Reads and analyzes the active sheet; keeps the workbook table in step with it. */
  const readAndAnalyze = useCallback(async () => {
    const grid = await host.readActiveSheet();
    const analysis = analyzer(grid, latest.current);
    const canRevert = await host.hasRevert();
    setState((s) => ({ ...s, grid, analysis, canRevert, workbook: refreshRow(s.workbook, grid, analysis) }));
    await markCells(analysis);
  }, [host, markCells, analyzer]);

  const check = useCallback(() => guarded("loading", readAndAnalyze), [guarded, readAndAnalyze]);

  // One WPS pane serves every open workbook: what it shows follows the workbook and sheet the user is on.
  useEffect(() => host.watch?.(() => void check()), [host, check]);

  const fix = useCallback(
    () =>
      guarded("applying", async () => {
        const patches = state.analysis?.patches ?? [];
        if (latest.current.reviewer) return;
        if (patches.length === 0) {
          patch({ notice: { intent: "info", text: paneText.nothingToApply } });
          return;
        }
        const applied = await host.apply(patches);
        await readAndAnalyze();
        const text = paneText.applied(applied.patches.length);
        patch({ notice: { intent: "success", title: paneText.appliedTitle, text } });
      }),
    [guarded, host, patch, readAndAnalyze, state.analysis]
  );

  const revert = useCallback(
    () =>
      guarded("applying", async () => {
        if (latest.current.reviewer) return;
        const reverted = await host.revertLast();
        await readAndAnalyze();
        patch({
          notice: reverted
            ? {
                intent: "success",
                title: paneText.revertedTitle,
                text: paneText.reverted(reverted.patches.length),
              }
            : { intent: "info", text: paneText.nothingToRevert },
        });
      }),
    [guarded, host, patch, readAndAnalyze]
  );

  const checkWorkbook = useCallback(
    () =>
      guarded("workbook", async () => {
        patch({ workbook: { done: 0, total: 0, rows: null } });
        try {
          const grids = await host.readAllSheets((done, total) =>
            patch({ workbook: { done, total, rows: null } })
          );
          const rows = analyzeAll(grids, latest.current, analyzer);
          patch({ workbook: { done: grids.length, total: grids.length, rows } });
        } catch (error) {
          // A progress bar left from a failed run would spin forever: the notice tells what happened.
          patch({ workbook: null });
          throw error;
        }
      }),
    [guarded, host, patch, analyzer]
  );

  /** Shows one sheet of the workbook run; selecting a cell also makes that sheet the active one. */
  const showSheet = useCallback(
    (row: WorkbookRow) =>
      guarded("loading", async () => {
        // The findings show even when the host cannot select there (Excel refuses to activate a hidden sheet).
        patch({ grid: row.grid, analysis: row.analysis });
        const first = row.analysis.report.findings[0]?.cell ?? "A1";
        try {
          await host.select(row.grid.name, first);
        } catch (error) {
          patch({ notice: errorNotice(error) });
        }
        patch({ canRevert: await host.hasRevert() });
      }),
    [guarded, host, patch]
  );

  const selectCell = useCallback(
    (sheet: string, cell: string) => {
      host.select(sheet, cell).catch((error: unknown) => patch({ notice: errorNotice(error) }));
    },
    [host, patch]
  );

  // A new profile or prompt setting re-analyzes what was read, without reading the sheet again.
  useEffect(() => {
    setState((s) => ({
      ...s,
      analysis: s.grid ? analyzer(s.grid, settings) : s.analysis,
      workbook: s.workbook?.rows
        ? {
            ...s.workbook,
            rows: analyzeAll(
              s.workbook.rows.map((r) => r.grid),
              settings,
              analyzer
            ),
          }
        : s.workbook,
    }));
  }, [settings.profile, settings.prompts]); // Only these two change what the core says.

  const dismiss = useCallback(() => patch({ notice: null }), [patch]);

  return {
    state,
    settings,
    analyzer,
    check,
    fix,
    revert,
    checkWorkbook,
    showSheet,
    selectCell,
    dismiss,
    guarded,
    patch,
    readAndAnalyze,
  };
}
