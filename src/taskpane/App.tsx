/** The task pane: one host, chosen at boot, and the same flows in Excel, WPS and the browser. */
import * as React from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { FileHost } from "../hosts/file/types";
import type { Host } from "../hosts/types";
import { paneText } from "../i18n/pane";
import { ActionBar } from "./components/ActionBar";
import { DropZone } from "./components/DropZone";
import { FileBar } from "./components/FileBar";
import { Header } from "./components/Header";
import { LoadingSkeleton } from "./components/LoadingSkeleton";
import { NoticeBar } from "./components/NoticeBar";
import { ResultView } from "./components/ResultView";
import { SettingsPanel } from "./components/SettingsPanel";
import { SheetPreview } from "./components/SheetPreview";
import { WorkbookPanel } from "./components/WorkbookPanel";
import type { Analyzer } from "./analysis";
import type { Notice } from "./notice";
import { loadSettings, saveSettings, type PaneSettings } from "./settings";
import { useFileActions, useFileView } from "./useFileActions";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowX: "hidden",
  },
});

export interface AppProps {
  host: Host;
  /** A notice from boot (e.g. WPS detected but not yet supported). */
  bootNotice?: Notice;
  /** Initial settings (tests); default: what the user saved. */
  initialSettings?: PaneSettings;
  /** Whether to check the active sheet at once (default: yes, except in browser mode). */
  autoCheck?: boolean;
  /** Grid → report and patches; default the core's analyzeSheetV1 with the pane's settings. */
  analyzer?: Analyzer;
}

/** Narrows a host to the browser-mode file host, which has the extra file functions. */
export function isFileHost(host: Host): host is FileHost {
  return host.kind === "file" && "open" in host && "download" in host;
}

/** The pane. Host functions come in through `host`; nothing here touches Office or WPS directly. */
export function App({ host, bootNotice, initialSettings, autoCheck, analyzer }: AppProps) {
  const styles = useStyles();
  const [settings, setSettings] = React.useState<PaneSettings>(() => initialSettings ?? loadSettings());
  const fileHost = isFileHost(host) ? host : null;
  const pane = usePane(host, settings, analyzer);
  const file = useFileActions(fileHost, pane);
  const view = useFileView(fileHost);
  const { state } = pane;
  const report = state.analysis?.report ?? null;
  const busy = state.phase === "loading" || state.phase === "applying" || state.phase === "workbook";
  const canCheck = !fileHost || view.fileName !== null;

  const changeSettings = (next: PaneSettings) => {
    setSettings(next);
    saveSettings(next);
  };

  const { check } = pane;
  React.useEffect(() => {
    if (autoCheck ?? !fileHost) void check();
  }, [autoCheck, check, fileHost]);

  return (
    <DropZone enabled={fileHost !== null} busy={busy} onFile={file.openFile}>
      <main className={styles.root}>
        <Header
          project={report?.isForm ? report.project : null}
          department={report?.isForm ? report.department : undefined}
          reviewer={settings.reviewer}
          onReviewerChange={(reviewer) => changeSettings({ ...settings, reviewer })}
        />
        {bootNotice && <NoticeBar notice={bootNotice} />}
        {fileHost && (
          <>
            {!view.fileName && <Body1>{paneText.fileIntro}</Body1>}
            <FileBar
              view={view}
              busy={busy}
              onOpen={file.openFile}
              onChooseSheet={file.chooseSheet}
              onDownload={file.download}
            />
            {!view.fileName && <Body1>{paneText.dropHere}</Body1>}
          </>
        )}
        <ActionBar
          busy={busy}
          applying={state.phase === "applying"}
          canCheck={canCheck}
          canFix={(state.analysis?.patches.length ?? 0) > 0}
          canRevert={state.canRevert}
          reviewer={settings.reviewer}
          onCheck={() => void pane.check()}
          onFix={() => void pane.fix()}
          onRevert={() => void pane.revert()}
          onCheckWorkbook={() => void pane.checkWorkbook()}
        />
        {state.notice && <NoticeBar notice={state.notice} onDismiss={pane.dismiss} />}
        {state.phase === "loading" && <LoadingSkeleton />}
        {state.phase !== "loading" && report && <ResultView report={report} onSelect={pane.selectCell} />}
        {state.workbook && <WorkbookPanel run={state.workbook} onOpen={(row) => void pane.showSheet(row)} />}
        {fileHost && state.grid && (
          <SheetPreview
            grid={state.grid}
            selected={view.selection?.sheet === state.grid.name ? view.selection.cell : null}
            marks={report?.findings.map((f) => ({ cell: f.cell, severity: f.severity })) ?? []}
          />
        )}
        <SettingsPanel settings={settings} onChange={changeSettings} onDiagnose={host.diagnose?.bind(host)} />
      </main>
    </DropZone>
  );
}
