/** The task pane: one host, chosen at boot, and the same flows in Excel, WPS and the browser. */
import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { FileHost } from "../hosts/file/types";
import type { Host } from "../hosts/types";
import { excelText } from "../i18n/excel";
import { paneText } from "../i18n/pane";
import { ActionBar } from "./components/ActionBar";
import { ConfirmBar } from "./components/ConfirmBar";
import { DropZone } from "./components/DropZone";
import { FileBar } from "./components/FileBar";
import { FileProgress } from "./components/FileProgress";
import { Header } from "./components/Header";
import { LiveRegion } from "./components/LiveRegion";
import { LoadingSkeleton } from "./components/LoadingSkeleton";
import { NoticeBar } from "./components/NoticeBar";
import { ProgressNote } from "./components/ProgressNote";
import { ResultView } from "./components/ResultView";
import { SettingsPanel } from "./components/SettingsPanel";
import { SheetPreview } from "./components/SheetPreview";
import { WorkbookPanel } from "./components/WorkbookPanel";
import { WrittenList } from "./components/WrittenList";
import { othersWithProblems, sheetFindings, sheetPatches, type Analyzer } from "./analysis";
import type { Notice } from "./notice";
import { loadSettings, saveSettings, type PaneSettings } from "./settings";
import { useFileActions, useFileView } from "./useFileActions";
import { usePane, type FocusTarget } from "./usePane";
import { deskText } from "../i18n/pane";

/** The reviewer's desk, loaded when first opened (src/review and its writers stay out of the first load). */
const Desk = React.lazy(() => import(/* webpackChunkName: "desk" */ "./desk/Desk"));

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
  /** Grid → every form's report and patches; default the core's analyzeSheet with the pane's settings. */
  analyzer?: Analyzer;
}

/** Narrows a host to the browser-mode file host, which has the extra file functions. */
export function isFileHost(host: Host): host is FileHost {
  return host.kind === "file" && "open" in host && "download" in host;
}

