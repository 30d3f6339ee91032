/** Browser mode: the whole pane accepts a dropped .xlsx file. */
import * as React from "react";
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    minHeight: "100%",
    boxSizing: "border-box",
    ...shorthands.border(tokens.strokeWidthThick, "dashed", "transparent"),
  },
  over: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export interface DropZoneProps {
  /** Browser mode: the pane takes dropped files. Fixed for the pane's life (the host never changes). */
  enabled: boolean;
  /** While an action runs a drop is ignored; the zone stays mounted so that focus and open panels stay. */
  busy: boolean;
  onFile: (file: File) => void;
  children: React.ReactNode;
}

/** Wraps the pane; outside browser mode it only renders its children. */
export function DropZone({ enabled, busy, onFile, children }: DropZoneProps) {
  const styles = useStyles();
  const [over, setOver] = React.useState(false);
  if (!enabled) return <>{children}</>;
  return (
    <div
      className={mergeClasses(styles.root, over && styles.over)}
      onDragOver={(event) => {
        // Without preventDefault the browser would open the file itself (leaving the pane), even when busy.
        event.preventDefault();
        setOver(!busy);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files?.[0];
        if (file && !busy) onFile(file);
      }}
    >
      {children}
    </div>
  );
}
