/** Browser mode: 打开文件 (a hidden file input behind a Fluent button), the sheet selector and 下载. */
import * as React from "react";
import { Button, Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { FileView } from "../../hosts/file/types";
import type { SheetStatus } from "../../core/status";
import { paneText } from "../../i18n/pane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  input: { display: "none" },
  name: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground3 },
  /** A long sheet name with its counts must not widen the pane: the list is as wide as the pane. */
  field: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, width: "100%" },
});

export interface FileBarProps {
  view: FileView;
  /** Each sheet's error / warning counts (null: not a form), when known. */
  counts?: ReadonlyMap<string, { error: number; warning: number; status?: SheetStatus } | null>;
  busy: boolean;
  onOpen: (file: File) => void;
  onChooseSheet: (name: string) => void;
  onDownload: () => void;
}

/** What the picker offers; a file of any name is read by its content all the same. */
const ACCEPT =
  ".xlsx,.xlsm,.xls,.et,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Everything stays on this machine: the file is read with File.arrayBuffer, saved through a Blob URL.
 * Buttons stay focusable while busy, so that focus never falls to the page.
 */
export function FileBar({ view, counts, busy, onOpen, onChooseSheet, onDownload }: FileBarProps) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  // An .xls / .xlsb / .ods is checked, not rewritten: no download that would lose its formatting.
  const legacy = view.fileName !== null && (view.format ?? "xlsx") !== "xlsx";
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          appearance={view.fileName ? "secondary" : "primary"}
          icon={<FolderOpenRegular />}
          disabledFocusable={busy}
          onClick={() => input.current?.click()}
        >
          {paneText.open}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={busy || !view.fileName || legacy}
          onClick={onDownload}
        >
          {paneText.download}
        </Button>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept={ACCEPT}
          aria-label={paneText.fileInput}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Reset so that opening the same file again still fires a change.
            event.currentTarget.value = "";
            if (file) onOpen(file);
          }}
        />
      </div>
      {view.fileName && <Caption1 className={styles.name}>{view.fileName}</Caption1>}
      {legacy && view.fileName && (
        <Caption1 role="note" data-testid="legacy-note">
          {paneText.legacyNote(view.fileName)}
        </Caption1>
      )}
      {view.sheets.length > 0 && (
        <Field label={paneText.chooseSheet} className={styles.field}>
          <Select
            className={styles.select}
            select={{ className: styles.select }}
            value={view.active ?? ""}
            // Not disabled while busy (a disabled list drops focus): a change then is ignored.
            onChange={(_, data) => onChooseSheet(data.value)}
          >
            {view.sheets.map((sheet) => (
              <option key={sheet.name} value={sheet.name}>
                {counts?.has(sheet.name)
                  ? paneText.sheetOption(sheet.name, counts.get(sheet.name) ?? null)
                  : sheet.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
