/** Browser mode: reading a workbook (in a Web Worker) shows how far it got and can be cancelled. */
import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  name: { overflowWrap: "anywhere" },
});

/** How far the read of one file got: (done, total) sheets, total 0 while the package is opened. */
export interface ReadProgress {
  name: string;
  done: number;
  total: number;
}

export interface FileProgressProps {
  progress: ReadProgress;
  onCancel: () => void;
}

export function FileProgress({ progress, onCancel }: FileProgressProps) {
  const styles = useStyles();
  const { name, done, total } = progress;
  const text = total > 0 ? paneText.readingSheets(done, total) : paneText.reading(name);
  return (
    <section className={styles.root} aria-label={paneText.reading(name)} aria-busy="true">
      <Field className={styles.name} validationMessage={text} validationState="none">
        <ProgressBar value={total > 0 ? done / total : undefined} aria-label={text} />
      </Field>
      <div>
        <Button icon={<DismissRegular />} onClick={onCancel}>
          {paneText.cancelOpen}
        </Button>
      </div>
    </section>
  );
}
