/** A long action's progress (reading every sheet, writing, checking again): a label and a ProgressBar. */
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";

export interface ProgressNoteProps {
  label: string;
  /** 0–1; undefined while the amount is unknown (an indeterminate bar). */
  value?: number;
}

export function ProgressNote({ label, value }: ProgressNoteProps) {
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} aria-label={label} />
    </Field>
  );
}
