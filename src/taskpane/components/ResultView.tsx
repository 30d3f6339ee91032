/**
 * What the pane says of the sheet it read: no form (a neutral note), forms that could not be read (errors),
 * and for the chosen form its summary and findings; a picker when the sheet holds several forms.
 */
import * as React from "react";
import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { FormReport, SheetAnalysis } from "../../core/types";
import type { FormStatus } from "../../core/status";
import { formatNumber, paneText } from "../../i18n/pane";
import { countBySeverity, unreadable } from "../analysis";
import type { Notice } from "../notice";
import { FindingList } from "./FindingList";
import { NoticeBar } from "./NoticeBar";
import { SummaryCard } from "./SummaryCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  picker: { minWidth: 0, width: "100%" },
  hint: { color: tokens.colorNeutralForeground3 },
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

/** What an unscored form was checked for, in words. */
function checkedParts(report: FormReport): string[] {
  const parts: string[] = [];
  if (report.project || report.department) parts.push(paneText.checkedProject);
  if (report.budget.rate !== null) parts.push(paneText.checkedRate(`${formatNumber(report.budget.rate)}%`));
  if (report.indicators.length > 0) parts.push(paneText.checkedIndicators(report.indicators.length));
  if (report.weights.total > 0) parts.push(paneText.checkedWeights(formatNumber(report.weights.total)));
  return parts;
}

/** The banner of a form's status (the core's verdict): 通过 is green only for status pass. */
export function statusNotice(
  status: FormStatus,
  report: FormReport,
  others: { errors: number; warnings: number }
): Notice {
  const counts = countBySeverity(report.findings);
  switch (status) {
    case "pass":
      if (others.errors + others.warnings > 0)
        return { intent: "warning", text: paneText.cleanElsewhere(others.errors, others.warnings) };
      return counts.warning > 0
        ? { intent: "success", title: paneText.cleanTitle, text: paneText.passWarnings(counts.warning) }
        : { intent: "success", title: paneText.cleanTitle, text: paneText.cleanBody };
    case "fix":
      return { intent: "error", title: paneText.fixTitle, text: paneText.fixBody(counts.error) };
    case "unscored":
      return {
        intent: "info",
        title: paneText.unscoredTitle,
        text: paneText.unscoredBody(checkedParts(report)),
      };
    case "unreadable":
      return { intent: "error", title: paneText.unreadableSheetTitle, text: paneText.unreadableSheetBody };
  }
}

/** A form's status: the core's; a report from an older core (no status) by its findings. */
function formStatusOf(report: FormReport): FormStatus {
  if (report.status) return report.status;
  if (report.findings.some((f) => f.severity === "error")) return "fix";
  return report.total.recomputed === null ? "unscored" : "pass";
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
  // The banner shows the core's verdict: a sheet with an unreadable part is 未能读取 whatever its forms say.
  const status: FormStatus | null =
    broken.length > 0 ? "unreadable" : chosen ? formStatusOf(chosen.report) : null;
  const notice = status && chosen ? statusNotice(status, chosen.report, others) : null;
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
      {chosen && <SummaryCard report={chosen.report} status={formStatusOf(chosen.report)} />}
      {notice && (
        <div data-status={status ?? undefined}>
          <NoticeBar notice={notice} role={status === "pass" ? undefined : "note"} />
        </div>
      )}
      {chosen && chosen.report.findings.length > 0 && (
        <Caption1 className={styles.hint}>
          {browser ? paneText.findingsHintFile : paneText.findingsHint}
        </Caption1>
      )}
      {chosen && (
        <FindingList findings={chosen.report.findings} onSelect={(cell) => onSelect(analysis.name, cell)} />
      )}
      {!chosen && <Caption1>{paneText.none}</Caption1>}
    </section>
  );
}
