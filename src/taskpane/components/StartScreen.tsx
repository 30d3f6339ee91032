/**
 * What the pane shows inside Office before it can work: "正在连接 Excel…" (with a retry once Office is
 * slow), the Excel it needs when the running one is too old, or that office.js did not load.
 */
import * as React from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { excelText } from "../../i18n/excel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
  },
});

export type StartState =
  { kind: "connecting"; slow: boolean } | { kind: "old-excel"; needed: string } | { kind: "no-office-js" };

export interface StartScreenProps {
  state: StartState;
  onRetry: () => void;
}

export function StartScreen({ state, onRetry }: StartScreenProps) {
  const styles = useStyles();
  const retry = (
    <Button appearance="primary" onClick={onRetry}>
      {excelText.retry}
    </Button>
  );
  switch (state.kind) {
    case "connecting":
      return (
        <div className={styles.root} aria-busy={!state.slow}>
          <Spinner label={excelText.connecting} labelPosition="below" />
          {state.slow && (
            <>
              <Body1 role="status">{excelText.connectingSlow}</Body1>
              <div>{retry}</div>
            </>
          )}
        </div>
      );
    case "old-excel":
      return (
        <div className={styles.root}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{excelText.needExcelTitle}</MessageBarTitle>
              {excelText.needExcel(state.needed)}
            </MessageBarBody>
          </MessageBar>
        </div>
      );
    case "no-office-js":
      return (
        <div className={styles.root}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{excelText.noOfficeJs}</MessageBarBody>
          </MessageBar>
          <div>{retry}</div>
        </div>
      );
  }
}
