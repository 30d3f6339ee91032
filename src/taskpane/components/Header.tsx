/** The pane's header: the form's project name (and department), and the 审阅模式 switch. */
import * as React from "react";
import { Caption1, Subtitle2, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  app: { color: tokens.colorNeutralForeground3 },
  project: { overflowWrap: "anywhere" },
});

export interface HeaderProps {
  project: string | null;
  department?: string;
  reviewer: boolean;
  onReviewerChange: (reviewer: boolean) => void;
}

/** Shows which form is open; the project name is what staff and reviewers call a form by. */
export function Header({ project, department, reviewer, onReviewerChange }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Caption1 className={styles.app}>{paneText.appTitle}</Caption1>
      <Subtitle2 as="h1" className={styles.project}>
        {project || paneText.noProject}
      </Subtitle2>
      {department && <Caption1 className={styles.project}>{department}</Caption1>}
      <Switch
        label={paneText.reviewerMode}
        checked={reviewer}
        onChange={(_, data) => onReviewerChange(data.checked)}
        title={paneText.reviewerHint}
      />
    </header>
  );
}
