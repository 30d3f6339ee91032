/** The form at a glance: weights sum, 执行率, 总分 and 评分等级, submitted next to recomputed. */
import * as React from "react";
import { Card, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular } from "@fluentui/react-icons";
import type { FormReport } from "../../core/types";
import type { FormStatus } from "../../core/status";
import { formatNumber, formatValue, paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  state: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface SummaryCardProps {
  report: FormReport;
  /** The form's verdict: an unscored form that prints no weights shows that neutrally, not as an error. */
  status?: FormStatus;
}

function percent(value: number | null): string {
  return value === null ? paneText.none : `${formatNumber(value)}%`;
}

/** Pairs a submitted and a recomputed value: "表中 98.50 / 重算 97.00". */
function Pair({ submitted, recomputed }: { submitted: string; recomputed: string }) {
  return (
    <>
      {paneText.submitted} {submitted} / {paneText.recomputed} <strong>{recomputed}</strong>
    </>
  );
}

/** The summary card; a weight sum other than 100 is shown with an icon and words, not color alone. */
export function SummaryCard({ report, status }: SummaryCardProps) {
  const styles = useStyles();
  const weightsOk = Math.abs(report.weights.total - 100) < 1e-9;
  // Red only where the core found an error: an unscored form's missing weights are no finding of it.
  const noWeights = !weightsOk && status !== "fix" && report.weights.total === 0;
  const { budget, total, grade } = report;
  // A form that prints no grade cell has nothing to compare; one without scores has no recomputed grade.
  const gradeShown = grade.cell !== null;
  const gradeNote =
    gradeShown && grade.recomputed !== null && grade.submitted !== grade.recomputed
      ? grade.submitted
        ? paneText.gradeDiffers(grade.submitted, grade.recomputed)
        : paneText.gradeMissing(grade.recomputed)
      : null;
  return (
    <Card size="small" aria-label={paneText.summary}>
      <dl className={styles.grid}>
        <dt className={styles.term}>{paneText.weights}</dt>
        <dd className={styles.value}>
          {noWeights ? (
            <span className={styles.state}>{paneText.noWeights}</span>
          ) : weightsOk ? (
            <span className={mergeClasses(styles.state, styles.ok)}>
              <CheckmarkCircleRegular aria-hidden />
              {paneText.weightsOk}
            </span>
          ) : (
            <span className={mergeClasses(styles.state, styles.bad)} role="status">
              <ErrorCircleRegular aria-hidden />
              {paneText.weightsBad(report.weights.total)}
            </span>
          )}
        </dd>
        <dt className={styles.term}>{paneText.rate}</dt>
        <dd className={styles.value}>
          <Pair submitted={percent(budget.submittedRate)} recomputed={percent(budget.rate)} />
        </dd>
        <dt className={styles.term}>{paneText.total}</dt>
        <dd className={styles.value}>
          <Pair submitted={formatValue(total.submitted)} recomputed={formatValue(total.recomputed)} />
        </dd>
        {gradeShown && (
          <>
            <dt className={styles.term}>{paneText.grade}</dt>
            <dd className={styles.value}>
              <Pair submitted={formatValue(grade.submitted)} recomputed={formatValue(grade.recomputed)} />
            </dd>
          </>
        )}
      </dl>
      {gradeNote && (
        <Text className={mergeClasses(styles.state, styles.warn)}>
          <WarningRegular aria-hidden />
          {gradeNote}
        </Text>
      )}
    </Card>
  );
}
