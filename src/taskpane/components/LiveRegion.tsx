/**
 * The pane's live region: one polite announcement of the latest change (a check's result, what a fix wrote,
 * findings gone stale), always mounted so that screen readers hear each new text.
 */
import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

export function LiveRegion({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.hidden} role="status" aria-live="polite" aria-atomic="true" data-testid="live">
      {text}
    </div>
  );
}
