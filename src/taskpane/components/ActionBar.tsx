/**
 * The pane's buttons. Their accessible names are stable: 检查, 一键重算, 撤销, 检查整个工作簿, 全部一键重算.
 * A button that cannot act right now stays focusable (aria-disabled), so that focus never falls to the page
 * while an action runs; what each does is written under them, not only in tooltips.
 */
import * as React from "react";
import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  CalculatorRegular,
  DocumentSearchRegular,
  TableSearchRegular,
  CalculatorMultipleRegular,
} from "@fluentui/react-icons";
import { paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface ActionBarProps {
  /** Whether an action is running: every button is disabled meanwhile (and stays focusable). */
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
  onFixAll: () => void;
  /** 全部一键重算 takes focus back when its confirmation closes. */
  fixAllRef?: React.Ref<HTMLButtonElement>;
}

/** 检查 reads only; 一键重算, 全部一键重算 and 撤销 write and are absent in 审阅模式. */
export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const { busy, canCheck, reviewer } = props;
  const hintId = React.useId();
  return (
    <div className={styles.root}>
      <div
        className={styles.buttons}
        role="toolbar"
        aria-label={paneText.actionsLabel}
        aria-describedby={hintId}
      >
        <Button
          appearance={reviewer || !props.canFix ? "primary" : "secondary"}
          icon={<DocumentSearchRegular />}
          disabledFocusable={busy || !canCheck}
          onClick={props.onCheck}
          title={paneText.checkHint}
        >
          {paneText.check}
        </Button>
        {!reviewer && (
          <Button
            appearance={props.canFix ? "primary" : "secondary"}
            icon={<CalculatorRegular />}
            disabledFocusable={busy || !props.canFix}
            onClick={props.onFix}
            title={paneText.fixHint}
          >
            {paneText.fix}
          </Button>
        )}
        {!reviewer && (
          <Button
            icon={<ArrowUndoRegular />}
            disabledFocusable={busy || !props.canRevert}
            onClick={props.onRevert}
          >
            {paneText.revert}
          </Button>
        )}
        <Button
          icon={<TableSearchRegular />}
          disabledFocusable={busy || !canCheck}
          onClick={props.onCheckWorkbook}
        >
          {paneText.checkWorkbook}
        </Button>
        {!reviewer && (
          <Button
            ref={props.fixAllRef}
            icon={<CalculatorMultipleRegular />}
            disabledFocusable={busy || !canCheck}
            onClick={props.onFixAll}
          >
            {paneText.fixAll}
          </Button>
        )}
        {props.applying && <Spinner size="tiny" label={paneText.applying} />}
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {reviewer ? paneText.reviewerActionsHint : paneText.actionsHint}
      </Caption1>
    </div>
  );
}
