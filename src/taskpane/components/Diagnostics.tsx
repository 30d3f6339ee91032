/**
 * Diagnostics (in the settings): has the host run each call the add-in makes on a scratch range and shows
 * its report as one text the user can copy and send back — the evidence a first run on a real host gives.
 */
import * as React from "react";
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { wpsText } from "../../i18n/wps";
import { errorNotice } from "../notice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, minHeight: "160px" },
});

export interface DiagnosticsProps {
  /** The host's diagnose(); absent in hosts that have none. Text is shown as it is, anything else as JSON. */
  onDiagnose?: () => Promise<unknown>;
  /** What the action does on this host (default: the WPS wording). */
  hint?: string;
}

/** Copies text: the Clipboard API where the webview has it, else a selected textarea and execCommand. */
async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    const clipboard = (navigator as { clipboard?: { writeText?: (t: string) => Promise<void> } }).clipboard;
    if (clipboard && typeof clipboard.writeText === "function") {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection.
  }
  if (!area) return false;
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

export function Diagnostics({ onDiagnose, hint }: DiagnosticsProps) {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [status, setStatus] = React.useState("");
  const area = React.useRef<HTMLTextAreaElement>(null);
  if (!onDiagnose) return <Caption1>{wpsText.diagnoseUnavailable}</Caption1>;
  const run = async () => {
    setStatus("");
    try {
      const result = await onDiagnose();
      setText(typeof result === "string" ? result : JSON.stringify(result, null, 2));
    } catch (error) {
      setText(errorNotice(error).text);
    }
  };
  const copy = async () =>
    setStatus((await copyText(text, area.current)) ? wpsText.diagnoseCopied : wpsText.diagnoseCopyFailed);
  return (
    <div className={styles.root}>
      <Field label={wpsText.diagnose} hint={hint ?? wpsText.diagnoseHint}>
        <div className={styles.buttons}>
          <Button size="small" onClick={() => void run()}>
            {wpsText.diagnoseRun}
          </Button>
          <Button size="small" disabled={text === ""} onClick={() => void copy()}>
            {wpsText.diagnoseCopy}
          </Button>
        </div>
      </Field>
      {text !== "" && (
        <Textarea
          ref={area}
          readOnly
          value={text}
          aria-label={wpsText.diagnose}
          textarea={{ className: styles.text }}
          resize="vertical"
        />
      )}
      {status !== "" && <Caption1 role="status">{status}</Caption1>}
    </div>
  );
}
