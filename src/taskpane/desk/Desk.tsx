/**
 * The reviewer's desk: many files or a folder checked at once (in the desk's worker), progress per file with
 * cancel, one table of every form with its status and a filter, a click shows a form's findings, and the
 * downloads 汇总.xlsx, 报告.html and 审核意见.zip — the documents `zpb check` writes over the same files,
 * built by src/review. Loaded on demand: none of this is in the pane's first load.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentMultipleRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { ProfileName } from "../../core/index";
import { statusRank, type FileStatus } from "../../core/status";
import {
  letterFiles,
  reportHtml,
  summaryXlsx,
  zipFiles,
  type Batch,
  type BatchRow,
} from "../../review/index";
import { reviewText } from "../../i18n/review";
import { deskText, formatCompact, paneText } from "../../i18n/pane";
import { FindingList } from "../components/FindingList";
import { rowLinkStyle } from "../components/WorkbookPanel";
import type { DeskReader } from "../../hosts/file/desk-reader";
import { saveBytes } from "../../hosts/file/download";
import { fromDrop, fromFileList, type DeskInput } from "./inputs";
import { useDesk } from "./useDesk";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  input: { display: "none" },
  drop: {
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  dropActive: { backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  items: {
    maxHeight: "10em",
    overflowY: "auto",
    margin: 0,
    paddingInlineStart: "1.2em",
    fontSize: tokens.fontSizeBase200,
  },
  item: { overflowWrap: "anywhere" },
  table: { fontSize: tokens.fontSizeBase200, tableLayout: "fixed", width: "100%" },
  numCol: { width: "44px" },
  statusCol: { width: "56px" },
  changeCol: { width: "56px" },
  num: { textAlign: "end", whiteSpace: "nowrap", paddingLeft: 0, paddingRight: tokens.spacingHorizontalXS },
  status: { whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS, paddingRight: 0 },
  name: rowLinkStyle,
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  place: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground3 },
});

export interface DeskProps {
  profile: ProfileName;
  onClose: () => void;
  /** How a document is handed to the user (default: a download link). */
  save?: (bytes: Uint8Array | string, name: string) => void;
  /** The reader of the batch's files (default: the desk's worker). */
  makeReader?: () => DeskReader;
}

/** Starts the browser's download of a document; nothing is sent anywhere. */
export function saveDocument(data: Uint8Array | string, name: string): void {
  saveBytes(data, name);
}

/** The row's name in the table: its project, else its sheet, else its file. */
function rowName(row: BatchRow): string {
  return row.project || row.sheet || row.file;
}

function statusClass(styles: ReturnType<typeof useStyles>, status: FileStatus): string | undefined {
  if (status === "pass") return styles.pass;
  if (status === "fix" || status === "unreadable" || status === "not-spreadsheet") return styles.bad;
  return styles.muted;
}

/** The documents' links: the pane saves them beside nothing, so a file is named as the batch names it. */
const links = (file: string) => file;

