/** Browser mode's extra flows: open a workbook (picker or drop), choose a sheet, download the result. */
import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import { ReadCancelled, type FileHost, type FileView } from "../hosts/file/types";
import { EMPTY_VIEW, isNotSpreadsheet } from "../hosts/file";
import { readFileBytes } from "../hosts/file/read-file";
import { paneText } from "../i18n/pane";
import { analyze, analyzeAll, countBySeverity, firstToOpen, sheetFindings, type Analyzer } from "./analysis";
import type { ReadProgress } from "./components/FileProgress";
import type { usePane } from "./usePane";

type Pane = ReturnType<typeof usePane>;

const noop = () => () => undefined;

/** The file host's view (re-rendered on every change), or an empty view for other hosts. */
export function useFileView(host: FileHost | null): FileView {
  return useSyncExternalStore(host ? host.subscribe : noop, host ? host.view : () => EMPTY_VIEW);
}

/** Actions of browser mode; all no-ops when the host is not the file host. */
export function useFileActions(host: FileHost | null, pane: Pane) {
  const { guarded, patch, readAndAnalyze, focusOn } = pane;
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const reading = useRef<AbortController | null>(null);

  const openFile = useCallback(
    (file: File) =>
      guarded("loading", async () => {
        if (!host) return;
        let view: FileView;
        const abort = new AbortController();
        reading.current = abort;
        setProgress({ name: file.name, done: 0, total: 0 });
        try {
          const onProgress = (done: number, total: number) => setProgress({ name: file.name, done, total });
          // With the core's own analyzer the host analyzes every sheet where it reads (the worker).
          const { profile, prompts } = pane.settings;
          const options = pane.analyzer === analyze ? { profile, prompts } : undefined;
          const control = { signal: abort.signal, onProgress, analyze: options };
          view = await host.open(await readFileBytes(file), file.name, control);
        } catch (error) {
          if (error instanceof ReadCancelled) {
            patch({ notice: { intent: "info", text: paneText.openCancelled(file.name) } });
            return;
          }
          const detail = error instanceof Error ? error.message : String(error);
          if (isNotSpreadsheet(error)) {
            // 不是电子表格文件: the file's status, said as such; nothing of it is kept, so 下载 cannot return it.
            const text = paneText.notSpreadsheet(file.name, detail);
            patch({ notice: { intent: "error", title: paneText.notSpreadsheetTitle, text } });
            focusOn("notice", paneText.announce(paneText.notSpreadsheetTitle, text));
            return;
          }
          patch({
            notice: {
              intent: "error",
              title: paneText.errorTitle,
              text: paneText.readFailed(file.name, detail),
            },
          });
          return;
        } finally {
          reading.current = null;
          setProgress(null);
        }
        // Open where the problems are: every sheet is analyzed (by the worker that read it, where it could),
        // the picker shows their counts and the pane opens on the first visible sheet with errors.
        const visible = view.sheets.filter((s) => s.state !== "hidden");
        const done = new Map(view.sheets.map((s) => [s.grid, s.analysis]));
        const analyzer: Analyzer = (grid, settings) => done.get(grid) ?? pane.analyzer(grid, settings);
        const rows = analyzeAll(
          view.sheets.map((s) => s.grid),
          pane.settings,
          analyzer
        );
        patch({ workbook: null, grid: null, analysis: null, written: null, overview: rows });
        const target = firstToOpen(rows.filter((r) => visible.some((s) => s.grid === r.grid)));
        if (target) host.setActiveSheet(target.grid.name);
        const analysis = await readAndAnalyze();
        if (!target) patch({ notice: { intent: "info", text: paneText.noFormInFile } });
        focusOn("results", paneText.checkedAnnounce(countBySeverity(sheetFindings(analysis))));
      }),
    [guarded, host, pane, patch, readAndAnalyze, focusOn]
  );

  const chooseSheet = useCallback(
    (name: string) =>
      guarded("loading", async () => {
        if (!host) return;
        host.setActiveSheet(name);
        const analysis = await readAndAnalyze();
        // Focus stays on the sheet list (arrow keys walk through it); the result is announced.
        patch({ announce: paneText.checkedAnnounce(countBySeverity(sheetFindings(analysis))) });
      }),
    [guarded, host, readAndAnalyze, patch]
  );

  const download = useCallback(() => {
    host?.download();
  }, [host]);

  /** Cancels the read in progress; the previous workbook, if any, stays open. */
  const cancel = useCallback(() => reading.current?.abort(), []);

  return { openFile, chooseSheet, download, progress, cancel };
}
