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
  enabled: boolean;
  onFile: (file: File) => void;
  children: React.ReactNode;
}

/** Wraps the pane; outside browser mode it only renders its children. */
export function DropZone({ enabled, onFile, children }: DropZoneProps) {
  const styles = useStyles();
  const [over, setOver] = React.useState(false);
  if (!enabled) return <>{children}</>;
  return (
    <div
      className={mergeClasses(styles.root, over && styles.over)}
      onDragOver={(event) => {
        // Without preventDefault the browser would open the file itself instead of dropping it here.
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files?.[0];
        if (file) onFile(file);
      }}
    >
      {children}
    </div>
  );
}
