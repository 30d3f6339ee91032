/** One finding: cell, the row's 三级指标, the message, submitted → recomputed and the computation. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/types";
import { formatValue, paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  button: {
    position: "relative",
    display: "block",
    width: "100%",
    textAlign: "start",
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  line: { display: "block", overflowWrap: "anywhere" },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
  cell: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
  meta: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  explain: { fontFamily: tokens.fontFamilyMonospace },
  /** Read by screen readers only: the severity, first in the button's name. */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export interface FindingItemProps {
  finding: Finding;
  onSelect: (cell: string) => void;
}

/** A button (so Enter and Space work) that selects the finding's cell; its name starts with the severity. */
export function FindingItem({ finding, onSelect }: FindingItemProps) {
  const styles = useStyles();
  const hasValues = finding.submitted !== undefined || finding.recomputed !== undefined;
  return (
    <button
      type="button"
      className={styles.button}
      onClick={() => onSelect(finding.cell)}
      title={paneText.selectCell(finding.cell)}
      data-cell={finding.cell}
    >
      <span className={styles.head}>
        <span className={styles.hidden}>{paneText.severity[finding.severity]}：</span>
        <span className={styles.cell}>{finding.cell}</span>
        {finding.label && <span className={styles.line}>{finding.label}</span>}
      </span>
      <span className={styles.line}>{finding.message}</span>
      {hasValues && (
        <span className={styles.meta}>
          {paneText.submittedValue} {formatValue(finding.submitted)} → {paneText.recomputedValue}{" "}
          {formatValue(finding.recomputed)}
        </span>
      )}
      {finding.explain && (
        <span className={styles.meta}>
          {paneText.computation} <span className={styles.explain}>{finding.explain}</span>
        </span>
      )}
    </button>
  );
}
