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
import type { FixChanges } from "../analysis";

export interface ConfirmBarProps {
  cells: number;
  sheets: number;
  /** What changes in substance: scores up and down, each form's 总分 and 评分等级 from → to. */
  changes?: FixChanges;
  onConfirm: () => void;
  onCancel: () => void;
  /** 写入 takes focus when the confirmation appears. */
  confirmRef?: React.Ref<HTMLButtonElement>;
}

export function ConfirmBar({ cells, sheets, changes, onConfirm, onCancel, confirmRef }: ConfirmBarProps) {
  const id = React.useId();
  const [counts, ...forms] = changes ? paneText.confirmChanges(changes) : [];
  return (
    <div role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={`${id}-title`}>{paneText.confirmTitle}</MessageBarTitle>
          <span id={`${id}-body`}>
            {counts}
            {paneText.confirmAll({ cells, sheets })}
          </span>
          {forms.length > 0 && (
            <ul
              aria-label={paneText.confirmChangesLabel}
              style={{ margin: 0, paddingInlineStart: "1.2em", maxHeight: "12em", overflowY: "auto" }}
            >
              {forms.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
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
