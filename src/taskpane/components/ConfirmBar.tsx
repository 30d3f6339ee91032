/** The confirmation of 全部一键重算: how many cells on how many sheets will be written; 写入 or 取消. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { paneText } from "../../i18n/pane";

export interface ConfirmBarProps {
  cells: number;
  sheets: number;
  onConfirm: () => void;
  onCancel: () => void;
  /** 写入 takes focus when the confirmation appears. */
  confirmRef?: React.Ref<HTMLButtonElement>;
}

export function ConfirmBar({ cells, sheets, onConfirm, onCancel, confirmRef }: ConfirmBarProps) {
  const id = React.useId();
  return (
    <div role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={`${id}-title`}>{paneText.confirmTitle}</MessageBarTitle>
          <span id={`${id}-body`}>{paneText.confirmAll({ cells, sheets })}</span>
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" ref={confirmRef} onClick={onConfirm}>
            {paneText.confirmWrite}
          </Button>
          <Button onClick={onCancel}>{paneText.confirmCancel}</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
