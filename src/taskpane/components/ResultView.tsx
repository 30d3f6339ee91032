/**
 * What the pane says of the sheet it read: no form (a neutral note), forms that could not be read (errors),
 * and for the chosen form its summary and findings; a picker when the sheet holds several forms.
 */
import * as React from "react";
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetAnalysis } from "../../core/types";
import { paneText } from "../../i18n/pane";
import { countBySeverity, isClean, sheetFindings, unreadable } from "../analysis";
import { FindingList } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { SummaryCard } from "./SummaryCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  picker: { minWidth: 0, width: "100%" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

export interface ResultViewProps {
  analysis: SheetAnalysis;
  /** The form whose summary and findings show. */
  form: number;
  onForm: (form: number) => void;
  onSelect: (sheet: string, cell: string) => void;
  /** Browser mode: sheets are chosen in the list above, not by switching sheets in Excel. */
  browser: boolean;
  /** Other sheets of the workbook with errors / only warnings, when known. */
  others: { errors: number; warnings: number };
  /** The heading that takes focus after 检查 and when a sheet is opened from the workbook table. */
  headingRef?: React.Ref<HTMLHeadingElement>;
}

/** A sheet with only infos is clean: the success message shows above the infos, unless others have problems. */
export function ResultView({
  analysis,
  form,
  onForm,
  onSelect,
  browser,
  others,
  headingRef,
}: ResultViewProps) {
  const styles = useStyles();
  const broken = unreadable(analysis);
  const heading = (
    <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
      {paneText.findings}
    </h2>
  );
  if (analysis.forms.length === 0 && broken.length === 0) {
    return (
      <section className={styles.root} aria-label={paneText.findings}>
        {heading}
        <NoticeBar
          notice={{
            intent: "info",
            title: paneText.emptyTitle,
            text: browser ? paneText.notFormBodyFile : paneText.notFormBody,
          }}
        />
      </section>
    );
  }
  const chosen = analysis.forms[Math.min(form, analysis.forms.length - 1)];
  const clean = isClean(sheetFindings(analysis));
  const elsewhere = others.errors + others.warnings > 0;
  return (
    <section className={styles.root} aria-label={paneText.findings}>
      {heading}
      {broken.length > 0 && (
        <section aria-label={paneText.unreadableTitle}>
          <FindingList findings={broken} onSelect={(cell) => onSelect(analysis.name, cell)} />
        </section>
      )}
      {analysis.forms.length > 1 && (
        <Field label={paneText.formPicker} hint={paneText.formsOnSheet(analysis.forms.length)}>
          <Select
            className={styles.picker}
            select={{ className: styles.picker }}
            value={String(form)}
            onChange={(_, data) => onForm(Number(data.value))}
          >
            {analysis.forms.map((f, i) => (
              <option key={f.report.range} value={i}>
                {paneText.formOption(i, f.report.project, countBySeverity(f.report.findings).error)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && <SummaryCard report={chosen.report} />}
      {clean && !elsewhere && (
        <NoticeBar notice={{ intent: "success", title: paneText.cleanTitle, text: paneText.cleanBody }} />
      )}
      {clean && elsewhere && (
        <NoticeBar
          notice={{ intent: "warning", text: paneText.cleanElsewhere(others.errors, others.warnings) }}
        />
      )}
      {chosen && (
        <FindingList findings={chosen.report.findings} onSelect={(cell) => onSelect(analysis.name, cell)} />
      )}
      {!chosen && <Caption1>{paneText.none}</Caption1>}
    </section>
  );
}
