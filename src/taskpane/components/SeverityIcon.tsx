/** The icon of a severity, so that severity is never told by color alone. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleFilled, InfoRegular, WarningFilled } from "@fluentui/react-icons";
import type { Severity } from "../../core/types";

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

/** Decorative: the text next to it names the severity. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  switch (severity) {
    case "error":
      return <ErrorCircleFilled aria-hidden className={styles.error} />;
    case "warning":
      return <WarningFilled aria-hidden className={styles.warning} />;
    case "info":
      return <InfoRegular aria-hidden className={styles.info} />;
  }
}
