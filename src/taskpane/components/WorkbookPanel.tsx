/**
 * The whole-workbook run: one row per sheet, errors first, a 只看有问题 filter, one line per sheet name
 * (ellipsis; the full name on hover and in the row's accessible name) and compact numbers, so that 70 forms
 * fit a 320 px pane. Opening a row shows that sheet's findings (the App moves focus there).
 */
import * as React from "react";
import {
  Body1,
  Switch,
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
import { formatCompact, paneText } from "../../i18n/pane";
import { byStatus, countByStatus, type WorkbookRow } from "../analysis";
import type { WorkbookRun } from "../usePane";

/** A table row's name as a link-like button that fills its cell, cut with an ellipsis (also the desk's). */
export const rowLinkStyle = {
  display: "block",
  width: "100%",
  overflow: "hidden",
  textOverflow: "ellipsis",
  whiteSpace: "nowrap",
  textAlign: "start",
  font: "inherit",
  color: tokens.colorBrandForegroundLink,
  background: "none",
  border: "none",
  padding: 0,
  cursor: "pointer",
  ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { fontSize: tokens.fontSizeBase200, tableLayout: "fixed", width: "100%" },
  nameCol: { width: "auto" },
  numCol: { width: "48px" },
  gradeCol: { width: "28px" },
  countCol: { width: "30px" },
  statusCol: { width: "52px" },
  status: { whiteSpace: "nowrap", paddingLeft: tokens.spacingHorizontalXS, paddingRight: 0 },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  name: rowLinkStyle,
  num: { textAlign: "end", whiteSpace: "nowrap", paddingLeft: 0, paddingRight: tokens.spacingHorizontalXS },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

export interface WorkbookPanelProps {
  run: WorkbookRun;
  /** The sheet the findings show, marked in the table. */
  current: string | null;
  onOpen: (row: WorkbookRow) => void;
  headingRef?: React.Ref<HTMLHeadingElement>;
}

/** Worst status first (未能读取, 需修改, 未评分, 通过, 不是自评表), more errors and warnings first within. */
export function sortRows(rows: readonly WorkbookRow[]): WorkbookRow[] {
  return byStatus(rows);
}

/** A row that needs a look: any status but 通过 and 不是自评表, or warnings. */
function hasProblem(row: WorkbookRow): boolean {
  return (row.status !== "pass" && row.status !== "no-form") || row.counts.warning > 0;
}

export function WorkbookPanel({ run, current, onOpen, headingRef }: WorkbookPanelProps) {
  const styles = useStyles();
  const [onlyProblems, setOnlyProblems] = React.useState(false);
  const rows = run.rows;
  if (!rows) return null;
  const forms = rows.filter((r) => r.isForm);
  const shown = sortRows(rows).filter((r) => !onlyProblems || hasProblem(r));
  return (
    <section className={styles.root} aria-label={paneText.workbookTitle}>
      <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
        {paneText.workbookTitle}
      </h2>
      <Body1>
        <span>{paneText.workbookSummary(forms.length, rows.length)}</span>
        <span data-testid="workbook-status">{paneText.workbookStatus(countByStatus(forms))}</span>
      </Body1>
      <Switch
        label={paneText.onlyProblems}
        checked={onlyProblems}
        onChange={(_, data) => setOnlyProblems(data.checked)}
      />
      <Table size="extra-small" className={styles.table} aria-label={paneText.workbookTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameCol}>{paneText.sheet}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.numCol, styles.num)}>
              {paneText.total}
            </TableHeaderCell>
            <TableHeaderCell
              className={mergeClasses(styles.gradeCol, styles.num)}
              aria-label={paneText.grade}
            >
              {paneText.gradeShort}
            </TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.statusCol, styles.status)}>
              {paneText.statusColumn}
            </TableHeaderCell>
            <TableHeaderCell
              className={mergeClasses(styles.countCol, styles.num)}
              aria-label={paneText.errors}
            >
              {paneText.errorsShort}
            </TableHeaderCell>
            <TableHeaderCell
              className={mergeClasses(styles.countCol, styles.num)}
              aria-label={paneText.warnings}
            >
              {paneText.warningsShort}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((row) => (
            <SheetRow key={row.grid.name} row={row} current={row.grid.name === current} onOpen={onOpen} />
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function SheetRow(props: { row: WorkbookRow; current: boolean; onOpen: (row: WorkbookRow) => void }) {
  const { row, current, onOpen } = props;
  const styles = useStyles();
  const { counts, analysis } = row;
  const name = analysis.name || row.grid.name;
  const first = analysis.forms[0]?.report;
  const project = analysis.forms
    .map((f) => f.report.project)
    .filter(Boolean)
    .join("、");
  const total =
    analysis.forms.length > 1
      ? paneText.formsCount(analysis.forms.length)
      : first?.total.recomputed !== null && first?.total.recomputed !== undefined
        ? formatCompact(first.total.recomputed)
        : "";
  const full = project ? `${name} — ${project}` : name;
  return (
    <TableRow className={current ? styles.current : undefined} aria-current={current ? "true" : undefined}>
      <TableCell>
        <button
          type="button"
          className={styles.name}
          title={row.isForm ? full : `${name}（${paneText.notAForm}）`}
          aria-label={
            row.isForm
              ? paneText.sheetRowLabel(name, project, counts.error, counts.warning, row.status)
              : `${paneText.openSheetFindings(name)}（${paneText.notAForm}）`
          }
          onClick={() => onOpen(row)}
        >
          {name}
        </button>
      </TableCell>
      <TableCell className={styles.num}>{row.isForm ? total : ""}</TableCell>
      <TableCell className={styles.num}>
        {analysis.forms.length === 1 ? (first?.grade.recomputed ?? "") : ""}
      </TableCell>
      <TableCell
        className={mergeClasses(
          styles.status,
          row.status === "pass" && styles.pass,
          (row.status === "fix" || row.status === "unreadable") && styles.bad,
          (row.status === "unscored" || row.status === "no-form") && styles.muted
        )}
        data-status={row.status}
      >
        {row.isForm ? paneText.status[row.status] : ""}
      </TableCell>
      <TableCell className={mergeClasses(styles.num, counts.error > 0 && styles.bad)}>
        {row.isForm ? counts.error : ""}
      </TableCell>
      <TableCell className={mergeClasses(styles.num, counts.warning > 0 && styles.warn)}>
        {row.isForm ? counts.warning : ""}
      </TableCell>
    </TableRow>
  );
}