/** Moves focus to an element and brings it into view (scrollIntoView is missing in some test DOMs). */
function focusElement(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  if (typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "start" });
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
  const analysis = state.analysis;
  const report = analysis?.forms[Math.min(state.form, analysis.forms.length - 1)]?.report ?? null;
  const busy = state.phase === "loading" || state.phase === "applying" || state.phase === "workbook";
  const canCheck = !fileHost || view.fileName !== null;

  const refs: Record<FocusTarget, React.RefObject<HTMLElement>> = {
    results: React.useRef<HTMLHeadingElement>(null),
    written: React.useRef<HTMLHeadingElement>(null),
    workbook: React.useRef<HTMLHeadingElement>(null),
    confirm: React.useRef<HTMLButtonElement>(null),
    notice: React.useRef<HTMLDivElement>(null),
    fixAll: React.useRef<HTMLButtonElement>(null),
  };
  // After an action, focus goes where its result is (never to the page), once that is on screen (the
  // findings are replaced by a skeleton while a sheet is read); a missing target falls back to the findings.
  // A layout effect: focus moves in the same commit that shows the target, never a frame later.
  const pendingFocus = React.useRef(0);
  React.useLayoutEffect(() => {
    if (!state.focus || pendingFocus.current === state.focusSeq || state.phase === "loading") return;
    const target = refs[state.focus].current ?? refs.results.current;
    if (!target) return;
    pendingFocus.current = state.focusSeq;
    focusElement(target);
  }, [state.focusSeq, state.phase]); // A new request, or the end of the read it waited for.

  const changeSettings = (next: PaneSettings) => {
    setSettings(next);
    saveSettings(next);
  };

  const { openCheck, returned } = pane;
  React.useEffect(() => {
    if (autoCheck ?? !fileHost) void openCheck();
  }, [autoCheck, openCheck, fileHost]);

  // Coming back to the pane re-checks a sheet the user switched away from or edited meanwhile.
  React.useEffect(() => {
    window.addEventListener("focus", returned);
    return () => window.removeEventListener("focus", returned);
  }, [returned]);

  const counts = React.useMemo(
    () =>
      new Map(
        (state.overview ?? []).map((r) => [
          r.grid.name,
          r.isForm ? { error: r.counts.error, warning: r.counts.warning, status: r.status } : null,
        ])
      ),
    [state.overview]
  );
  const others = othersWithProblems(state.overview, analysis?.name ?? "");
  const [deskOpen, setDeskOpen] = React.useState(false);

  if (deskOpen)
    return (
      <main className={styles.root}>
        <React.Suspense fallback={<LoadingSkeleton />}>
          <Desk profile={settings.profile} onClose={() => setDeskOpen(false)} />
        </React.Suspense>
      </main>
    );

  return (
    <DropZone enabled={fileHost !== null} busy={busy} onFile={file.openFile}>
      <main className={styles.root} onPointerEnter={returned}>
        <LiveRegion text={state.announce} />
        <Header
          project={report ? report.project : null}
          department={report ? report.department : undefined}
          reviewer={settings.reviewer}
          onReviewerChange={(reviewer) => changeSettings({ ...settings, reviewer })}
        />
        {bootNotice && <NoticeBar notice={bootNotice} />}
        <div>
          <Button size="small" appearance="secondary" onClick={() => setDeskOpen(true)}>
            {deskText.open}
          </Button>
        </div>
        {fileHost && (
          <>
            {!view.fileName && <Body1>{paneText.fileIntro}</Body1>}
            <FileBar
              view={view}
              counts={state.overview ? counts : undefined}
              busy={busy}
              onOpen={file.openFile}
              onChooseSheet={file.chooseSheet}
              onDownload={file.download}
            />
            {file.progress && <FileProgress progress={file.progress} onCancel={file.cancel} />}
            {!view.fileName && <Body1>{paneText.dropHere}</Body1>}
          </>
        )}
        <ActionBar
          busy={busy || state.confirm !== null}
          applying={state.phase === "applying"}
          canCheck={canCheck}
          canFix={analysis ? sheetPatches(analysis).length > 0 : false}
          canRevert={state.canRevert}
          reviewer={settings.reviewer}
          onCheck={() => void pane.check()}
          onFix={() => void pane.fix()}
          onRevert={() => void pane.revert()}
          onCheckWorkbook={() => void pane.checkWorkbook()}
          onFixAll={() => void pane.prepareFixAll()}
          fixAllRef={refs.fixAll as React.RefObject<HTMLButtonElement>}
        />
        {state.progress && <ProgressNote label={state.progress.label} value={state.progress.value} />}
        {state.confirm && (
          <ConfirmBar
            cells={state.confirm.cells}
            sheets={state.confirm.sheets}
            changes={state.confirm.changes}
            confirmRef={refs.confirm as React.RefObject<HTMLButtonElement>}
            onConfirm={() => void pane.confirmFixAll()}
            onCancel={pane.cancelFixAll}
          />
        )}
        {state.stale && !busy && (
          <NoticeBar
            notice={{ intent: "info", title: paneText.staleTitle, text: paneText.staleAnnounce[state.stale] }}
            action={
              <Button size="small" onClick={() => void pane.check()}>
                {paneText.recheck}
              </Button>
            }
          />
        )}
        <div ref={refs.notice as React.RefObject<HTMLDivElement>} tabIndex={-1}>
          {state.notice && <NoticeBar notice={state.notice} onDismiss={pane.dismiss} />}
        </div>
        {state.written && (
          <WrittenList
            written={state.written}
            onSelect={pane.selectCell}
            headingRef={refs.written as React.RefObject<HTMLHeadingElement>}
          />
        )}
        {state.phase === "loading" && <LoadingSkeleton />}
        {state.phase !== "loading" && analysis && (
          <ResultView
            analysis={analysis}
            form={state.form}
            onForm={pane.selectForm}
            onSelect={pane.selectCell}
            browser={fileHost !== null}
            others={others}
            headingRef={refs.results as React.RefObject<HTMLHeadingElement>}
          />
        )}
        {state.workbook?.rows && (
          <WorkbookPanel
            run={state.workbook}
            current={analysis?.name ?? null}
            onOpen={(row) => void pane.showSheet(row)}
            headingRef={refs.workbook as React.RefObject<HTMLHeadingElement>}
          />
        )}
        {fileHost && state.grid && (
          <SheetPreview
            grid={state.grid}
            selected={view.selection?.sheet === state.grid.name ? view.selection.cell : null}
            marks={
              analysis ? sheetFindings(analysis).map((f) => ({ cell: f.cell, severity: f.severity })) : []
            }
          />
        )}
        <SettingsPanel
          settings={settings}
          onChange={changeSettings}
          onDiagnose={host.diagnose?.bind(host)}
          diagnoseHint={host.kind === "excel" ? excelText.diagnoseHint : undefined}
        />
      </main>
    </DropZone>
  );
}
