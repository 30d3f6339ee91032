/** What the pane says of the sheet it read: not a form, a clean form, or the summary and findings. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { SheetReport } from "../../core/index";
import { paneText } from "../../i18n/pane";
import { isClean } from "../analysis";
import { FindingList } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { SummaryCard } from "./SummaryCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export interface ResultViewProps {
  report: SheetReport;
  onSelect: (sheet: string, cell: string) => void;
}

/** A form with only infos is clean: the success message shows above the infos. */
export function ResultView({ report, onSelect }: ResultViewProps) {
  const styles = useStyles();
  if (!report.isForm) {
    return (
      <NoticeBar notice={{ intent: "warning", title: paneText.notFormTitle, text: paneText.notFormBody }} />
    );
  }
  return (
    <div className={styles.root}>
      <SummaryCard report={report} />
      {isClean(report.findings) && (
        <NoticeBar notice={{ intent: "success", title: paneText.cleanTitle, text: paneText.cleanBody }} />
      )}
      <FindingList findings={report.findings} onSelect={(cell) => onSelect(report.name, cell)} />
    </div>
  );
}
