/** The pane's buttons. Their accessible names are stable: 检查, 一键重算, 撤销, 检查整个工作簿. */
import * as React from "react";
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  CalculatorRegular,
  DocumentSearchRegular,
  TableSearchRegular,
} from "@fluentui/react-icons";
import { paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

export interface ActionBarProps {
  /** Whether an action is running: every button is disabled meanwhile. */
  busy: boolean;
  applying: boolean;
  /** Whether there is a sheet to check at all (file mode before a file is opened: no). */
  canCheck: boolean;
  canFix: boolean;
  canRevert: boolean;
  reviewer: boolean;
  onCheck: () => void;
  onFix: () => void;
  onRevert: () => void;
  onCheckWorkbook: () => void;
}

/** 检查 reads only; 一键重算 and 撤销 write and are absent in 审阅模式. */
export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const { busy, canCheck, reviewer } = props;
  return (
    <div className={styles.root} role="toolbar" aria-label={paneText.actionsLabel}>
      <Button
        appearance={reviewer || !props.canFix ? "primary" : "secondary"}
        icon={<DocumentSearchRegular />}
        disabled={busy || !canCheck}
        onClick={props.onCheck}
        title={paneText.checkHint}
      >
        {paneText.check}
      </Button>
      {!reviewer && (
        <Button
          appearance={props.canFix ? "primary" : "secondary"}
          icon={<CalculatorRegular />}
          disabled={busy || !props.canFix}
          onClick={props.onFix}
          title={paneText.fixHint}
        >
          {paneText.fix}
        </Button>
      )}
      {!reviewer && (
        <Button icon={<ArrowUndoRegular />} disabled={busy || !props.canRevert} onClick={props.onRevert}>
          {paneText.revert}
        </Button>
      )}
      <Button icon={<TableSearchRegular />} disabled={busy || !canCheck} onClick={props.onCheckWorkbook}>
        {paneText.checkWorkbook}
      </Button>
      {props.applying && <Spinner size="tiny" label={paneText.applying} />}
    </div>
  );
}
