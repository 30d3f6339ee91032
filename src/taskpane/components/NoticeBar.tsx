/** One MessageBar for a result or an error; errors are always shown here, never only logged. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { paneText } from "../../i18n/pane";
import type { Notice } from "../notice";

export interface NoticeBarProps {
  notice: Notice;
  onDismiss?: () => void;
  /** A button of the notice's own (e.g. 重新检查). */
  action?: React.ReactNode;
  /** The role where it is not an announcement (a verdict shown beside its findings is a note). */
  role?: "note";
}

/** Renders a notice; with `onDismiss` it gets a close button. */
export function NoticeBar({ notice, onDismiss, action, role }: NoticeBarProps) {
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      role={role ?? (notice.intent === "error" ? "alert" : "status")}
    >
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        <span>{notice.text}</span>
      </MessageBarBody>
      {action && !onDismiss && <MessageBarActions>{action}</MessageBarActions>}
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label={paneText.dismiss}
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
