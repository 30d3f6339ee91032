/** Findings grouped by severity (错误 / 警告 / 提示) with counts, in the order the core gives them. */
import * as React from "react";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/types";
import { paneText } from "../../i18n/pane";
import { FindingItem } from "./FindingItem";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
});

const ORDER: Severity[] = ["error", "warning", "info"];

export interface FindingListProps {
  findings: Finding[];
  onSelect: (cell: string) => void;
}

/** Empty groups are left out; each group is a labelled region. */
export function FindingList({ findings, onSelect }: FindingListProps) {
  const styles = useStyles();
  const groupId = React.useId();
  return (
    <div className={styles.root}>
      {ORDER.map((severity) => {
        const items = findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        const id = `${groupId}-${severity}`;
        return (
          <section key={severity} aria-labelledby={id}>
            <Subtitle2 as="h2" id={id} className={styles.heading}>
              <SeverityIcon severity={severity} />
              {paneText.groupTitle(paneText.severity[severity], items.length)}
            </Subtitle2>
            <ul className={styles.list}>
              {items.map((finding, i) => (
                <li key={`${finding.code}-${finding.cell}-${i}`}>
                  <FindingItem finding={finding} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
