/** Browser mode's extra flows: open a workbook (picker or drop), choose a sheet, download the result. */
import { useCallback, useSyncExternalStore } from "react";
import type { FileHost, FileView } from "../hosts/file/types";
import { EMPTY_VIEW } from "../hosts/file";
import { readFileBytes } from "../hosts/file/read-file";
import { paneText } from "../i18n/pane";
import type { usePane } from "./usePane";

type Pane = ReturnType<typeof usePane>;

const noop = () => () => undefined;

/** The file host's view (re-rendered on every change), or an empty view for other hosts. */
export function useFileView(host: FileHost | null): FileView {
  return useSyncExternalStore(host ? host.subscribe : noop, host ? host.view : () => EMPTY_VIEW);
}

/** Actions of browser mode; all no-ops when the host is not the file host. */
export function useFileActions(host: FileHost | null, pane: Pane) {
  const { guarded, patch, readAndAnalyze } = pane;

  const openFile = useCallback(
    (file: File) =>
      guarded("loading", async () => {
        if (!host) return;
        let view: FileView;
        try {
          view = await host.open(await readFileBytes(file), file.name);
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          patch({
            notice: {
              intent: "error",
              title: paneText.errorTitle,
              text: paneText.readFailed(file.name, detail),
            },
          });
          return;
        }
        patch({ workbook: null, grid: null, analysis: null });
        // Default to the first sheet that is a form; analysis is cheap next to reading the package.
        const form = view.sheets.find(
          (s) => s.state !== "hidden" && pane.analyzer(s.grid, pane.settings).report.isForm
        );
        if (form) host.setActiveSheet(form.name);
        await readAndAnalyze();
        if (!form) patch({ notice: { intent: "warning", text: paneText.noFormInFile } });
      }),
    [guarded, host, pane, patch, readAndAnalyze]
  );

  const chooseSheet = useCallback(
    (name: string) =>
      guarded("loading", async () => {
        if (!host) return;
        host.setActiveSheet(name);
        await readAndAnalyze();
      }),
    [guarded, host, readAndAnalyze]
  );

  const download = useCallback(() => {
    host?.download();
  }, [host]);

  return { openFile, chooseSheet, download };
}