export default function Desk({ profile, onClose, save = saveDocument, makeReader }: DeskProps) {
  const styles = useStyles();
  const desk = useDesk(profile, makeReader);
  const { state, batch } = desk;
  const files = React.useRef<HTMLInputElement>(null);
  const folder = React.useRef<HTMLInputElement>(null);
  const earlier = React.useRef<HTMLInputElement>(null);
  const [filter, setFilter] = React.useState<FileStatus | "all">("all");
  const [chosen, setChosen] = React.useState<number | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [preparing, setPreparing] = React.useState<string | null>(null);

  React.useEffect(() => {
    folder.current?.setAttribute("webkitdirectory", "");
    folder.current?.setAttribute("directory", "");
  }, []);
  React.useEffect(() => setChosen(null), [batch]);

  const start = (inputs: DeskInput[]) => {
    if (inputs.length > 0) void desk.run(inputs);
  };
  const done = state.items.filter((i) => i.state !== "waiting" && i.state !== "reading").length;
  const rows = batch ? batch.rows.map((row, i) => ({ row, i })) : [];
  const present = [...new Set(rows.map((r) => r.row.status))].sort((a, b) => statusRank(a) - statusRank(b));
  const shown = rows.filter((r) => filter === "all" || r.row.status === filter);
  const selected = chosen !== null && batch ? batch.rows[chosen] : null;

  const download = async (what: "summary" | "report" | "letters", b: Batch) => {
    setPreparing(what);
    try {
      if (what === "summary") save(summaryXlsx(b, links), deskText.summary);
      else if (what === "report") save(reportHtml(b, links), deskText.report);
      else save(zipFiles(await letterFiles(b)), deskText.letters);
    } finally {
      setPreparing(null);
    }
  };

  return (
    <section
      className={mergeClasses(styles.root, styles.drop, dragging && styles.dropActive)}
      aria-label={deskText.title}
      onDragOver={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setDragging(false);
        if (state.running) return;
        void fromDrop(event.dataTransfer.items, event.dataTransfer.files).then(start);
      }}
    >
      <h2 className={styles.heading}>{deskText.title}</h2>
      <Caption1 className={styles.hint}>{deskText.intro}</Caption1>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<DocumentMultipleRegular />}
          disabledFocusable={state.running}
          onClick={() => files.current?.click()}
        >
          {deskText.chooseFiles}
        </Button>
        <Button
          icon={<FolderOpenRegular />}
          disabledFocusable={state.running}
          onClick={() => folder.current?.click()}
        >
          {deskText.chooseFolder}
        </Button>
        <Button appearance="subtle" onClick={onClose}>
          {deskText.close}
        </Button>
        <input
          ref={files}
          className={styles.input}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xltx,.xltm,.xlsb,.ods,.xls,.et"
          aria-label={deskText.filesInput}
          onChange={(event) => {
            const list = fromFileList(event.currentTarget.files ?? []);
            event.currentTarget.value = "";
            start(list);
          }}
        />
        <input
          ref={folder}
          className={styles.input}
          type="file"
          multiple
          aria-label={deskText.folderInput}
          onChange={(event) => {
            const list = fromFileList(event.currentTarget.files ?? []);
            event.currentTarget.value = "";
            start(list);
          }}
        />
      </div>
      <Caption1 className={styles.hint}>{deskText.dropHere}</Caption1>
      <Field label={deskText.earlier}>
        <div className={styles.buttons}>
          <Button size="small" onClick={() => earlier.current?.click()}>
            {state.earlier ? deskText.earlierChosen(state.earlier.name) : deskText.earlierInput}
          </Button>
          {state.earlier && (
            <Button size="small" appearance="subtle" onClick={() => void desk.chooseEarlier(null)}>
              {deskText.earlierClear}
            </Button>
          )}
          <input
            ref={earlier}
            className={styles.input}
            type="file"
            accept=".xlsx,.json"
            aria-label={deskText.earlierInput}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0] ?? null;
              event.currentTarget.value = "";
              void desk.chooseEarlier(file);
            }}
          />
        </div>
      </Field>
      {state.message && <Body1 role="status">{state.message}</Body1>}
      {state.items.length > 0 && (
        <section aria-label={deskText.filesList}>
          <Field label={deskText.progress(done, state.items.length)} validationState="none">
            <ProgressBar value={state.items.length > 0 ? done / state.items.length : 0} />
          </Field>
          {state.running && (
            <Button size="small" onClick={desk.cancel}>
              {deskText.cancel}
            </Button>
          )}
          <ol className={styles.items} aria-label={deskText.filesList}>
            {state.items.map((item) => (
              <li key={item.path} className={styles.item} data-state={item.state}>
                {item.path}：{deskText.itemState[item.state]}
              </li>
            ))}
          </ol>
        </section>
      )}
      {batch && (
        <>
          <Body1 data-testid="desk-counts" role="status">
            {deskText.counts(batch.counts)}
          </Body1>
          <div className={styles.buttons} role="group" aria-label={deskText.downloads}>
            {(["summary", "report", "letters"] as const).map((what) => (
              <Button
                key={what}
                size="small"
                icon={<ArrowDownloadRegular />}
                disabledFocusable={preparing !== null}
                onClick={() => void download(what, batch)}
              >
                {preparing === what ? deskText.preparing : deskText[what]}
              </Button>
            ))}
          </div>
          <Field label={deskText.filter}>
            <Select value={filter} onChange={(_, data) => setFilter(data.value as FileStatus | "all")}>
              <option value="all">{`${deskText.all}（${rows.length}）`}</option>
              {present.map((status) => (
                <option key={status} value={status}>
                  {`${paneText.status[status]}（${rows.filter((r) => r.row.status === status).length}）`}
                </option>
              ))}
            </Select>
          </Field>
          <Table size="extra-small" className={styles.table} aria-label={deskText.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{deskText.form}</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.numCol, styles.num)}>
                  {deskText.total}
                </TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.statusCol, styles.status)}>
                  {deskText.status}
                </TableHeaderCell>
                {batch.since && (
                  <TableHeaderCell className={mergeClasses(styles.changeCol, styles.status)}>
                    {deskText.change}
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map(({ row, i }) => (
                <TableRow
                  key={i}
                  className={chosen === i ? styles.current : undefined}
                  data-status={row.status}
                >
                  <TableCell>
                    <button
                      type="button"
                      className={styles.name}
                      title={`${rowName(row)}（${deskText.place(row.file, row.sheet)}）`}
                      aria-label={deskText.rowLabel(rowName(row), paneText.status[row.status])}
                      onClick={() => setChosen(i)}
                    >
                      {rowName(row)}
                    </button>
                  </TableCell>
                  <TableCell className={styles.num}>
                    {row.total.recomputed !== null ? formatCompact(row.total.recomputed) : ""}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.status, statusClass(styles, row.status))}>
                    {paneText.status[row.status]}
                  </TableCell>
                  {batch.since && (
                    <TableCell className={styles.status}>
                      {row.change ? reviewText.change[row.change] : ""}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {shown.length === 0 && <Caption1>{deskText.none}</Caption1>}
          {selected && (
            <section aria-label={deskText.details}>
              <h3 className={styles.subheading}>{rowName(selected)}</h3>
              <Caption1 className={styles.place}>
                {deskText.place(selected.file, selected.sheet)} · {paneText.status[selected.status]}
              </Caption1>
              {selected.findings.length > 0 ? (
                <FindingList findings={selected.findings} onSelect={() => undefined} />
              ) : (
                <Body1>{selected.main || deskText.noFindings}</Body1>
              )}
            </section>
          )}
        </>
      )}
    </section>
  );
}
