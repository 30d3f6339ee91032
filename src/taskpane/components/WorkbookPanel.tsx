/** The whole-workbook run: a ProgressBar while reading, then one row per sheet. */
import * as React from "react";
import {
  Button,
  Field,
  ProgressBar,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatValue, formatNumber, paneText } from "../../i18n/pane";
import type { WorkbookRow } from "../analysis";
import type { WorkbookRun } from "../usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { fontSize: tokens.fontSizeBase200, minWidth: 0 },
  name: { minWidth: 0, overflowWrap: "anywhere", paddingLeft: 0, textAlign: "start", height: "auto" },
  project: { display: "block", color: tokens.colorNeutralForeground3 },
  num: { textAlign: "end", whiteSpace: "nowrap" },
  narrow: { width: "32px", textAlign: "end" },
});

export interface WorkbookPanelProps {
  run: WorkbookRun;
  onOpen: (row: WorkbookRow) => void;
}

/** Clicking a row (or its sheet name, the keyboard route) opens that sheet's findings. */
export function WorkbookPanel({ run, onOpen }: WorkbookPanelProps) {
  const styles = useStyles();
  const forms = run.rows?.filter((r) => r.analysis.report.isForm).length ?? 0;
  return (
    <section className={styles.root} aria-label={paneText.workbookTitle}>
      <Subtitle2 as="h2">{paneText.workbookTitle}</Subtitle2>
      {!run.rows && (
        <Field validationMessage={paneText.workbookProgress(run.done, run.total)} validationState="none">
          <ProgressBar
            value={run.total > 0 ? run.done / run.total : undefined}
            aria-label={paneText.workbookProgress(run.done, run.total)}
          />
        </Field>
      )}
      {run.rows && <span>{paneText.workbookSummary(forms, run.rows.length)}</span>}
      {run.rows && (
        <div className={styles.scroll}>
          <Table size="extra-small" className={styles.table} aria-label={paneText.workbookTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{paneText.sheet}</TableHeaderCell>
                <TableHeaderCell className={styles.num}>{paneText.total}</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>{paneText.grade}</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>{paneText.errors}</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>{paneText.warnings}</TableHeaderCell>
                <TableHeaderCell className={styles.narrow}>{paneText.infos}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.rows.map((row) => (
                <SheetRow key={row.grid.name} row={row} onOpen={onOpen} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function SheetRow({ row, onOpen }: { row: WorkbookRow; onOpen: (row: WorkbookRow) => void }) {
  const styles = useStyles();
  const { report } = row.analysis;
  const { counts } = row;
  return (
    <TableRow onClick={() => onOpen(row)}>
      <TableCell>
        <Button
          appearance="transparent"
          size="small"
          className={styles.name}
          aria-label={paneText.openSheetFindings(report.name)}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(row);
          }}
        >
          <span>
            {report.name}
            <span className={styles.project}>{report.isForm ? report.project : paneText.notAForm}</span>
          </span>
        </Button>
      </TableCell>
      <TableCell className={styles.num}>
        {report.isForm
          ? `${formatValue(report.total.submitted)} / ${formatNumber(report.total.recomputed)}`
          : ""}
      </TableCell>
      <TableCell className={styles.narrow}>{report.isForm ? (report.grade?.recomputed ?? "") : ""}</TableCell>
      <TableCell className={styles.narrow}>{report.isForm ? counts.error : ""}</TableCell>
      <TableCell className={styles.narrow}>{report.isForm ? counts.warning : ""}</TableCell>
      <TableCell className={styles.narrow}>{report.isForm ? counts.info : ""}</TableCell>
    </TableRow>
  );
}
